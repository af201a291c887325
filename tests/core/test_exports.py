"""Exports: every format lands field by field, re-reads without loss, and fails without leaving a file."""

from __future__ import annotations

import csv
import errno
import json
import os
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import openpyxl
import pytest
import vobject
from openpyxl.worksheet._writer import ALL_TEMP_FILES

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.models import (
    Address,
    ContactCreate,
    DealCreate,
    Labeled,
    NoteCreate,
    ReminderCreate,
    ServiceCreate,
)
from crm_desktop.core.errors import (
    ExportDiskFullError,
    ExportEncodingError,
    ExportFolderError,
    UnknownExportEncodingError,
    UnknownExportFormatError,
)
from crm_desktop.core.io.crm_format import CONTACT_COLUMNS, contact_fields, contact_row
from crm_desktop.core.io.exports.contacts_csv import check_encoding
from crm_desktop.core.io.exports.service import check_format
from crm_desktop.core.services.contacts import ContactQuery
from tests.core.fault_support import mount_tmpfs, unmount


def _zhang(crm: Crm) -> str:
    return crm.contacts.add(ContactCreate(
        family_name="张", given_name="伟", company_name="北京鑫达", title="经理",
        emails=[Labeled(label="work", value="zhang@example.cn"), Labeled(value="z@example.com")],
        phones=[Labeled(label="mobile", value="13800138000"),
                Labeled(label="办公: 总机", value="+1 650 253 0000")],
        addresses=[Address(label="公司", street="长安街1号", city="北京", country="中国")],
        birthday="1980-02-29", lifecycle_stage="customer", marketing_consent=True,
        consent_date="2025-01-02", consent_source="展会", owner="王芳", lead_source="=cmd|' /C calc'!A0",
        custom_fields={"微信": "zhangwei", "note": "a:b\nc"},
        tags=["VIP", "展会"])).value.id


def _rows(path: Path, encoding: str = "utf-8-sig") -> list[dict[str, str]]:
    with path.open(encoding=encoding, newline="") as handle:
        return list(csv.DictReader(handle))


def test_contact_row_round_trips_through_contact_fields(crm: Crm) -> None:
    """Every field survives contact_row → contact_fields, Chinese, ':' in labels and formulas too."""
    contact = crm.contacts.get(_zhang(crm))
    fields = contact_fields(contact_row(contact))
    assert fields.pop("id") == contact.id
    again = crm.contacts.add(ContactCreate(**fields)).value
    skip = {"id", "created_at", "updated_at", "company_id", "sort_key"}
    assert again.model_dump(exclude=skip) == contact.model_dump(exclude=skip)
    assert again.phones[1].label == "办公: 总机" and again.lead_source.startswith("=cmd")


