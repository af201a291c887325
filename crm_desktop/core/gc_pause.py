"""Big batches (100,000 imported rows, the duplicate index) make few reference cycles, yet the
cyclic collector would walk every object they hold again and again as they grow: a quarter to a
third of their time. Memory is still freed as usual (reference counting); only the cycle hunt
waits until the batch is done. The GUI's own collector (ui/garbage.py) asks `paused()`."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_guard = threading.Lock()
_pauses = 0  # batches running now, in any thread
_was_enabled = False  # automatic collection before the first of them


@contextmanager
def without_cyclic_gc() -> Iterator[None]:
    global _pauses, _was_enabled
    with _guard:
        _pauses += 1
        if _pauses == 1:
            _was_enabled = gc.isenabled()
            gc.disable()
    try:
        yield
    finally:
        with _guard:
            _pauses -= 1
            if _pauses == 0:
                # What the batches made goes to the oldest generation unexamined (freeze, then
                # unfreeze): left young, the next collection would walk all of it at once.
                gc.freeze()
                gc.unfreeze()
                if _was_enabled:
                    gc.enable()


def paused() -> bool:
    """True while a batch runs: a manual collector should wait too."""
    return _pauses > 0
