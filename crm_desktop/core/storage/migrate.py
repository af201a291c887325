"""Schema versions with Alembic: upgrade on open, after a safety copy through the backup API.

Alembic is imported only when a migration really runs, so opening an up-to-date workspace (every
`crm` call) stays fast; `SCHEMA_HEAD` names the newest revision and a test keeps it in step.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SCHEMA_HEAD = "0008"


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    return SCHEMA_HEAD


def script_head() -> str | None:
    """The head according to the migration scripts themselves."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def can_upgrade_from(revision: str) -> bool:
    """Whether this app knows `revision` (ours are numbered: 0001, 0002, …)."""
    return revision.isdigit() and int(revision) <= int(SCHEMA_HEAD)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine) -> None:
    from alembic import command

    with _foreign_keys_deferred(engine) as conn:
        command.upgrade(alembic_config(conn), "head")


def reclaim_space(engine: Engine, share: float = 0.25) -> bool:
    """VACUUM when a migration left more than `share` of the file unused (after the journal was
    folded, 60% of a big workspace): the file, and every backup of it, shrinks accordingly."""
    with engine.connect() as conn:
        driver = conn.connection.dbapi_connection
        assert driver is not None
        free = driver.execute("PRAGMA freelist_count").fetchone()[0]
        pages = driver.execute("PRAGMA page_count").fetchone()[0]
        if not pages or free / pages <= share:
            return False
        driver.execute("VACUUM")
        return True


def downgrade(engine: Engine, revision: str) -> None:
    """Only for tests and fixtures that need a workspace of an older schema."""
    from alembic import command

    with _foreign_keys_deferred(engine) as conn:
        command.downgrade(alembic_config(conn), revision)


@contextmanager
def _foreign_keys_deferred(engine: Engine) -> Iterator[Connection]:
    """Batch migrations rebuild tables (copy, drop, rename): referencing rows would block the
    drop, so foreign keys are off during the migration (SQLite ignores that pragma inside a
    transaction) and checked once it is done."""
    with engine.connect() as conn:
        driver = conn.connection.dbapi_connection
        assert driver is not None
        driver.execute("PRAGMA foreign_keys = OFF")  # outside SQLAlchemy's transaction on purpose
        try:
            with conn.begin():
                yield conn
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"migration broke {len(broken)} references")
        finally:
            driver.execute("PRAGMA foreign_keys = ON")


def safety_copy_name(folder: Path, revision: str | None) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    return folder / f"crm-before-upgrade-{revision or 'empty'}-{stamp}.db"
