"""Pure text functions for the search index: normalization, CJK grams, pinyin, phone digits.

Everything here is deterministic and Qt-free. The same functions shape what is stored and
what is asked, so a query matches exactly when its normalized form occurs in the stored form.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import phonenumbers
from pypinyin import Style, lazy_pinyin, pinyin
from pypinyin.constants import PINYIN_DICT

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

MIN_PHONE_DIGITS = 3


def normalize(text: str) -> str:
    """NFKC, casefold, strip Latin accents, collapse whitespace/control characters to one space.

    Full-width letters and digits become ASCII (NFKC); ``José`` becomes ``jose``.
    Only combining diacritics U+0300–U+036F are removed, so kana voicing marks survive.
    """
    if not text:
        return ""
    folded = unicodedata.normalize("NFKC", text).casefold()
    if not folded.isascii():
        folded = unicodedata.normalize("NFC", _ACCENTS.sub("", unicodedata.normalize("NFD", folded)))
    return _SPACE_OR_CONTROL.sub(" ", folded).strip()


def is_cjk(ch: str) -> bool:
    """True for a Han, kana or Hangul character."""
    return bool(_CJK_RUN.fullmatch(ch))


def has_han(text: str) -> bool:
    """True if the text contains at least one Han ideograph."""
    return _HAN_RUN.search(text) is not None


def cjk_grams(text: str) -> str:
    """Each CJK character and each adjacent CJK bigram, space separated (``张伟`` → ``张 伟 张伟``)."""
    grams: list[str] = []
    for run in _CJK_RUN.findall(text):
        grams.extend(run)
        grams.extend(run[i : i + 2] for i in range(len(run) - 1))
    return " ".join(dict.fromkeys(grams))


def cjk_windows(text: str) -> list[str]:
    """Two-character windows at every CJK position (the last one is a single character).

    ``欧阳明华`` → ``欧阳 阳明 明华 华``. Every 1–2 character substring of a CJK run is the
    prefix of one of these windows, which is what the short-query path matches on.
    """
    out: list[str] = []
    for run in _CJK_RUN.findall(text):
        out.extend(run[i : i + 2] for i in range(len(run)))
    return out


def words(text: str) -> list[str]:
    """Non-CJK letter/digit runs of already normalized text (``wang.li@x.com`` → wang, li, x, com)."""
    return _WORD.findall(text)


def digits(text: str) -> str:
    """Only the ASCII digits of the text (after NFKC, so full-width digits count)."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if "0" <= ch <= "9")


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


def _readings(ch: str) -> list[str]:
    """All toneless readings of one Han character (``曾`` → ``["ceng", "zeng"]``)."""
    return list(dict.fromkeys(pinyin(ch, style=Style.NORMAL, heteronym=True)[0]))


@lru_cache(maxsize=65536)
def _run_syllables(run: str) -> tuple[str, ...]:
    """Toneless syllables of a run of Han characters, using pypinyin's phrase context."""
    if all("," not in PINYIN_DICT.get(ord(ch), ",") for ch in run):
        return tuple(_single_reading(ch) for ch in run)  # no polyphones: per-character is exact
    return tuple(lazy_pinyin(run, style=Style.NORMAL))


@lru_cache(maxsize=32768)
def _single_reading(ch: str) -> str:
    return lazy_pinyin(ch, style=Style.NORMAL)[0]


@lru_cache(maxsize=65536)
def pinyin_syllables(text: str) -> tuple[tuple[str, ...], ...]:
    """Syllable sequences for each Han run in the text; name-length runs (2–4 characters) also
    get a variant per other reading of their first character, the surname position
    (曾 zeng/ceng, 单 shan/dan)."""
    out: list[tuple[str, ...]] = []
    for run in _HAN_RUN.findall(text):
        main = _run_syllables(run)
        out.append(main)
        if 2 <= len(run) <= 4 and "," in PINYIN_DICT.get(ord(run[0]), ""):
            out.extend((alt, *main[1:]) for alt in _readings(run[0]) if alt != main[0])
    return tuple(out)


def pinyin_forms(text: str) -> list[str]:
    """Full spelling, spaced spelling and initials of the Han text: 张伟 → zhangwei, zhang wei, zw.

    Non-Chinese parts are skipped; each Han run of mixed text gives its own forms.
    """
    forms: list[str] = []
    for syllables in pinyin_syllables(text):
        forms += ["".join(syllables), " ".join(syllables), "".join(s[0] for s in syllables)]
    return list(dict.fromkeys(f for f in forms if f))


# ---------------------------------------------------------------- queries


def query_terms(query: str) -> list[str]:
    """Normalized, whitespace-separated terms of a user query ([] for a blank query).

    A query that looks like a phone number becomes a single digits-only term, so
    ``138-0013-8000`` and ``+86 138 0013 8000`` match the stored digit forms.
    """
    if looks_like_phone(query):
        return [digits(query)]
    return normalize(query).split()
