"""Bad files get one clear message naming the line (or the row's reasons), and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import event

from crm_desktop.core.config.paths import AppPaths
from crm_desktop.core.crm import Crm, open_crm
from crm_desktop.core.errors import (
    ImportBinaryError,
    ImportCsvError,
    ImportEmptyError,
    ImportEncodingError,
    ImportFileError,
    ImportNotWorkbookError,
    ImportTooLargeError,
    ImportVcardError,
    StorageError,
)
from crm_desktop.core.io.imports.source import MAX_BYTES, ReadOptions
from tests.core.import_support import fixture, write


def _refused(crm: Crm, path: Path, error: type[ImportFileError],
             options: ReadOptions | None = None) -> str:
    with pytest.raises(error) as raised:
        crm.imports.preview(crm.imports.read(path, options))
    assert crm.contacts.count() == 0
    return str(raised.value)


def test_unbalanced_quote_names_the_line(crm: Crm, tmp_path: Path) -> None:
    """A quote that never closes is reported at the line where its record starts."""
    path = write(tmp_path, "a.csv", 'Name,Phone\nAnna,13800000001\n"Bob,13800000002\nCarl,1\n')
    assert "line 3" in _refused(crm, path, ImportCsvError)


def test_ragged_row_is_an_invalid_row_with_its_line(crm: Crm, tmp_path: Path) -> None:
    """A row with more values than headers is refused by itself; short rows are padded."""
    path = write(tmp_path, "a.csv", "Name,Phone\nAnna,13800000001,extra,more\nBob\n")
    plan = crm.imports.preview(crm.imports.read(path))
    assert [(r.line, r.action) for r in plan.rows] == [(2, "invalid"), (3, "create")]
    assert "4 values but the header names 2 columns" in str(plan.rows[0].reasons[0])


def test_wrong_encoding_forced_names_the_line(crm: Crm) -> None:
    """Reading a GBK file as UTF-8 stops at the first line that is not UTF-8, with advice."""
    message = _refused(crm, fixture("excel-gbk.csv"), ImportEncodingError, ReadOptions(encoding="utf-8"))
    assert "line 1" in message and "GB18030" in message


def test_binary_file_renamed_csv(crm: Crm, tmp_path: Path) -> None:
    """A picture renamed .csv is refused as not text."""
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    _refused(crm, path, ImportBinaryError)


def test_empty_file(crm: Crm, tmp_path: Path) -> None:
    """An empty file (or one with only a BOM and blank lines) says there is nothing to import."""
    path = write(tmp_path, "a.csv", "\ufeff\r\n\r\n")
    _refused(crm, path, ImportEmptyError)


def test_huge_file_is_refused_before_reading(crm: Crm, tmp_path: Path) -> None:
    """A 100 MB file is refused at once with its size and the limit (a sparse file: no real disk)."""
    path = tmp_path / "huge.csv"
    with open(path, "wb") as handle:
        handle.truncate(100 * 1024 * 1024)
    message = _refused(crm, path, ImportTooLargeError)
    assert "100 MB" in message and f"{MAX_BYTES // (1024 * 1024)} MB" in message


def test_vcard_with_broken_folding_names_the_line(crm: Crm, tmp_path: Path) -> None:
    """A continuation line that does not begin with a space is reported with its line."""
    path = write(tmp_path, "a.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna\r\nNOTE:first part\r\n"
                 "second part without the space\r\nEND:VCARD\r\n")
    assert "line 5" in _refused(crm, path, ImportVcardError)


def test_vcard_without_end_names_the_card(crm: Crm, tmp_path: Path) -> None:
    """A card that never ends is reported at its BEGIN line."""
    path = write(tmp_path, "a.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna\r\nEND:VCARD\r\n"
                 "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bob\r\n")
    message = _refused(crm, path, ImportVcardError)
    assert "line 5" in message and "END:VCARD" in message


def test_xlsx_that_is_really_text(crm: Crm, tmp_path: Path) -> None:
    """A text file named .xlsx is refused as not a workbook when read as one."""
    path = write(tmp_path, "list.xlsx", "Name,Phone\nAnna,1\n")
    _refused(crm, path, ImportNotWorkbookError, ReadOptions(format="xlsx"))


def test_impossible_dates_bad_emails_and_phones_are_row_reasons(crm: Crm, tmp_path: Path) -> None:
    """Each bad value is named in its row's reasons; nothing is written while rows are invalid
    unless the valid rows are accepted, and then only they are."""
    path = write(tmp_path, "a.csv", "姓名,生日,邮箱,手机\n甲,2023年2月29日,,\n乙,,not-an-email,\n"
                 "丙,,,123\n丁,1990-01-01,d@example.com,13800000004\n")
    plan = crm.imports.preview(crm.imports.read(path))
    reasons = {row.line: str(row.reasons[0]) for row in plan.rows if row.action == "invalid"}
    assert "2023年2月29日" in reasons[2] and "not-an-email" in reasons[3] and "'123'" in reasons[4]
    assert crm.contacts.count() == 0
    crm.imports.run(plan)
    assert [c.display_name for c in crm.contacts.page()] == ["丁"]


def test_disk_full_during_import_writes_nothing(workspace: AppPaths, data_key: bytes,
                                                tmp_path: Path) -> None:
    """The import is one transaction: when storage fills up half-way (SQLite's own size cap,
    the same SQLITE_FULL as a full disk), the user is told and no row of it is kept."""
    rows = "".join(f"客户{i},1380{i:07d},c{i}@example.com,公司{i % 50}\n" for i in range(5_000))
    path = write(tmp_path, "big.csv", "姓名,手机,邮箱,公司\n" + rows)
    crm = open_crm(workspace, data_key)
    crm.engine.dispose()

    @event.listens_for(crm.engine, "connect")
    def _cap_size(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 200}")

    try:
        plan = crm.imports.preview(crm.imports.read(path))
        assert plan.counts()["create"] == 5_000
        with pytest.raises(StorageError):
            crm.imports.run(plan)
        assert crm.contacts.count() == 0
        assert crm.companies.count() == 0
    finally:
        crm.close()
