"""Key slots: the data key opens with the passphrase or the recovery key, and only with them."""

from __future__ import annotations

import base64
import errno
import os
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from crm_desktop.core.errors import (
    DamagedFileError,
    DiskFullError,
    ReadOnlyError,
    StorageError,
    ValidationError,
    WrongPassphraseError,
    WrongRecoveryKeyError,
)
from crm_desktop.core.security import keyslots
from crm_desktop.core.security.keyslots import (
    DATA_KEY_BYTES,
    KeySlots,
    create_slots,
    generate_recovery_key,
    new_data_key,
    normalize_recovery_key,
    read_slots,
    rewrap_passphrase,
    unlock_with_passphrase,
    unlock_with_recovery_key,
    validate_passphrase,
    write_slots_atomic,
)

PASSPHRASE = "correct horse 电池"


@dataclass(frozen=True)
class Made:
    data_key: bytes
    recovery_key: str
    slots: KeySlots


@pytest.fixture(scope="module")
def made() -> Made:
    data_key = new_data_key()
    recovery_key = generate_recovery_key()
    return Made(data_key, recovery_key, create_slots("ws-1", data_key, PASSPHRASE, recovery_key))


def test_right_passphrase_returns_data_key(made: Made) -> None:
    """The passphrase chosen at creation unlocks the workspace's data key."""
    assert unlock_with_passphrase(made.slots, PASSPHRASE) == made.data_key
    assert len(made.data_key) == DATA_KEY_BYTES


def test_wrong_passphrase_is_refused(made: Made) -> None:
    """A wrong passphrase raises WrongPassphraseError, never a wrong key."""
    with pytest.raises(WrongPassphraseError):
        unlock_with_passphrase(made.slots, "correct horse 电")


def test_recovery_key_works_in_lowercase_with_spaces(made: Made) -> None:
    """The recovery key is accepted typed in lowercase, with spaces instead of dashes."""
    typed = "  " + made.recovery_key.lower().replace("-", " ") + " "
    assert unlock_with_recovery_key(made.slots, typed) == made.data_key


def test_wrong_or_malformed_recovery_key_is_refused(made: Made) -> None:
    """Another recovery key, or text that is not one, raises WrongRecoveryKeyError."""
    with pytest.raises(WrongRecoveryKeyError):
        unlock_with_recovery_key(made.slots, generate_recovery_key())
    with pytest.raises(WrongRecoveryKeyError):
        unlock_with_recovery_key(made.slots, "not a key")


def test_recovery_key_format_is_printable_and_unambiguous() -> None:
    """A recovery key is 7 dash-separated groups of 4 characters, without I, L, O or U."""
    key = generate_recovery_key()
    groups = key.split("-")
    assert [len(group) for group in groups] == [4] * 7
    assert set("".join(groups)) <= set(keyslots.RECOVERY_ALPHABET)
    assert not set(key) & set("ILOU")
    assert generate_recovery_key() != key


def test_normalize_reads_confusable_letters_as_digits() -> None:
    """Typing O for 0 or l/I for 1 still gives the same recovery key."""
    assert normalize_recovery_key("o1ab-lIcd ") == normalize_recovery_key("01AB-11CD")
    assert normalize_recovery_key("abcd efgh") == "ABCD-EFGH"


def test_slot_from_another_workspace_does_not_open(made: Made) -> None:
    """Slots are bound to their workspace id: a copied file does not open another workspace."""
    moved = KeySlots("ws-2", made.slots.slots)
    with pytest.raises(WrongRecoveryKeyError):
        unlock_with_recovery_key(moved, made.recovery_key)


def test_rewrap_changes_passphrase_and_keeps_recovery(made: Made) -> None:
    """After a passphrase change the old one fails, the new one and the recovery key work."""
    new = rewrap_passphrase(made.slots, made.data_key, "新的密码新的密码")
    assert unlock_with_passphrase(new, "新的密码新的密码") == made.data_key
    with pytest.raises(WrongPassphraseError):
        unlock_with_passphrase(new, PASSPHRASE)
    assert unlock_with_recovery_key(new, made.recovery_key) == made.data_key
    assert unlock_with_passphrase(made.slots, PASSPHRASE) == made.data_key  # original untouched


def test_rewrap_rejects_short_passphrase(made: Made) -> None:
    """A new passphrase must follow the same length rule as the first one."""
    with pytest.raises(ValidationError) as caught:
        rewrap_passphrase(made.slots, made.data_key, "short")
    assert caught.value.field == "passphrase"


