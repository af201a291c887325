"""Key slots: the workspace's random data key, stored only wrapped, in a small JSON file.

The data key is the raw SQLCipher key. It is wrapped twice, each time with AES-256-GCM:

* the passphrase slot, under a key derived by Argon2id from the NFC-normalized passphrase;
* the recovery slot, under a key derived by HKDF-SHA256 from the printable recovery key.

The associated data of each slot binds the slot kind and the workspace id, so a slot copied
into another workspace's file, or swapped with the other slot, does not decrypt.
"""

from __future__ import annotations

import base64
import binascii
import json
import secrets
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from crm_desktop.core.errors import (
    DamagedFileError,
    ValidationError,
    WrongPassphraseError,
    WrongRecoveryKeyError,
)
from crm_desktop.core.i18n import N_
from crm_desktop.core.storage.files import write_atomic

DATA_KEY_BYTES = 32
MIN_PASSPHRASE = 8

FORMAT = "crm_desktop.keyslots"
VERSION = 1
PASSPHRASE = "passphrase"
RECOVERY = "recovery"
SALT_BYTES = 16
NONCE_BYTES = 12
ARGON2_DEFAULTS = {"memory_kib": 64 * 1024, "iterations": 3, "lanes": 4}
# Bounds on parameters read from a file, so a tampered file cannot make us allocate 100 GiB.
_ARGON2_LIMITS = {"memory_kib": (8, 4 * 1024 * 1024), "iterations": (1, 64), "lanes": (1, 64)}
_MAX_FILE_BYTES = 1024 * 1024

# Crockford base32: no I, L, O, U, so nothing reads as 1/0 or spells words by accident.
RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_CHARS = 28  # 28 * 5 = 140 bits, shown as 7 groups of 4
_CONFUSABLES = str.maketrans({"O": "0", "I": "1", "L": "1"})


@dataclass(frozen=True)
class KeySlots:
    """The parsed key-slot file: one dict per slot kind ("passphrase", "recovery")."""

    workspace_id: str
    slots: dict[str, dict[str, Any]] = field(hash=False)

    def to_json(self) -> str:
        document = {
            "format": FORMAT,
            "version": VERSION,
            "workspace_id": self.workspace_id,
            "slots": self.slots,
        }
        return json.dumps(document, indent=2, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> KeySlots:
        """Parse and check the whole file; any defect raises ValueError."""
        document = json.loads(text)
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            raise ValueError("not a key-slot file")
        if document.get("version") != VERSION:
            raise ValueError("unsupported key-slot version")
        workspace_id, slots = document.get("workspace_id"), document.get("slots")
        if not isinstance(workspace_id, str) or not isinstance(slots, dict):
            raise ValueError("missing workspace id or slots")  # noqa: TRY004 - a damaged file, as below
        for kind in (PASSPHRASE, RECOVERY):
            _check_slot(kind, slots.get(kind))
        return cls(workspace_id, slots)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: Any, length: int | None = None) -> bytes:
    if not isinstance(value, str):
        raise ValueError("expected base64 text")  # noqa: TRY004 - callers read ValueError as damage
    try:
        data = base64.b64decode(value, validate=True)
    except binascii.Error as exc:
        raise ValueError("bad base64") from exc
    if length is not None and len(data) != length:
        raise ValueError("wrong length")
    return data


def _check_slot(kind: str, slot: Any) -> None:
    if not isinstance(slot, dict):
        raise ValueError(f"missing {kind} slot")  # noqa: TRY004 - callers read ValueError as damage
    _unb64(slot.get("salt"), SALT_BYTES)
    _unb64(slot.get("nonce"), NONCE_BYTES)
    _unb64(slot.get("ciphertext"), DATA_KEY_BYTES + 16)  # key + GCM tag
    expected_kdf = "argon2id" if kind == PASSPHRASE else "hkdf-sha256"
    if slot.get("kdf") != expected_kdf:
        raise ValueError(f"unknown kdf for {kind} slot")
    if kind == PASSPHRASE:
        for name, (low, high) in _ARGON2_LIMITS.items():
            value = slot.get(name)
            if type(value) is not int or not low <= value <= high:
                raise ValueError(f"bad argon2 parameter {name}")
        if slot["memory_kib"] < 8 * slot["lanes"]:
            raise ValueError("argon2 memory too small for its lanes")


def _associated_data(kind: str, workspace_id: str) -> bytes:
    return f"{FORMAT}/v{VERSION}|{kind}|{workspace_id}".encode()


def new_data_key() -> bytes:
    return secrets.token_bytes(DATA_KEY_BYTES)


def generate_recovery_key() -> str:
    chars = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_CHARS))
    return _group(chars)


def _group(chars: str) -> str:
    return "-".join(chars[i : i + 4] for i in range(0, len(chars), 4))


def normalize_recovery_key(text: str) -> str:
    """Upper-case, drop spaces/dashes, read O as 0 and I/L as 1, then regroup by 4."""
    compact = "".join(ch for ch in text.upper() if not ch.isspace() and ch not in "-_")
    return _group(compact.translate(_CONFUSABLES))


def _recovery_secret(recovery_key: str) -> bytes:
    compact = normalize_recovery_key(recovery_key).replace("-", "")
    if len(compact) != RECOVERY_CHARS or any(ch not in RECOVERY_ALPHABET for ch in compact):
        raise WrongRecoveryKeyError()
    return compact.encode("ascii")


