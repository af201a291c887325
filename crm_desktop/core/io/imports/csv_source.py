"""CSV files as Excel, WPS, Google, Outlook and other CRMs write them: UTF-8 with or without a
BOM, GBK/GB18030 from Chinese Excel, Big5 from Taiwan and Hong Kong; comma, semicolon or tab."""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

from charset_normalizer import from_bytes

from crm_desktop.core.errors import (
    CrmError,
    ImportBinaryError,
    ImportCsvError,
    ImportEncodingError,
    ImportNoHeaderError,
)
from crm_desktop.core.i18n import N_, _
from crm_desktop.core.io.imports.source import ReadOptions, Source, SourceRow, header_names

DELIMITERS = (",", ";", "\t")
MAX_CELL = 16 * 1024 * 1024  # Python's csv stops at 128 KiB per cell; a long remark is not an error
# The encodings files reach a Chinese or English-speaking small business in, besides UTF-8:
# left free, the detector calls a short Big5 file Korean (johab).
CANDIDATES = ("gb18030", "big5", "cp1252", "utf_16")
CHINESE_SIMPLIFIED = {"gb2312", "gbk", "gb18030", "hz"}  # read as GB18030, their superset
CHINESE_TRADITIONAL = {"big5", "big5hkscs", "cp950"}


def read_csv(path: Path, data: bytes, options: ReadOptions) -> Source:
    encoding = options.encoding or detect_encoding(path, data)
    text = _decode(path, data, encoding)
    delimiter = options.delimiter or detect_delimiter(text)
    if len(delimiter) != 1:
        raise ImportCsvError(path=str(path), line=1,
                             reason=_("the delimiter must be one character, not '{delimiter}'.")
                             .format(delimiter=delimiter))
    csv.field_size_limit(max(csv.field_size_limit(), MAX_CELL))
    headers, rows = _rows(path, text, delimiter)
    return Source(path, "csv", headers, rows, encoding=encoding, delimiter=delimiter)


def detect_encoding(path: Path, data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in data[:8192]:
        raise ImportBinaryError(path=str(path))
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:256 * 1024], cp_isolation=list(CANDIDATES)).best()
    if best is None:
        raise ImportBinaryError(path=str(path))
    name = best.encoding.lower().replace("-", "").replace("_", "")
    if name in CHINESE_SIMPLIFIED:
        return "gb18030"
    if name in CHINESE_TRADITIONAL:
        return "big5hkscs"
    return best.encoding


def _decode(path: Path, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[:exc.start].replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1
        raise ImportEncodingError(path=str(path), line=line, encoding=encoding) from None
    except LookupError:
        raise ImportEncodingError(path=str(path), line=1, encoding=encoding) from None


def detect_delimiter(text: str) -> str:
    """The delimiter that splits the first lines most evenly (the header line decides ties)."""
    sample = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:
        header = text.split("\n", 1)[0]
        return max(DELIMITERS, key=header.count)


def _rows(path: Path, text: str, delimiter: str) -> tuple[tuple[str, ...], tuple[SourceRow, ...]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    headers: tuple[str, ...] = ()
    rows: list[SourceRow] = []
    line = 1
    try:
        for record in reader:
            if not headers:
                headers = header_names(record)
            elif any(cell.strip() for cell in record):
                rows.append(_row(line, headers, record))
            line = reader.line_num + 1
    except csv.Error:
        raise ImportCsvError(path=str(path), line=line,
                             reason=_("a quotation mark (\") is misplaced or not closed.")) from None
    if not any(headers):
        raise ImportNoHeaderError(path=str(path))
    return headers, tuple(rows)



def _row(line: int, headers: tuple[str, ...], record: list[str]) -> SourceRow:
    if len(record) > len(headers) and any(cell.strip() for cell in record[len(headers):]):
        return SourceRow(line, {}, CrmError(N_("the row has {found} values but the header names "
                                               "{expected} columns."),
                                            found=len(record), expected=len(headers)))
    return SourceRow(line, {name: cell.strip() for name, cell in zip(headers, record, strict=False)})
