"""Where every export lands: a private temp file beside the target, fsynced, then renamed over it.

A failure at any point (folder missing, read-only, disk full, an error while formatting) removes
the temp file, so the target is the old file or the whole new one and nothing else is left.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from crm_desktop.core.errors import ExportDiskFullError, ExportFolderError, ExportWriteError
from crm_desktop.core.storage.files import fsync_directory

Progress = Callable[[int, int], None]
FOLDER_ERRORS = (errno.ENOENT, errno.ENOTDIR, errno.EROFS, errno.EACCES, errno.EPERM)
FULL_ERRORS = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG)


@dataclass(frozen=True)
class ExportResult:
    """The file written and how many records it holds."""

    path: Path
    count: int


@contextmanager
def atomic_file(path: Path) -> Iterator[BinaryIO]:
    """A binary handle on a temp file that becomes `path` when the block ends without error."""
    path = Path(path)
    temp: Path | None = None
    try:
        fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        temp = Path(temp_name)
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
        temp = None
        fsync_directory(path.parent)
    except OSError as exc:
        raise export_error(exc, path) from exc
    finally:
        if temp is not None:
            temp.unlink(missing_ok=True)


def export_error(exc: OSError, path: Path) -> ExportWriteError:
    """The OS error as a message naming the file and what to do about it."""
    if exc.errno in FULL_ERRORS:
        return ExportDiskFullError(path=str(path))
    if exc.errno in FOLDER_ERRORS:
        return ExportFolderError(path=str(path))
    return ExportWriteError(path=str(path), reason=exc.strerror or type(exc).__name__)


def report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)
