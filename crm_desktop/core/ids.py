"""Record ids: time-ordered UUIDs (version 7) as text; never autoincrement (sync merges laptops)."""

from __future__ import annotations

import uuid6


def new_id() -> str:
    return str(uuid6.uuid7())
