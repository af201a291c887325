"""Notes and activities (call, meeting, email, note) on a contact, company or deal: the timeline."""

from __future__ import annotations

from sqlmodel import col, or_, select

from crm_desktop.core.domain import rules
from crm_desktop.core.domain.changes import Outcome
from crm_desktop.core.domain.models import NOTE_KINDS, NoteCreate, NoteRead
from crm_desktop.core.errors import ValidationError
from crm_desktop.core.i18n import N_
from crm_desktop.core.ids import new_id
from crm_desktop.core.storage.database import Database
from crm_desktop.core.storage.tables import Company, Contact, Deal, Note, Record
from crm_desktop.core.storage.types import utcnow


class NoteService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, new: NoteCreate) -> Outcome[NoteRead]:
        body = rules.required_text(new.body, "body")
        rules.choice(new.kind, NOTE_KINDS, "kind")
        links: tuple[tuple[str | None, type[Record]], ...] = (
            (new.contact_id, Contact), (new.company_id, Company), (new.deal_id, Deal))
        if not any(row_id for row_id, _table in links):
            raise ValidationError(N_("A note belongs to a contact, a company or a deal."),
                                  field="contact_id")
        with self._db.transaction("note.add") as tx:
            for row_id, table in links:
                if row_id:
                    tx.get(table, row_id)
            occurred = rules.aware(new.occurred_at, "occurred_at") if new.occurred_at else utcnow()
            row = tx.insert(Note(id=new_id(), kind=new.kind, body=body, owner=new.owner or "",
                                 occurred_at=occurred, contact_id=new.contact_id,
                                 company_id=new.company_id, deal_id=new.deal_id))
            return Outcome(NoteRead.model_validate(row), tx.changes())

    def delete(self, note_id: str) -> Outcome[None]:
        with self._db.transaction("note.delete") as tx:
            tx.soft_delete(tx.get(Note, note_id))
            return Outcome(None, tx.changes())

    def for_record(self, row_id: str, limit: int = 200) -> list[NoteRead]:
        """Notes on a contact, company or deal, newest first."""
        query = (select(Note).where(col(Note.deleted_at).is_(None),
                                    or_(Note.contact_id == row_id, Note.company_id == row_id,
                                        Note.deal_id == row_id))
                 .order_by(col(Note.occurred_at).desc()).limit(limit))
        with self._db.read() as session:
            return [NoteRead.model_validate(r) for r in session.exec(query)]
