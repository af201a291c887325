"""Where secrets come from: a file, the environment, or a prompt. Never the command line."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from crm_desktop.core.errors import CrmError
from crm_desktop.core.i18n import N_, _
from crm_desktop.core.security.keyslots import validate_passphrase

PASSPHRASE_ENV = "CRM_PASSPHRASE"
NEW_PASSPHRASE_ENV = "CRM_NEW_PASSPHRASE"
RECOVERY_KEY_ENV = "CRM_RECOVERY_KEY"


class SecretMissingError(CrmError):
    template = N_("No passphrase given: set CRM_PASSPHRASE, use --passphrase-file FILE, "
                  "or run crm in a terminal to be asked.")


class NewPassphraseMissingError(CrmError):
    template = N_("No new passphrase given: set CRM_NEW_PASSPHRASE, "
                  "or run crm in a terminal to be asked.")


class RecoveryKeyMissingError(CrmError):
    template = N_("No recovery key given: set CRM_RECOVERY_KEY, "
                  "or run crm in a terminal to be asked.")


class PassphraseFileError(CrmError):
    template = N_("The passphrase file {path} cannot be read: {reason}")


class MismatchError(CrmError):
    template = N_("The two passphrases do not match. Nothing was changed.")


def current(passphrase_file: Path | None, prompt: str = N_("Passphrase: ")) -> str:
    """--passphrase-file (an explicit option wins), then CRM_PASSPHRASE, then a prompt."""
    return (_from_file(passphrase_file) or _from_env(PASSPHRASE_ENV)
            or _prompt(prompt, SecretMissingError()))


def new_for_workspace(passphrase_file: Path | None) -> str:
    """The passphrase of a new workspace: from a file or CRM_PASSPHRASE once, else typed twice."""
    given = _from_file(passphrase_file) or _from_env(PASSPHRASE_ENV)
    return given or _twice(N_("New passphrase: "), SecretMissingError())


def new_for_change() -> str:
    """A replacement passphrase: CRM_NEW_PASSPHRASE, else typed twice."""
    return _from_env(NEW_PASSPHRASE_ENV) or _twice(N_("New passphrase: "),
                                                     NewPassphraseMissingError())


def recovery_key() -> str:
    return _from_env(RECOVERY_KEY_ENV) or _prompt(N_("Recovery key: "), RecoveryKeyMissingError())


def _from_file(path: Path | None) -> str:
    if path is None:
        return ""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
        raise PassphraseFileError(path=str(path), reason=reason) from None
    return text.split("\n", 1)[0].removesuffix("\r")


def _from_env(name: str) -> str:
    return os.environ.get(name, "")


def _twice(prompt: str, missing: CrmError) -> str:
    first = _prompt(prompt, missing)
    validate_passphrase(first)
    if _prompt(N_("Repeat the new passphrase: "), missing) != first:
        raise MismatchError()
    return first


def _prompt(prompt: str, missing: CrmError) -> str:
    if not sys.stdin.isatty():
        raise missing
    try:
        return getpass.getpass(_(prompt))
    except EOFError:
        raise missing from None
