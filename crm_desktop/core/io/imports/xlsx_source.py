"""Excel workbooks (.xlsx): the first sheet or a chosen one; the first non-empty row names the
columns. Numbers that are really phone numbers (13800138000 stored as a number) and dates stored
as dates come out as the text a person would read."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from crm_desktop.core.errors import ImportNoHeaderError, ImportNotWorkbookError, ImportSheetError
from crm_desktop.core.io.imports.source import ReadOptions, Source, SourceRow, header_names


def read_xlsx(path: Path, data: bytes, options: ReadOptions) -> Source:
    from openpyxl import load_workbook  # only an Excel import pays for openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        raise ImportNotWorkbookError(path=str(path)) from None
    try:
        sheets = tuple(book.sheetnames)
        name = options.sheet or sheets[0]
        if name not in sheets:
            raise ImportSheetError(path=str(path), sheet=name, sheets=", ".join(sheets))
        sheet = book[name]
        sheet.reset_dimensions()  # some programs write a wrong size; read every row there is
        try:
            headers, rows = _rows(path, sheet.iter_rows(values_only=True))
        except (ParseError, zipfile.BadZipFile, KeyError, ValueError, EOFError, OSError):
            raise ImportNotWorkbookError(path=str(path)) from None
        return Source(path, "xlsx", headers, rows, sheet=name, sheets=sheets)
    finally:
        book.close()


def _rows(path: Path, records: Any) -> tuple[tuple[str, ...], tuple[SourceRow, ...]]:
    headers: tuple[str, ...] = ()
    rows: list[SourceRow] = []
    for line, record in enumerate(records, start=1):
        cells = [cell_text(value) for value in record]
        if not any(cells):
            continue
        if not headers or (not rows and _is_title(headers) and sum(map(bool, cells)) >= 2):
            headers = header_names(cells)  # a title above the columns (客户名单 2024) is passed over
            continue
        rows.append(SourceRow(line, dict(zip(headers, cells, strict=False))))
    if not headers:
        raise ImportNoHeaderError(path=str(path))
    return headers, tuple(rows)


def _is_title(headers: tuple[str, ...]) -> bool:
    """A first row with one text and nothing else is a sheet title, not column names."""
    return sum(not name.startswith("#") for name in headers) == 1



def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value).strip()
