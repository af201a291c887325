"""What a backup says about itself: versions, when and where it was made, what it holds.

The manifest travels in plain text beside the encrypted database so a backup can be listed
without a passphrase; it holds no customer data (counts, not names). A MAC under a key derived
from the data key lets verification notice a manifest that was altered.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

FORMAT = 1


@dataclass(frozen=True)
class Manifest:
    app_version: str
    schema_revision: str
    created_at: datetime  # aware, UTC
    workspace_id: str
    device_id: str
    device_name: str
    counts: dict[str, int]
    database_sha256: str
    database_bytes: int
    format: int = FORMAT
    mac: str = field(default="", compare=False)

    def to_json(self) -> str:
        data = asdict(self)
        data["created_at"] = self.created_at.isoformat()
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Manifest:
        """Raises ValueError/KeyError/TypeError on anything that is not a manifest we can read."""
        data: dict[str, Any] = json.loads(text)
        if data.get("format") != FORMAT:
            raise ValueError(f"unknown backup format {data.get('format')!r}")
        data["created_at"] = datetime.fromisoformat(data["created_at"])
        if data["created_at"].tzinfo is None:
            raise ValueError("created_at without a time zone")
        counts = {str(k): int(v) for k, v in dict(data["counts"]).items()}
        data["counts"] = counts
        manifest = cls(**data)
        if not isinstance(manifest.database_bytes, int) or len(manifest.database_sha256) != 64:
            raise ValueError("bad database fingerprint")
        return manifest

    def signed(self, data_key: bytes) -> Manifest:
        return Manifest(**{**asdict(self), "mac": self._mac(data_key)})

    def signature_valid(self, data_key: bytes) -> bool:
        return hmac.compare_digest(self.mac, self._mac(data_key))

    def _mac(self, data_key: bytes) -> str:
        unsigned = {**asdict(self), "mac": "", "created_at": self.created_at.isoformat()}
        body = json.dumps(unsigned, sort_keys=True, ensure_ascii=False).encode("utf-8")
        return hmac.new(_manifest_key(data_key), body, hashlib.sha256).hexdigest()


def _manifest_key(data_key: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=b"crm_desktop backup manifest v1").derive(data_key)
