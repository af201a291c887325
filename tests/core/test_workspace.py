"""Opening, locking and protecting the encrypted workspace."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import sqlcipher3
from sqlalchemy import text

from crm_desktop.core.config.paths import AppPaths
from crm_desktop.core.crm import Crm, open_crm
from crm_desktop.core.domain.models import ContactCreate
from crm_desktop.core.errors import (
    DamagedFileError,
    ReadOnlyError,
    WorkspaceExistsError,
    WorkspaceLockedError,
    WorkspaceMissingError,
    WrongPassphraseError,
)
from crm_desktop.core.security.keystore import MemoryKeyStore
from crm_desktop.core.security.vault import Vault
from crm_desktop.core.setup import init_workspace
from tests.conftest import PASSPHRASE


def test_data_key_opens_the_file_and_passphrase_unwraps_it(workspace: AppPaths) -> None:
    """The passphrase unwraps a 32-byte key that opens the SQLCipher file."""
    key = Vault(workspace, MemoryKeyStore()).unlock(PASSPHRASE)
    with open_crm(workspace, key) as crm:
        assert crm.settings.get().business_name == "Test Shop"


def test_wrong_passphrase_is_refused(workspace: AppPaths) -> None:
    """A wrong passphrase is reported as such, not as a damaged file."""
    with pytest.raises(WrongPassphraseError, match="Wrong passphrase"):
        Vault(workspace, MemoryKeyStore()).unlock("not the passphrase")


def test_file_is_unreadable_without_the_key(workspace: AppPaths) -> None:
    """Without the key the database does not open, and its header is not SQLite's plaintext header."""
    assert not workspace.database.read_bytes().startswith(b"SQLite format 3")
    conn = sqlcipher3.connect(str(workspace.database))
    with pytest.raises(sqlcipher3.DatabaseError):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage"])
def test_damaged_file_is_told_apart_from_wrong_passphrase(workspace: AppPaths, data_key: bytes,
                                                          damage: str) -> None:
    """A truncated, bit-flipped or foreign database file says 'damaged', not 'wrong passphrase'."""
    db = workspace.database
    content = bytearray(db.read_bytes())
    if damage == "truncate":
        db.write_bytes(content[: len(content) // 3 + 100])
    elif damage == "flip":
        content[4096 + 200] ^= 0xFF
        content[100] ^= 0xFF
        db.write_bytes(bytes(content))
    else:
        db.write_bytes(b"this is a spreadsheet, not a workspace" * 500)
    with pytest.raises(DamagedFileError, match="damaged"), open_crm(workspace, data_key) as crm:
        crm.contacts.count()


def test_missing_workspace_says_how_to_create_one(tmp_path: Path) -> None:
    """Opening an empty folder points the user to `crm init`."""
    with pytest.raises(WorkspaceMissingError, match="crm init"):
        Vault(AppPaths.under(tmp_path / "nothing"), MemoryKeyStore()).unlock(PASSPHRASE)


def test_init_refuses_to_overwrite_a_workspace(workspace: AppPaths) -> None:
    """`init` on an existing workspace refuses instead of replacing the user's data."""
    with pytest.raises(WorkspaceExistsError):
        init_workspace(workspace, MemoryKeyStore(), PASSPHRASE)


def test_unwritable_data_folder_gets_a_clear_message() -> None:
    """A data folder that cannot be created (a read-only file system) is reported, nothing half-made."""
    with pytest.raises(ReadOnlyError, match="cannot be written"):
        init_workspace(AppPaths.under(Path("/proc/crm-test-workspace")), MemoryKeyStore(),
                       PASSPHRASE)


def test_data_folder_that_is_a_file_gets_a_clear_message(tmp_path: Path) -> None:
    """A data path that is really a file is reported as unwritable."""
    blocker = tmp_path / "data"
    blocker.write_text("x")
    with pytest.raises(ReadOnlyError):
        init_workspace(AppPaths.under(blocker / "workspace"), MemoryKeyStore(), PASSPHRASE)


def test_every_connection_carries_the_safety_pragmas(crm: Crm) -> None:
    """temp_store=MEMORY, WAL, synchronous=FULL and foreign keys on every pooled connection."""
    with crm.engine.connect() as conn:
        values = [conn.execute(text(f"PRAGMA {name}")).scalar() for name in
                  ("temp_store", "journal_mode", "synchronous", "foreign_keys")]
    assert values == [2, "wal", 2, 1]


def test_errors_never_show_bound_values(crm: Crm) -> None:
    """A failing statement's error text does not include the customer data it carried."""
    with crm.engine.connect() as conn, pytest.raises(Exception) as caught:
        conn.execute(text("INSERT INTO no_such_table VALUES (:v)"), {"v": "SECRET-CANARY"})
    assert "SECRET-CANARY" not in str(caught.value)


HOLD_LOCK = """
import sys, time
from pathlib import Path
from crm_desktop.core.storage.lock import WorkspaceLock
lock = WorkspaceLock(Path(sys.argv[1]))
lock.acquire()
print("locked", flush=True)
time.sleep(30)
"""


def test_second_writer_gets_a_clear_message(workspace: AppPaths, data_key: bytes) -> None:
    """While another process holds the workspace for writing, a second writer is refused politely."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(workspace.lock_file)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(WorkspaceLockedError, match="already open"):
            open_crm(workspace, data_key)
        with open_crm(workspace, data_key, write=False) as reader:
            assert reader.contacts.count() == 0
    finally:
        holder.kill()
        holder.wait()
    with open_crm(workspace, data_key) as crm:
        crm.contacts.add(ContactCreate(display_name="After the other window closed"))


def test_lock_is_released_on_close(workspace: AppPaths, data_key: bytes) -> None:
    """Closing the workspace lets the next writer in."""
    open_crm(workspace, data_key).close()
    open_crm(workspace, data_key).close()
