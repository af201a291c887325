"""Imports as the GUI and the CLI drive them: read a file, suggest a column mapping, preview what
each row would do, then write the accepted rows as ONE transaction and journal batch — and undo
that batch on request. Named column mappings are kept in the workspace for the next import."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from crm_desktop.core import helper_process
from crm_desktop.core.domain.changes import Changes, Outcome
from crm_desktop.core.domain.models import UndoResult
from crm_desktop.core.errors import ImportJsonError, MappingNameError, ValidationError
from crm_desktop.core.gc_pause import without_cyclic_gc
from crm_desktop.core.i18n import N_
from crm_desktop.core.io.imports import mapping as mappings
from crm_desktop.core.io.imports.mapping import Mapping
from crm_desktop.core.io.imports.plan import (
    ImportPlan,
    Known,
    PlannedRow,
    Planner,
    candidate_chunks,
    warm_up,
)
from crm_desktop.core.io.imports.source import ReadOptions, Source, read_source
from crm_desktop.core.io.imports.undo import IMPORT_ACTION, undo_import
from crm_desktop.core.io.imports.writer import ImportWriter
from crm_desktop.core.kept_helper import KeptHelper
from crm_desktop.core.services.contacts import ContactService
from crm_desktop.core.services.duplicates import load_index
from crm_desktop.core.services.settings import SettingsService
from crm_desktop.core.services.tagging import tags_of
from crm_desktop.core.storage.bulk_prepare import warm_up as warm_up_writing
from crm_desktop.core.storage.database import Database
from crm_desktop.core.storage.tables import Company, Contact, Meta

Progress = Callable[[int, int], None]
MAPPINGS_KEY = "import.mappings"
BIG_FILE_BYTES = 1_000_000  # ~20,000 rows of a typical sheet: worth a helper process


@dataclass(frozen=True)
class ImportResult:
    batch_id: str
    created: int
    updated: int
    skipped: int
    invalid: int


class ImportService:
    def __init__(self, db: Database, settings: SettingsService) -> None:
        self._db = db
        self._settings = settings
        self._contacts = ContactService(db, settings)
        self._helper = KeptHelper()  # from the read of a big file to its preview and write

    def read(self, path: Path | str, options: ReadOptions | None = None) -> Source:
        """The file's rows; a big file's preview gets its helper process started meanwhile."""
        path = Path(path)
        if path.is_file() and path.stat().st_size >= BIG_FILE_BYTES:
            self._helper.start(warm_up)
        try:
            with without_cyclic_gc():
                source = read_source(path, options or ReadOptions())
        except BaseException:
            self._helper.release()
            raise
        if source.document is not None or len(source.rows) < helper_process.PARALLEL_MIN_ROWS:
            self._helper.release()
        return source

    def close(self) -> None:
        """The workspace is closing: no helper process is kept any longer."""
        self._helper.close()

    def suggest(self, source: Source) -> Mapping:
        return mappings.suggest(source.headers)

    def preview(self, source: Source, mapping: Mapping | None = None,
                progress: Progress | None = None) -> ImportPlan:
        """What each row would do; nothing is written. A big file's rows are read through the
        mapping in a helper process while this one matches the rows read before."""
        chosen = mapping if mapping is not None else self.suggest(source)
        region = self._settings.get().default_region
        rows = len(source.rows) if source.document is None else 0  # JSON: read here
        helper = self._helper.take(rows, warm_up)
        try:
            with without_cyclic_gc(), self._db.read() as session:
                known = Known()  # filled by the same read as the duplicate index, while the helper starts
                index = load_index(session, region, also=known.file)
                planner = Planner(known, index,
                                  lambda ids: self._current(session, ids))
                for candidates in candidate_chunks(source, chosen, region, helper):
                    planner.add(candidates)
                    if progress:
                        progress(len(planner.rows), len(source.rows))
        except BaseException:
            helper.close()
            raise
        plan = ImportPlan(source, chosen, tuple(planner.rows))
        if plan.counts()["create"] >= helper_process.PARALLEL_MIN_ROWS:
            self._helper.keep(helper, warm_up_writing)  # readied while the user looks at the plan
        else:
            helper.close()
        return plan

    @staticmethod
    def _current(session: Session, ids: list[str]) -> dict[str, dict[str, Any]]:
        """The contacts rows matched, with their company name and tags, a few hundred per query."""
        found: dict[str, dict[str, Any]] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            rows = session.exec(select(Contact, Company.name).outerjoin(
                Company, col(Company.id) == Contact.company_id).where(col(Contact.id).in_(chunk)))
            tags = tags_of(session, "contact", chunk)
            for contact, company in rows:
                found[contact.id] = contact.model_dump() | {"company_name": company or "",
                                                            "tags": tags.get(contact.id, ())}
        return found

    def run(self, plan: ImportPlan, progress: Progress | None = None) -> Outcome[ImportResult]:
        """Write the rows to create and update, all or none, as one journal batch."""
        creates, updates = plan.of("create"), plan.of("update")
        try:
            with without_cyclic_gc():
                return self._write(plan, creates, updates, progress)
        except (KeyError, ValueError, TypeError, AttributeError) as exc:
            if plan.source.document is None:
                raise
            # A hand-edited workspace file whose records lack what they need: nothing was written.
            raise ImportJsonError(path=str(plan.source.path), line=1,
                                  reason=f"{type(exc).__name__}: {exc}") from None

    def _write(self, plan: ImportPlan, creates: list[PlannedRow], updates: list[PlannedRow],
               progress: Progress | None) -> Outcome[ImportResult]:
        with self._db.transaction(IMPORT_ACTION) as tx:
            created = ImportWriter(self._db, tx, self._contacts).write(
                creates, updates, progress, plan.source.document, matched=plan.of("skip"),
                helper=self._helper.take(len(creates), warm_up_writing))
            counts = plan.counts()
            result = ImportResult(tx.batch.id, counts["create"], counts["update"],
                                  counts["skip"], counts["invalid"])
            touched = tx.touched | created
        return Outcome(result, Changes.of(touched))

    def undo(self, batch_id: str) -> Outcome[UndoResult]:
        return undo_import(self._db, batch_id)

    # -- saved column mappings ----------------------------------------------------------------

    def mappings(self) -> dict[str, Mapping]:
        with self._db.read() as session:
            row = session.get(Meta, MAPPINGS_KEY)
            saved = row.value if row is not None and isinstance(row.value, dict) else {}
        return {name: mappings.from_json(items) for name, items in sorted(saved.items())}

    def mapping(self, name: str, source: Source) -> Mapping:
        """The saved mapping `name`, fitted to this file's columns."""
        saved = self.mappings().get(name)
        if saved is None:
            raise MappingNameError(name=name)
        return mappings.fit(saved, source.headers)

    def save_mapping(self, name: str, mapping: Mapping) -> None:
        clean = name.strip()
        if not clean:
            raise ValidationError(N_("{field} is required."), field="name")
        with self._db.transaction("import.mapping") as tx:
            row = tx.session.exec(select(Meta).where(Meta.key == MAPPINGS_KEY)).first()
            saved = dict(row.value) if row is not None and isinstance(row.value, dict) else {}
            saved[clean] = mappings.to_json(mapping)
            tx.session.merge(Meta(key=MAPPINGS_KEY, value=saved))
