"""Search ranks a Latin query against Chinese titles (zw → 张伟) without loading pypinyin.

Ranking used to spell each candidate title in pinyin at query time, so the first such search of
a session waited ~0.2 s for pypinyin's dictionaries. Each title's compact spellings are now
stored when it is indexed (`search_doc.title_pinyin`, e.g. "zhangwei zw"; see
`crm_desktop.core.search.terms.index_text`); existing documents get theirs here. Notes get
none: their title is their first line, not a name, and is not searchable by pinyin.

Migration 0001 builds the search tables with the search module's current DDL, so a workspace
created from scratch already has the column when it reaches this revision.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from crm_desktop.core.search.text import compact_spellings, has_han

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def _has_column(conn: sa.Connection) -> bool:
    return any(row[1] == "title_pinyin"
               for row in conn.exec_driver_sql("PRAGMA table_info(search_doc)"))


def upgrade() -> None:
    conn = op.get_bind()
    if not _has_column(conn):
        op.execute("ALTER TABLE search_doc ADD COLUMN title_pinyin TEXT NOT NULL DEFAULT ''")
    rows = conn.exec_driver_sql("SELECT rowid, title_key FROM search_doc WHERE kind != 'note'")
    spelled = [(compact_spellings(key), rowid) for rowid, key in rows if has_han(key)]
    if spelled:
        conn.exec_driver_sql("UPDATE search_doc SET title_pinyin = ? WHERE rowid = ?", spelled)


def downgrade() -> None:
    op.execute("ALTER TABLE search_doc DROP COLUMN title_pinyin")
