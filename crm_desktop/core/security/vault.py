"""The workspace's keys: create, unlock by passphrase / recovery key / keyring, change passphrase."""

from __future__ import annotations

from dataclasses import dataclass

from crm_desktop.core.backup.restore import finish_interrupted_restore
from crm_desktop.core.config.paths import AppPaths
from crm_desktop.core.errors import (
    KeyringUnavailableError,
    WorkspaceExistsError,
    WorkspaceMissingError,
)
from crm_desktop.core.ids import new_id
from crm_desktop.core.security import keyslots
from crm_desktop.core.security.keystore import KeyStore


@dataclass(frozen=True)
class NewWorkspaceKeys:
    workspace_id: str
    data_key: bytes
    recovery_key: str


class Vault:
    def __init__(self, paths: AppPaths, keystore: KeyStore) -> None:
        self.paths = paths
        self.keystore = keystore

    def create(self, passphrase: str) -> NewWorkspaceKeys:
        """New data key and recovery key; the slot file is written before any database exists."""
        keyslots.validate_passphrase(passphrase)
        if self.paths.key_slots.exists() or self.paths.database.exists():
            raise WorkspaceExistsError(path=str(self.paths.root))
        workspace_id, data_key = new_id(), keyslots.new_data_key()
        recovery_key = keyslots.generate_recovery_key()
        slots = keyslots.create_slots(workspace_id, data_key, passphrase, recovery_key)
        keyslots.write_slots_atomic(self.paths.key_slots, slots)
        return NewWorkspaceKeys(workspace_id, data_key, recovery_key)

    def slots(self) -> keyslots.KeySlots:
        finish_interrupted_restore(self.paths)  # a restore cut short may still be installing keys
        if not self.paths.exists():
            raise WorkspaceMissingError(path=str(self.paths.root))
        return keyslots.read_slots(self.paths.key_slots)

    @property
    def workspace_id(self) -> str:
        return self.slots().workspace_id

    def unlock(self, passphrase: str) -> bytes:
        return keyslots.unlock_with_passphrase(self.slots(), passphrase)

    def unlock_with_recovery_key(self, recovery_key: str) -> bytes:
        return keyslots.unlock_with_recovery_key(self.slots(), recovery_key)

    def change_passphrase(self, data_key: bytes, new_passphrase: str) -> None:
        """Re-wrap the data key; the new slot file replaces the old one atomically."""
        new_slots = keyslots.rewrap_passphrase(self.slots(), data_key, new_passphrase)
        keyslots.write_slots_atomic(self.paths.key_slots, new_slots)

    def remembered_key(self) -> bytes | None:
        """The data key stored on this computer's keyring, if it still opens the slots' workspace."""
        if not self.paths.exists():
            return None
        return self.keystore.get(self.workspace_id)

    def remember(self, data_key: bytes) -> None:
        if not self.keystore.available():
            raise KeyringUnavailableError()
        self.keystore.set(self.workspace_id, data_key)

    def forget(self) -> None:
        self.keystore.delete(self.workspace_id)
