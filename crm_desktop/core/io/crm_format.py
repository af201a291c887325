"""Our own contact table layout, shared by the CSV and .xlsx exports and read back by the importer.

One row per contact, one column per field, headed by the field's key (`CONTACT_COLUMNS`, in
that order). Every cell is text; reading a row back with `contact_fields` gives exactly what was
exported. Cell by cell:

- `id`: the contact's id (a UUID). `created_at`, `updated_at`: ISO 8601 in UTC
  (`2026-03-01T08:30:00.000000+00:00`), for information (`contact_times` reads them back).
- `display_name` … `title`, `lead_source`, `consent_source`, `owner`: the text as stored.
  `company_name` is the name of the linked company (empty when none, or when it is in the bin);
  importing it links the contact to the company of that name, created if unknown.
- `name_order`: `eastern` or `western`; `lifecycle_stage`: `lead`, `prospect`, `customer`,
  `former` (the stored codes, not their translations).
- `emails`, `phones`: one per line, `label: value`, or only the value when it has no label.
- `tags`: one tag name per line.
- `addresses`: a JSON list of objects with the keys `label`, `street`, `city`, `region`,
  `postcode`, `country`; `custom_fields`: a JSON object of text values (both compact, as stored).
  Both are an empty cell when there is nothing.
- `birthday`, `consent_date`: `YYYY-MM-DD` or empty; `marketing_consent`: `yes` or `no`.

Escapes that keep every value lossless inside a line: in labelled values and tags a backslash is
written `\\\\`, a line break `\\n`, and a colon that belongs to a label (or to a value without
a label) `\\:`; a line is split at its first colon that is not escaped. A cell that a spreadsheet
would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a carriage return) or that
starts with `'` gets one `'` in front (the OWASP guard against CSV injection); reading drops it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from crm_desktop.core.domain.models import ContactRead
from crm_desktop.core.storage.types import json_text, json_value

CONTACT_COLUMNS: tuple[str, ...] = (
    "id", "display_name", "family_name", "given_name", "name_order", "company_name", "title",
    "emails", "phones", "addresses", "birthday", "lead_source", "lifecycle_stage",
    "marketing_consent", "consent_date", "consent_source", "owner", "tags", "custom_fields",
    "created_at", "updated_at")
TEXT_FIELDS = ("display_name", "family_name", "given_name", "name_order", "company_name", "title",
               "lead_source", "lifecycle_stage", "consent_source", "owner")
LABELED = ("emails", "phones")
DATES = ("birthday", "consent_date")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")
GUARDED = frozenset(FORMULA_STARTS)
PLAIN = ("id", *TEXT_FIELDS, *DATES, "created_at", "updated_at")
YES, NO = "yes", "no"
UNESCAPED_COLON = re.compile(r"(?<!\\)((?:\\\\)*):")
ESCAPE = re.compile(r"\\(.)")
SPECIAL = re.compile(r"[\\\n\r:]")
UNESCAPES = {"n": "\n", "r": "\r"}


def contact_row(contact: ContactRead) -> dict[str, str]:
    """The cells of one contact, keyed by `CONTACT_COLUMNS`."""
    stored: dict[str, Any] = {name: getattr(contact, name) for name in CONTACT_COLUMNS}
    stored |= {name: json_text([item.model_dump() for item in getattr(contact, name)])
               for name in (*LABELED, "addresses")}
    stored |= {"custom_fields": json_text(contact.custom_fields),
               "created_at": _stamp(contact.created_at), "updated_at": _stamp(contact.updated_at)}
    return stored_row(stored)


def stored_row(stored: Mapping[str, Any]) -> dict[str, str]:
    """The cells of one contact given as the database stores it: emails, phones, addresses and
    custom_fields as their JSON text, created_at/updated_at as ISO text, tags as a list. The
    export's fast path: no read models, and JSON decoded only where a cell needs it."""
    cells = {name: stored[name] or "" for name in PLAIN}
    for name in LABELED:
        cells[name] = "" if stored[name] == "[]" else labeled_cell(json_value(stored[name]))
    cells["addresses"] = _unless(stored["addresses"], "[]")
    cells["custom_fields"] = _unless(stored["custom_fields"], "{}")
    cells["tags"] = "\n".join(_escape(tag, colon=False) for tag in stored["tags"])
    cells["marketing_consent"] = YES if stored["marketing_consent"] else NO
    for name, cell in cells.items():  # `guard` inlined: 2 million cells for 100,000 contacts
        if cell[:1] in GUARDED:
            cells[name] = "'" + cell
    return {name: cells[name] for name in CONTACT_COLUMNS}


