"""Tag use-cases: put tags on, take tags off, list them."""

from __future__ import annotations

from sqlmodel import col, select

from crm_desktop.core.domain.changes import Outcome
from crm_desktop.core.domain.models import TAGGABLE
from crm_desktop.core.domain.rules import choice
from crm_desktop.core.services.tagging import add_tags, remove_tags, tags_of
from crm_desktop.core.storage.database import Database
from crm_desktop.core.storage.tables import ENTITY_TABLES, Record, Tag

TABLES: dict[str, type[Record]] = {entity: ENTITY_TABLES[entity] for entity in TAGGABLE}


class TagService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, entity: str, row_id: str, names: list[str]) -> Outcome[tuple[str, ...]]:
        with self._db.transaction("tag.add") as tx:
            tx.get(TABLES[choice(entity, TAGGABLE, "entity")], row_id)
            add_tags(tx, entity, row_id, names)
            tx.session.flush()
            return Outcome(tags_of(tx.session, entity, [row_id]).get(row_id, ()), tx.changes())

    def remove(self, entity: str, row_id: str, names: list[str]) -> Outcome[tuple[str, ...]]:
        with self._db.transaction("tag.remove") as tx:
            tx.get(TABLES[choice(entity, TAGGABLE, "entity")], row_id)
            remove_tags(tx, entity, row_id, names)
            tx.session.flush()
            return Outcome(tags_of(tx.session, entity, [row_id]).get(row_id, ()), tx.changes())

    def set(self, entity: str, row_id: str, names: list[str]) -> Outcome[tuple[str, ...]]:
        """Make the record carry exactly `names` (any case), in one transaction and undo step."""
        with self._db.transaction("tag.set") as tx:
            tx.get(TABLES[choice(entity, TAGGABLE, "entity")], row_id)
            current = tags_of(tx.session, entity, [row_id]).get(row_id, ())
            wanted = {name.strip().lower() for name in names if name.strip()}
            remove_tags(tx, entity, row_id, [t for t in current if t.lower() not in wanted])
            add_tags(tx, entity, row_id, [n for n in names if n.strip()])
            tx.session.flush()
            return Outcome(tags_of(tx.session, entity, [row_id]).get(row_id, ()), tx.changes())

    def all(self) -> list[str]:
        with self._db.read() as session:
            query = select(Tag.name).where(col(Tag.deleted_at).is_(None)).order_by(Tag.name)
            return list(session.exec(query))

    def entity_of(self, row_id: str) -> str | None:
        """Which taggable kind `row_id` is, if any."""
        with self._db.read() as session:
            for entity, table in TABLES.items():
                if session.get(table, row_id) is not None:
                    return entity
        return None
