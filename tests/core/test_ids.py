"""Record ids: RFC 9562 version-7 UUIDs that sort in the order they were made."""

from __future__ import annotations

import time
import uuid
from concurrent.futures import ThreadPoolExecutor

from crm_desktop.core.ids import is_id, new_id


def test_ids_are_version_7_uuids_carrying_the_current_time() -> None:
    """An id is a standard UUIDv7 whose first 48 bits are the milliseconds it was made at."""
    before = time.time_ns() // 1_000_000
    made = uuid.UUID(new_id())
    after = time.time_ns() // 1_000_000
    assert (made.version, made.variant) == (7, uuid.RFC_4122)
    assert before <= made.int >> 80 <= after + 1
    assert is_id(str(made))


def test_ids_made_in_a_row_sort_in_that_order_and_never_repeat() -> None:
    """Many ids within the same millisecond still sort as made, from any thread."""
    ids = [new_id() for _ in range(20_000)]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    with ThreadPoolExecutor(4) as pool:
        batches = list(pool.map(lambda _n: [new_id() for _ in range(5_000)], range(4)))
    every = [made for batch in batches for made in batch]
    assert len(set(every) | set(ids)) == len(ids) + len(every)
    assert all(batch == sorted(batch) for batch in batches)
    assert min(every) > max(ids)


def test_ids_stay_close_to_the_clock_when_many_are_made() -> None:
    """A 100,000-row import's ids do not run ahead of the clock by more than a moment."""
    for _ in range(100_000):
        last = new_id()
    assert uuid.UUID(last).int >> 80 <= time.time_ns() // 1_000_000 + 50
