"""The backup file: the encrypted database, followed by a small zip holding the manifest and
the key slots valid when it was made (a zip may follow other data, as self-extracting archives
do: any zip tool lists it). The database comes first so the backup API can write it straight
into the backup folder — one pass, no second copy.

It is written under a hidden temporary name, checked, fsynced, then renamed: a file with a final
name is always complete and verified. Reading never trusts the zip alone: the database's SHA-256
must match the manifest.
"""

from __future__ import annotations

import hashlib
import os
import zipfile
from pathlib import Path

from crm_desktop.core.backup.manifest import Manifest
from crm_desktop.core.backup.progress import Progress
from crm_desktop.core.errors import BackupDamagedError
from crm_desktop.core.security.keyslots import KeySlots

MANIFEST, KEY_SLOTS = "manifest.json", "keyslots.json"
CHUNK = 4 * 1024 * 1024
READ_ERRORS = (OSError, zipfile.BadZipFile, ValueError, KeyError, TypeError, EOFError)


def partial_name(target: Path) -> Path:
    """Where a backup is written before it has earned its final name (hidden from listings)."""
    return target.with_name(f".{target.name}.partial")


def sha256_of(path: Path, length: int | None = None, progress: Progress | None = None) -> str:
    """SHA-256 of the first `length` bytes (all by default)."""
    total = path.stat().st_size if length is None else length
    digest, done = hashlib.sha256(), 0
    with open(path, "rb") as source:
        while done < total and (chunk := source.read(min(CHUNK, total - done))):
            digest.update(chunk)
            done += len(chunk)
            if progress:
                progress(done, total)
    if done != total:
        raise BackupDamagedError(path=str(path))
    return digest.hexdigest()


def append_trailer(path: Path, slots: KeySlots, manifest: Manifest) -> None:
    """Add the zip with the key slots and the manifest after the database, and fsync."""
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(KEY_SLOTS, slots.to_json())
        archive.writestr(MANIFEST, manifest.to_json())
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def read_header(path: Path) -> tuple[Manifest, KeySlots]:
    """The manifest and key slots of a backup; BackupDamagedError if it is not a readable backup."""
    try:
        with zipfile.ZipFile(path) as archive:
            manifest = Manifest.from_json(archive.read(MANIFEST).decode("utf-8"))
            slots = KeySlots.from_json(archive.read(KEY_SLOTS).decode("utf-8"))
    except FileNotFoundError:
        raise
    except READ_ERRORS as exc:
        raise BackupDamagedError(path=str(path)) from exc
    if manifest.database_bytes <= 0 or manifest.database_bytes > path.stat().st_size:
        raise BackupDamagedError(path=str(path))
    return manifest, slots


def extract_database(path: Path, destination: Path, manifest: Manifest,
                     progress: Progress | None = None) -> None:
    """Copy the database out of the backup, checking its SHA-256 against the manifest."""
    digest, done, total = hashlib.sha256(), 0, manifest.database_bytes
    try:
        with open(path, "rb") as source, open(destination, "wb") as out:
            while done < total and (chunk := source.read(min(CHUNK, total - done))):
                digest.update(chunk)
                out.write(chunk)
                done += len(chunk)
                if progress:
                    progress(done, total)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        destination.unlink(missing_ok=True)
        raise
    if done != total or digest.hexdigest() != manifest.database_sha256:
        destination.unlink(missing_ok=True)
        raise BackupDamagedError(path=str(path))
