"""One writer per workspace: an OS file lock, released automatically if the process dies."""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout

from crm_desktop.core.errors import WorkspaceLockedError


class WorkspaceLock:
    def __init__(self, path: Path) -> None:
        self._lock = FileLock(str(path), timeout=0, is_singleton=False, thread_local=False)

    def acquire(self) -> None:
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            raise WorkspaceLockedError() from None

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release(force=True)
