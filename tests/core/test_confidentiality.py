"""No customer data outside the encryption; the key opens the file in other SQLCipher-4 tools."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from crm_desktop.core.config.paths import AppPaths
from crm_desktop.core.crm import open_crm
from crm_desktop.core.domain.models import ContactCreate, Labeled, NoteCreate
from crm_desktop.core.security.keystore import MemoryKeyStore
from crm_desktop.core.security.vault import Vault
from tests.conftest import PASSPHRASE

CANARIES = ("Quixotic Zanzibar Canary", "canary.zq9@example.org", "金丝雀备注七七七")


def _encodings(canary: str) -> list[bytes]:
    return [canary.encode("utf-8"), canary.encode("utf-16-le"), canary.encode("utf-16-be")]


def _files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def test_canaries_appear_in_no_file_of_the_workspace_or_temp_folder(workspace: AppPaths,
                                                                    data_key: bytes) -> None:
    """Unique name, email and note text are found in no file, in UTF-8 or UTF-16, open or closed."""
    temp_before = set(_files_under(Path(tempfile.gettempdir())))
    crm = open_crm(workspace, data_key)
    contact = crm.contacts.add(ContactCreate(display_name=CANARIES[0], emails=[
        Labeled(value=CANARIES[1])])).value
    crm.notes.add(NoteCreate(body=CANARIES[2] * 50, contact_id=contact.id))
    for i in range(300):
        crm.contacts.add(ContactCreate(display_name=f"{CANARIES[0]} {i}"))
    assert crm.search(CANARIES[0][:9])  # sorting/search over many rows used temp structures
    scanned = _files_under(workspace.root)  # while open: -wal and -shm are present
    crm.close()
    scanned += _files_under(workspace.root)
    scanned += [p for p in _files_under(Path(tempfile.gettempdir())) if p not in temp_before
                and workspace.root not in p.parents]
    assert any(p.name == "crm.db-wal" for p in scanned)
    for path in scanned:
        if not path.exists():
            continue
        content = path.read_bytes()
        for canary in CANARIES:
            for encoded in _encodings(canary):
                assert encoded not in content, f"{canary!r} found in {path}"


def test_independent_sqlcipher4_reader_opens_the_file_with_the_exported_key(
        workspace: AppPaths, data_key: bytes) -> None:
    """apsw + SQLite3MultipleCiphers (another codebase) reads our rows with the raw key."""
    apsw = pytest.importorskip("apsw", reason="apsw-sqlite3mc is part of the test extra")
    with open_crm(workspace, data_key) as crm:
        crm.contacts.add(ContactCreate(display_name="读得出来"))
    key = Vault(workspace, MemoryKeyStore()).unlock(PASSPHRASE)
    conn = apsw.Connection(str(workspace.database), flags=apsw.SQLITE_OPEN_READONLY)
    conn.execute("PRAGMA cipher='sqlcipher'")
    conn.execute("PRAGMA legacy=4")
    conn.execute(f"PRAGMA key=\"x'{key.hex()}'\"")
    assert list(conn.execute("SELECT display_name FROM contacts")) == [("读得出来",)]


def test_key_slot_file_is_private_and_holds_no_key(workspace: AppPaths, data_key: bytes) -> None:
    """The key-slot file is readable by its owner only and contains the key in no form."""
    content = workspace.key_slots.read_bytes()
    assert data_key.hex().encode() not in content and data_key not in content
    assert PASSPHRASE.encode() not in content
    if os.name == "posix":
        assert workspace.key_slots.stat().st_mode & 0o077 == 0
