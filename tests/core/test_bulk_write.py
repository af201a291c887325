"""The bulk write path (imports, demo data) stores each value exactly as a single add would."""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from sqlalchemy.dialects import sqlite
from sqlmodel import select

from crm_desktop.core.crm import Crm
from crm_desktop.core.storage.bulk import BulkWriter, record_defaults
from crm_desktop.core.storage.bulk_prepare import _processors
from crm_desktop.core.storage.tables import Company, Contact, JournalEntry, Note
from crm_desktop.core.storage.types import JsonText, UtcDateTime

BEIJING = timezone(timedelta(hours=8))
SAMPLES: dict[type, list[Any]] = {
    JsonText: [None, [], {}, [{"label": "手机", "value": "+8613800138000"}], {"生日": "1990-01-02"},
               ["x"], {"nested": {"a": [1, 2.5, None, True]}}],
    UtcDateTime: [None, datetime(2026, 11, 26, 8, 30, tzinfo=BEIJING),
                  datetime(2026, 1, 2, 3, 4, 5, 6, tzinfo=UTC)],
}


def stored_text(value: Any) -> str | None:
    """What the database must hold for a value: compact UTF-8 JSON, UTC times to the µs."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@pytest.mark.parametrize("table", [Contact, Company, Note])
def test_bulk_values_are_stored_as_single_adds_store_them(table: type[Any]) -> None:
    """For every JSON and time column, the bulk path and SQLAlchemy both store the same text."""
    dialect = sqlite.dialect()
    columns = {column.name: column for column in table.__table__.columns}
    checked = 0
    for name, process in _processors(table):
        samples = SAMPLES.get(type(columns[name].type))
        if samples is None:
            continue
        reference = columns[name].type.bind_processor(dialect)
        assert process is not None and reference is not None
        expected = [stored_text(value) for value in samples]
        assert [process(value) for value in samples] == expected
        assert [reference(value) for value in samples] == expected
        checked += 1
    assert checked >= 3


def test_a_naive_time_is_refused_by_the_bulk_path_too() -> None:
    """A datetime without a time zone is an error on the bulk path as on the ORM's."""
    process = dict(_processors(Contact))["created_at"]
    assert process is not None
    with pytest.raises(ValueError, match="naive"):
        process(datetime(2026, 1, 1))


def test_a_bulk_written_contact_reads_back_like_one_added_singly(crm: Crm) -> None:
    """Lists, objects and times written by the bulk path read back unchanged."""
    created = datetime(2026, 11, 26, 9, 0, tzinfo=BEIJING)
    row = record_defaults(created_at=created, updated_at=created, display_name="张伟",
                          sort_key="zhang wei\x1f张伟", family_name="张", given_name="伟",
                          name_order="eastern", company_id=None, title="", emails=[],
                          phones=[{"label": "mobile", "value": "+8613800138000"}], addresses=[],
                          birthday=None, lead_source="", lifecycle_stage="lead",
                          marketing_consent=False, consent_date=None, consent_source="",
                          custom_fields={"微信": "zw1990"})
    bare = record_defaults(**(row | {"id": "", "custom_fields": {}, "display_name": "李娜",
                                     "sort_key": "li na\x1f李娜"}))
    writer = BulkWriter(crm.db, "test.bulk")
    writer.add(Contact, [row, bare])
    writer.commit()
    with crm.db.read() as session:
        stored = session.exec(select(Contact).where(Contact.id == row["id"])).one()
        stored_bare = session.exec(select(Contact).where(Contact.id == bare["id"])).one()
    assert stored.created_at == created and stored.created_at.tzinfo is not None
    assert stored.phones == [{"label": "mobile", "value": "+8613800138000"}]
    assert (stored.emails, stored.addresses, stored.custom_fields) == ([], [], {"微信": "zw1990"})
    assert (stored_bare.addresses, stored_bare.custom_fields) == ([], {})


def test_a_bulk_creation_is_journalled_compactly_and_listed_whole(crm: Crm) -> None:
    """The journal object of a bulk-written row repeats neither its id nor its updated_at; the
    record's history still shows both."""
    row = record_defaults(display_name="王芳", sort_key="wang fang\x1f王芳", name_order="eastern",
                          emails=[], phones=[], addresses=[], custom_fields={},
                          lifecycle_stage="lead", marketing_consent=False)
    writer = BulkWriter(crm.db, "test.bulk")
    writer.add(Contact, [row])
    writer.commit()
    with crm.db.read() as session:
        stored = session.exec(select(JournalEntry).where(JournalEntry.row_id == row["id"])).one()
    assert not {"id", "updated_at"} & set(stored.new_value)
    created = {h.field: h.new_value for h in crm.history.of(row["id"]) if h.op == "insert"}
    assert created["id"] == row["id"] and created["updated_at"] == created["created_at"]
    assert created["display_name"] == "王芳"


def test_json_the_fast_encoder_refuses_is_stored_and_read_as_before() -> None:
    """A custom field from a hand-edited workspace file with a huge integer, and a NaN that
    earlier versions wrote: stored and read back as the standard json module does."""
    column = JsonText()
    dialect = sqlite.dialect()
    huge = {"会员号": 2**70}
    assert column.process_bind_param(huge, dialect) == json.dumps(
        huge, ensure_ascii=False, separators=(",", ":"))
    assert column.process_result_value('{"会员号":1180591620717411303424}', dialect) == huge
    assert math.isnan(column.process_result_value('{"x":NaN}', dialect)["x"])
