"""File-system steps the workspace, its key slots and its backups share: durable renames and
OS errors turned into the user-facing errors that explain them."""

from __future__ import annotations

import errno
import os
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
