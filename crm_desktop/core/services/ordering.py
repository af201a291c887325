"""What every list query shares: a sort order chosen from the list's sortable keys, pages read
straight from an index, and the owners to offer in an owner filter.

A sort key reads its rows as one or more *parts*, one after the other, each in the order of an
index on live rows, so a page at row 50,000 costs about what the first page does (parts wholly
before the page are only counted). Most keys are one part: the column, then the id. A code column
shown in a fixed order (lead → prospect → customer) is one part per code; the name of a linked
record (a contact's company) is the rows without a live link, then the linked ones in the
order of the linked records' names. The id is always the last tiebreaker, and a descending order
is the ascending one reversed, ids included: pages never skip or repeat a row.

A filtered list (one owner's rows, one stage) is usually small next to the whole: walking the
index of the whole list to find its rows would cost more than sorting them, so there every key
is one part and SQLite sorts the rows the filter selects, in the same order.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import and_, asc, case, desc
from sqlmodel import Session, col, select

from crm_desktop.core.domain import rules
from crm_desktop.core.search.text import sort_key
from crm_desktop.core.storage.tables import Record

Narrow = Callable[[Any], Any]


@dataclass(frozen=True)
class Ordering:
    """A list's order: one of the list's sortable keys, ascending unless `descending`."""

    key: str
    descending: bool = False


@dataclass(frozen=True)
class Part:
    """One stretch of a sorted list: `narrow` adds the joins and conditions that pick its rows
    (to a row or a count statement alike), `order` sorts them. A part `sized_by_rest` (at most
    one in a list) is counted as all the rows minus the other parts: cheaper than counting it."""

    order: tuple[Any, ...]
    narrow: Narrow | None = None
    sized_by_rest: bool = False

    def apply(self, statement: Any) -> Any:
        return self.narrow(statement) if self.narrow else statement


class SortKey(Protocol):
    def parts(self, row_id: Any, descending: bool, narrowed: bool) -> list[Part]:
        """How to read the list in this order; `narrowed` when a filter picks some rows only."""
        ...


def directed(terms: Sequence[Any], descending: bool) -> tuple[Any, ...]:
    return tuple(desc(term) if descending else asc(term) for term in terms)


def _where(condition: Any) -> Narrow:
    return lambda statement: statement.where(condition)


@dataclass(frozen=True)
class Columns:
    """Sort by these columns (or expressions), then by the id."""

    columns: tuple[Any, ...]

    def parts(self, row_id: Any, descending: bool, narrowed: bool) -> list[Part]:
        return [Part(directed((*self.columns, row_id), descending))]


def by(*columns: Any) -> Columns:
    return Columns(columns)


@dataclass(frozen=True)
class Ranked:
    """A code column in its own order rather than A–Z (low, normal, high, urgent): the rows of
    each code in turn, each by id from the (column, id) index; codes not listed come last (and
    are counted as the rest: SQLite cannot count `NOT IN` from the index)."""

    column: Any
    codes: tuple[str, ...]

    def parts(self, row_id: Any, descending: bool, narrowed: bool) -> list[Part]:
        column = col(self.column)
        if narrowed:
            rank = case({code: n for n, code in enumerate(self.codes)}, value=column,
                        else_=len(self.codes)) if self.codes else column
            return [Part(directed((rank, column, row_id), descending))]
        parts = [Part(directed((row_id,), descending), _where(column == code))
                 for code in self.codes]
        parts.append(Part(directed((column, row_id), descending),
                          _where(column.not_in(self.codes)), sized_by_rest=True))
        return parts[::-1] if descending else parts


@dataclass(frozen=True)
class Linked:
    """By the sort key of a linked record (a contact's company): first the rows without a link,
    then those whose linked record is in the recycle bin (both show no name), then the linked
    ones, walking the linked records in (sort key, id) order and each one's rows by id.

    The walk reads both sides from their indexes without sorting when SQLite knows each linked
    record comes once: the linked table's (sort key, id) index is UNIQUE for that (it can never
    refuse a row, the id being unique). Every link leads to a row (foreign keys are enforced),
    live or in the bin, so the three parts hold every row.
    """

    link: Any
    target: type[Record]
    target_key: Any

    def parts(self, row_id: Any, descending: bool, narrowed: bool) -> list[Part]:
        link, target_id = col(self.link), col(self.target.id)
        live = col(self.target.deleted_at).is_(None)
        if narrowed:
            group = case((link.is_(None), 0), (target_id.is_(None), 1), else_=2)
            return [Part(directed((group, self.target_key, target_id, row_id), descending),
                         lambda statement: statement.outerjoin(self.target,
                                                               and_(link == target_id, live)))]
        in_bin = select(target_id).where(col(self.target.deleted_at).is_not(None))
        # `id || ''` is the same id but no longer an indexed column, so SQLite cannot start from
        # the rows and look their linked record up by id: it walks the linked records in order.
        on = and_(link == target_id + "", live)
        parts = [Part(directed((row_id,), descending), _where(link.is_(None))),
                 Part(directed((row_id,), descending), _where(link.in_(in_bin))),
                 Part(directed((self.target_key, target_id, row_id), descending),
                      lambda statement: statement.join(self.target, on), sized_by_rest=True)]
        return parts[::-1] if descending else parts


def sort_parts(ordering: Ordering, sorts: Mapping[str, SortKey], row_id: Any,
               narrowed: bool = False) -> list[Part]:
    """How to read a list in `ordering` (`narrowed`: a filter picks some of its rows); a key that
    is not one of `sorts` is refused, naming them."""
    key = rules.choice(ordering.key, sorts, "sort")
    return sorts[key].parts(row_id, ordering.descending, narrowed)


def read_page(session: Session, rows: Any, counted: Any, parts: list[Part], offset: int,
              limit: int) -> list[Any]:
    """Rows `offset` … `offset + limit - 1` of the parts read one after another.

    `rows` and `counted` are the list's filtered row and count statements."""
    found: list[Any] = []
    for index, part in enumerate(parts):
        if len(found) >= limit:
            break
        if offset and index < len(parts) - 1:
            size = _size(session, counted, parts, index)
            if offset >= size:
                offset -= size
                continue
        statement = part.apply(rows).order_by(*part.order)
        found.extend(session.exec(statement.offset(offset).limit(limit - len(found))))
        offset = 0
    return found


def _size(session: Session, counted: Any, parts: list[Part], index: int) -> int:
    if not parts[index].sized_by_rest:
        return int(session.exec(parts[index].apply(counted)).one())
    others = sum(_size(session, counted, parts, i) for i in range(len(parts)) if i != index)
    return int(session.exec(counted).one()) - others


def live_owners(session: Session, table: type[Record]) -> list[str]:
    """Everyone who owns at least one live row of `table`, in name order (pinyin for Chinese),
    for an owner filter; read from the table's (owner, …) index on live rows."""
    owner = col(table.owner)
    query = select(owner).where(col(table.deleted_at).is_(None), owner > "").distinct()
    return sorted(session.exec(query), key=sort_key)
