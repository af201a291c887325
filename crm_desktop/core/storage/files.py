"""File-system steps the workspace, its key slots and its backups share: durable renames and
OS errors turned into the user-facing errors that explain them."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from crm_desktop.core.errors import DiskFullError, ReadOnlyError, StorageError

GONE = (errno.ENOENT, errno.ENODEV, errno.EIO, getattr(errno, "ENXIO", errno.EIO))


def fsync_directory(directory: Path) -> None:
    """Make a rename in `directory` durable."""
    if os.name == "nt":  # Windows cannot open a directory; NTFS journals the rename itself
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        pass  # some filesystems refuse fsync on directories; the rename has already happened


def storage_error(exc: OSError, path: Path) -> StorageError:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return DiskFullError()
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return ReadOnlyError(path=str(path.parent))
    return StorageError(reason=exc.strerror or str(exc))


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a private temp file beside `path`, fsync, rename over it: old or new, never half."""
    path = Path(path)
    temp_name: str | None = None
    try:
        fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
        temp_name = None
        fsync_directory(path.parent)
    except OSError as exc:
        raise storage_error(exc, path) from exc
    finally:
        if temp_name is not None:
            try:
                os.unlink(temp_name)
            except OSError:
                pass
