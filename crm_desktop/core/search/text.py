"""Pure text functions for the search index: normalization, CJK grams, pinyin, phone digits.

Everything here is deterministic and Qt-free. The same functions shape what is stored and
what is asked, so a query matches exactly when its normalized form occurs in the stored form.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache

import phonenumbers

# Han ideographs (pinyin applies), plus kana and Hangul: scripts written without spaces,
# so 1–2 character substrings of them are meaningful queries.
_HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_CJK = _HAN + "\u3040-\u30ff\u31f0-\u31ff\uac00-\ud7af"
_HAN_RUN = re.compile(f"[{_HAN}]+")
_CJK_RUN = re.compile(f"[{_CJK}]+")
_WORD = re.compile(f"[^\\W{_CJK}]+")  # letters/digits that are not CJK
_SPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f\x7f-\x9f]+")
_PHONE_QUERY = re.compile(r"\+?[\d\s().\-/]+")
_ACCENTS = re.compile("[\u0300-\u036f]")  # combining diacritics (Latin, Greek, Cyrillic)
# Text that normalize() leaves as it is: lowercase ASCII letters, digits, the punctuation of
# emails and CJK Unified Ideographs have no NFKC decomposition, no case and no accents (the
# compatibility ideographs U+F900… do decompose, so they are not here), in words separated by
# single spaces.
_NORMAL_WORD = "[0-9a-z@._+\\-\u4e00-\u9fff]+"
_ALREADY_NORMAL = re.compile(f"{_NORMAL_WORD}(?: {_NORMAL_WORD})*")

MIN_PHONE_DIGITS = 3
_SHORT_RUN = 4  # Han runs up to this length are spelled per character unless a phrase
_NON_DIGITS = re.compile(r"[^0-9]+")


def normalize(text: str) -> str:
    """NFKC, casefold, strip Latin accents, collapse whitespace/control characters to one space.

    Full-width letters and digits become ASCII (NFKC); ``José`` becomes ``jose``.
    Only combining diacritics U+0300–U+036F are removed, so kana voicing marks survive.
    """
    if not text:
        return ""
    if _ALREADY_NORMAL.fullmatch(text):  # most names and numbers: five times faster
        return text
    return normalize_fully(text)


def normalize_fully(text: str) -> str:
    """What normalize() does with text that is not already normal."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    if not folded.isascii():
        stripped = _ACCENTS.sub("", unicodedata.normalize("NFD", folded))
        folded = unicodedata.normalize("NFC", stripped)
    return _SPACE_OR_CONTROL.sub(" ", folded).strip()


def is_cjk(ch: str) -> bool:
    """True for a Han, kana or Hangul character."""
    return bool(_CJK_RUN.fullmatch(ch))


def has_han(text: str) -> bool:
    """True if the text contains at least one Han ideograph."""
    return _HAN_RUN.search(text) is not None


def cjk_grams(text: str) -> str:
    """Each CJK character and each adjacent CJK bigram, space separated: 张伟 → 张 伟 张伟."""
    grams: list[str] = []
    for run in _CJK_RUN.findall(text):
        grams.extend(run)
        grams.extend(run[i : i + 2] for i in range(len(run) - 1))
    return " ".join(dict.fromkeys(grams))


def mark_cjk(text: str, mark: str = "\x1f") -> str:
    """Put ``mark`` before and after every CJK character: ``a张伟`` → ``a·张·伟·`` (· = mark).

    The trigram tokenizer cannot match 1–2 character queries. Stored and queried through
    this function, a CJK character becomes the trigram ``·张·`` and an adjacent pair ``张·伟``,
    so any CJK substring of 1+ characters is a 3+ character phrase, and the map keeps
    substrings: q occurs in s exactly when mark_cjk(q) occurs in mark_cjk(s).
    """
    if text.isascii():
        return text
    return _CJK_RUN.sub(lambda m: mark + mark.join(m.group()) + mark, text)


def words(text: str) -> list[str]:
    """Non-CJK letter/digit runs of normalized text: ``wang.li@x.com`` → wang li x com."""
    return _WORD.findall(text)


def digits(text: str) -> str:
    """Only the ASCII digits of the text (after NFKC, so full-width digits count)."""
    return _NON_DIGITS.sub("", unicodedata.normalize("NFKC", text))


def looks_like_phone(query: str) -> bool:
    """True if the query is only phone punctuation and at least three digits (``138-0013``)."""
    q = unicodedata.normalize("NFKC", query).strip()
    return bool(_PHONE_QUERY.fullmatch(q)) and len(digits(q)) >= MIN_PHONE_DIGITS


@lru_cache(maxsize=512)
def _trunk_prefix(country_code: int) -> str:
    region = phonenumbers.region_code_for_country_code(country_code)
    meta = phonenumbers.PhoneMetadata.metadata_for_region(region, None)
    return (meta.national_prefix or "") if meta is not None else ""


def _split_country_code(all_digits: str) -> tuple[int, str] | None:
    for size in (1, 2, 3):  # country calling codes are prefix-free
        code = int(all_digits[:size] or 0)
        if code in phonenumbers.COUNTRY_CODE_TO_REGION_CODE:
            return code, all_digits[size:]
    return None


def phone_digit_forms(phone: str) -> list[str]:
    """Digit strings under which a stored phone is findable by any digit run.

    For E.164 ``+8613800138000`` → ``["8613800138000", "013800138000"]``: the international
    digits and the national form with trunk prefix, which contains the bare national number.
    """
    all_digits = digits(phone)
    if not all_digits:
        return []
    forms = [all_digits]
    split = _split_country_code(all_digits) if phone.lstrip().startswith("+") else None
    if split is not None:
        national = _trunk_prefix(split[0]) + split[1]
        if national and national not in all_digits:
            forms.append(national)
    return forms


