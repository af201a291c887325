"""Schema upgrades run on open, after a safety copy made through the backup API."""

from __future__ import annotations

from sqlalchemy import text

from crm_desktop.core.config.paths import AppPaths
from crm_desktop.core.crm import open_crm
from crm_desktop.core.domain.models import ContactCreate
from crm_desktop.core.storage import migrate
from crm_desktop.core.storage.engine import build_engine, connect


def _downgrade_to(workspace: AppPaths, data_key: bytes, revision: str) -> None:
    engine = build_engine(workspace.database, data_key)
    migrate.downgrade(engine, revision)
    engine.dispose()


def test_older_workspace_is_upgraded_on_open_after_a_safety_copy(workspace: AppPaths,
                                                                 data_key: bytes) -> None:
    """Opening a workspace of schema 0001 upgrades it to head and first writes an encrypted copy."""
    with open_crm(workspace, data_key) as crm:
        crm.contacts.add(ContactCreate(display_name="Kept through upgrade"))
    _downgrade_to(workspace, data_key, "0001")
    with open_crm(workspace, data_key) as crm:
        assert migrate.current_revision(crm.engine) == migrate.head_revision()
        assert crm.contacts.page()[0].display_name == "Kept through upgrade"
    copies = list(workspace.safety_copies.glob("crm-before-upgrade-0001-*.db"))
    assert len(copies) == 1
    assert not copies[0].read_bytes().startswith(b"SQLite format 3")
    old = connect(copies[0], data_key)
    assert old.execute("SELECT display_name FROM contacts").fetchall() == [
        ("Kept through upgrade",)]
    assert old.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]


def test_current_workspace_opens_without_a_safety_copy(workspace: AppPaths, data_key: bytes) -> None:
    """A workspace already at the newest schema is not copied on every open."""
    open_crm(workspace, data_key).close()
    assert not workspace.safety_copies.exists()


def test_read_only_open_does_not_upgrade(workspace: AppPaths, data_key: bytes) -> None:
    """A read-only open (no write lock) never changes the schema."""
    _downgrade_to(workspace, data_key, "0001")
    with open_crm(workspace, data_key, write=False) as crm:
        with crm.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0001"


def test_schema_head_constant_matches_the_migration_scripts() -> None:
    """The head the app checks on open is the newest migration script (no upgrade is ever skipped)."""
    assert migrate.SCHEMA_HEAD == migrate.script_head()
