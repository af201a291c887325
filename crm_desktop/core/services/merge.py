"""Merging two contacts into one, inside the caller's transaction (one journal batch, so one undo).

Field by field the kept contact's value wins, or the other's where the kept one is blank, unless
`take` chooses a side. Emails, phones and addresses are united (the chosen side's first, so its
primary stays primary); custom fields are united (the chosen side wins a clash). Every deal,
note, reminder, service log and tag of the other contact moves to the kept one, and the other
goes to the recycle bin.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Literal

from sqlmodel import col, select

from crm_desktop.core.errors import (
    MergeChoiceError,
    MergeContactDeletedError,
    MergeContactNotFoundError,
    MergeFieldError,
    MergeSameContactError,
)
from crm_desktop.core.storage.database import Tx
from crm_desktop.core.storage.tables import Contact, Deal, Note, Reminder, ServiceLog, Tagging

Choice = Literal["keep", "other"]
CHOICES: tuple[Choice, ...] = ("keep", "other")
# A choice takes these columns together: a name's parts, or consent with its date and source,
# never half from each contact.
GROUPS: dict[str, tuple[str, ...]] = {
    "name": ("display_name", "family_name", "given_name", "name_order", "sort_key"),
    "company": ("company_id",),
    "title": ("title",),
    "birthday": ("birthday",),
    "lead_source": ("lead_source",),
    "lifecycle_stage": ("lifecycle_stage",),
    "marketing_consent": ("marketing_consent", "consent_date", "consent_source"),
    "owner": ("owner",),
}
LIST_FIELDS = ("emails", "phones", "addresses")
MERGE_FIELDS: tuple[str, ...] = (*GROUPS, *LIST_FIELDS, "custom_fields")
LINKED_TABLES = (Deal, Note, Reminder, ServiceLog)


def merge_contacts(tx: Tx, keep_id: str, other_id: str,
                   take: Mapping[str, str] | None = None) -> Contact:
    """Merge `other_id` into `keep_id`; returns the kept row."""
    choices = checked_choices(take or {})
    keep, other = _live_pair(tx, keep_id, other_id)
    tx.update(keep, merged_values(keep, other, choices))
    for table in LINKED_TABLES:
        _move_links(tx, table, other.id, keep.id)
    _move_tags(tx, other.id, keep.id)
    tx.soft_delete(other)
    tx.touch("contact", keep.id)  # its deals and tags changed even if no field of its own did
    return keep


def checked_choices(take: Mapping[str, str]) -> dict[str, Choice]:
    for field, choice in take.items():
        if field not in MERGE_FIELDS:
            raise MergeFieldError(field=field, fields=", ".join(MERGE_FIELDS))
        if choice not in CHOICES:
            raise MergeChoiceError(field=field, choice=choice)
    return {field: "other" if choice == "other" else "keep" for field, choice in take.items()}


def _live_pair(tx: Tx, keep_id: str, other_id: str) -> tuple[Contact, Contact]:
    if keep_id == other_id:
        raise MergeSameContactError()
    return _live(tx, keep_id), _live(tx, other_id)


def _live(tx: Tx, contact_id: str) -> Contact:
    row = tx.session.get(Contact, contact_id)
    if row is None:
        raise MergeContactNotFoundError(id=contact_id)
    if row.deleted_at is not None:
        raise MergeContactDeletedError(id=contact_id)
    return row


def merged_values(keep: Contact, other: Contact, choices: Mapping[str, Choice]) -> dict[str, Any]:
    """The kept contact's new values (unchanged ones included; the journal keeps only changes)."""
    values: dict[str, Any] = {}
    for field, columns in GROUPS.items():
        source = _source(keep, other, field, columns, choices)
        values.update({column: getattr(source, column) for column in columns})
    for field in LIST_FIELDS:
        first, second = _ordered(keep, other, choices.get(field))
        values[field] = united(getattr(first, field), getattr(second, field), UNITE_KEYS[field])
    first, second = _ordered(keep, other, choices.get("custom_fields"))
    values["custom_fields"] = dict(second.custom_fields) | dict(first.custom_fields)
    return values


def _source(keep: Contact, other: Contact, field: str, columns: tuple[str, ...],
            choices: Mapping[str, Choice]) -> Contact:
    if field in choices:
        return other if choices[field] == "other" else keep
    return other if all(_blank(getattr(keep, c)) for c in columns) else keep


def _ordered(keep: Contact, other: Contact, choice: Choice | None) -> tuple[Contact, Contact]:
    return (other, keep) if choice == "other" else (keep, other)


def _blank(value: Any) -> bool:
    return value is None or value is False or (isinstance(value, (str, list, dict)) and not value)


def united(first: list[dict[str, str]], second: list[dict[str, str]],
           key: Callable[[dict[str, str]], object]) -> list[dict[str, str]]:
    """Both lists, `first`'s items first, an item `second` repeats (by `key`) kept once."""
    seen: set[object] = set()
    result: list[dict[str, str]] = []
    for item in [*first, *second]:
        if (marker := key(item)) not in seen:
            seen.add(marker)
            result.append(dict(item))
    return result


def _address_key(item: dict[str, str]) -> object:
    return tuple(sorted((k, " ".join(str(v).casefold().split())) for k, v in item.items()
                        if k != "label"))


UNITE_KEYS: dict[str, Callable[[dict[str, str]], object]] = {
    "emails": lambda item: item.get("value", "").casefold(),
    "phones": lambda item: item.get("value", ""),
    "addresses": _address_key,
}


def _move_links(tx: Tx, table: type[Deal | Note | Reminder | ServiceLog], other_id: str,
                keep_id: str) -> None:
    """Binned records move too: restored later, they belong to the kept contact."""
    for row in list(tx.session.exec(select(table).where(col(table.contact_id) == other_id))):
        tx.update(row, {"contact_id": keep_id})


def _move_tags(tx: Tx, other_id: str, keep_id: str) -> None:
    """A tag the kept contact already has is dropped from the other, not doubled."""
    query = select(Tagging).where(Tagging.entity == "contact",
                                  col(Tagging.row_id).in_((keep_id, other_id)),
                                  col(Tagging.deleted_at).is_(None))
    links = list(tx.session.exec(query))
    held = {link.tag_id for link in links if link.row_id == keep_id}
    for link in (link for link in links if link.row_id == other_id):
        if link.tag_id in held:
            tx.soft_delete(link)
        else:
            tx.update(link, {"row_id": keep_id})
            held.add(link.tag_id)
