"""What every report shares: paper sizes, page X of Y, empty data said in words, a password,
progress, and the rule that the rendering layer reads no data itself."""

from __future__ import annotations

import ast
import subprocess
from pathlib import Path

import pytest

from crm_desktop.core.crm import Crm
from crm_desktop.core.reports.document import MARGIN_X
from crm_desktop.core.reports.options import ReportOptions
from crm_desktop.core.reports.registry import KINDS
from tests.core.reports.support import Shop, pdf_fonts, pdf_info, pdf_text, words_outside

RENDER = Path(__file__).resolve().parents[3] / "crm_desktop" / "core" / "reports" / "render"
EMPTY_TEXTS = {
    "contacts": "No contacts match these filters.",
    "pipeline": "No open deals.",
    "agenda": "Nothing to follow up",
    "service": "No service logs were opened in this period.",
}


@pytest.mark.parametrize(("paper", "size"), [("a4", "595.276 x 841.89 pts (A4)"),
                                             ("letter", "612 x 792 pts (letter)")])
def test_a4_by_default_letter_on_request(shop_crm: Crm, tmp_path: Path, paper: str,
                                         size: str) -> None:
    """Every page is the paper asked for, and the columns still fit inside the margins."""
    path = tmp_path / "contacts.pdf"
    shop_crm.reports.render("contacts", path, ReportOptions(paper=paper))
    assert pdf_info(path)["Page size"] == size
    assert words_outside(path, MARGIN_X) == []


def test_every_page_says_page_x_of_y_and_later_pages_repeat_the_title(shop_crm: Crm,
                                                                     tmp_path: Path) -> None:
    path = tmp_path / "contacts.pdf"
    shop_crm.reports.render("contacts", path, ReportOptions(language="en"))
    pages = int(pdf_info(path)["Pages"])
    text = pdf_text(path)
    assert pages >= 2
    assert all(f"Page {page} of {pages}" in text for page in range(1, pages + 1))
    assert text.count("Test Shop · Contact list") == pages - 1


@pytest.mark.parametrize("name", ["contacts", "pipeline", "agenda", "service", "summary"])
def test_a_new_workspace_gives_short_reports_that_say_there_is_nothing(crm: Crm, tmp_path: Path,
                                                                      name: str) -> None:
    """No data: one page, a sentence instead of an empty table, fonts still embedded."""
    path = tmp_path / f"{name}.pdf"
    crm.reports.render(name, path)
    assert pdf_info(path)["Pages"] == "1"
    assert name not in EMPTY_TEXTS or EMPTY_TEXTS[name] in " ".join(pdf_text(path).split())
    assert all(embedded == "yes" for _font, embedded in pdf_fonts(path))


def test_a_password_encrypts_the_report_with_aes_256(shop: Shop, shop_crm: Crm,
                                                     tmp_path: Path) -> None:
    """Without the password poppler cannot read it; with it, the text is all there."""
    path = tmp_path / "profile.pdf"
    shop_crm.reports.render("profile", path, ReportOptions(contact_id=shop.nana,
                                                           password="芝麻 open sesame"))
    with pytest.raises(subprocess.CalledProcessError):
        pdf_text(path)
    info = pdf_info(path, "芝麻 open sesame")
    assert info["Encrypted"].startswith("yes") and "AES-256" in info["Encrypted"]
    assert "欧阳娜娜" in pdf_text(path, "芝麻 open sesame")
    with pytest.raises(subprocess.CalledProcessError):
        pdf_text(path, "wrong")


def test_progress_rises_to_100_of_100(shop_crm: Crm, tmp_path: Path) -> None:
    """A plain (done, total) callback, never going back, ending at done == total."""
    seen: list[tuple[int, int]] = []
    shop_crm.reports.render("contacts", tmp_path / "x.pdf",
                            progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (100, 100) and len(seen) > 3
    assert [done for done, _total in seen] == sorted({done for done, _total in seen})


def test_the_report_list_names_each_report_with_its_filters(shop_crm: Crm) -> None:
    assert shop_crm.reports.names() == ("contacts", "profile", "pipeline", "agenda", "service",
                                        "summary")
    assert shop_crm.reports.info("summary").accepts == {"period"}


def test_the_rendering_layer_reads_no_data_itself() -> None:
    """Pages are laid out from datasets: no SQL, sessions or storage below render/."""
    forbidden = ("sqlalchemy", "sqlmodel", "sqlcipher3", "sqlite3", "crm_desktop.core.storage",
                 "crm_desktop.core.services")
    for path in RENDER.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {node.module for node in ast.walk(tree)
                    if isinstance(node, ast.ImportFrom) and node.module}
        imported |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                     for alias in node.names}
        assert not {name for name in imported if name.startswith(forbidden)}, path
    assert {kind.render.__module__ for kind in KINDS} <= {
        f"crm_desktop.core.reports.render.{path.stem}" for path in RENDER.glob("*.py")}
