"""The business logo: kept inside the encrypted workspace, checked and scaled down on the way in."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import pytest
from PIL import Image

from crm_desktop.core.config.paths import AppPaths
from crm_desktop.core.crm import Crm, open_crm
from crm_desktop.core.errors import LogoFormatError, LogoTooLargeError, LogoUnreadableError
from crm_desktop.core.i18n import set_language
from crm_desktop.core.services.logo import MAX_WIDTH
from tests.logo_support import picture


def test_logo_round_trip_and_clear(crm: Crm, tmp_path: Path) -> None:
    """A PNG set as the logo comes back byte for byte; clearing it leaves no logo."""
    path = picture(tmp_path)
    assert crm.settings.logo() is None
    outcome = crm.settings.set_logo(path)
    assert outcome.changes.touches("settings")
    assert crm.settings.logo() == path.read_bytes() == outcome.value
    assert crm.settings.clear_logo().changes.touches("settings")
    assert crm.settings.logo() is None


def test_a_wide_jpeg_is_scaled_to_600_px_keeping_its_aspect(crm: Crm, tmp_path: Path) -> None:
    """A 1200×300 JPEG is stored as a 600×150 JPEG."""
    crm.settings.set_logo(picture(tmp_path, 1200, 300, "JPEG"))
    with Image.open(io.BytesIO(crm.settings.logo() or b"")) as stored:
        assert (stored.format, stored.size) == ("JPEG", (MAX_WIDTH, 150))


def test_logo_does_not_go_into_the_undo_history(crm: Crm, tmp_path: Path) -> None:
    """Setting the logo journals nothing: undo takes back the last real edit, not the picture."""
    crm.settings.update(business_name="Before")
    crm.settings.set_logo(picture(tmp_path))
    crm.history.undo()
    assert crm.settings.get().business_name == "Test Shop"
    assert crm.settings.logo() is not None


def test_not_a_picture_is_refused_in_the_users_language(crm: Crm, tmp_path: Path) -> None:
    """A text file, a GIF and a truncated PNG are refused, with the file named, in Chinese too."""
    text = tmp_path / "notes.png"
    text.write_text("not a picture")
    gif = picture(tmp_path, kind="GIF")
    truncated = tmp_path / "cut.png"
    truncated.write_bytes(picture(tmp_path).read_bytes()[:200])
    for bad in (text, gif, truncated):
        with pytest.raises(LogoFormatError, match="PNG or JPEG"):
            crm.settings.set_logo(bad)
    set_language("zh_CN")
    with pytest.raises(LogoFormatError) as refused:
        crm.settings.set_logo(text)
    assert "notes.png" in str(refused.value) and "不是 PNG 或 JPEG 图片" in str(refused.value)
    assert crm.settings.logo() is None


def test_a_file_over_1_mb_or_missing_is_refused(crm: Crm, tmp_path: Path) -> None:
    """Over 1 MB → too large, before it is read; a missing file → cannot be read."""
    big = tmp_path / "big.png"
    big.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * (1024 * 1024))
    with pytest.raises(LogoTooLargeError, match="1.0 MB"):
        crm.settings.set_logo(big)
    with pytest.raises(LogoUnreadableError):
        crm.settings.set_logo(tmp_path / "gone.png")
    assert crm.settings.logo() is None


def test_logo_bytes_are_not_readable_in_the_database_file(workspace: AppPaths, data_key: bytes,
                                                         tmp_path: Path) -> None:
    """A noise PNG's bytes (raw or base64) appear in no file of the workspace."""
    path = picture(tmp_path, 200, 60)
    with open_crm(workspace, data_key) as crm:
        crm.settings.set_logo(path)
        assert crm.settings.logo() == path.read_bytes()
    raw = path.read_bytes()
    canaries = (raw[100:140], base64.b64encode(raw)[100:140])
    for file in (p for p in workspace.root.rglob("*") if p.is_file()):
        content = file.read_bytes()
        assert not any(canary in content for canary in canaries), file
