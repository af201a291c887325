"""Our own whole-workspace JSON export (format `crm-desktop-workspace`, see
core/io/exports/workspace_json.py) as an import source: its contacts go through the same preview
as any file (matched by id, email or phone); its companies, stages, tags, deals, service logs,
reminders and notes come along. Records that were in the recycle bin are left out."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from crm_desktop.core.errors import ImportJsonError, ImportNotOursError
from crm_desktop.core.io.crm_format import CONTACT_COLUMNS
from crm_desktop.core.io.exports.workspace_json import FORMAT, SECTIONS, VERSION
from crm_desktop.core.io.imports.source import Source, SourceRow

SECTION_NAMES = tuple(name for name, _table, _entity in SECTIONS)


def read_workspace(path: Path, data: bytes) -> Source:
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ImportJsonError(path=str(path), line=1, reason="not UTF-8") from None
    except json.JSONDecodeError as exc:
        raise ImportJsonError(path=str(path), line=exc.lineno, reason=exc.msg) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT \
            or document.get("version") != VERSION:
        raise ImportNotOursError(path=str(path))
    sections = {name: _live(path, document.get(name, []), name) for name in SECTION_NAMES}
    rows = tuple(SourceRow(number, {}) for number, _record in enumerate(sections["contacts"], 1))
    return Source(path, "json", CONTACT_COLUMNS, rows, encoding="utf-8", document=sections)


def _live(path: Path, records: Any, name: str) -> list[dict[str, Any]]:
    if not isinstance(records, list) or not all(isinstance(r, dict) and isinstance(r.get("id"), str)
                                                for r in records):
        raise ImportJsonError(path=str(path), line=1, reason=f"'{name}' is not a list of records")
    return [record for record in records if not record.get("deleted_at")]
