"""Contacts as CSV in our own layout (crm_format): RFC 4180 with CRLF line ends.

UTF-8 with a BOM by default, so Excel shows Chinese correctly; GBK for older Chinese Excel; or
GB18030, which can write every character. A character GBK has no code for stops the export with
the contact's name and the character (rather than a `?` in the file): the user then picks UTF-8
or GB18030, and nothing is lost silently.
"""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

from sqlmodel import Session

from crm_desktop.core.errors import ExportEncodingError, UnknownExportEncodingError
from crm_desktop.core.io.crm_format import CONTACT_COLUMNS
from crm_desktop.core.io.exports.output import Progress, atomic_file, report
from crm_desktop.core.io.exports.records import cell_pages, count_contacts
from crm_desktop.core.services.contacts import ContactQuery

ENCODINGS = ("utf-8-sig", "gbk", "gb18030")
Cells = dict[str, str]


def check_encoding(encoding: str) -> str:
    name = encoding.strip().lower().replace("_", "-")
    if name not in ENCODINGS:
        raise UnknownExportEncodingError(name=encoding, names=", ".join(ENCODINGS))
    return name


def write_contacts_csv(session: Session, path: Path, query: ContactQuery, encoding: str,
                       progress: Progress | None = None) -> int:
    """Write the query's contacts to `path`; returns how many."""
    encoding = check_encoding(encoding)
    codec = "utf-8" if encoding == "utf-8-sig" else encoding  # the BOM is written once, first
    total, done = count_contacts(session, query), 0
    with atomic_file(path) as handle:
        if encoding == "utf-8-sig":
            handle.write(codecs.BOM_UTF8)
        handle.write(_lines([dict(zip(CONTACT_COLUMNS, CONTACT_COLUMNS, strict=True))]).encode())
        for page in cell_pages(session, query):
            handle.write(_encoded(_lines(page), codec, page))
            done += len(page)
            report(progress, done, total)
    report(progress, done, max(done, total))
    return done


def _lines(rows: list[Cells]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows([row[name] for name in CONTACT_COLUMNS] for row in rows)
    return buffer.getvalue()


def _encoded(text: str, codec: str, page: list[Cells]) -> bytes:
    try:
        return text.encode(codec)
    except UnicodeEncodeError:
        raise _unencodable(page, codec) from None


def _unencodable(page: list[Cells], codec: str) -> ExportEncodingError:
    """Which contact of the page holds the first character `codec` cannot write."""
    for row in page:
        for cell in row.values():
            try:
                cell.encode(codec)
            except UnicodeEncodeError as exc:
                return ExportEncodingError(name=row["display_name"], encoding=codec.upper(),
                                           char=cell[exc.start])
    return ExportEncodingError(name="", encoding=codec.upper(), char="")
