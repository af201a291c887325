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


class ValidationError(CrmError):
    """Input that breaks a rule; `field` names the offending field."""

    template = N_("Invalid value.")

    def __init__(self, template: str | None = None, *, field: str = "", **params: Any) -> None:
        self.field = field
        super().__init__(template, field=field, **params)


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


class KeyringUnavailableError(CrmError):
    template = N_(
        "This computer has no usable keyring, so the passphrase cannot be remembered. "
        "You will be asked for it each time."
    )
