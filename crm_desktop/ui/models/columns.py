"""A table model's columns, declared once: key, translated header, and how to show a record."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Column(Generic[T]):
    key: str
    header: str
    text: Callable[[T], str]
    align_right: bool = False

    def display(self, record: T) -> Any:
        return self.text(record)
