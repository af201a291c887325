"""A file to import, read into rows of text cells: which format, encoding and delimiter it is
in (detected, or as the user overrides them), its column headers and its rows with the line each
came from, so that every problem can name its line."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crm_desktop.core.errors import (
    CrmError,
    ImportEmptyError,
    ImportFormatError,
    ImportTooLargeError,
    ImportUnreadableError,
)

FORMATS = ("csv", "xlsx", "vcard", "json")
MAX_BYTES = 64 * 1024 * 1024  # ~500,000 contacts as CSV; a larger file is rarely an address book
MAX_JSON_BYTES = 512 * 1024 * 1024  # our whole-workspace export: 100,000 contacts and more ≈ 230 MB
SNIFF_BYTES = 4096


@dataclass(frozen=True)
class SourceRow:
    line: int  # where the row starts: CSV line, sheet row or the vCard's BEGIN line (1-based)
    cells: dict[str, str]
    problem: CrmError | None = None  # the row itself cannot be read (more cells than headers)


@dataclass(frozen=True)
class ReadOptions:
    format: str | None = None  # csv | xlsx | vcard; None: detect
    encoding: str | None = None  # None: detect
    delimiter: str | None = None  # None: detect
    sheet: str | None = None  # xlsx: None is the first sheet


@dataclass(frozen=True)
class Source:
    path: Path
    format: str
    headers: tuple[str, ...]
    rows: tuple[SourceRow, ...]
    encoding: str = ""
    delimiter: str = ""
    sheet: str = ""
    sheets: tuple[str, ...] = field(default=())
    document: dict[str, list[dict[str, Any]]] | None = None  # our workspace JSON: every section


def read_source(path: Path, options: ReadOptions) -> Source:
    """Read `path` as the format it is in (or the one given); ImportFileError subclasses say why not."""
    data = _read_bytes(path)
    kind = options.format or detect_format(path, data)
    if kind == "xlsx":
        from crm_desktop.core.io.imports.xlsx_source import read_xlsx

        return read_xlsx(path, data, options)
    if kind == "vcard":
        from crm_desktop.core.io.imports.vcard_source import read_vcard

        return read_vcard(path, data, options)
    if kind == "json":
        from crm_desktop.core.io.imports.workspace_source import read_workspace

        return read_workspace(path, data)
    if kind == "csv":
        from crm_desktop.core.io.imports.csv_source import read_csv

        return read_csv(path, data, options)
    raise ImportFormatError(path=str(path), format=kind)


def header_names(cells: list[str]) -> tuple[str, ...]:
    """Blank or repeated headers get a name of their own (#3, Phone'), so no column is lost."""
    names: list[str] = []
    for position, cell in enumerate(cells, start=1):
        name = cell.strip().lstrip("\ufeff") or f"#{position}"
        while name in names:
            name += "'"
        names.append(name)
    return tuple(names)


def detect_format(path: Path, data: bytes) -> str:
    """By content first (a renamed file keeps its content), then by extension."""
    if data[:4] == b"PK\x03\x04":
        return "xlsx" if _is_workbook(path) else "zip"
    head = data[:SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n").upper()
    if head.startswith(b"BEGIN:VCARD"):
        return "vcard"
    if head.startswith(b"{") and b'"FORMAT"' in head:
        return "json"
    suffix = path.suffix.lower()
    if suffix in (".vcf", ".vcard"):
        return "vcard"
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    if suffix == ".json":
        return "json"
    return "csv"


def _is_workbook(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        limit = MAX_JSON_BYTES if path.suffix.lower() == ".json" else MAX_BYTES
        if size > limit:
            raise ImportTooLargeError(path=str(path), size=size // (1024 * 1024),
                                      limit=limit // (1024 * 1024))
        data = path.read_bytes()
    except OSError as exc:
        raise ImportUnreadableError(path=str(path), reason=exc.strerror or str(exc)) from None
    if not data.strip(b"\xef\xbb\xbf \t\r\n\x00"):
        raise ImportEmptyError(path=str(path))
    return data
