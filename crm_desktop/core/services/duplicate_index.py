"""Finding likely duplicate contacts fast: every contact filed under its keys in memory, so that
one lookup per key finds its look-alikes (an import checks 100,000 rows against one index).

Keys: each email (case-insensitive), each phone (E.164), and the name within its company
(similar names at different companies, or without one, are different people: 张伟 is common).
A name is compared without case, spaces, punctuation or full-width forms, in any word order;
a Chinese name matches its pinyin (张伟 ~ Zhang Wei / Wei Zhang) but not another name that only
sounds the same (张伟 ≁ 章伟).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Literal, NamedTuple

from crm_desktop.core.domain import rules
from crm_desktop.core.errors import ValidationError
from crm_desktop.core.search.text import SORT_KEY_SEPARATOR, has_han, normalize, sort_key

Reason = Literal["email", "phone", "name"]
REASONS: tuple[Reason, ...] = ("email", "phone", "name")  # strongest first
Pair = tuple[str, str]
_NOT_WORD = re.compile(r"[\W_]+")
_E164 = re.compile(r"^\+[1-9]\d{4,14}$")
MIN_NAME = 2  # a one-letter name says nothing
SEPARATOR = "\x1f"


@dataclass(frozen=True)
class DuplicateMatch:
    contact_id: str
    reasons: tuple[Reason, ...]

    @property
    def reason(self) -> Reason:
        """The strongest reason."""
        return self.reasons[0]


class ContactKeys(NamedTuple):
    """What a contact is compared by; `own` name keys are filed, `probe` keys are looked up."""

    emails: tuple[str, ...]
    phones: tuple[str, ...]
    company: str
    own: tuple[str, ...]
    probe: tuple[str, ...]


def compact(text: str) -> str:
    """Normalized (NFKC, casefolded, accents stripped), without spaces or punctuation."""
    return _NOT_WORD.sub("", normalize(text))


def name_keys(display_name: str, stored_sort_key: str = "") -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(own, probe) keys of a name. Prefixes keep the scripts apart: h: Han as written,
    p: a Han name's pinyin, l: any other name's letters. Han probes l: (its pinyin against
    Latin names), a Latin name probes p:, so two Han homophones never meet."""
    text = normalize(display_name)
    written = _NOT_WORD.sub("", text)
    if len(written) < MIN_NAME:
        return (), ()
    if not has_han(written):
        letters = _orders([t for t in _NOT_WORD.split(text) if t])
        return tuple(f"l:{k}" for k in letters), tuple(f"{p}:{k}" for k in letters for p in "lp")
    spelled = _rotations(_syllables(display_name, stored_sort_key))
    return ((f"h:{written}", *(f"p:{k}" for k in spelled)),
            (f"h:{written}", *(f"l:{k}" for k in spelled)))


def _orders(tokens: list[str]) -> tuple[str, ...]:
    """The words joined as written and in sorted order: Wei Zhang ~ Zhang Wei ~ Zhangwei."""
    return tuple(dict.fromkeys(("".join(tokens), "".join(sorted(tokens)))))


def _syllables(display_name: str, stored_sort_key: str) -> list[str]:
    """The name's reading, from the stored sort key when it is this name's (no pypinyin then)."""
    key = stored_sort_key
    if not key.endswith(SORT_KEY_SEPARATOR + display_name.strip()):
        key = sort_key(display_name)
    reading = key.partition(SORT_KEY_SEPARATOR)[0]
    return [t for t in _NOT_WORD.split(reading) if t]


def _rotations(syllables: list[str]) -> tuple[str, ...]:
    """Family name first and last (张伟: zhangwei, weizhang); with four syllables the family
    name may be two (欧阳娜娜: nanaouyang)."""
    cuts = (0, 1, 2) if len(syllables) == 4 else (0, 1)
    return tuple(dict.fromkeys("".join(syllables[c:] + syllables[:c]) for c in cuts))


def email_key(value: str) -> str:
    return value.strip().casefold()


def phone_key(value: str, region: str) -> str:
    """E.164 as stored; other spellings (138-0013-8000) are read in `region`; "" if no number."""
    text = value.strip()
    if _E164.match(text):
        return text
    try:
        return rules.phone(text, region)
    except ValidationError:
        return ""


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(filter(None, values)))


def _values(items: list[dict[str, str]], key: Callable[[str], str]) -> tuple[str, ...]:
    if len(items) == 1:  # the common case, twice as fast
        return (key(items[0]["value"]),)
    return tuple(dict.fromkeys(key(item["value"]) for item in items))


def shared_reasons(a: ContactKeys, b: ContactKeys) -> tuple[Reason, ...]:
    """Why two contacts look like one person (empty: they do not)."""
    found: list[Reason] = []
    if _meet(a.emails, b.emails):
        found.append("email")
    if _meet(a.phones, b.phones):
        found.append("phone")
    if a.company and a.company == b.company and _meet(a.probe, b.own):
        found.append("name")
    return tuple(found)


