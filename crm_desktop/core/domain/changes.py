"""What a mutation changed, so screens can refresh themselves (Anki's OpChanges idea)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    """Ids touched per entity name ("contact", "deal", ...)."""

    by_entity: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, touched: set[tuple[str, str]]) -> Changes:
        grouped: dict[str, set[str]] = {}
        for entity, row_id in touched:
            grouped.setdefault(entity, set()).add(row_id)
        return cls({entity: frozenset(ids) for entity, ids in grouped.items()})

    def ids(self, entity: str) -> frozenset[str]:
        return self.by_entity.get(entity, frozenset())

    def touches(self, entity: str) -> bool:
        return bool(self.by_entity.get(entity))

    def __bool__(self) -> bool:
        return any(self.by_entity.values())


@dataclass(frozen=True)
class Outcome(Generic[T]):
    value: T
    changes: Changes
