"""The business logo as stored: PNG or JPEG bytes, checked and scaled down before they are kept."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from crm_desktop.core.errors import LogoFormatError, LogoTooLargeError, LogoUnreadableError

MAX_FILE_BYTES = 1024 * 1024
MAX_WIDTH = 600
MAX_PIXELS = 40_000_000       # a small file can still unpack to gigabytes: refuse before decoding
FORMATS = {"PNG": b"\x89PNG\r\n\x1a\n", "JPEG": b"\xff\xd8\xff"}
ORIENTATION = 0x0112


def read_logo(path: str | Path) -> bytes:
    """The file's picture as PNG or JPEG bytes at most MAX_WIDTH wide; LogoError otherwise."""
    path = Path(path)
    data = _read(path)
    kind = next((name for name, magic in FORMATS.items() if data.startswith(magic)), None)
    if kind is None:
        raise LogoFormatError(path=str(path))
    try:
        return _normalised(data, kind)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError,
            Image.DecompressionBombError) as exc:
        raise LogoFormatError(path=str(path)) from exc


def _read(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise LogoTooLargeError(path=str(path), size=f"{size / MAX_FILE_BYTES:.1f}",
                                    limit=MAX_FILE_BYTES // (1024 * 1024))
        return path.read_bytes()
    except OSError as exc:
        raise LogoUnreadableError(path=str(path), reason=exc.strerror or type(exc).__name__) from exc


def _normalised(data: bytes, kind: str) -> bytes:
    """Decode fully (a truncated file fails here); re-encode only when it must turn or shrink."""
    with Image.open(io.BytesIO(data), formats=[kind]) as image:
        if image.width * image.height > MAX_PIXELS:
            raise ValueError("too many pixels")
        image.load()
        turned = image.getexif().get(ORIENTATION, 1) != 1
        if image.width <= MAX_WIDTH and not turned:
            return data
        upright = ImageOps.exif_transpose(image)
        if upright.width > MAX_WIDTH:
            height = max(1, round(upright.height * MAX_WIDTH / upright.width))
            upright = upright.resize((MAX_WIDTH, height), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        upright.save(out, format=kind, **({"quality": 90} if kind == "JPEG" else {"optimize": True}))
        return out.getvalue()
