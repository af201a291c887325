"""Record ids: time-ordered UUIDs (version 7) as text; never autoincrement (sync merges laptops)."""

from __future__ import annotations

from uuid import UUID

import uuid6


def new_id() -> str:
    return str(uuid6.uuid7())


def is_id(text: str) -> bool:
    """True for text shaped like one of our ids (a UUID), not a spreadsheet's own 1, 2, 3."""
    if len(text) < 32:  # the common case, an empty id column: no exception raised and caught
        return False
    try:
        UUID(text)
    except ValueError:
        return False
    return True
