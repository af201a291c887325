"""Writing the PDF: to a temporary file beside the target, fsynced, then renamed over it, so a
failure (or a cancel) leaves neither a half-written report nor a stray temporary file.

A password encrypts the finished document with AES-256 (PDF 2.0, revision 6) through pypdf,
which uses `cryptography`: reportlab's own encryption is RC4 (weak, as its docs say), or AES
through the unmaintained pure-Python pyaes at ~6 s per MB, and only in the deprecated revision 5.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from pypdf import PdfReader, PdfWriter

from crm_desktop.core.errors import ReportOutputError

Write = Callable[[IO[bytes]], None]


def check_target(path: Path) -> None:
    """Refuse at once what can never be written, before any work is done."""
    if path.is_dir():
        raise ReportOutputError(path=str(path), reason=os.strerror(21))  # EISDIR
    if not path.parent.is_dir():
        raise ReportOutputError(path=str(path), reason=os.strerror(2))  # ENOENT


@contextmanager
def _temporary_beside(path: Path) -> Iterator[IO[bytes]]:
    """A temporary file in the target's folder, renamed onto the target when the block succeeds."""
    try:  # readable by this user only, like the workspace: a report holds customer data
        descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-",
                                            suffix=".pdf.part")
    except OSError as exc:
        raise ReportOutputError(path=str(path), reason=exc.strerror or type(exc).__name__) from None
    temporary = Path(name)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise ReportOutputError(path=str(path), reason=exc.strerror or type(exc).__name__) from exc
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_pdf(path: Path, write: Write, password: str | None = None) -> None:
    """`write` lays the PDF out into a stream; with a password it is encrypted before it
    reaches the disk (the plain layout stays in memory)."""
    with _temporary_beside(path) as out:
        if password is None:
            write(out)
            return
        plain = io.BytesIO()
        write(plain)
        encrypt(plain, out, password)


def encrypt(plain: io.BytesIO, out: IO[bytes], password: str) -> None:
    plain.seek(0)
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password=password, owner_password=password, algorithm="AES-256")
    writer.write(out)