def test_csv_has_a_bom_our_columns_and_guards_formulas(crm: Crm, tmp_path: Path) -> None:
    """UTF-8 CSV starts with a BOM; one row per contact; a formula cell is prefixed with '."""
    _zhang(crm)
    crm.contacts.add(ContactCreate(display_name="Anna Smith"))
    result = crm.exports.contacts_csv(tmp_path / "c.csv")
    assert result.count == 2 and (tmp_path / "c.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    rows = _rows(tmp_path / "c.csv")
    assert tuple(rows[0]) == CONTACT_COLUMNS
    zhang = next(r for r in rows if r["display_name"] == "张伟")
    assert zhang["phones"] == "mobile: +8613800138000\n办公\\: 总机: +16502530000"
    assert zhang["tags"] == "VIP\n展会" and zhang["lead_source"].startswith("'=cmd")
    assert json.loads(zhang["custom_fields"]) == {"微信": "zhangwei", "note": "a:b\nc"}


def test_csv_round_trip_re_creates_the_same_contacts(crm: Crm, tmp_path: Path) -> None:
    """Reading the exported CSV back through contact_fields gives the same contacts."""
    original = crm.contacts.get(_zhang(crm))
    crm.exports.contacts_csv(tmp_path / "c.csv")
    fields = contact_fields(_rows(tmp_path / "c.csv")[0])
    assert fields.pop("id") == original.id
    again = crm.contacts.add(ContactCreate(**fields)).value
    skip = {"id", "created_at", "updated_at", "company_id", "sort_key"}
    assert again.model_dump(exclude=skip) == original.model_dump(exclude=skip)


def test_filters_pick_the_contacts(crm: Crm, tmp_path: Path) -> None:
    """--tag/--owner/--stage narrow the export; contacts in the recycle bin are left out."""
    _zhang(crm)
    gone = crm.contacts.add(ContactCreate(display_name="Gone", tags=["VIP"])).value.id
    crm.contacts.delete(gone)
    crm.contacts.add(ContactCreate(display_name="Lead", owner="王芳"))
    result = crm.exports.contacts_csv(tmp_path / "vip.csv", ContactQuery(tag="vip"))
    assert result.count == 1 and [r["display_name"] for r in _rows(tmp_path / "vip.csv")] == ["张伟"]
    owned = crm.exports.contacts_csv(tmp_path / "o.csv", ContactQuery(owner="王芳",
                                                                       lifecycle_stage="lead"))
    assert [r["display_name"] for r in _rows(tmp_path / "o.csv")] == ["Lead"] and owned.count == 1


def test_gbk_csv_decodes_with_gbk(crm: Crm, tmp_path: Path) -> None:
    """A GBK export has no BOM and reads back with the gbk codec."""
    _zhang(crm)
    crm.exports.contacts_csv(tmp_path / "g.csv", encoding="gbk")
    data = (tmp_path / "g.csv").read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    assert _rows(tmp_path / "g.csv", "gbk")[0]["display_name"] == "张伟"


def test_a_name_gbk_cannot_write_names_the_contact_and_leaves_no_file(crm: Crm,
                                                                      tmp_path: Path) -> None:
    """'𠮷' has no GBK code: the error names the contact and the character; GB18030 writes it."""
    crm.contacts.add(ContactCreate(display_name="𠮷野家"))
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ExportEncodingError, match="𠮷野家.*GBK.*𠮷.*GB18030"):
        crm.exports.contacts_csv(out / "g.csv", encoding="gbk")
    assert list(out.iterdir()) == []
    crm.exports.contacts_csv(out / "g.csv", encoding="gb18030")
    assert _rows(out / "g.csv", "gb18030")[0]["display_name"] == "𠮷野家"


def test_unknown_encoding_and_format_are_refused() -> None:
    """An encoding or format we do not write is named in the error with the choices."""
    with pytest.raises(UnknownExportFormatError, match="pdf.*csv, xlsx, vcard, ics, json"):
        check_format("pdf")
    with pytest.raises(UnknownExportEncodingError, match="latin-1"):
        check_encoding("latin-1")


