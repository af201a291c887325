"""Exports: contacts as CSV / .xlsx / vCard, open reminders as ICS, the whole workspace as JSON.

Every export reads one consistent snapshot (one read transaction), streams its records, and
writes a temp file beside the target that is renamed into place only when complete (see
`output.atomic_file`). Export files are NOT encrypted: the GUI and the CLI say so each time.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from crm_desktop.core.errors import UnknownExportFormatError
from crm_desktop.core.io.exports.contacts_csv import write_contacts_csv
from crm_desktop.core.io.exports.contacts_xlsx import write_contacts_xlsx
from crm_desktop.core.io.exports.ics import write_reminders_ics
from crm_desktop.core.io.exports.output import ExportResult, Progress, atomic_file
from crm_desktop.core.io.exports.vcard import write_vcards
from crm_desktop.core.io.exports.workspace_json import write_workspace
from crm_desktop.core.services.contacts import ContactQuery
from crm_desktop.core.services.settings import SettingsService
from crm_desktop.core.storage import migrate
from crm_desktop.core.storage.database import Database

FORMATS = ("csv", "xlsx", "vcard", "ics", "json")
CONTACT_FORMATS = ("csv", "xlsx", "vcard")
EVERY_CONTACT = ContactQuery()

__all__ = ["CONTACT_FORMATS", "FORMATS", "ExportResult", "ExportService", "check_format"]


def check_format(name: str) -> str:
    """`name` when it is one of FORMATS, else an error listing them."""
    if name not in FORMATS:
        raise UnknownExportFormatError(name=name, names=", ".join(FORMATS))
    return name


class ExportService:
    def __init__(self, db: Database, settings: SettingsService) -> None:
        self._db = db
        self._settings = settings

    def contacts_csv(self, path: Path, query: ContactQuery = EVERY_CONTACT,
                     encoding: str = "utf-8-sig", progress: Progress | None = None) -> ExportResult:
        """Contacts in our own layout (crm_format); `encoding` utf-8-sig, gbk or gb18030."""
        with self._db.read() as session:
            count = write_contacts_csv(session, Path(path), query, encoding, progress)
        return ExportResult(Path(path), count)

    def contacts_xlsx(self, path: Path, query: ContactQuery = EVERY_CONTACT,
                      progress: Progress | None = None) -> ExportResult:
        with self._db.read() as session:
            count = write_contacts_xlsx(session, Path(path), query, progress)
        return ExportResult(Path(path), count)

    def contacts_vcard(self, path: Path, query: ContactQuery = EVERY_CONTACT,
                       progress: Progress | None = None) -> ExportResult:
        with self._db.read() as session:
            count = write_vcards(session, Path(path), query, progress)
        return ExportResult(Path(path), count)

    def reminders_ics(self, path: Path, owner: str | None = None,
                      progress: Progress | None = None) -> ExportResult:
        """The open reminders (of `owner`, when given) as calendar events."""
        with self._db.read() as session:
            count = write_reminders_ics(session, Path(path), owner, progress)
        return ExportResult(Path(path), count)

    def workspace_json(self, path: Path, progress: Progress | None = None) -> ExportResult:
        """Every record of the workspace, in the documented format of `workspace_json`."""
        header = {"exported_at": datetime.now(UTC).isoformat(timespec="microseconds"),
                  "schema_revision": migrate.current_revision(self._db.engine),
                  "settings": self._settings.get().model_dump(mode="json")}
        with self._db.read() as session, atomic_file(Path(path)) as handle:
            count = write_workspace(session, handle, header, progress)
        return ExportResult(Path(path), count)
