"""Contacts as an Excel workbook (.xlsx) in our own layout (crm_format): one sheet, one header row.

Every cell is written as text (no numbers, dates or formulas guessed from it), so a phone number
keeps its `+` and leading zeros and the sheet reads back exactly. openpyxl's write-only mode
streams the rows to the file instead of keeping a sheet of 100,000 rows in memory.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from sqlmodel import Session

from crm_desktop.core.io.crm_format import CONTACT_COLUMNS, guard, unguard
from crm_desktop.core.io.exports.output import Progress, atomic_file, report
from crm_desktop.core.io.exports.records import cell_pages, count_contacts
from crm_desktop.core.services.contacts import ContactQuery

SHEET_TITLE = "contacts"
# XML 1.0 cannot hold these control characters; openpyxl refuses a cell that has one.
ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def write_contacts_xlsx(session: Session, path: Path, query: ContactQuery,
                        progress: Progress | None = None) -> int:
    """Write the query's contacts to `path`; returns how many."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(SHEET_TITLE)
    try:
        done = _fill(sheet, session, query, progress)
        with atomic_file(path) as handle:
            book.save(handle)
    except BaseException:
        _discard(sheet)
        raise
    return done


def _fill(sheet: Any, session: Session, query: ContactQuery, progress: Progress | None) -> int:
    sheet.append(list(CONTACT_COLUMNS))
    total, done = count_contacts(session, query), 0
    for page in cell_pages(session, query):
        for row in page:
            sheet.append([_text(row[name]) for name in CONTACT_COLUMNS])
        done += len(page)
        report(progress, done, total)
    return done


def _discard(sheet: Any) -> None:
    """Remove the rows openpyxl has streamed to its own temp file (plain customer data) now,
    not at interpreter exit."""
    writer = getattr(sheet, "_writer", None)
    if writer is None or not Path(writer.out).exists():
        return
    sheet.close()
    writer.cleanup()


def _text(cell: str) -> str:
    """Characters a workbook cannot hold are dropped — and the formula guard applied to what is
    left, so "\x08=HYPERLINK(…)" cannot become a formula once its control character is gone."""
    kept = ILLEGAL.sub("", cell)
    return kept if kept == cell else guard(unguard(kept))
