"""Faults lose nothing committed: disk full, a killed process, an interrupted passphrase change."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import event

from crm_desktop.core.config.paths import AppPaths
from crm_desktop.core.crm import Crm, open_crm
from crm_desktop.core.domain.models import ContactCreate, NoteCreate
from crm_desktop.core.errors import DiskFullError, StorageError, WrongPassphraseError
from crm_desktop.core.security.keystore import MemoryKeyStore
from crm_desktop.core.security.vault import Vault
from tests.conftest import PASSPHRASE
from tests.core.fault_support import mount_tmpfs, unmount


def _fill_until_full(crm: Crm) -> tuple[int, Exception]:
    """Add contacts with long notes until the storage refuses; returns (committed, error)."""
    committed = 0
    while True:
        try:
            contact = crm.contacts.add(ContactCreate(display_name=f"Row {committed}")).value
            crm.notes.add(NoteCreate(body="x" * 20_000, contact_id=contact.id))
            committed += 1
        except StorageError as error:
            return committed, error


def test_full_database_keeps_every_committed_row(workspace: AppPaths, data_key: bytes) -> None:
    """When storage fills up mid-write the user is told, and every committed row is still there."""
    crm = open_crm(workspace, data_key)
    crm.engine.dispose()

    @event.listens_for(crm.engine, "connect")
    def _cap_size(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 60}")

    committed, error = _fill_until_full(crm)
    crm.close()
    assert isinstance(error, DiskFullError) and "disk is full" in str(error)
    with open_crm(workspace, data_key) as reopened:
        assert reopened.contacts.count() >= committed > 0


def test_real_disk_full_on_a_small_filesystem(workspace: AppPaths, tmp_path: Path) -> None:
    """On a really full file system (tmpfs), the message is 'disk full' and nothing committed is lost."""
    small = tmp_path / "small"
    if not mount_tmpfs(small, "3m"):
        pytest.skip("mounting a tmpfs is not permitted here; the max_page_count test covers it")
    try:
        target = AppPaths.under(small / "ws")
        shutil.copytree(workspace.root, target.root)
        key = Vault(target, MemoryKeyStore()).unlock(PASSPHRASE)
        crm = open_crm(target, key)
        committed, error = _fill_until_full(crm)
        crm.close()
        assert isinstance(error, DiskFullError)
        with open_crm(target, key, write=False) as reopened:
            assert reopened.contacts.count() >= committed > 0
    finally:
        unmount(small)


WRITER = """
import sys
from crm_desktop.core.config.paths import AppPaths
from crm_desktop.core.crm import open_crm
from crm_desktop.core.domain.models import ContactCreate
crm = open_crm(AppPaths.under(sys.argv[1]), bytes.fromhex(sys.argv[2]))
i = 0
while True:
    contact = crm.contacts.add(ContactCreate(display_name=f"Committed {i}")).value
    print(contact.id, flush=True)
    i += 1
"""


def test_kill_9_during_writes_loses_no_acknowledged_row(workspace: AppPaths, data_key: bytes) -> None:
    """A process killed mid-write leaves a sound file holding every add it acknowledged."""
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(workspace.root), data_key.hex()],
                              stdout=subprocess.PIPE, text=True)
    assert writer.stdout is not None
    acknowledged = [writer.stdout.readline().strip() for _ in range(40)]
    writer.kill()
    writer.wait()
    with open_crm(workspace, data_key) as crm:
        for contact_id in acknowledged:
            assert crm.contacts.get(contact_id).display_name.startswith("Committed")
        assert [h.row_id for h in crm.search("Committed 39")][:1] == [acknowledged[39]]


def test_interrupted_passphrase_change_keeps_the_old_passphrase(
        workspace: AppPaths, data_key: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    """A crash before the new key-slot file is in place leaves the old passphrase working."""
    vault = Vault(workspace, MemoryKeyStore())

    def crash(*_args: object) -> None:
        raise OSError(5, "simulated power loss")
    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(StorageError):
        vault.change_passphrase(data_key, "a brand new passphrase")
    monkeypatch.undo()
    assert vault.unlock(PASSPHRASE) == data_key
    with pytest.raises(WrongPassphraseError):
        vault.unlock("a brand new passphrase")
    assert sorted(p.name for p in workspace.root.iterdir()) == ["crm.db", "crm.lock",
                                                                "keyslots.json"]


def test_passphrase_change_and_recovery_key(workspace: AppPaths, data_key: bytes,
                                            recovery_key: str) -> None:
    """After a change only the new passphrase works; the recovery key still opens and can reset it."""
    vault = Vault(workspace, MemoryKeyStore())
    vault.change_passphrase(data_key, "second passphrase")
    with pytest.raises(WrongPassphraseError):
        vault.unlock(PASSPHRASE)
    recovered = vault.unlock_with_recovery_key(recovery_key.lower().replace("-", " "))
    vault.change_passphrase(recovered, "third passphrase")
    assert vault.unlock("third passphrase") == data_key


def test_remember_refuses_without_a_usable_keyring(workspace: AppPaths, data_key: bytes) -> None:
    """Where no secure keyring exists, 'remember' says so instead of storing the key in a file."""
    from keyring.backends.fail import Keyring as FailKeyring

    from crm_desktop.core.errors import KeyringUnavailableError
    from crm_desktop.core.security.keystore import KeyringKeyStore
    vault = Vault(workspace, KeyringKeyStore(backend=FailKeyring()))
    with pytest.raises(KeyringUnavailableError, match="no usable keyring"):
        vault.remember(data_key)
    assert vault.remembered_key() is None
    assert {p.name for p in workspace.root.iterdir()} == {"crm.db", "crm.lock", "keyslots.json"}


def test_remembered_key_unlocks_without_passphrase(workspace: AppPaths, data_key: bytes) -> None:
    """With a usable keyring, a remembered key opens the workspace with no prompt; forget removes it."""
    store = MemoryKeyStore()
    vault = Vault(workspace, store)
    vault.remember(data_key)
    assert vault.remembered_key() == data_key
    vault.forget()
    assert vault.remembered_key() is None


def test_unique_names_do_not_collide(tmp_path: Path) -> None:
    """Two workspaces get different workspace ids (keyring entries never overwrite each other)."""
    ids = set()
    for _ in range(2):
        paths = AppPaths.under(tmp_path / uuid.uuid4().hex)
        paths.root.mkdir()
        ids.add(Vault(paths, MemoryKeyStore()).create(PASSPHRASE).workspace_id)
    assert len(ids) == 2
