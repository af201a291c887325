"""Excel workbooks (.xlsx): the first sheet or a chosen one; the first non-empty row names the
columns. Numbers that are really phone numbers (13800138000 stored as a number) and dates stored
as dates come out as the text a person would read."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

from crm_desktop.core.errors import ImportNoHeaderError, ImportNotWorkbookError, ImportSheetError
from crm_desktop.core.io.imports.source import ReadOptions, Source, SourceRow


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
        headers, rows = _rows(path, book[name].iter_rows(values_only=True))
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
        if not headers:
            headers = _header_names(cells)
            continue
        rows.append(SourceRow(line, dict(zip(headers, cells, strict=False))))
    if not headers:
        raise ImportNoHeaderError(path=str(path))
    return headers, tuple(rows)


def _header_names(cells: list[str]) -> tuple[str, ...]:
    names: list[str] = []
    for position, cell in enumerate(cells, start=1):
        name = cell or f"#{position}"
        while name in names:
            name += "'"
        names.append(name)
    return tuple(names)


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
