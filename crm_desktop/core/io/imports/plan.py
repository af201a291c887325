"""The preview of an import: what each row would do — create a contact, update the contact it
matches (same id, email or phone), be skipped as a duplicate, or be refused with its reasons —
before anything is written."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from crm_desktop.core.errors import FIELD_LABELS, CrmError
from crm_desktop.core.helper_process import HelperProcess, chunks
from crm_desktop.core.i18n import N_, _
from crm_desktop.core.ids import is_id
from crm_desktop.core.io.imports.candidates import (
    Candidate,
    build_candidate,
    build_own_candidate,
    build_record_candidate,
)
from crm_desktop.core.io.imports.mapping import ColumnMap, Mapping, detect_flavour, suggest
from crm_desktop.core.io.imports.source import Source, SourceRow
from crm_desktop.core.services.duplicate_index import DuplicateIndex, compact

Progress = Callable[[int, int], None]
ACTIONS = ("create", "update", "skip", "invalid")
LIST_FIELDS = ("emails", "phones", "addresses")
NAME_FIELDS = frozenset({"display_name", "family_name", "given_name", "name_order"})
CONTACT_LABELS = {"title": N_("Job title")}  # a contact's title is a job title, a deal's is its name
MATCH_WHAT = {"id": N_("record id"), "email": N_("email address"), "phone": N_("phone number")}


class RowReason(CrmError):
    """Why a row does what it does; what matched and the fields are named in the reader's language."""

    def __str__(self) -> str:
        params = dict(self.params)
        if "what" in params:
            params["what"] = _(params["what"])
        if "fields" in params:
            params["fields"] = ", ".join(_(CONTACT_LABELS.get(k) or FIELD_LABELS.get(k, k))
                                         for k in params["fields"])
        return _(self.template_text).format(**params)


@dataclass
class PlannedRow:
    candidate: Candidate
    action: str  # one of ACTIONS
    contact_id: str = ""  # the existing contact it updates or duplicates
    changes: dict[str, Any] = field(default_factory=dict)  # update: field -> new value
    reasons: list[CrmError] = field(default_factory=list)

    @property
    def line(self) -> int:
        return self.candidate.line


@dataclass(frozen=True)
class ImportPlan:
    source: Source
    mapping: Mapping
    rows: tuple[PlannedRow, ...]

    def counts(self) -> dict[str, int]:
        found = Counter(row.action for row in self.rows)
        return {action: found.get(action, 0) for action in ACTIONS}

    def of(self, action: str) -> list[PlannedRow]:
        return [row for row in self.rows if row.action == action]


@dataclass
class Known:
    """The live contacts an import row can match, by id, email and phone."""

    names: dict[str, str] = field(default_factory=dict)
    by_email: dict[str, str] = field(default_factory=dict)
    by_phone: dict[str, str] = field(default_factory=dict)

    def file(self, contact_id: str, name: str, emails: list[dict[str, str]],
             phones: list[dict[str, str]]) -> None:
        """A live contact of the workspace (read once, with the duplicate index)."""
        self.names[contact_id] = name
        self.add(contact_id, emails, phones)

    def add(self, contact_id: str, emails: list[dict[str, str]], phones: list[dict[str, str]]) -> None:
        for item in emails:
            self.by_email.setdefault(item["value"].lower(), contact_id)
        for item in phones:
            self.by_phone.setdefault(item["value"], contact_id)

    def match(self, candidate: Candidate) -> tuple[str, str]:
        """(contact id, what matched) or ("", ""). An id counts only when it is one of ours (a
        UUID): a spreadsheet's own numbering 1, 2, 3 says nothing about our contacts."""
        if is_id(candidate.record_id) and candidate.record_id in self.names:
            return candidate.record_id, "id"
        for item in candidate.values.get("emails", []):
            if found := self.by_email.get(item["value"].lower()):
                return found, "email"
        for item in candidate.values.get("phones", []):
            if found := self.by_phone.get(item["value"]):
                return found, "phone"
        return "", ""

    def same_person(self, contact_id: str, candidate: Candidate) -> bool:
        """A shared office phone or a family email is not the same person: the names must agree."""
        theirs = compact(candidate.values.get("display_name", ""))
        ours = compact(self.names.get(contact_id, ""))
        return not theirs or not ours or theirs == ours


class Planner:
    """Plans rows in file order, a chunk at a time: each against the workspace (`known`, the
    duplicate `index`) and against the rows above it in the same file. The contacts a chunk's
    rows match are loaded together (`load(ids)`), not one query per row."""

    def __init__(self, known: Known, index: DuplicateIndex,
                 load: Callable[[list[str]], dict[str, dict[str, Any]]]) -> None:
        self._known = known
        self._index = index
        self._load = load
        self._in_file = Known()
        self._names = dict(known.names)  # and the rows above, as "line N", for flag_similar
        self.rows: list[PlannedRow] = []

    def add(self, candidates: list[Candidate]) -> None:
        matched = {self._known.match(c)[0] for c in candidates if c.valid} - {""}
        current = self._load(sorted(matched))
        planned = [_classify_one(c, self._known, self._in_file, current) for c in candidates]
        flag_similar(planned, self._index, self._names)
        self.rows += planned


