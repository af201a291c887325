"""The business logo heads the first page of every report, above the business name."""

from __future__ import annotations

from pathlib import Path

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.models import ContactCreate
from crm_desktop.core.reports.options import ReportOptions
from tests.core.reports.support import pdf_text, require_poppler
from tests.logo_support import pdf_images, picture


def _profile(crm: Crm, out: Path) -> Path:
    contact = crm.contacts.add(ContactCreate(display_name="李娜")).value.id
    crm.reports.render("profile", out, ReportOptions(contact_id=contact))
    return out


def test_profile_with_a_logo_has_one_image_and_still_the_business_name(crm: Crm,
                                                                      tmp_path: Path) -> None:
    """With a logo set, the profile holds exactly one image and the name is still printed."""
    require_poppler()
    crm.settings.set_logo(picture(tmp_path, 300, 100))
    out = _profile(crm, tmp_path / "profile.pdf")
    assert len(pdf_images(out)) == 1
    assert "Test Shop" in pdf_text(out)


def test_logo_is_drawn_14_mm_tall_with_its_aspect_kept(crm: Crm, tmp_path: Path) -> None:
    """A 300×100 px logo is placed 42 × 14 mm: 181 pixels per inch both ways."""
    require_poppler()
    crm.settings.set_logo(picture(tmp_path, 300, 100, "JPEG"))
    out = tmp_path / "contacts.pdf"
    crm.reports.render("contacts", out)
    [row] = pdf_images(out)
    columns = row.split()
    assert (columns[3], columns[4]) == ("300", "100")
    assert (columns[12], columns[13]) == ("181", "181")  # x-ppi, y-ppi: 100 px / (14 mm / 25.4)


def test_without_a_logo_there_is_no_image(crm: Crm, tmp_path: Path) -> None:
    """No logo set (or cleared): the profile holds no image at all."""
    require_poppler()
    crm.settings.set_logo(picture(tmp_path))
    crm.settings.clear_logo()
    assert pdf_images(_profile(crm, tmp_path / "profile.pdf")) == []