def _meet(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    return any(value in second for value in first)  # a handful of keys: no sets needed


class DuplicateIndex:
    """Contacts filed by key. Build it once (`DuplicateService.index()`), then `matches` is a
    few dictionary lookups per row; `add` files a newly created contact (an import's earlier rows)."""

    def __init__(self, company_names: Mapping[str, str], region: str) -> None:
        self._companies = {cid: compact(name) for cid, name in company_names.items()}
        self._region = region
        self.keys: dict[str, ContactKeys] = {}
        self._emails: dict[str, list[str]] = {}
        self._phones: dict[str, list[str]] = {}
        self._names: dict[str, list[str]] = {}  # company key + SEPARATOR + name key -> ids
        self._name_cache: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}

    def __len__(self) -> int:
        return len(self.keys)

    def company_ids(self, company_key: str) -> list[str]:
        """The ids of the companies known by this (compacted) name."""
        return [cid for cid, key in self._companies.items() if company_key and key == company_key]

    def company_key(self, company_id_or_name: str | None) -> str:
        """A company is known by its name, so an import's company names meet stored companies."""
        if not company_id_or_name:
            return ""
        return self._companies.get(company_id_or_name) or compact(company_id_or_name)

    def keys_of(self, emails: Iterable[str], phones: Iterable[str], display_name: str,
                company_id_or_name: str | None, stored_sort_key: str = "") -> ContactKeys:
        company = self.company_key(company_id_or_name)
        own, probe = self._name_keys(display_name, stored_sort_key) if company else ((), ())
        return ContactKeys(_unique(map(email_key, emails)),
                           _unique(phone_key(p, self._region) for p in phones), company, own, probe)

    def add(self, contact_id: str, emails: Iterable[str], phones: Iterable[str],
            display_name: str, company_id_or_name: str | None, stored_sort_key: str = "") -> None:
        """File a contact; emails and phones in any spelling."""
        self.file(contact_id, self.keys_of(emails, phones, display_name, company_id_or_name,
                                           stored_sort_key))

    def add_stored(self, contact_id: str, emails: list[dict[str, str]], phones: list[dict[str, str]],
                   display_name: str, company_id: str | None, stored_sort_key: str) -> None:
        """File a contact as stored (phones already E.164): the fast path for 100,000 rows."""
        company = self._companies.get(company_id, "") if company_id else ""
        own, probe = self._name_keys(display_name, stored_sort_key) if company else ((), ())
        self.file(contact_id, ContactKeys(_values(emails, str.casefold), _values(phones, str.strip),
                                          company, own, probe))

    def matches(self, emails: Iterable[str], phones: Iterable[str], display_name: str,
                company_id_or_name: str | None, exclude_id: str | None = None,
                stored_sort_key: str = "") -> list[DuplicateMatch]:
        """Filed contacts that look like this one, strongest reasons first, then by id."""
        keys = self.keys_of(emails, phones, display_name, company_id_or_name, stored_sort_key)
        return self.matches_of(keys, exclude_id)

    def matches_of(self, keys: ContactKeys, exclude_id: str | None = None) -> list[DuplicateMatch]:
        """matches() for keys already made (an import files them next: made once)."""
        candidates = {cid for bucket in self._looked_up(keys) for cid in bucket}
        candidates.discard(exclude_id or "")
        found = [DuplicateMatch(cid, reasons) for cid in candidates
                 if (reasons := shared_reasons(keys, self.keys[cid]))]
        return sorted(found, key=lambda m: (-len(m.reasons), REASONS.index(m.reason), m.contact_id))

    def pairs(self) -> dict[Pair, tuple[Reason, ...]]:
        """Every likely duplicate pair (older id first) with its reasons. Each bucket links its
        members to its oldest member only: n look-alikes give n-1 pairs, not n²/2."""
        found: dict[Pair, tuple[Reason, ...]] = {}
        for pair in self._star_pairs():
            if pair not in found:
                found[pair] = shared_reasons(self.keys[pair[0]], self.keys[pair[1]])
        return {pair: reasons for pair, reasons in found.items() if reasons}

    def _name_keys(self, display_name: str,
                   stored_sort_key: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        found = self._name_cache.get(display_name)  # half the names repeat (王伟, Michael Brown)
        if found is None:
            found = self._name_cache[display_name] = name_keys(display_name, stored_sort_key)
        return found

    def file(self, contact_id: str, keys: ContactKeys) -> None:
        """File a contact by keys already made."""
        self.keys[contact_id] = keys
        for email in keys.emails:
            self._emails.setdefault(email, []).append(contact_id)
        for phone in keys.phones:
            self._phones.setdefault(phone, []).append(contact_id)
        for name in keys.own:
            self._names.setdefault(keys.company + SEPARATOR + name, []).append(contact_id)

    def _looked_up(self, keys: ContactKeys) -> Iterator[list[str]]:
        yield from (self._emails.get(e, []) for e in keys.emails)
        yield from (self._phones.get(p, []) for p in keys.phones)
        yield from (self._names.get(keys.company + SEPARATOR + n, []) for n in keys.probe)

    def _star_pairs(self) -> Iterator[Pair]:
        for bucket in (*self._emails.values(), *self._phones.values()):
            yield from _star(bucket)
        for key, ids in self._names.items():
            scope, _sep, name = key.rpartition(SEPARATOR)
            if name.startswith("p:"):  # a Han name's pinyin meets Latin names only (under l:)
                latin = self._names.get(f"{scope}{SEPARATOR}l{name[1:]}")
                yield from _star(ids, min(latin)) if latin else ()
            else:
                yield from _star(ids)


def _star(ids: list[str], center: str | None = None) -> Iterator[Pair]:
    if center is None and len(ids) < 2:
        return iter(())
    hub = center or min(ids)
    return ((min(hub, cid), max(hub, cid)) for cid in ids if cid != hub)
