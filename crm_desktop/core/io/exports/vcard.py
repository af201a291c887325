"""Contacts as vCard 3.0 (RFC 2426), the version phones, Outlook, Gmail and macOS all import.

Per contact: N (family; given), FN, ORG, TITLE, one EMAIL / TEL / ADR per stored item with a
TYPE from its label (`mobile` → CELL, `work` → WORK, …; any other label is kept as it is, quoted),
BDAY, CATEGORIES (the tags), UID (the contact's id, so a re-import updates instead of
duplicating) and REV (last change, UTC). The file is UTF-8 without a BOM, CRLF line ends.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import vobject
from sqlmodel import Session

from crm_desktop.core.io.exports.output import Progress, atomic_file, report
from crm_desktop.core.io.exports.records import contact_pages, count_contacts, decoded
from crm_desktop.core.services.contacts import ContactQuery

TYPES = {"mobile": "CELL", "cell": "CELL", "手机": "CELL", "移动电话": "CELL",
         "work": "WORK", "office": "WORK", "工作": "WORK", "单位": "WORK", "公司": "WORK",
         "home": "HOME", "家": "HOME", "住宅": "HOME", "家庭": "HOME",
         "fax": "FAX", "传真": "FAX", "other": "OTHER", "其他": "OTHER"}
ADDRESS_PARTS = {"street": "street", "city": "city", "region": "region", "postcode": "code",
                 "country": "country"}


def write_vcards(session: Session, path: Path, query: ContactQuery,
                 progress: Progress | None = None) -> int:
    """Write the query's contacts to `path` as vCards; returns how many."""
    total, done = count_contacts(session, query), 0
    with atomic_file(path) as handle:
        for page in contact_pages(session, query):
            handle.write("".join(vcard(decoded(row)) for row in page).encode("utf-8"))
            done += len(page)
            report(progress, done, total)
    return done


def vcard(contact: Mapping[str, Any]) -> str:
    """One contact (as `records.decoded` gives it) as a vCard."""
    card = vobject.vCard()
    card.add("n").value = vobject.vcard.Name(family=contact["family_name"],
                                             given=contact["given_name"])
    card.add("fn").value = contact["display_name"]
    card.add("uid").value = contact["id"]
    _text(card, "org", contact.get("company_name"), as_list=True)
    _text(card, "title", contact["title"])
    _text(card, "bday", contact["birthday"])
    for kind in ("email", "tel"):
        for item in contact["emails" if kind == "email" else "phones"]:
            _typed(card.add(kind), item["value"], item.get("label", ""))
    for address in contact["addresses"]:
        parts = {key: address.get(field, "") for field, key in ADDRESS_PARTS.items()}
        _typed(card.add("adr"), vobject.vcard.Address(**parts), address.get("label", ""))
    if contact["tags"]:
        card.add("categories").value = list(contact["tags"])
    card.add("rev").value = contact["updated_at"].strftime("%Y-%m-%dT%H:%M:%SZ")
    return str(card.serialize())


def vcard_type(label: str) -> str:
    """The vCard TYPE of a label: a standard one where it means one, else the label itself."""
    plain = " ".join(label.replace('"', "'").split())  # a line break would end the vCard line
    return TYPES.get(plain.lower(), "".join(ch for ch in plain if ch.isprintable()))


def _text(card: Any, name: str, value: str | None, as_list: bool = False) -> None:
    if value:
        card.add(name).value = [value] if as_list else value


def _typed(line: Any, value: Any, label: str) -> None:
    line.value = value
    if label.strip():
        line.type_param = vcard_type(label)