# ---------------------------------------------------------------- pinyin


# Surname readings that differ from a character's everyday reading (曾 zeng, not ceng).
SURNAME_READINGS = {
    "曾": "zeng", "单": "shan", "解": "xie", "朴": "piao", "区": "ou", "查": "zha", "仇": "qiu",
    "乐": "yue", "盖": "ge", "缪": "miao", "召": "shao", "覃": "qin", "秘": "bi", "种": "chong",
    "繁": "po", "员": "yun", "翟": "zhai", "祭": "zhai", "藏": "zang", "句": "gou", "能": "nai",
    "阚": "kan", "卜": "bu", "薄": "bo", "隗": "wei", "适": "kuo", "洗": "xian", "重": "chong",
    "折": "she",
}


@lru_cache(maxsize=1)
def _phrases() -> Mapping[str, object]:
    """pypinyin's phrase dictionary, loaded on first use: it costs ~0.15 s, and most `crm`
    calls (lists, shows, Latin searches) never need it."""
    from pypinyin.constants import PHRASES_DICT

    return PHRASES_DICT


def _in_phrase_dict(run: str) -> bool:
    return any(
        run[i:j] in _phrases() for i in range(len(run)) for j in range(i + 2, len(run) + 1)
    )


@lru_cache(maxsize=65536)
def _run_syllables(run: str) -> tuple[str, ...]:
    """Toneless syllables of a run of Han characters, using pypinyin's phrase context.

    Short runs that contain no known phrase (most personal names) are spelled character by
    character from a per-character cache: the same result as pypinyin, ~10x cheaper.
    """
    if len(run) <= _SHORT_RUN and not _in_phrase_dict(run):
        return tuple(_single_reading(ch) for ch in run)
    from pypinyin import Style, lazy_pinyin

    return tuple(lazy_pinyin(run, style=Style.NORMAL))


@lru_cache(maxsize=32768)
def _single_reading(ch: str) -> str:
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(ch, style=Style.NORMAL)[0]


@lru_cache(maxsize=65536)
def pinyin_syllables(text: str) -> tuple[tuple[str, ...], ...]:
    """Syllable sequences for each Han run in the text; a name-length run (2–4 characters)
    whose first character reads differently as a surname also gets that variant
    (曾国藩: ceng… and zeng…; 单田芳: dan… and shan…)."""
    out: list[tuple[str, ...]] = []
    for run in _HAN_RUN.findall(text):
        main = _run_syllables(run)
        out.append(main)
        surname = SURNAME_READINGS.get(run[0])
        if surname and surname != main[0] and 2 <= len(run) <= _SHORT_RUN:
            out.append((surname, *main[1:]))
    return tuple(out)


def pinyin_forms(text: str) -> list[str]:
    """Full spelling, spaced spelling and initials of the Han text: 张伟 → zhangwei, zhang wei, zw.

    Non-Chinese parts are skipped; each Han run of mixed text gives its own forms.
    """
    forms: list[str] = []
    for syllables in pinyin_syllables(text):
        forms += ["".join(syllables), " ".join(syllables), "".join(s[0] for s in syllables)]
    return list(dict.fromkeys(f for f in forms if f))


def compact_spellings(text: str) -> str:
    """The pinyin forms of the Han text without spaces, space separated: 张伟 → ``zhangwei zw``.

    What the index stores per title, so that ranking a Latin query needs no pypinyin ("" for
    text without Han; pypinyin is not loaded then).
    """
    return " ".join(dict.fromkeys(form.replace(" ", "") for form in pinyin_forms(text)))


# ---------------------------------------------------------------- queries


def query_terms(query: str) -> list[str]:
    """Normalized, whitespace-separated terms of a user query ([] for a blank query).

    A query that looks like a phone number becomes a single digits-only term, so
    ``138-0013-8000`` and ``+86 138 0013 8000`` match the stored digit forms.
    """
    if looks_like_phone(query):
        return [digits(query)]
    return normalize(query).split()


# ---------------------------------------------------------------- list order

SORT_KEY_SEPARATOR = "\x1f"  # below every printable character: 张伟 sorts before 张伟国


def sort_key(name: str) -> str:
    """The key a contact list is ordered by: pinyin order, as on a phone, mixed with Latin names.

    The name normalized (casefolded, accents stripped), each Han run spelled in toneless pinyin
    one syllable per word (a 2–4 character name starting with a surname read differently takes
    that reading: 曾 zeng), then the name as written so that equal readings keep one stable
    order: 张伟 → ``zhang wei\\x1f张伟``, between ``zhan…`` and ``zhao…``; Anna → ``anna\\x1fAnna``.
    """
    text = normalize(name)
    if not text:
        return ""
    parts: list[str] = []
    position = 0
    for match in _HAN_RUN.finditer(text):
        run = match.group()
        syllables = list(_run_syllables(run))
        surname = SURNAME_READINGS.get(run[0])
        if surname and match.start() == 0 and 2 <= len(run) <= _SHORT_RUN:
            syllables[0] = surname
        parts += [text[position:match.start()], " ".join(syllables)]
        position = match.end()
    parts.append(text[position:])
    reading = " ".join(" ".join(parts).split())
    return f"{reading}{SORT_KEY_SEPARATOR}{name.strip()}"
