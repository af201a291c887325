"""What the backup screens say: when the last backup was made, whether that is a worry, and how
each check of a verification went. Shared by the page, the wizard and the status bar."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTime

from crm_desktop.core.backup.service import BackupStatus
from crm_desktop.core.backup.verify import CHECK_LABELS, CHECKS, VerifyReport
from crm_desktop.core.errors import CrmError
from crm_desktop.core.i18n import _
from crm_desktop.ui.models.service_model import local_time

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


def when_text(moment: datetime, now: datetime) -> str:
    """'today 14:05', 'yesterday 09:12', or the short date and time, in local time."""
    local = moment.astimezone()
    days = (now.astimezone().date() - local.date()).days
    clock = QLocale().toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    if days == 0:
        return translate("BackupTexts", "today %1").replace("%1", clock)
    if days == 1:
        return translate("BackupTexts", "yesterday %1").replace("%1", clock)
    return local_time(moment)


def days_ago(moment: datetime, now: datetime) -> str:
    days = (now.astimezone().date() - moment.astimezone().date()).days
    if days <= 0:
        return translate("BackupTexts", "today")
    if days == 1:
        return translate("BackupTexts", "yesterday")
    return translate("BackupTexts", "%n day(s) ago", "", days)


def status_bar_text(status: BackupStatus, now: datetime) -> tuple[str, bool]:
    """The status bar's one line about backups, and whether it is a warning."""
    if not status.folder:
        return translate("BackupTexts", "Backups: no folder chosen yet"), True
    if not status.folder_present:
        return translate("BackupTexts", "Backup folder not found — USB stick unplugged?"), True
    if status.last_good_at is None:
        return translate("BackupTexts", "No backup yet"), True
    when = when_text(status.last_good_at, now)
    if status.overdue:
        return translate("BackupTexts", "Last backup: %1 — overdue").replace("%1", when), True
    return translate("BackupTexts", "Last backup: %1").replace("%1", when), False


def status_line(status: BackupStatus, warn_after_days: int, now: datetime) -> tuple[str, bool]:
    """The backup page's status sentence(s), and whether they are a warning."""
    if not status.folder:
        return translate("BackupTexts", "No backup folder chosen yet. Choose one below: a USB stick "
                                        "or a cloud folder keeps a copy away from this computer."), True
    parts, warning = [], status.overdue
    if not status.folder_present:
        parts.append(translate("BackupTexts", "The backup folder %1 is not there. USB stick unplugged?")
                     .replace("%1", status.folder))
        warning = True
    if status.last_good_at is None:
        parts.append(translate("BackupTexts", "No backup has been made yet."))
    else:
        parts.append(translate("BackupTexts", "Last good backup: %1 (%2).")
                     .replace("%1", local_time(status.last_good_at))
                     .replace("%2", days_ago(status.last_good_at, now)))
        if status.overdue:
            parts.append(translate("BackupTexts", "That is more than %n day(s) ago: back up now.", "",
                                   warn_after_days))
    return " ".join(parts), warning


def error_text(error: BaseException) -> str:
    """The core's translated message, or the kind of an unexpected error."""
    if isinstance(error, CrmError):
        return str(error)
    return translate("BackupTexts", "Unexpected error (%1).").replace("%1", type(error).__name__)


def short_problem(problem: str, path: Path) -> str:
    """A core message names the backup by its full path; next to the backup, its name is enough."""
    return problem.replace(str(path), path.name)


def check_lines(report: VerifyReport) -> list[tuple[str, bool]]:
    """Each check in order: ✓ passed, ✗ failed with the reason, – not reached; and whether it failed."""
    results = {check.name: check for check in report.checks}
    lines = []
    for name in CHECKS:
        check, label = results.get(name), _(CHECK_LABELS[name])
        if check is None:
            lines.append((translate("BackupTexts", "– %1 (not reached)").replace("%1", label), False))
        elif check.ok:
            lines.append((f"✓ {label}", False))
        else:
            detail = short_problem(check.detail, report.path)
            lines.append((f"✗ {label}: {detail}" if detail else f"✗ {label}", True))
    return lines


def failed_check(report: VerifyReport) -> str:
    """The label of the first check that failed ("" when all passed)."""
    failed = next((check for check in report.checks if not check.ok), None)
    return _(CHECK_LABELS[failed.name]) if failed else ""