def contact_fields(row: Mapping[str, str]) -> dict[str, Any]:
    """The inverse of `contact_row`: keyword arguments for `ContactCreate(**…)`, plus `id` when the
    row has one. Columns missing from `row` are left out (created_at/updated_at: `contact_times`)."""
    cells = {name: unguard(row[name] or "") for name in CONTACT_COLUMNS if name in row}
    fields: dict[str, Any] = {name: cells[name] for name in TEXT_FIELDS if name in cells}
    fields |= {name: parse_labeled(cells[name]) for name in LABELED if name in cells}
    fields |= {name: cells[name] or None for name in DATES if name in cells}
    if "addresses" in cells:
        fields["addresses"] = json.loads(cells["addresses"]) if cells["addresses"] else []
    if "custom_fields" in cells:
        fields["custom_fields"] = json.loads(cells["custom_fields"]) if cells["custom_fields"] else {}
    if "tags" in cells:
        fields["tags"] = [_unescape(line) for line in cells["tags"].split("\n") if line]
    if "marketing_consent" in cells:
        fields["marketing_consent"] = cells["marketing_consent"].strip().lower() == YES
    if cells.get("id"):
        fields["id"] = cells["id"]
    return fields


def contact_times(row: Mapping[str, str]) -> tuple[datetime | None, datetime | None]:
    """The row's created_at and updated_at (None where empty)."""
    stamps = (unguard(row.get(name) or "") for name in ("created_at", "updated_at"))
    found = [datetime.fromisoformat(text) if text else None for text in stamps]
    return found[0], found[1]


def labeled_cell(items: Iterable[Mapping[str, str]]) -> str:
    """Labelled values one per line: `label: value`, or the escaped value alone."""
    lines = []
    for item in items:
        label = item.get("label") or ""
        value = _escape(item["value"], colon=not label)
        lines.append(f"{_escape(label, colon=True)}: {value}" if label else value)
    return "\n".join(lines)


def parse_labeled(cell: str) -> list[dict[str, str]]:
    """The inverse of `labeled_cell`: a list of {"label", "value"} dicts."""
    found = []
    for line in cell.split("\n"):
        if not line.strip():
            continue
        match = UNESCAPED_COLON.search(line)
        if match is None:
            found.append({"label": "", "value": _unescape(line)})
            continue
        cut = match.end() - 1
        value = line[cut + 1:]
        found.append({"label": _unescape(line[:cut]),
                      "value": _unescape(value.removeprefix(" "))})
    return found


def guard(cell: str) -> str:
    """One `'` before a cell a spreadsheet would take for a formula (or that starts with `'`)."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def unguard(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS) else cell


def _escape(text: str, *, colon: bool) -> str:
    if not SPECIAL.search(text):
        return text
    text = text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")
    return text.replace(":", "\\:") if colon else text


def _unescape(text: str) -> str:
    return ESCAPE.sub(lambda m: UNESCAPES.get(m.group(1), m.group(1)), text)


def _unless(text: str, empty: str) -> str:
    return "" if text == empty else text


def _stamp(value: datetime | None) -> str:
    return value.isoformat(timespec="microseconds") if value else ""
