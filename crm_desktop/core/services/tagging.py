"""Tags on contacts, companies and deals: created on first use, matched by name case-insensitively."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlmodel import Session, col, func, select

from crm_desktop.core.domain.models import TAGGABLE
from crm_desktop.core.domain.rules import choice, required_text
from crm_desktop.core.ids import new_id
from crm_desktop.core.storage.database import ENTITY_OF, Tx
from crm_desktop.core.storage.tables import Record, Tag, Tagging


def find_tag(session: Session, name: str) -> Tag | None:
    query = select(Tag).where(func.lower(Tag.name) == name.lower(), col(Tag.deleted_at).is_(None))
    return session.exec(query).first()


def ensure_tag(tx: Tx, name: str) -> Tag:
    clean = required_text(name, "tag")
    return find_tag(tx.session, clean) or tx.insert(Tag(id=new_id(), name=clean))


def add_tags(tx: Tx, entity: str, row_id: str, names: Iterable[str]) -> None:
    choice(entity, TAGGABLE, "entity")
    current = set(tags_of(tx.session, entity, [row_id]).get(row_id, ()))
    for name in names:
        tag = ensure_tag(tx, name)
        if tag.name not in current:
            tx.insert(Tagging(id=new_id(), tag_id=tag.id, entity=entity, row_id=row_id))
            current.add(tag.name)
            tx.touched.add((entity, row_id))


def remove_tags(tx: Tx, entity: str, row_id: str, names: Iterable[str]) -> int:
    removed = 0
    for name in names:
        tag = find_tag(tx.session, name)
        if tag is None:
            continue
        query = select(Tagging).where(Tagging.tag_id == tag.id, Tagging.row_id == row_id,
                                      Tagging.entity == entity, col(Tagging.deleted_at).is_(None))
        for link in tx.session.exec(query):
            tx.soft_delete(link)
            removed += 1
    tx.touched.add((entity, row_id))
    return removed


def tags_of(session: Session, entity: str, row_ids: list[str]) -> dict[str, tuple[str, ...]]:
    if not row_ids:
        return {}
    query = (select(Tagging.row_id, Tag.name).join(Tag, col(Tag.id) == Tagging.tag_id)
             .where(Tagging.entity == entity, col(Tagging.row_id).in_(row_ids),
                    col(Tagging.deleted_at).is_(None), col(Tag.deleted_at).is_(None))
             .order_by(Tag.name))
    result: dict[str, list[str]] = {}
    for row_id, name in session.exec(query):
        result.setdefault(row_id, []).append(name)
    return {k: tuple(v) for k, v in result.items()}


def ids_with_tag(entity: str, tag_name: str):  # type: ignore[no-untyped-def]
    """A subquery of the row ids of `entity` carrying `tag_name`, for list filters."""
    return (select(Tagging.row_id).join(Tag, col(Tag.id) == Tagging.tag_id)
            .where(Tagging.entity == entity, func.lower(Tag.name) == tag_name.lower(),
                   col(Tagging.deleted_at).is_(None)))


def live_matching(statement: Any, table: type[Record], tag: str | None = None,
                  **equal: Any) -> Any:
    """The list filter every page shares: live rows of `table`, carrying `tag` (when given) and
    with each given column equal to its value (empty values pick everything)."""
    statement = statement.where(col(table.deleted_at).is_(None))
    if tag:
        statement = statement.where(col(table.id).in_(ids_with_tag(ENTITY_OF[table], tag)))
    for name, value in equal.items():
        if value:
            statement = statement.where(getattr(table, name) == value)
    return statement
