"""The error tree of the core. Every error carries a user-facing message, translated on display."""

from __future__ import annotations

from typing import Any

from crm_desktop.core.i18n import N_, _


class CrmError(Exception):
    """Base for every error the user can act on. `str()` gives the translated message."""

    template = N_("Something went wrong.")

    def __init__(self, template: str | None = None, **params: Any) -> None:
        self.template_text = template or self.template
        self.params = params
        super().__init__(self.template_text)

    def __str__(self) -> str:
        return _(self.template_text).format(**self.params)


FIELD_LABELS = {
    "name": N_("Name"), "display_name": N_("Name"), "email": N_("Email"), "phone": N_("Phone"),
    "birthday": N_("Birthday"), "consent_date": N_("Consent date"), "title": N_("Title"),
    "lifecycle_stage": N_("Lifecycle stage"), "name_order": N_("Name order"),
    "subject": N_("Subject"), "body": N_("Text"), "amount": N_("Amount"),
    "currency": N_("Currency"), "stage": N_("Stage"), "status": N_("Status"),
    "channel": N_("Channel"), "priority": N_("Priority"), "satisfaction": N_("Satisfaction"),
    "probability": N_("Probability"), "due_at": N_("Due time"), "until": N_("Snooze until"),
    "rrule": N_("Recurrence"), "lost_reason": N_("Lost reason"), "passphrase": N_("Passphrase"),
    "tag": N_("Tag"), "expected_close": N_("Expected close date"), "kind": N_("Kind"),
    "occurred_at": N_("Time"), "default_region": N_("Default region"),
    "contact_id": N_("Contact"), "note": N_("Note"), "company": N_("Company"), "due": N_("Due"),
    "industry": N_("Industry"), "website": N_("Website"), "address": N_("Address"),
    "entity": N_("Record type"), "consent_source": N_("Consent source"),
    "marketing_consent": N_("Marketing consent"), "family_name": N_("Family name"),
    "given_name": N_("Given name"), "company_name": N_("Company"), "emails": N_("Emails"),
    "phones": N_("Phones"), "addresses": N_("Addresses"), "lead_source": N_("Lead source"),
    "owner": N_("Owner"), "custom_fields": N_("Custom fields"), "tags": N_("Tags"),
}


class ValidationError(CrmError):
    """Input that breaks a rule; `field` names the offending field (shown translated)."""

    template = N_("Invalid value.")

    def __init__(self, template: str | None = None, *, field: str = "", **params: Any) -> None:
        self.field = field
        super().__init__(template, field=field, **params)

    def __str__(self) -> str:
        label = _(FIELD_LABELS.get(self.field, self.field)) if self.field else ""
        return _(self.template_text).format(**(self.params | {"field": label}))


class NotFoundError(CrmError):
    template = N_("No record with id {id}.")


class WorkspaceError(CrmError):
    template = N_("The workspace cannot be used.")


class WorkspaceMissingError(WorkspaceError):
    template = N_("No workspace in {path}. Create one with `crm init`.")


class WorkspaceExistsError(WorkspaceError):
    template = N_("A workspace already exists in {path}.")


class WrongPassphraseError(WorkspaceError):
    template = N_("Wrong passphrase.")


class WrongRecoveryKeyError(WorkspaceError):
    template = N_("Wrong recovery key.")


class DamagedFileError(WorkspaceError):
    template = N_("The file {path} is damaged or is not a workspace database.")


class WorkspaceLockedError(WorkspaceError):
    template = N_("The workspace is already open in another window or process. Close it first.")


class StorageError(CrmError):
    template = N_("The data could not be written: {reason}. Nothing was changed.")


class DiskFullError(StorageError):
    template = N_("The disk is full. Nothing was changed; free some space and try again.")


class ReadOnlyError(StorageError):
    template = N_("The data folder {path} cannot be written to.")


class NothingToUndoError(CrmError):
    template = N_("There is nothing to undo.")


class UndoBlockedError(NothingToUndoError):
    template = N_("The last change ({action}) cannot be undone.")


