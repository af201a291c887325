"""Backups: one verified, encrypted file per backup that restores the workspace exactly."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from crm_desktop.core.backup.naming import backups_in
from crm_desktop.core.backup.restore import apply_restore, prepare_restore
from crm_desktop.core.backup.verify import BackupKey, read_backup, verify_backup
from crm_desktop.core.config.paths import AppPaths
from crm_desktop.core.crm import Crm, open_crm
from crm_desktop.core.domain.models import ContactCreate, ContactUpdate
from crm_desktop.core.errors import (
    BackupDamagedError,
    BackupFolderMissingError,
    BackupInsideWorkspaceError,
    BackupKeyError,
    BackupTooNewError,
    RestoreFailedError,
    WrongPassphraseError,
)
from crm_desktop.core.security.keystore import MemoryKeyStore
from crm_desktop.core.security.vault import Vault
from crm_desktop.core.storage.engine import build_engine
from crm_desktop.core.storage.migrate import SCHEMA_HEAD, current_revision
from tests.conftest import PASSPHRASE
from tests.core.backup_support import add_canary_data, contains_canary, dump, rewrite_trailer
from tests.fixtures.make_old_backup import FIXTURE, FIXTURE_PASSPHRASE


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def test_backup_is_one_named_file_with_manifest_and_key_slots(crm: Crm, usb: Path) -> None:
    """A backup is one crm-backup-….crmbak holding the database, the key slots and a manifest."""
    crm.contacts.add(ContactCreate(display_name="张伟"))
    report = crm.backups.back_up(usb, now=datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC))
    assert report.ok
    assert [p.name for p in usb.iterdir()] == ["crm-backup-20260304-050607.crmbak"]
    with zipfile.ZipFile(report.path) as archive:  # any zip tool can read the trailer
        assert sorted(archive.namelist()) == ["keyslots.json", "manifest.json"]
    assert report.path.read_bytes()[:16] != b"SQLite format 3\x00"  # the database is encrypted
    manifest = report.manifest
    assert manifest is not None and manifest.counts["contacts"] == 1
    assert manifest.schema_revision and manifest.device_id == crm.device_id


def test_round_trip_restores_every_record_and_the_journal(crm: Crm, workspace: AppPaths,
                                                          data_key: bytes, usb: Path) -> None:
    """Back up, change and delete, restore: the workspace equals the backup, journal included."""
    kept = crm.contacts.add(ContactCreate(display_name="李娜", title="Buyer")).value
    gone = crm.contacts.add(ContactCreate(display_name="Wang Fang")).value
    report = crm.backups.back_up(usb)
    crm.close()
    at_backup = dump(workspace.database, data_key)
    with open_crm(workspace, data_key) as later:
        later.contacts.update(kept.id, ContactUpdate(title="Manager"))
        later.contacts.delete(gone.id)
        later.contacts.add(ContactCreate(display_name="New after backup"))
    assert dump(workspace.database, data_key) != at_backup
    plan = prepare_restore(workspace, report.path, BackupKey(data_key=data_key))
    safety = apply_restore(workspace, plan)
    assert dump(workspace.database, data_key) == at_backup
    assert (safety / "crm.db").exists()  # the replaced workspace is kept aside
    with open_crm(workspace, data_key) as restored:
        assert restored.contacts.get(kept.id).title == "Buyer"
        assert restored.contacts.get(gone.id).display_name == "Wang Fang"


def test_backup_and_its_folder_hold_no_plaintext_customer_data(crm: Crm, usb: Path) -> None:
    """A canary name, email and note appear in no backup file, in UTF-8 or UTF-16."""
    add_canary_data(crm)
    crm.backups.back_up(usb)
    crm.backups.back_up(usb)
    files = [p for p in usb.rglob("*") if p.is_file()]
    assert len(files) == 2
    assert not any(contains_canary(p) for p in files)


def test_verify_accepts_the_passphrase_or_recovery_key_of_the_day(crm: Crm, usb: Path,
                                                                  recovery_key: str) -> None:
    """Without the workspace key a backup opens with its passphrase or recovery key only."""
    report = crm.backups.back_up(usb)
    folder_before = sorted(usb.iterdir())
    work = usb.parent / "scratch"
    assert verify_backup(report.path, BackupKey(passphrase=PASSPHRASE), work).ok
    assert verify_backup(report.path, BackupKey(recovery_key=recovery_key), work).ok
    with pytest.raises(WrongPassphraseError):
        verify_backup(report.path, BackupKey(passphrase="not the passphrase"), work)
    with pytest.raises(BackupKeyError):
        verify_backup(report.path, BackupKey(data_key=bytes(32)), work)
    assert not work.exists()  # checked where it lies: no scratch copy
    assert sorted(usb.iterdir()) == folder_before  # and nothing written beside it


@pytest.mark.parametrize("damage", ["truncate", "flip", "foreign"])
def test_damaged_backup_fails_verify_and_restore_leaves_workspace(
        crm: Crm, workspace: AppPaths, data_key: bytes, usb: Path, damage: str) -> None:
    """A truncated, bit-flipped or foreign file fails verification; restore changes nothing."""
    crm.contacts.add(ContactCreate(display_name="Still here"))
    path = crm.backups.back_up(usb).path
    data = bytearray(path.read_bytes())
    if damage == "truncate":
        data = data[: len(data) // 2]
    elif damage == "flip":
        data[len(data) // 3] ^= 0x10
    else:
        data = bytearray(b"PK\x03\x04 not really a backup" * 100)
    path.write_bytes(bytes(data))
    report = crm.backups.verify(path)
    assert not report.ok and report.problem
    crm.close()
    before = dump(workspace.database, data_key)
    with pytest.raises((RestoreFailedError, BackupDamagedError)) as raised:
        prepare_restore(workspace, path, BackupKey(data_key=data_key))
    assert "damaged" in str(raised.value) or "could not be restored" in str(raised.value)
    assert dump(workspace.database, data_key) == before
    assert not list(workspace.backup_work.glob("restore-staged*"))


def test_backup_folder_must_exist_and_lie_outside_the_workspace(crm: Crm, tmp_path: Path) -> None:
    """A missing folder (USB unplugged) or one inside the workspace gets a clear message."""
    with pytest.raises(BackupFolderMissingError, match="plug the stick in"):
        crm.backups.back_up(tmp_path / "unplugged")
    inside = crm.paths.root / "backups"
    inside.mkdir()
    with pytest.raises(BackupInsideWorkspaceError):
        crm.backups.back_up(inside)


def test_restore_with_other_keys_asks_for_that_backups_passphrase(
        crm: Crm, usb: Path, tmp_path: Path) -> None:
    """A backup of another workspace needs its own passphrase, and brings its key slots along."""
    crm.contacts.add(ContactCreate(display_name="From the old laptop"))
    path = crm.backups.back_up(usb).path
    new_laptop = AppPaths.under(tmp_path / "new-laptop")
    with pytest.raises(BackupKeyError):
        prepare_restore(new_laptop, path, BackupKey(data_key=bytes(32)))
    plan = prepare_restore(new_laptop, path, BackupKey(passphrase=PASSPHRASE))
    apply_restore(new_laptop, plan)
    key = Vault(new_laptop, MemoryKeyStore()).unlock(PASSPHRASE)
    with open_crm(new_laptop, key) as restored:
        assert restored.contacts.page()[0].display_name == "From the old laptop"


def test_list_shows_backups_newest_first_and_hides_partial_files(crm: Crm, usb: Path) -> None:
    """Listing shows finished backups only, newest first, with their manifests."""
    first = crm.backups.back_up(usb, now=datetime(2026, 1, 1, tzinfo=UTC)).path
    second = crm.backups.back_up(usb, now=datetime(2026, 1, 2, tzinfo=UTC)).path
    (usb / f".{second.name}.partial").write_bytes(b"half")
    (usb / "holiday.jpg").write_bytes(b"not ours")
    entries = crm.backups.list(usb)
    assert [e.path for e in entries] == [second, first]
    assert all(e.manifest is not None for e in entries)
    assert backups_in(usb) == [second, first]


def test_backup_from_the_first_schema_restores_and_upgrades(tmp_path: Path) -> None:
    """A backup made at schema 0001 restores into today's app, migrated, nothing lost."""
    laptop = AppPaths.under(tmp_path / "laptop")
    plan = prepare_restore(laptop, FIXTURE, BackupKey(passphrase=FIXTURE_PASSPHRASE))
    assert plan.manifest.schema_revision == "0001" and plan.new_keys
    apply_restore(laptop, plan)
    key = Vault(laptop, MemoryKeyStore()).unlock(FIXTURE_PASSPHRASE)
    with open_crm(laptop, key) as restored:
        names = [c.display_name for c in restored.contacts.page()]
        assert names == ["Alice Baker", "欧阳娜娜", "张伟"]  # pinyin order: sort keys backfilled
        zhang = restored.search("zw")[0]
        assert restored.deals.page()[0].title == "年度合同" and zhang.title == "张伟"
        assert restored.backups.back_up(tmp_path).ok  # and it backs up again
    assert current_revision(build_engine(laptop.database, key)) == SCHEMA_HEAD


def test_backup_from_a_newer_app_is_refused_before_anything_changes(
        crm: Crm, workspace: AppPaths, data_key: bytes, usb: Path) -> None:
    """A backup whose data version this app does not know asks for an update; nothing moves."""
    path = crm.backups.back_up(usb).path
    manifest, slots = read_backup(path)
    newer = replace(manifest, schema_revision="9999").signed(data_key)
    rewrite_trailer(path, slots, newer)
    with pytest.raises(BackupTooNewError, match="newer version"):
        prepare_restore(workspace, path, BackupKey(data_key=data_key))
    assert not list(workspace.backup_work.glob("restore-staged*"))
