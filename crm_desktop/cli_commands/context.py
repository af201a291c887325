"""What every command receives: where the workspace is, and how to unlock and open it."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from crm_desktop.cli_commands import passphrases
from crm_desktop.core.config.paths import AppPaths
from crm_desktop.core.errors import CrmError, WorkspaceMissingError
from crm_desktop.core.i18n import active_language
from crm_desktop.core.security.keystore import KeyringKeyStore
from crm_desktop.core.security.vault import Vault

if TYPE_CHECKING:
    from crm_desktop.core.crm import Crm


class CliError(CrmError):
    """A problem found by the CLI itself; the message is translated on display like any CrmError."""


@dataclass(frozen=True)
class Context:
    paths: AppPaths
    passphrase_file: Path | None
    language: str

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> Context:
        passphrase_file = Path(args.passphrase_file) if args.passphrase_file else None
        return cls(AppPaths.resolve(args.data_dir), passphrase_file, active_language())

    def vault(self) -> Vault:
        return Vault(self.paths, KeyringKeyStore())

    def require_workspace(self) -> None:
        if not self.paths.exists():
            raise WorkspaceMissingError(path=str(self.paths.root))

    def unlock_with_passphrase(self) -> bytes:
        """The data key from the passphrase alone (key export, remember, passphrase change)."""
        self.require_workspace()
        return self.vault().unlock(passphrases.current(self.passphrase_file))

    def data_key(self) -> bytes:
        """The key remembered on this computer, else the one the passphrase unlocks."""
        self.require_workspace()
        return self.vault().remembered_key() or self.unlock_with_passphrase()

    @contextmanager
    def open(self, *, write: bool) -> Iterator[Crm]:
        """The unlocked workspace; `write=True` takes the one-writer lock, reads take none."""
        data_key = self.data_key()
        from crm_desktop.core.crm import open_crm  # heavy: load only once the key is known

        with open_crm(self.paths, data_key, write=write) as crm:
            yield crm
