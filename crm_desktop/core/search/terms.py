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
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from crm_desktop.core.search import text as t

CJK_MARK = "\x1f"
KEY_MARK = "\x1e\x1e"
_KEY_JOIN = " " + KEY_MARK
_FIELD_SEP = "\n"


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
def _name_terms(name: str) -> tuple[str, tuple[str, ...], str]:
    """Stored text, short keys and compact pinyin spellings of one normalized name (cached:
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
    return (_FIELD_SEP.join(dict.fromkeys(spellings)), tuple(keys),
            " ".join(dict.fromkeys(f for f in compact if f)))


def index_text(doc: SearchDoc) -> IndexText:
    """The normalized title, its pinyin spellings and the FTS text of one document, each field
    normalized once. The title gets spellings only when it is one of the document's names
    (whose pinyin the FTS text indexes); other titles, e.g. a note's first line, get "" and are
    not searchable by pinyin either."""
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
        fields.append(stored)
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
    if keys:
        fields.append(KEY_MARK + _KEY_JOIN.join(dict.fromkeys(keys)))
    return IndexText(title, title_pinyin, _FIELD_SEP.join(fields))


def _phrase(term: str) -> str:
    """One FTS5 phrase for a normalized term, double quotes escaped (FTS5 syntax is inert)."""
    marked = t.mark_cjk(term, CJK_MARK)
    if marked == term and len(term) < 3:
        marked = KEY_MARK + term
    return '"' + marked.replace('"', '""') + '"'


def match_expression(terms: Sequence[str]) -> str:
    """The FTS5 MATCH expression for normalized query terms: every term must match."""
    return " AND ".join(_phrase(term) for term in terms)
