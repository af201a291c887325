"""Helpers for the backup tests: whole-database dumps to compare, and small workspaces."""

from __future__ import annotations

from pathlib import Path

from crm_desktop.core.backup.archive import append_trailer
from crm_desktop.core.backup.manifest import Manifest
from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.models import ContactCreate, Labeled, NoteCreate
from crm_desktop.core.security.keyslots import KeySlots
from crm_desktop.core.storage.engine import connect

CANARIES = ("Quixotic Zanzibar Canary", "canary.zq9@example.org", "金丝雀备注七七七")


def dump(database: Path, data_key: bytes) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (search index included), sorted: equal dumps = equal data."""
    conn = connect(database, data_key)
    try:
        tables = [name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return {table: sorted(conn.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
                for table in tables}
    finally:
        conn.close()


def add_canary_data(crm: Crm) -> str:
    """A contact whose name, email and note are unique strings to look for in files."""
    contact = crm.contacts.add(ContactCreate(display_name=CANARIES[0],
                                             emails=[Labeled(value=CANARIES[1])])).value
    crm.notes.add(NoteCreate(body=CANARIES[2] * 20, contact_id=contact.id))
    return contact.id


def contains_canary(path: Path) -> bool:
    content = path.read_bytes()
    return any(canary.encode(encoding) in content for canary in CANARIES
               for encoding in ("utf-8", "utf-16-le", "utf-16-be"))


def rewrite_trailer(path: Path, slots: KeySlots, manifest: Manifest) -> None:
    """Replace a backup's manifest (the database bytes stay): what a newer app might write."""
    database = path.read_bytes()[:manifest.database_bytes]
    path.write_bytes(database)
    append_trailer(path, slots, manifest)
