"""What is stored for a document and what is asked for a query, as FTS5 trigram text.

One normalized text per document goes into an FTS5 ``trigram`` table. Trigrams match any
substring of 3+ characters; two encodings make shorter queries 3+ characters long too:

* CJK text (names, titles, bodies alike) is stored through :func:`text.mark_cjk`, which puts
  ``CJK_MARK`` around every CJK character. ``张`` is then asked as ``·张·`` and ``明华`` as
  ``·明·华·``: 1- and 2-character Chinese substrings are ordinary trigram phrases. It costs
  one extra character per CJK character (a unigram + bigram index, in trigram form).
* Short *keys* serve 1–2 character Latin queries as word prefixes: the first two letters of
  every word of a title, name or email, of every pinyin syllable of a name, and every
  2-letter window of a name's pinyin initials (``oymh`` → oy ym mh h, so ``mh`` finds
  欧阳明华 as ``明华`` does). Each is stored as ``KEY_MARK + key``; a 1–2 character term
  ``zw`` is asked as ``KEY_MARK + "zw"``, i.e. "some key starts with zw".

Marks are control characters, which normalized text never contains, so a query can only
match a key or a marked character where it should. Query terms never contain whitespace
and fields are joined by a newline, so no match spans two fields.

Every trigram costs index space and insert time, so what cannot change a match is left out
(:func:`_slim`): a field shorter than 3 characters (no trigram of its own), a field that
occurs inside another one (a contact's family name inside the full name, ``zhuge`` inside
``zhugelan``), a 1-letter key that begins a 2-letter key. Keys are joined with nothing
between them: ``KEY_MARK`` already starts each one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from crm_desktop.core.search import text as t

CJK_MARK = "\x1f"
KEY_MARK = "\x1e\x1e"
_FIELD_SEP = "\n"
_MIN_FIELD = 3  # the trigram tokenizer indexes nothing of a shorter field


@dataclass(frozen=True)
class SearchDoc:
    """What one record contributes to the index.

    ``title`` is displayed and searchable (substrings, Latin word prefixes); ``names`` are
    person/company names, also searchable by pinyin (put a contact's name here);
    ``phones`` are E.164 strings, findable by any digit run; ``body`` is long free text.
    ``subtitle`` is displayed only.
    """

    kind: str
    row_id: str
    title: str
    subtitle: str = ""
    names: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    body: str = ""


def _word_keys(text: str) -> list[str]:
    return [w[:2] for w in t.words(text)]


class IndexText(NamedTuple):
    """What the index stores for one document besides what it displays."""

    title_key: str  # the normalized title: exact and prefix matches on the title
    title_pinyin: str  # the title's compact pinyin spellings, "zhangwei zw" (see index_text)
    terms: str  # the FTS text


@lru_cache(maxsize=65536)
def _name_terms(name: str) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    """Stored fields, short keys and compact pinyin spellings of one normalized name (cached:
    names repeat)."""
    keys = _word_keys(name)
    spellings = [t.mark_cjk(name, CJK_MARK)]
    compact: list[str] = []
    for syllables in t.pinyin_syllables(name):
        initials = "".join(s[0] for s in syllables)
        compact += ["".join(syllables), initials]
        keys += [s[:2] for s in syllables]
        keys += [initials[i : i + 2] for i in range(len(initials))]
    spellings += compact
    return (tuple(dict.fromkeys(spellings)), tuple(keys),
            " ".join(dict.fromkeys(f for f in compact if f)))


def index_text(doc: SearchDoc) -> IndexText:
    """The normalized title, its pinyin spellings and the FTS text of one document, each field
    normalized once. The title gets spellings only when it is one of the document's names
    (whose pinyin the FTS text indexes); other titles, e.g. a note's first line, get "" and are
    not searchable by pinyin either."""
    title, title_pinyin, fields, keys = index_parts(doc)
    return IndexText(title, title_pinyin, _slim(fields, keys))


def index_parts(doc: SearchDoc) -> tuple[str, str, list[str], list[str]]:
    """What index_text is made of: the normalized title, its pinyin spellings, and every field
    and key of the document, repeats included."""
    fields: list[str] = []
    keys: list[str] = []
    names = dict.fromkeys(n for n in map(t.normalize, doc.names) if n)
    title = t.normalize(doc.title)
    body = t.normalize(doc.body)
    title_pinyin = ""
    if title and title not in names:
        if title not in body:  # a note's title is often the start of its body
            fields.append(t.mark_cjk(title, CJK_MARK))
        keys += _word_keys(title)
    for name in names:
        stored, name_keys, spelled = _name_terms(name)
        fields += stored
        keys += name_keys
        if name == title:
            title_pinyin = spelled
    for email in map(t.normalize, doc.emails):
        fields.append(t.mark_cjk(email, CJK_MARK))
        keys += _word_keys(email)
    for phone in doc.phones:
        fields += t.phone_digit_forms(phone)
    if body:
        fields.append(t.mark_cjk(body, CJK_MARK))
    return title, title_pinyin, fields, keys


def _slim(fields: list[str], keys: list[str]) -> str:
    """The FTS text of the fields and keys without what adds no match (see the module doc).

    Fields come longest-first in practice (a full name before its parts), so one pass that
    keeps a field unless it occurs in the text kept so far drops nearly every repeat (normalized
    text holds no newline, so occurring in the joined text means occurring in one field)."""
    stored = ""
    for field in fields:
        if len(field) >= _MIN_FIELD and field not in stored:
            stored = f"{stored}{_FIELD_SEP}{field}" if stored else field
    unique_keys = dict.fromkeys(keys)
    begun = {key[0] for key in unique_keys if len(key) > 1}
    kept_keys = [key for key in unique_keys if len(key) > 1 or key not in begun]
    if not kept_keys:
        return stored
    key_text = KEY_MARK + KEY_MARK.join(kept_keys)
    return f"{stored}{_FIELD_SEP}{key_text}" if stored else key_text


def phrase_text(term: str) -> str:
    """The text a normalized query term is looked up as: a document matches the term exactly
    when its FTS text contains this (trigram phrases of 3+ characters match substrings)."""
    marked = t.mark_cjk(term, CJK_MARK)
    if marked == term and len(term) < 3:
        marked = KEY_MARK + term
    return marked


def _phrase(term: str) -> str:
    """One FTS5 phrase for a normalized term, double quotes escaped (FTS5 syntax is inert)."""
    return '"' + phrase_text(term).replace('"', '""') + '"'


def match_expression(terms: Sequence[str]) -> str:
    """The FTS5 MATCH expression for normalized query terms: every term must match."""
    return " AND ".join(_phrase(term) for term in terms)