def _classify_one(candidate: Candidate, known: Known, in_file: Known,
                  current: dict[str, dict[str, Any]]) -> PlannedRow:
    if not candidate.valid:
        return PlannedRow(candidate, "invalid", reasons=list(candidate.problems))
    line, what = in_file.match(candidate)
    if line and in_file.same_person(line, candidate):
        return PlannedRow(candidate, "skip", reasons=[RowReason(
            N_("the same {what} as line {line} above."), what=MATCH_WHAT[what], line=line)])
    in_file.add(str(candidate.line), candidate.values.get("emails", []),
                candidate.values.get("phones", []))
    in_file.names[str(candidate.line)] = candidate.values.get("display_name", "")
    contact_id, what = known.match(candidate)
    if contact_id and not known.same_person(contact_id, candidate):
        return PlannedRow(candidate, "create", reasons=[RowReason(
            N_("shares a {what} with {name}, but the names differ: created as a new contact."),
            what=MATCH_WHAT[what], name=known.names[contact_id])])
    if not contact_id:
        return PlannedRow(candidate, "create")
    changes = changes_for(current.get(contact_id, {}), candidate, keep_name=what != "id")
    name = known.names[contact_id]
    if not changes:
        return PlannedRow(candidate, "skip", contact_id, reasons=[RowReason(
            N_("already here as {name} (same {what}), nothing new."), name=name,
            what=MATCH_WHAT[what])])
    return PlannedRow(candidate, "update", contact_id, changes, [RowReason(
        N_("updates {name} (same {what}): {fields}."), name=name, what=MATCH_WHAT[what],
        fields=sorted(changes))])


def flag_similar(rows: list[PlannedRow], index: DuplicateIndex, names: dict[str, str]) -> None:
    """A new contact with a similar name at the same company as an existing one (or as a row
    above) is still created — never merged — but the preview says who it may be."""
    for row in rows:
        if row.action != "create":
            continue
        values = row.candidate.values
        emails = [e["value"] for e in values.get("emails", [])]
        phones = [p["value"] for p in values.get("phones", [])]
        keys = index.keys_of(emails, phones, values["display_name"], values.get("company_name", ""),
                             values.get("sort_key", ""))
        for match in index.matches_of(keys):
            if "name" in match.reasons:
                row.reasons.append(CrmError(
                    N_("possibly the same person as {name} (similar name, same company); it is "
                       "not merged."), name=names.get(match.contact_id, match.contact_id)))
                break
        index.file(f"line {row.line}", keys)
        names[f"line {row.line}"] = values["display_name"]


def changes_for(existing: dict[str, Any], candidate: Candidate, *,
                keep_name: bool = True) -> dict[str, Any]:
    """The file's non-blank values win; emails, phones and addresses are added to the ones kept;
    tags are added. Notes are only written with a new contact (a re-import adds none).

    A contact found by email or phone keeps its name (`keep_name`): a shared office phone must not
    rename 张伟 to the colleague in the file. Only our own export, matched by id, renames."""
    changes: dict[str, Any] = {}
    for key, value in candidate.values.items():
        if key == "sort_key" or (keep_name and key in NAME_FIELDS):
            continue
        if key in LIST_FIELDS:
            have = existing.get(key) or []
            added = [item for item in value if item not in have and not _same_value(item, have)]
            if added:
                changes[key] = [*have, *added]
        elif key == "custom_fields":
            merged = (existing.get(key) or {}) | value
            if merged != existing.get(key):
                changes[key] = merged
        elif value not in (None, "") and existing.get(key) != value and key != "name_order":
            changes[key] = value
    new_tags = {t.lower() for t in candidate.tags} - {t.lower() for t in existing.get("tags", ())}
    if new_tags:
        changes["tags"] = [t for t in candidate.tags if t.lower() in new_tags]
    return changes


def _same_value(item: dict[str, str], have: list[dict[str, str]]) -> bool:
    value = item.get("value")
    return value is not None and any(h.get("value", "").lower() == value.lower() for h in have)


@dataclass(frozen=True)
class CandidateJob:
    """Rows of a file to read through the mapping: picklable, for the helper process."""

    rows: tuple[SourceRow, ...]
    mapping: Mapping
    region: str
    own: bool  # our own export, mapped as suggested: read back exactly


def build_chunk(job: CandidateJob) -> list[Candidate]:
    if job.own:
        return [build_own_candidate(row, job.region) for row in job.rows]
    return [build_candidate(row, job.mapping, job.region) for row in job.rows]


def warm_up() -> None:
    """The helper loads the pinyin dictionaries (sort keys) before its first rows arrive."""
    build_candidate(SourceRow(1, {"n": "欧阳明华"}), (ColumnMap("n", "display_name"),), "CN")


def candidate_chunks(source: Source, mapping: Mapping, region: str,
                     helper: HelperProcess) -> Iterator[list[Candidate]]:
    """The file's rows as candidates, a chunk at a time, built by `helper` when it runs one.
    Rows of our own export, mapped as suggested, are read back exactly (labels, tags with
    commas, custom fields); any other file goes through the column mapping."""
    if source.document is not None:  # our workspace JSON: one chunk, built here
        companies = {c["id"]: c.get("name", "") for c in source.document["companies"]}
        yield [build_record_candidate(row.line, record, companies, region)
               for row, record in zip(source.rows, source.document["contacts"], strict=True)]
        return
    own = detect_flavour(source.headers) == "crm" and mapping == suggest(source.headers)
    jobs = (CandidateJob(tuple(rows), mapping, region, own) for rows in chunks(source.rows))
    for _job, candidates in helper.each(build_chunk, jobs):
        yield candidates