def _normalize_passphrase(passphrase: str) -> str:
    return unicodedata.normalize("NFC", passphrase)


def validate_passphrase(passphrase: str) -> None:
    """At least MIN_PASSPHRASE characters (not bytes: 8 Chinese characters are enough)."""
    if len(_normalize_passphrase(passphrase)) < MIN_PASSPHRASE:
        raise ValidationError(
            N_("The passphrase must have at least {minimum} characters."),
            field="passphrase",
            minimum=MIN_PASSPHRASE,
        )


def _passphrase_kek(passphrase: str, slot: dict[str, Any]) -> bytes:
    kdf = Argon2id(
        salt=_unb64(slot["salt"]),
        length=32,
        iterations=slot["iterations"],
        lanes=slot["lanes"],
        memory_cost=slot["memory_kib"],
    )
    return kdf.derive(_normalize_passphrase(passphrase).encode("utf-8"))


def _recovery_kek(secret: bytes, slot: dict[str, Any]) -> bytes:
    # HKDF, not Argon2id: the recovery key carries 140 random bits, so guessing it is hopeless
    # whatever the KDF costs; a slow KDF would only add delay to an already-stressful recovery.
    kdf = HKDF(hashes.SHA256(), length=32, salt=_unb64(slot["salt"]), info=b"crm_desktop recovery")
    return kdf.derive(secret)


def _wrap(kind: str, workspace_id: str, kek: bytes, slot: dict[str, Any], data_key: bytes) -> None:
    nonce = secrets.token_bytes(NONCE_BYTES)
    ciphertext = AESGCM(kek).encrypt(nonce, data_key, _associated_data(kind, workspace_id))
    slot.update(nonce=_b64(nonce), ciphertext=_b64(ciphertext))


def _unwrap(kind: str, workspace_id: str, kek: bytes, slot: dict[str, Any]) -> bytes | None:
    try:
        return AESGCM(kek).decrypt(
            _unb64(slot["nonce"]), _unb64(slot["ciphertext"]), _associated_data(kind, workspace_id)
        )
    except InvalidTag:
        return None


def _passphrase_slot(workspace_id: str, data_key: bytes, passphrase: str) -> dict[str, Any]:
    validate_passphrase(passphrase)
    slot: dict[str, Any] = {"kdf": "argon2id", "salt": _b64(secrets.token_bytes(SALT_BYTES))}
    slot.update(ARGON2_DEFAULTS)
    _wrap(PASSPHRASE, workspace_id, _passphrase_kek(passphrase, slot), slot, data_key)
    return slot


def _check_data_key(data_key: bytes) -> None:
    if not isinstance(data_key, bytes) or len(data_key) != DATA_KEY_BYTES:
        raise ValueError(f"the data key must be {DATA_KEY_BYTES} bytes")


def create_slots(
    workspace_id: str, data_key: bytes, passphrase: str, recovery_key: str
) -> KeySlots:
    _check_data_key(data_key)
    secret = _recovery_secret(recovery_key)
    recovery: dict[str, Any] = {"kdf": "hkdf-sha256", "salt": _b64(secrets.token_bytes(SALT_BYTES))}
    _wrap(RECOVERY, workspace_id, _recovery_kek(secret, recovery), recovery, data_key)
    passphrase_slot = _passphrase_slot(workspace_id, data_key, passphrase)
    return KeySlots(workspace_id, {PASSPHRASE: passphrase_slot, RECOVERY: recovery})


def unlock_with_passphrase(slots: KeySlots, passphrase: str) -> bytes:
    slot = slots.slots[PASSPHRASE]
    data_key = _unwrap(PASSPHRASE, slots.workspace_id, _passphrase_kek(passphrase, slot), slot)
    if data_key is None:
        raise WrongPassphraseError()
    return data_key


def unlock_with_recovery_key(slots: KeySlots, recovery_key: str) -> bytes:
    slot = slots.slots[RECOVERY]
    kek = _recovery_kek(_recovery_secret(recovery_key), slot)
    data_key = _unwrap(RECOVERY, slots.workspace_id, kek, slot)
    if data_key is None:
        raise WrongRecoveryKeyError()
    return data_key


def rewrap_passphrase(slots: KeySlots, data_key: bytes, new_passphrase: str) -> KeySlots:
    """A new passphrase slot (fresh salt and nonce); the recovery slot is kept as is."""
    _check_data_key(data_key)
    new_slot = _passphrase_slot(slots.workspace_id, data_key, new_passphrase)
    kept = {kind: dict(slot) for kind, slot in slots.slots.items() if kind != PASSPHRASE}
    return KeySlots(slots.workspace_id, {PASSPHRASE: new_slot, **kept})


def read_slots(path: Path) -> KeySlots:
    with open(path, "rb") as handle:
        raw = handle.read(_MAX_FILE_BYTES + 1)
    try:
        if len(raw) > _MAX_FILE_BYTES:
            raise ValueError("file too large")
        return KeySlots.from_json(raw.decode("utf-8"))
    except (ValueError, TypeError, KeyError) as exc:  # JSON and Unicode errors are ValueErrors
        raise DamagedFileError(path=str(path)) from exc


def write_slots_atomic(path: Path, slots: KeySlots) -> None:
    """Replace the slot file atomically: the old slots or the new ones, never half."""
    write_atomic(path, slots.to_json().encode("utf-8"))