class KeyringUnavailableError(CrmError):
    template = N_(
        "This computer has no usable keyring, so the passphrase cannot be remembered. "
        "You will be asked for it each time."
    )


class BackupError(CrmError):
    template = N_("The backup could not be made ({reason}). The workspace and earlier backups are "
                  "untouched.")


class BackupDamagedError(BackupError):
    template = N_("{path} is damaged or is not a backup of this app.")


class BackupFolderMissingError(BackupError):
    template = N_("The backup folder {path} is not there. If it is on a USB stick, plug the stick in "
                  "and try again.")


class BackupFolderGoneError(BackupError):
    template = N_("The backup folder {path} went away while the backup was being written (was the "
                  "USB stick removed?). No new backup was kept; earlier backups are untouched.")


class BackupInsideWorkspaceError(BackupError):
    template = N_("Choose a backup folder outside the workspace folder {path}: a backup kept beside "
                  "the data it protects is lost with it.")


class BackupKeyError(BackupError):
    template = N_("This backup was made with other keys. Enter the passphrase or the recovery key "
                  "that was valid when it was made.")


class RestoreFailedError(BackupError):
    template = N_("The backup could not be restored. {reason} The workspace is as it was before.")


class BackupNotFoundError(BackupError):
    template = N_("There is no backup file {path}.")


class BackupFolderNotChosenError(BackupError):
    template = N_("No backup folder is chosen yet. Choose one on the Backup page, or give one with --to.")


class BackupTooNewError(BackupError):
    template = N_("This backup was made by a newer version of the app (data version {revision}). "
                  "Update the app on this computer, then restore it.")


class ReportError(CrmError):
    template = N_("The report could not be made.")


class UnknownReportError(ReportError):
    template = N_("There is no report called '{name}'. The reports are: {names}.")


class ReportPeriodMissingError(ReportError):
    template = N_("The period is incomplete: give both its first and its last day (YYYY-MM-DD).")


class ReportPeriodInvertedError(ReportError):
    template = N_("The period ends on {end}, before it starts on {start}.")


class ReportFilterError(ReportError):
    """A filter the report has no use for; `report` and `option` are msgids, shown translated."""

    template = N_("The report \"{report}\" cannot be narrowed by {option}.")

    def __str__(self) -> str:
        labels = {key: _(self.params[key]) for key in ("report", "option")}
        return _(self.template_text).format(**(self.params | labels))


class ReportSubjectMissingError(ReportError):
    template = N_("Choose one contact or one company for the profile.")


class ReportSubjectNotFoundError(ReportError, NotFoundError):
    template = N_("There is no contact or company with id {id}.")


class ReportPasswordError(ReportError):
    template = N_("The password for the report is empty.")


class ReportOutputError(ReportError):
    template = N_("The report could not be written to {path} ({reason}). No file was left behind.")


class LogoError(CrmError):
    """A picture that cannot be the business logo; `path` names the file."""

    template = N_("{path} cannot be used as the logo.")


class LogoFormatError(LogoError):
    template = N_("{path} is not a PNG or JPEG picture. Choose a .png or .jpg file as the logo.")


class LogoTooLargeError(LogoError):
    template = N_("{path} is too large for a logo ({size} MB; at most {limit} MB). Save a smaller "
                  "picture and try again.")


class LogoUnreadableError(LogoError):
    template = N_("{path} cannot be read ({reason}).")


# -- imports ------------------------------------------------------------------------------------

class ImportFileError(CrmError):
    """A file that cannot be imported; the message names the file and, where there is one, the line."""

    template = N_("{path} cannot be imported.")


class ImportUnreadableError(ImportFileError):
    template = N_("{path} cannot be read ({reason}).")


class ImportEmptyError(ImportFileError):
    template = N_("{path} is empty: there is nothing to import.")


class ImportTooLargeError(ImportFileError):
    template = N_("{path} is {size} MB; files of up to {limit} MB can be imported. Split it into "
                  "smaller files and import them one after the other.")


