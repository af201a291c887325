"""Schema upgrades run on open, after a safety copy made through the backup API."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from crm_desktop.core.config.paths import AppPaths
from crm_desktop.core.crm import open_crm
from crm_desktop.core.domain.models import CompanyCreate, ContactCreate, NoteCreate
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
    with open_crm(workspace, data_key, write=False) as crm, crm.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0001"


def test_schema_head_constant_matches_the_migration_scripts() -> None:
    """The head the app checks on open is the newest migration script (no upgrade is ever skipped)."""
    assert migrate.SCHEMA_HEAD == migrate.script_head()


@pytest.mark.filterwarnings("ignore:.*expression-based index")
def test_migrations_build_exactly_the_schema_the_models_declare(crm) -> None:  # type: ignore[no-untyped-def]
    """The migrated database and the table classes agree (no drift between models and migrations)."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from sqlmodel import SQLModel

    search_tables = {"search_doc", "search_fts"}
    with crm.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    meaningful = [d for d in diff if not (d[0] == "remove_table" and (
        d[1].name in search_tables or d[1].name.startswith("search_fts")))
        and not (d[0] == "remove_index" and d[1].table.name.startswith("search_"))]
    assert meaningful == []


def test_list_queries_use_the_live_row_indexes(crm) -> None:  # type: ignore[no-untyped-def]
    """The contact list is read in name order from its partial index, not sorted after a scan."""
    from sqlalchemy import text as sql
    with crm.engine.connect() as conn:
        plans = [" ".join(row[-1] for row in conn.execute(sql(
            "EXPLAIN QUERY PLAN SELECT id FROM contacts WHERE deleted_at IS NULL " + where +
            "ORDER BY sort_key, id LIMIT 50"), {"key": "m", "id": ""}).fetchall())
            for where in ("", "AND (sort_key, id) > (:key, :id) ")]
    for details in plans:  # the first page, and a page after the last contact shown
        assert "ix_contacts_live_order" in details and "TEMP B-TREE" not in details


def test_journal_of_field_rows_is_folded_into_one_row_per_creation(workspace: AppPaths,
                                                                   data_key: bytes) -> None:
    """An older journal (one row per created field) upgrades to one row per creation, and each
    record's history reads exactly as before."""
    with open_crm(workspace, data_key) as crm:
        zhang = crm.contacts.add(ContactCreate(display_name="张伟", title="Buyer")).value
        crm.contacts.delete(zhang.id)
        before = [(h.op, h.field, h.new_value) for h in crm.history.of(zhang.id)]
    _downgrade_to(workspace, data_key, "0006")
    conn = connect(workspace.database, data_key)
    per_field = conn.execute("SELECT count(*) FROM journal WHERE row_id = ? AND op = 'insert'",
                             (zhang.id,)).fetchone()[0]
    conn.close()
    assert per_field >= 3  # display_name, title, sort_key, ...
    with open_crm(workspace, data_key) as crm:
        assert [(h.op, h.field, h.new_value) for h in crm.history.of(zhang.id)] == before
        rows = crm.db.engine.connect().exec_driver_sql(
            "SELECT op, field FROM journal WHERE row_id = ? ORDER BY hlc", (zhang.id,)).fetchall()
    assert [tuple(r) for r in rows] == [("insert", "*"), ("delete", "deleted_at")]


def _search_spellings(workspace: AppPaths, data_key: bytes) -> dict[str, str]:
    conn = connect(workspace.database, data_key)
    rows = conn.execute("SELECT title, title_pinyin FROM search_doc").fetchall()
    conn.close()
    return dict(rows)


def test_title_pinyin_is_backfilled_for_existing_search_documents(workspace: AppPaths,
                                                                  data_key: bytes) -> None:
    """Upgrading from 0007 stores the pinyin spellings of every Chinese name already indexed
    (a surname read two ways keeps both), so ranking 张伟 first for zw needs no re-index."""
    with open_crm(workspace, data_key) as crm:
        for name in ("张伟明", "曾国藩", "Zoe Walker", "张伟"):
            contact = crm.contacts.add(ContactCreate(display_name=name)).value
        crm.notes.add(NoteCreate(body="张伟来电", contact_id=contact.id))
        crm.companies.add(CompanyCreate(name="重庆银行"))
    _downgrade_to(workspace, data_key, "0007")
    with open_crm(workspace, data_key) as crm:
        assert [hit.title for hit in crm.search("zw")][:2] == ["张伟", "张伟明"]
    assert _search_spellings(workspace, data_key) == {
        "张伟明": "zhangweiming zwm", "曾国藩": "cengguofan cgf zengguofan zgf",
        "Zoe Walker": "", "张伟": "zhangwei zw", "张伟来电": "",
        "重庆银行": "chongqingyinhang cqyh"}


def test_read_only_open_before_the_upgrade_still_searches(workspace: AppPaths,
                                                         data_key: bytes) -> None:
    """A read-only open of a 0007 workspace (no title_pinyin yet) finds pinyin matches all the same."""
    with open_crm(workspace, data_key) as crm:
        crm.contacts.add(ContactCreate(display_name="张伟"))
    _downgrade_to(workspace, data_key, "0007")
    with open_crm(workspace, data_key, write=False) as crm:
        found = {query: [hit.title for hit in crm.search(query)] for query in ("zw", "zhangwei")}
    assert found == {"zw": ["张伟"], "zhangwei": ["张伟"]}
