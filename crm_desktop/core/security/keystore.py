"""Where "remember on this computer" keeps a workspace's data key.

`KeyringKeyStore` uses the OS keyring through `keyring`, and refuses any backend that would keep
the key in plaintext (keyrings.alt, the fail/null backends, low-priority backends). There is never a
plaintext fallback: when no secure backend exists, `set` raises KeyringUnavailableError and the
user is asked for the passphrase each time.
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

import keyring
import keyring.errors
from keyring.backends import chainer, fail

from crm_desktop.core.errors import KeyringUnavailableError
from crm_desktop.core.i18n import N_


@runtime_checkable
class KeyStore(Protocol):
    def get(self, workspace_id: str) -> bytes | None: ...

    def set(self, workspace_id: str, key: bytes) -> None: ...

    def delete(self, workspace_id: str) -> None: ...

    def available(self) -> bool: ...


class MemoryKeyStore:
    """A KeyStore in a dict, for tests and for sessions that must not touch the OS keyring."""

    def __init__(self) -> None:
        self._keys: dict[str, bytes] = {}

    def available(self) -> bool:
        return True

    def get(self, workspace_id: str) -> bytes | None:
        return self._keys.get(workspace_id)

    def set(self, workspace_id: str, key: bytes) -> None:
        self._keys[workspace_id] = bytes(key)

    def delete(self, workspace_id: str) -> None:
        self._keys.pop(workspace_id, None)


def _priority(backend: Any) -> float:
    try:
        return float(backend.priority)
    except Exception:  # noqa: BLE001 - a backend's priority raises when it cannot run here
        return -1.0


def is_secure_backend(backend: Any) -> bool:
    """True only for a backend that keeps secrets encrypted by the OS (never plaintext)."""
    for cls in type(backend).__mro__:
        if cls.__module__.startswith("keyrings.alt") or "plaintext" in cls.__name__.lower():
            return False
    if isinstance(backend, fail.Keyring) or type(backend).__module__ == "keyring.backends.null":
        return False
    if isinstance(backend, chainer.ChainerBackend):
        # The chainer falls through its backends on set: every one of them must be secure.
        try:
            members = list(backend.backends)
        except Exception:  # noqa: BLE001 - as above
            return False
        return bool(members) and all(is_secure_backend(member) for member in members)
    return _priority(backend) >= 1


class KeyringKeyStore:
    """The OS keyring; the key is stored as hex under (service, workspace id)."""

    def __init__(self, service: str = "crm_desktop", backend: Any | None = None) -> None:
        self.service = service
        self._backend = backend  # None: whatever `keyring` selects at call time

    def _active_backend(self) -> Any:
        return self._backend if self._backend is not None else keyring.get_keyring()

    def available(self) -> bool:
        return is_secure_backend(self._active_backend())

    def get(self, workspace_id: str) -> bytes | None:
        backend = self._active_backend()
        if not is_secure_backend(backend):
            return None
        try:
            stored = backend.get_password(self.service, workspace_id)
            return bytes.fromhex(stored) if stored else None
        except (keyring.errors.KeyringError, ValueError):
            return None

    def set(self, workspace_id: str, key: bytes) -> None:
        backend = self._active_backend()
        if not is_secure_backend(backend):
            raise KeyringUnavailableError()
        try:
            backend.set_password(self.service, workspace_id, bytes(key).hex())
        except keyring.errors.KeyringError as exc:
            raise KeyringUnavailableError() from exc

    def delete(self, workspace_id: str) -> None:
        """Forget the key; nothing stored (or no keyring at all) is not an error."""
        backend = self._active_backend()
        if not is_secure_backend(backend):
            return
        try:
            backend.delete_password(self.service, workspace_id)
        except keyring.errors.PasswordDeleteError:
            return  # nothing was stored
        except keyring.errors.KeyringError as exc:
            raise KeyringUnavailableError(
                N_("The keyring could not be reached, so the remembered key was not removed.")
            ) from exc