def test_short_passphrase_rejected() -> None:
    """Fewer than 8 characters is refused with an error on the passphrase field."""
    with pytest.raises(ValidationError) as caught:
        create_slots("ws", new_data_key(), "1234567", generate_recovery_key())
    assert caught.value.field == "passphrase"
    assert "8" in str(caught.value)


def test_eight_chinese_characters_are_enough() -> None:
    """The minimum counts characters, not bytes: 8 Chinese characters pass, 7 do not."""
    validate_passphrase("我的客户管理系统")
    with pytest.raises(ValidationError):
        validate_passphrase("我的客户管理系")


def test_composed_and_decomposed_passphrase_are_the_same() -> None:
    """A passphrase typed in NFD opens a workspace created with the same text in NFC."""
    composed = unicodedata.normalize("NFC", "Café 밀번호 ñandú")
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    data_key = new_data_key()
    slots = create_slots("ws", data_key, composed, generate_recovery_key())
    assert unlock_with_passphrase(slots, decomposed) == data_key


def test_saved_file_round_trips(made: Made, tmp_path: Path) -> None:
    """A slot file written to disk reads back and still opens with the passphrase."""
    path = tmp_path / "keyslots.json"
    write_slots_atomic(path, made.slots)
    loaded = read_slots(path)
    assert loaded == made.slots
    assert unlock_with_recovery_key(loaded, made.recovery_key) == made.data_key


def test_file_holds_no_secret_in_clear(made: Made, tmp_path: Path) -> None:
    """The slot file contains neither the data key (raw, hex, base64) nor the passphrase."""
    path = tmp_path / "keyslots.json"
    write_slots_atomic(path, made.slots)
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    key = made.data_key
    assert key not in raw
    encodings = (key.hex(), base64.b64encode(key).decode(), base64.urlsafe_b64encode(key).decode())
    for encoded in encodings:
        assert encoded.rstrip("=").lower() not in text.lower()
    assert PASSPHRASE not in text and PASSPHRASE.encode() not in raw
    compact = made.recovery_key.replace("-", "")
    assert made.recovery_key not in text and compact not in text


@pytest.mark.parametrize("target", ["replace", "fsync"])
def test_failed_write_keeps_old_file_and_leaves_no_temp(
    made: Made, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    """If writing fails midway, the previous slot file is intact and no temp file remains."""
    path = tmp_path / "keyslots.json"
    write_slots_atomic(path, made.slots)
    before = path.read_bytes()
    other = KeySlots("ws-other", made.slots.slots)

    def broken(*args: object) -> None:
        raise OSError(errno.EIO, "I/O error")

    monkeypatch.setattr(os, target, broken)
    with pytest.raises(StorageError):
        write_slots_atomic(path, other)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keyslots.json"]


@pytest.mark.parametrize(
    ("code", "expected"),
    [(errno.ENOSPC, DiskFullError), (errno.EROFS, ReadOnlyError), (errno.EACCES, ReadOnlyError)],
)
def test_os_errors_become_user_errors(
    made: Made, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, expected: type
) -> None:
    """A full disk or a read-only folder is reported as such, and nothing is written."""

    def broken(*args: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", broken)
    with pytest.raises(expected):
        write_slots_atomic(tmp_path / "keyslots.json", made.slots)
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],  # truncated
        lambda text: "\x00\xff garbage",
        lambda text: "[]",
        lambda text: text.replace('"argon2id"', '"rot13"'),
        lambda text: text.replace('"nonce": "', '"nonce": "!!'),
        lambda text: text.replace('"iterations": 3', '"iterations": 100000'),
    ],
)
def test_garbled_file_is_reported_damaged(
    made: Made, tmp_path: Path, damage: Callable[[str], str]
) -> None:
    """A truncated, garbled or tampered slot file raises DamagedFileError naming the file."""
    path = tmp_path / "keyslots.json"
    path.write_text(damage(made.slots.to_json()), encoding="utf-8", errors="surrogateescape")
    with pytest.raises(DamagedFileError) as caught:
        read_slots(path)
    assert str(path) in str(caught.value)


def test_missing_file_is_not_damage(tmp_path: Path) -> None:
    """A missing slot file raises FileNotFoundError, so callers can say 'no workspace here'."""
    with pytest.raises(FileNotFoundError):
        read_slots(tmp_path / "absent.json")
