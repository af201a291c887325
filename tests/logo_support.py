"""Pictures for the logo tests: noise (so their bytes are unique in any file), and reading PDFs'
images back with poppler's pdfimages."""

from __future__ import annotations

import io
import os
import subprocess
from pathlib import Path

from PIL import Image


def picture(folder: Path, width: int = 120, height: int = 40, kind: str = "PNG") -> Path:
    """An RGB picture of random pixels, written to `folder`."""
    image = Image.frombytes("RGB", (width, height), os.urandom(width * height * 3))
    out = io.BytesIO()
    image.save(out, format=kind)
    path = folder / f"logo-{width}x{height}.{kind.lower()}"
    path.write_bytes(out.getvalue())
    return path


def pdf_images(path: Path) -> list[str]:
    """The rows of `pdfimages -list` that are images (not soft masks)."""
    listed = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True,
                            check=True).stdout.splitlines()[2:]
    return [row for row in listed if row.split()[2] == "image"]
