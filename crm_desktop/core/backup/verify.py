"""Checking a backup end to end: its manifest, the database's SHA-256, that its key opens it,
SQLCipher's page check, SQLite's integrity check, and the record counts."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from crm_desktop.core.backup import archive
from crm_desktop.core.backup.manifest import Manifest
from crm_desktop.core.backup.progress import Progress
from crm_desktop.core.errors import BackupDamagedError, BackupKeyError, BackupNotFoundError, CrmError
from crm_desktop.core.i18n import N_
from crm_desktop.core.ids import new_id
from crm_desktop.core.security import keyslots
from crm_desktop.core.storage import snapshot

CHECK_LABELS = {
    "readable": N_("Readable backup file"),
    "checksum": N_("Checksum (SHA-256) and manifest"),
    "key": N_("Opens with its key"),
    "pages": N_("Every page authentic (cipher_integrity_check)"),
    "integrity": N_("Database structure (integrity_check)"),
    "counts": N_("Record counts match the manifest"),
}
CHECKS = tuple(CHECK_LABELS)


@dataclass(frozen=True)
class Check:
    name: str  # one of CHECKS
    ok: bool
    detail: str = ""


@dataclass(frozen=True)
class VerifyReport:
    path: Path
    manifest: Manifest | None
    checks: tuple[Check, ...]

    @property
    def ok(self) -> bool:
        return len(self.checks) == len(CHECKS) and all(check.ok for check in self.checks)

    @property
    def problem(self) -> str:
        return next((check.detail for check in self.checks if not check.ok), "")


@dataclass(frozen=True)
class BackupKey:
    """How to open a backup: the workspace's own data key, or the passphrase / recovery key
    that was valid when the backup was made."""

    data_key: bytes | None = None
    passphrase: str | None = None
    recovery_key: str | None = None


def read_backup(path: Path) -> tuple[Manifest, keyslots.KeySlots]:
    if not Path(path).is_file():
        raise BackupNotFoundError(path=str(path))
    return archive.read_header(Path(path))


def unlock_backup(manifest: Manifest, slots: keyslots.KeySlots, key: BackupKey) -> bytes:
    """The backup's data key; BackupKeyError when none of the given keys opens it."""
    if key.data_key is not None and manifest.signature_valid(key.data_key):
        return key.data_key
    if key.passphrase:
        return keyslots.unlock_with_passphrase(slots, key.passphrase)
    if key.recovery_key:
        return keyslots.unlock_with_recovery_key(slots, key.recovery_key)
    raise BackupKeyError()


def verify_backup(path: Path, key: BackupKey, work: Path, *, progress: Progress | None = None,
                  keep_as: Path | None = None) -> VerifyReport:
    """Verify `path` where it lies. With `keep_as`, the database is also copied there (restore
    uses it) while it is checked — and removed again unless it passed every check."""
    try:
        manifest, slots = read_backup(path)
    except BackupDamagedError as error:
        return VerifyReport(path, None, (Check("readable", False, str(error)),))
    data_key = unlock_backup(manifest, slots, key)
    checks = [Check("readable", True)]
    if not manifest.signature_valid(data_key):
        return VerifyReport(path, manifest, (*checks, Check("checksum", False, _damaged(path))))
    copy = work / f"verify-{new_id()}.db" if keep_as is not None else None
    try:
        checks += _check_in_place(path, manifest, data_key, progress, copy)
        if copy is not None and keep_as is not None and all(check.ok for check in checks):
            copy.replace(keep_as)
    finally:
        if copy is not None:
            copy.unlink(missing_ok=True)
    return VerifyReport(path, manifest, tuple(checks))


def _check_in_place(path: Path, manifest: Manifest, data_key: bytes,
                    progress: Progress | None, copy: Path | None) -> list[Check]:
    """The checksum (and the copy, if one is wanted) runs beside the page and structure checks:
    they all release the GIL. A copy whose SHA-256 matches holds the bytes that were checked."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        checksum = pool.submit(_checksum_matches, path, manifest, copy)
        content = check_database(path, data_key, manifest, progress, manifest.database_bytes)
        matches = checksum.result()
    if not matches:
        return [Check("checksum", False, _damaged(path))]
    return [Check("checksum", True), *content]


def _checksum_matches(path: Path, manifest: Manifest, copy: Path | None) -> bool:
    try:
        if copy is None:
            return archive.sha256_of(path, manifest.database_bytes) == manifest.database_sha256
        copy.parent.mkdir(parents=True, exist_ok=True)
        archive.extract_database(path, copy, manifest)  # raises when the SHA-256 differs
        return True
    except BackupDamagedError:
        return False


def _damaged(path: Path) -> str:
    return str(BackupDamagedError(path=str(path)))


def check_database(database: Path, data_key: bytes, manifest: Manifest,
                   progress: Progress | None = None,
                   database_bytes: int | None = None) -> list[Check]:
    """The key opens it, every page authenticates, SQLite finds every table and index sound,
    and the counts match the manifest."""
    try:
        pages, problems = snapshot.check_file(database, data_key, progress, database_bytes)
    except CrmError as error:
        return [Check("key", False, str(error))]
    try:
        _revision, counts = snapshot.describe(database, data_key)
    except CrmError as error:
        return [Check("key", True), Check("pages", not pages, "; ".join(pages[:3])),
                Check("integrity", False, str(error))]
    return [Check("key", True),
            Check("pages", not pages, "; ".join(pages[:3])),
            Check("integrity", not problems, "; ".join(problems[:3])),
            Check("counts", counts == manifest.counts,
                  "" if counts == manifest.counts else _count_difference(manifest.counts, counts))]


def _count_difference(expected: dict[str, int], found: dict[str, int]) -> str:
    differing = sorted(k for k in expected.keys() | found.keys() if expected.get(k) != found.get(k))
    return ", ".join(f"{k}: {expected.get(k, 0)} → {found.get(k, 0)}" for k in differing)