class ImportFormatError(ImportFileError):
    template = N_("{path} is not a file that can be imported ({format}). Choose a CSV, Excel "
                  "(.xlsx) or vCard (.vcf) file.")


class ImportBinaryError(ImportFileError):
    template = N_("{path} is not a text file (it looks like a program, picture or archive). "
                  "Export your contacts as CSV, .xlsx or vCard and import that file.")


class ImportEncodingError(ImportFileError):
    template = N_("{path}, line {line}: the text is not in the {encoding} encoding. Choose "
                  "another encoding (for example GB18030 for files from Chinese Excel).")


class ImportCsvError(ImportFileError):
    template = N_("{path}, line {line}: {reason}")


class ImportSheetError(ImportFileError):
    template = N_("{path} has no sheet named '{sheet}' (it has: {sheets}).")


class ImportNotWorkbookError(ImportFileError):
    template = N_("{path} is not an Excel workbook (.xlsx), although its name says so.")


class ImportVcardError(ImportFileError):
    template = N_("{path}, line {line}: {reason}")


class ImportJsonError(ImportFileError):
    template = N_("{path}, line {line}: this is not readable JSON ({reason}).")


class ImportNotOursError(ImportFileError):
    template = N_("{path} is not a workspace export of this app (format crm-desktop-workspace, "
                  "version 1). Import other JSON files as CSV or Excel instead.")


class ImportNoHeaderError(ImportFileError):
    template = N_("{path} has no header row: the first row must name the columns.")


class ImportBatchError(CrmError):
    template = N_("There is no import with id {id} to undo.")


class ImportAlreadyUndoneError(ImportBatchError):
    template = N_("That import was undone already.")


class MappingNameError(CrmError):
    template = N_("There is no saved column mapping named '{name}'.")



# -- exports ------------------------------------------------------------------------------------

class ExportError(CrmError):
    template = N_("The export could not be made.")


class ExportWriteError(ExportError):
    template = N_("The export could not be written to {path} ({reason}). No file was left behind.")


class ExportFolderError(ExportWriteError):
    template = N_("The folder of {path} is not there or cannot be written to. Choose another "
                  "folder; no file was left behind.")


class ExportDiskFullError(ExportWriteError, DiskFullError):
    template = N_("The disk is full: {path} could not be written. No file was left behind; free "
                  "some space and try again.")


class ExportEncodingError(ExportError):
    template = N_("The contact \"{name}\" cannot be written in {encoding}: the character "
                  "\"{char}\" has no code there. Export as UTF-8 or GB18030 instead.")


class UnknownExportFormatError(ExportError):
    template = N_("There is no export format called '{name}'. The formats are: {names}.")


class UnknownExportEncodingError(ExportError):
    template = N_("Contacts cannot be exported in the encoding '{name}'. Choose one of: {names}.")


# -- duplicates and merge -----------------------------------------------------------------------


class MergeError(CrmError):
    template = N_("The contacts could not be merged. Nothing was changed.")


class MergeSameContactError(MergeError):
    template = N_("A contact cannot be merged with itself: give two different contact ids.")


class MergeContactNotFoundError(MergeError, NotFoundError):
    template = N_("There is no contact with id {id}.")


class MergeContactDeletedError(MergeError):
    template = N_("The contact with id {id} is in the trash. Restore it first, then merge.")


class MergeFieldError(MergeError):
    template = N_("'{field}' is not a field a merge can take from either contact. The fields are: "
                  "{fields}.")


class MergeChoiceError(MergeError):
    template = N_("'{choice}' is not a choice for {field}: give keep or other.")


# -- privacy ------------------------------------------------------------------------------------


class PrivacyError(CrmError):
    template = N_("The privacy request could not be carried out.")


class PersonNotFoundError(PrivacyError, NotFoundError):
    template = N_("There is no contact with id {id}. (A contact that was erased or deleted for good "
                  "is no longer held.)")


class PrivacyExportError(PrivacyError):
    template = N_("The personal data could not be written to {path} ({reason}). No file was left "
                  "behind and nothing was logged.")