def test_xlsx_cells_are_the_csv_cells_as_text(crm: Crm, tmp_path: Path) -> None:
    """The workbook has the header row and the same cells, phone numbers kept as text."""
    contact = crm.contacts.get(_zhang(crm))
    crm.exports.contacts_xlsx(tmp_path / "c.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "c.xlsx", read_only=True).active
    header, row = list(sheet.iter_rows(values_only=True))
    assert header == CONTACT_COLUMNS
    cells = dict(zip(header, row, strict=True))
    assert {k: v or "" for k, v in cells.items()} == contact_row(contact)
    assert contact_fields({k: v or "" for k, v in cells.items()})["phones"][0] == {
        "label": "mobile", "value": "+8613800138000"}


def test_vcard_parses_with_vobject(crm: Crm, tmp_path: Path) -> None:
    """vCard 3.0: N, FN, ORG, TITLE, typed TEL/EMAIL, ADR, BDAY, CATEGORIES and UID as stored."""
    contact_id = _zhang(crm)
    crm.contacts.add(ContactCreate(display_name="Anna Smith", given_name="Anna", family_name="Smith"))
    result = crm.exports.contacts_vcard(tmp_path / "c.vcf")
    cards = {c.fn.value: c for c in vobject.readComponents((tmp_path / "c.vcf").read_text("utf-8"))}
    assert result.count == 2 and set(cards) == {"张伟", "Anna Smith"}
    card = cards["张伟"]
    assert card.version.value == "3.0" and card.uid.value == contact_id
    assert (card.n.value.family, card.n.value.given) == ("张", "伟")
    assert card.org.value == ["北京鑫达"] and card.title.value == "经理"
    assert [(t.value, t.params["TYPE"]) for t in card.tel_list] == [
        ("+8613800138000", ["CELL"]), ("+16502530000", ["办公: 总机"])]
    assert [(e.value, e.params.get("TYPE")) for e in card.email_list] == [
        ("zhang@example.cn", ["WORK"]), ("z@example.com", None)]
    assert card.adr.value.street == "长安街1号" and card.adr.value.city == "北京"
    assert card.bday.value == "1980-02-29" and card.categories.value == ["VIP", "展会"]


def test_ics_parses_with_icalendar_with_zone_and_rule(crm: Crm, tmp_path: Path) -> None:
    """Open reminders become VEVENTs with TZID, RRULE, SUMMARY, DESCRIPTION; done ones are left out."""
    contact_id = _zhang(crm)
    shanghai = ZoneInfo("Asia/Shanghai")
    weekly = crm.reminders.add(ReminderCreate(
        title="周会", due_at=datetime(2026, 3, 2, 7, 0, tzinfo=shanghai), rrule="FREQ=WEEKLY;BYDAY=MO",
        timezone="Asia/Shanghai", contact_id=contact_id, notes="带样品")).value
    once = crm.reminders.add(ReminderCreate(title="Call", due_at=datetime(2026, 4, 1, 9, tzinfo=UTC)))
    done = crm.reminders.add(ReminderCreate(title="Done", due_at=datetime(2026, 4, 1, tzinfo=UTC)))
    crm.reminders.done(done.value.id)
    result = crm.exports.reminders_ics(tmp_path / "r.ics")
    calendar = icalendar.Calendar.from_ical((tmp_path / "r.ics").read_bytes())
    events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    assert result.count == 2 and set(events) == {weekly.id, once.value.id}
    event = events[weekly.id]
    start = event.decoded("dtstart")
    assert start == datetime(2026, 3, 2, 7, 0, tzinfo=shanghai) and str(start.tzinfo) == "Asia/Shanghai"
    assert event["dtstart"].params["TZID"] == "Asia/Shanghai"
    assert event["rrule"].to_ical() == b"FREQ=WEEKLY;BYDAY=MO"
    assert str(event["summary"]) == "周会" and str(event["description"]) == "张伟\n带样品"
    assert "dtstamp" in event and calendar.walk("VTIMEZONE")
    assert events[once.value.id].decoded("dtstart") == datetime(2026, 4, 1, 9, tzinfo=UTC)


def test_workspace_json_holds_every_record(crm: Crm, tmp_path: Path) -> None:
    """The JSON export has the header and every entity as the workspace holds it."""
    contact_id = _zhang(crm)
    gone = crm.contacts.add(ContactCreate(display_name="In the bin")).value.id
    crm.contacts.delete(gone)
    deal = crm.deals.add(DealCreate(title="大单", contact_id=contact_id, amount="12000.50",
                                    currency="CNY", tags=["VIP"])).value
    crm.reminders.add(ReminderCreate(title="回访", due_at=datetime(2026, 5, 1, tzinfo=UTC)))
    crm.service.add(ServiceCreate(subject="坏了", contact_id=contact_id))
    crm.notes.add(NoteCreate(body="喜欢喝茶", contact_id=contact_id))
    result = crm.exports.workspace_json(tmp_path / "w.json")
    document = json.loads((tmp_path / "w.json").read_text("utf-8"))
    assert (document["format"], document["version"]) == ("crm-desktop-workspace", 1)
    assert document["schema_revision"] and document["exported_at"].endswith("+00:00")
    assert document["settings"]["business_name"] == "Test Shop"
    assert {c["display_name"]: c["deleted_at"] is not None for c in document["contacts"]} == {
        "张伟": False, "In the bin": True}
    zhang = next(c for c in document["contacts"] if c["id"] == contact_id)
    assert zhang["tags"] == ["VIP", "展会"] and zhang["phones"][1]["label"] == "办公: 总机"
    assert "sort_key" not in zhang
    stored = document["deals"][0]
    assert (stored["id"], Decimal(stored["amount"]), stored["stage_name"], stored["tags"]) == (
        deal.id, Decimal("12000.50"), deal.stage_name, ["VIP"])
    assert {s["name"] for s in document["pipeline_stages"]} == {s.name for s in crm.deals.stages()}
    assert [len(document[k]) for k in ("reminders", "service_logs", "notes", "companies")] == [
        1, 1, 1, 1]
    assert result.count == sum(document["counts"].values()) == sum(
        len(document[k]) for k in document["counts"])


def test_missing_folder_is_named_and_nothing_is_written(crm: Crm, tmp_path: Path) -> None:
    """A folder that is not there: the error names the file; every format fails the same way."""
    target = tmp_path / "nope" / "c.csv"
    for export in (crm.exports.contacts_csv, crm.exports.contacts_xlsx,
                   crm.exports.contacts_vcard, crm.exports.reminders_ics,
                   crm.exports.workspace_json):
        with pytest.raises(ExportFolderError, match="nope"):
            export(target)
    assert ALL_TEMP_FILES == []  # the .xlsx writer's own temp file of rows is gone too
    assert [p.name for p in tmp_path.iterdir()] == ["workspace"]


def test_disk_full_mid_write_leaves_the_old_file_and_no_temp(crm: Crm, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """ENOSPC while writing: a 'disk is full' error naming the file, the earlier export intact."""
    _zhang(crm)
    target = tmp_path / "out"
    target.mkdir()
    crm.exports.contacts_csv(target / "c.csv")
    before = (target / "c.csv").read_bytes()
    real_fsync = os.fsync

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(ExportDiskFullError, match="disk is full.*c.csv"):
        crm.exports.contacts_csv(target / "c.csv")
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert [p.name for p in target.iterdir()] == ["c.csv"]
    assert (target / "c.csv").read_bytes() == before


def test_really_full_and_read_only_disks(crm: Crm, tmp_path: Path) -> None:
    """On a real tiny tmpfs: disk full, then read-only; no file is left on either."""
    for index in range(300):
        crm.contacts.add(ContactCreate(display_name=f"客户{index}", custom_fields={"x": "y" * 500}))
    small, locked = tmp_path / "small", tmp_path / "locked"
    if not mount_tmpfs(small, "64k"):
        pytest.skip("mounting a tmpfs is not permitted here")
    try:
        with pytest.raises(ExportDiskFullError):
            crm.exports.workspace_json(small / "w.json")
        assert list(small.iterdir()) == []
        assert mount_tmpfs(locked, "1m", read_only=True)
        with pytest.raises(ExportFolderError, match="locked"):
            crm.exports.contacts_csv(locked / "c.csv")
        assert list(locked.iterdir()) == []
    finally:
        unmount(small)
        unmount(locked)


def test_progress_reaches_the_total(crm: Crm, tmp_path: Path) -> None:
    """The progress callback ends at (count, count)."""
    for name in ("A", "B", "C"):
        crm.contacts.add(ContactCreate(display_name=name))
    seen: list[tuple[int, int]] = []
    crm.exports.contacts_csv(tmp_path / "c.csv", progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (3, 3)


def test_no_xlsx_cell_becomes_a_formula_once_control_characters_are_dropped(crm: Crm, tmp_path: Path) -> None:
    """A title or tag hiding '=' behind a control character is written as text, not a formula."""
    import openpyxl

    crm.contacts.add(ContactCreate(display_name="Bob", title='\x08=HYPERLINK("http://evil","click")',
                                   tags=["\x01=1+1"]))
    path = tmp_path / "x.xlsx"
    crm.exports.contacts_xlsx(path)
    cells = [c for row in openpyxl.load_workbook(path).active.iter_rows() for c in row]
    assert all(cell.data_type != "f" for cell in cells)
    assert any(str(cell.value).startswith("'=HYPERLINK") for cell in cells)


def test_vcard_label_with_a_line_break_stays_one_line(crm: Crm, tmp_path: Path) -> None:
    """A label holding a line break cannot split the vCard: the file still parses whole."""
    import vobject

    crm.contacts.add(ContactCreate(display_name="T", phones=[Labeled(label="line\nTEL:999",
                                                                      value="+8613812345678")]))
    path = tmp_path / "l.vcf"
    crm.exports.contacts_vcard(path)
    (card,) = list(vobject.readComponents(path.read_text(encoding="utf-8")))
    assert [t.value for t in card.contents["tel"]] == ["+8613812345678"]
