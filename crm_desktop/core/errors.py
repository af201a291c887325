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
    "entity": N_("Record type"),
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
