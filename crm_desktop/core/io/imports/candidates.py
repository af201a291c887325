"""One row of a file, read through the column mapping into the fields of a contact, with every
problem found on the way (each a translated message naming the field and the value)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from crm_desktop.core.domain import rules
from crm_desktop.core.domain.models import LIFECYCLE_STAGES, NAME_ORDERS, Address
from crm_desktop.core.errors import CrmError, ValidationError
from crm_desktop.core.i18n import N_
from crm_desktop.core.io.crm_format import contact_fields
from crm_desktop.core.io.imports.mapping import ColumnMap, Mapping
from crm_desktop.core.io.imports.source import SourceRow
from crm_desktop.core.io.imports.values import parse_date, split_full_name, split_tags, split_values, yes_no
from crm_desktop.core.search.text import sort_key
from crm_desktop.core.services.contacts import compose_display_name, default_name_order

TEXT_FIELDS = ("company_name", "title", "lead_source", "owner", "consent_source")
OWN_FIELDS = ("display_name", "family_name", "given_name", "name_order", "title", "emails", "phones",
              "addresses", "birthday", "lead_source", "lifecycle_stage", "marketing_consent",
              "consent_date", "consent_source", "owner", "custom_fields")
ADDRESS_PARTS = ("street", "city", "region", "postcode", "country")
STAGE_WORDS = {"线索": "lead", "潜在客户": "prospect", "意向客户": "prospect", "客户": "customer",
               "成交客户": "customer", "前客户": "former", "流失客户": "former",
               "former customer": "former"}


@dataclass
class Candidate:
    line: int
    record_id: str = ""  # the id column of our own export
    values: dict[str, Any] = field(default_factory=dict)  # contact fields, cleaned
    tags: list[str] = field(default_factory=list)
    note: str = ""
    problems: list[CrmError] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.problems


def build_candidate(row: SourceRow, mapping: Mapping, region: str) -> Candidate:
    candidate = Candidate(row.line)
    if row.problem is not None:
        candidate.problems.append(row.problem)
        return candidate
    names: dict[str, str] = {}
    addresses: dict[str, dict[str, str]] = {}
    for entry in mapping:
        cell = row.cells.get(entry.column, "").strip()
        if cell and entry.field:
            try:
                _apply(candidate, entry, cell, row.cells, names, addresses)
            except ValidationError as problem:
                candidate.problems.append(_kept(problem))
    if addresses:
        candidate.values.setdefault("addresses", []).extend(addresses.values())
    _clean_contacts(candidate, region)
    _name(candidate, names)
    return candidate


def build_own_candidate(row: SourceRow, region: str) -> Candidate:
    """A row of our own CSV/xlsx export (crm_format): read back exactly, then checked."""
    candidate = Candidate(row.line)
    if row.problem is not None:
        candidate.problems.append(row.problem)
        return candidate
    try:
        fields = contact_fields(row.cells)
    except ValueError:
        candidate.problems.append(ValidationError(N_("'{value}' is not a list of addresses."),
                                                  field="address", value=row.cells.get("addresses", "")[:40]))
        return candidate
    return _own_fields(candidate, fields, region)


def build_record_candidate(line: int, record: dict[str, Any], company_names: dict[str, str],
                           region: str) -> Candidate:
    """A contact of our own workspace JSON export, its company given by name."""
    if not all(isinstance(record.get(k, ""), str) for k in ("display_name", "family_name", "given_name")) \
            or not all(isinstance(record.get(k, []), list) for k in ("emails", "phones", "addresses", "tags")):
        candidate = Candidate(line)
        candidate.problems.append(CrmError(N_("contact {line} of the file is not readable."), line=line))
        return candidate
    fields = {key: record[key] for key in OWN_FIELDS if key in record}
    fields["company_name"] = company_names.get(record.get("company_id") or "", "")
    fields["tags"], fields["id"] = list(record.get("tags") or []), record["id"]
    return _own_fields(Candidate(line), fields, region)


def _own_fields(candidate: Candidate, fields: dict[str, Any], region: str) -> Candidate:
    candidate.record_id = fields.pop("id", "")
    candidate.tags = fields.pop("tags", [])
    checks: list[tuple[str, Callable[[Any], Any]]] = [
        ("birthday", lambda v: parse_date(v, "birthday")),
        ("consent_date", lambda v: parse_date(v, "consent_date")),
        ("lifecycle_stage", lambda v: v and rules.choice(v, LIFECYCLE_STAGES, "lifecycle_stage")),
        ("name_order", lambda v: v and rules.choice(v, NAME_ORDERS, "name_order"))]
    for key, check in checks:
        try:
            fields[key] = check(fields.get(key))
        except ValidationError as problem:
            candidate.problems.append(_kept(problem))
    candidate.values = {k: v for k, v in fields.items() if v not in (None, "")}
    _clean_contacts(candidate, region)
    if not candidate.values.get("display_name"):
        candidate.problems.append(ValidationError(N_("{field} is required."), field="name"))
    else:
        candidate.values["sort_key"] = sort_key(candidate.values["display_name"])
    return candidate


def _apply(candidate: Candidate, entry: ColumnMap, cell: str, cells: dict[str, str],
           names: dict[str, str], addresses: dict[str, dict[str, str]]) -> None:
    values, target = candidate.values, entry.field
    label = _label(entry, cells)
    if target in ("full_name", "family_name", "given_name"):
        names[target] = cell
    elif target in ("email", "phone"):
        values.setdefault(target + "s", []).extend({"label": label, "value": v}
                                                   for v in split_values(cell))
    elif target in ("emails", "phones"):
        values.setdefault(target, []).extend(_labelled_lines(cell))
    elif target in ADDRESS_PARTS:
        addresses.setdefault(label, {"label": label})[target] = cell
    elif target == "address":
        values.setdefault("addresses", []).append({"label": label, "street": cell})
    elif target == "addresses":
        values.setdefault("addresses", []).extend(_address_json(cell))
    elif target in ("birthday", "consent_date"):
        values[target] = parse_date(cell, target)
    elif target == "lifecycle_stage":
        stage = STAGE_WORDS.get(cell.lower(), cell.lower())
        values[target] = rules.choice(stage, LIFECYCLE_STAGES, target)
    elif target == "marketing_consent":
        values[target] = yes_no(cell, target)
    elif target == "tags":
        candidate.tags += [t for t in split_tags(cell) if not t.startswith("*")]  # Google's own groups
    elif target == "note":
        candidate.note = f"{candidate.note}\n{cell}".strip()
    elif target == "custom":
        values.setdefault("custom_fields", {})[entry.column] = cell
    elif target == "id":
        candidate.record_id = cell
    elif target in TEXT_FIELDS:
        values[target] = cell


def _label(entry: ColumnMap, cells: dict[str, str]) -> str:
    if entry.label_column:
        return cells.get(entry.label_column, "").strip().lstrip("* ").lower()
    return entry.label


def _labelled_lines(cell: str) -> list[dict[str, str]]:
    """`mobile: 138…` lines (our export and vCards); a line without a label is just the value."""
    found = []
    for line in cell.splitlines():
        label, sep, value = line.partition(": ")
        if not sep or "@" in label:
            label, value = "", line
        if value.strip():
            found.append({"label": label.strip(), "value": value.strip()})
    return found


def _address_json(cell: str) -> list[dict[str, str]]:
    try:
        items = json.loads(cell)
        return [{k: str(v) for k, v in item.items()} for item in items]
    except (ValueError, AttributeError, TypeError):
        raise ValidationError(N_("'{value}' is not a list of addresses."), field="address",
                              value=cell[:40]) from None


def _clean_addresses(candidate: Candidate) -> None:
    """Every address in the stored shape (all six parts), so a re-import compares equal."""
    if "addresses" in candidate.values:
        try:
            candidate.values["addresses"] = [Address(**{k: str(v) for k, v in item.items()}).model_dump()
                                             for item in candidate.values["addresses"]]
        except (TypeError, AttributeError, ValueError):
            candidate.problems.append(ValidationError(N_("'{value}' is not a list of addresses."),
                                                      field="address", value="…"))


def _clean_contacts(candidate: Candidate, region: str) -> None:
    """Emails and phones in their normal form, each once; a bad one is a problem of the row."""
    _clean_addresses(candidate)
    for key, clean in (("emails", rules.email), ("phones", lambda v: rules.phone(v, region))):
        kept: dict[str, dict[str, str]] = {}
        for item in candidate.values.get(key, []):
            try:
                value = clean(str(item["value"]))
                label = str(item.get("label") or "")
            except ValidationError as problem:
                candidate.problems.append(_kept(problem))
                continue
            except (TypeError, KeyError, AttributeError):  # a hand-edited file's odd entry
                candidate.problems.append(ValidationError(N_("'{value}' is not a valid email address."),
                                                          field=key, value=str(item)[:40]))
                continue
            kept.setdefault(value.lower(), {"label": label, "value": value})
        if key in candidate.values:
            candidate.values[key] = list(kept.values())


def _name(candidate: Candidate, names: dict[str, str]) -> None:
    family, given = names.get("family_name", ""), names.get("given_name", "")
    full = names.get("full_name", "")
    if full and not (family or given):
        family, given = split_full_name(full)
    order = default_name_order(family, given or full)
    display = full or compose_display_name(family, given, order)
    if not display:
        candidate.problems.append(ValidationError(N_("{field} is required."), field="name"))
        return
    candidate.values |= {"display_name": display, "family_name": family, "given_name": given,
                         "name_order": order, "sort_key": sort_key(display)}


def _kept(problem: ValidationError) -> ValidationError:
    """A caught error kept with its row: without its traceback and the errors before it, which
    hold the frames that built the row (100,000 rows would keep them all, in reference cycles)."""
    problem.__traceback__ = None
    problem.__context__ = None
    problem.__cause__ = None
    return problem
