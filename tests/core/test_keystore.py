"""Key stores: remembered keys go to a secure keyring or nowhere, never to a plaintext file.

The OS keyring cannot run in this sandbox, so secure backends are in-test fakes (dict-backed).
"""

from __future__ import annotations

from typing import Any, TypeVar

import keyring
import keyring.core
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail
from keyring.errors import KeyringLocked, PasswordDeleteError

from crm_desktop.core.errors import KeyringUnavailableError
from crm_desktop.core.security.keystore import (
    KeyringKeyStore,
    KeyStore,
    MemoryKeyStore,
    is_secure_backend,
)

KEY = bytes(range(32))
C = TypeVar("C", bound=type)


def unregistered(cls: C) -> C:
    """Keep test backends out of keyring's global registry, so no other test can pick them."""
    KeyringBackend._classes.discard(cls)  # type: ignore[attr-defined]
    return cls


@unregistered
class FakeSecureKeyring(KeyringBackend):
    """Stands in for the OS keyring: priority 1, secrets in a dict."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.secrets.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")


@unregistered
class FakeAltFileKeyring(FakeSecureKeyring):
    """Looks like keyrings.alt's file backend, even with a high priority."""

    priority = 5  # type: ignore[assignment]


FakeAltFileKeyring.__module__ = "keyrings.alt.file"


@unregistered
class FakeLowPriorityKeyring(FakeSecureKeyring):
    priority = 0.5  # type: ignore[assignment]


@unregistered
class FakeLockedKeyring(FakeSecureKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("locked")


def chain_of(*members: Any) -> chainer.ChainerBackend:
    @unregistered
    class FakeChainer(chainer.ChainerBackend):
        backends = list(members)  # type: ignore[assignment]

    return FakeChainer()


@pytest.fixture(autouse=True)
def restore_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever a test selects with keyring.set_keyring is undone afterwards."""
    monkeypatch.setattr(keyring.core, "_keyring_backend", keyring.core._keyring_backend)


def test_memory_store_round_trip() -> None:
    """MemoryKeyStore gives back the key it was given, and forgets it on delete."""
    store = MemoryKeyStore()
    assert isinstance(store, KeyStore) and store.available()
    assert store.get("ws") is None
    store.set("ws", KEY)
    assert store.get("ws") == KEY
    store.delete("ws")
    store.delete("ws")  # forgetting twice is fine
    assert store.get("ws") is None


def test_fail_backend_is_unavailable() -> None:
    """With keyring's fail backend (headless Linux) nothing can be remembered, loudly."""
    keyring.set_keyring(fail.Keyring())
    store = KeyringKeyStore()
    assert not store.available()
    with pytest.raises(KeyringUnavailableError):
        store.set("ws", KEY)
    assert store.get("ws") is None
    store.delete("ws")  # nothing to forget, no error


def test_plaintext_backend_is_refused() -> None:
    """A keyrings.alt (plaintext file) backend is refused even with a high priority."""
    backend = FakeAltFileKeyring()
    keyring.set_keyring(backend)
    store = KeyringKeyStore()
    assert not store.available()
    with pytest.raises(KeyringUnavailableError):
        store.set("ws", KEY)
    assert backend.secrets == {}


def test_low_priority_backend_is_refused() -> None:
    """A backend keyring itself ranks below 1 (not recommended) is not used."""
    backend = FakeLowPriorityKeyring()
    store = KeyringKeyStore(backend=backend)
    assert not store.available()
    with pytest.raises(KeyringUnavailableError):
        store.set("ws", KEY)
    assert backend.secrets == {}


def test_chainer_is_usable_only_if_every_member_is_secure() -> None:
    """A chain with a plaintext member, or with no member, is refused; a secure chain is used."""
    assert not is_secure_backend(chain_of())
    assert not is_secure_backend(chain_of(FakeSecureKeyring(), FakeAltFileKeyring()))
    assert is_secure_backend(chain_of(FakeSecureKeyring(), FakeSecureKeyring()))


def test_secure_backend_round_trip() -> None:
    """With a secure keyring the key is stored, read back, and deleted."""
    backend = FakeSecureKeyring()
    keyring.set_keyring(backend)
    store = KeyringKeyStore()
    assert store.available()
    store.set("ws-1", KEY)
    assert store.get("ws-1") == KEY
    assert backend.secrets == {("crm_desktop", "ws-1"): KEY.hex()}
    store.delete("ws-1")
    assert store.get("ws-1") is None
    store.delete("ws-1")  # already forgotten: not an error


def test_keyring_errors_mean_no_key() -> None:
    """A locked or failing keyring reads as 'nothing remembered' and refuses to store."""
    store = KeyringKeyStore(backend=FakeLockedKeyring())
    assert store.get("ws") is None
    with pytest.raises(KeyringUnavailableError):
        store.set("ws", KEY)


def test_garbled_stored_value_reads_as_no_key() -> None:
    """A keyring entry that is not hex is ignored, so the user is asked for the passphrase."""
    backend = FakeSecureKeyring()
    backend.secrets[("crm_desktop", "ws")] = "not hex"
    assert KeyringKeyStore(backend=backend).get("ws") is None
