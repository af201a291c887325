"""The reports page: pick a report and its filters, generate a PDF with progress and Cancel, open
or print it; and a contact's "Profile PDF…" one click away."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings

from crm_desktop.core.crm import Crm
from crm_desktop.core.demo import populate_demo
from crm_desktop.core.domain.models import ContactCreate, Labeled
from crm_desktop.core.services.contacts import ContactQuery
from crm_desktop.ui.controllers.report_choices import quick_period
from crm_desktop.ui.controllers.reports_page import ReportsPage
from crm_desktop.ui.controllers.shell import Shell
from crm_desktop.ui.tasks import ImmediateTaskRunner
from tests.core.reports.support import pdf_text, require_poppler, squashed


@pytest.fixture
def page(crm: Crm, qsettings: QSettings, qtbot) -> ReportsPage:  # type: ignore[no-untyped-def]
    require_poppler()
    populate_demo(crm, 20)
    widget = ReportsPage(crm, qsettings, runner=ImmediateTaskRunner(), today=lambda: date(2026, 3, 18))
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    return widget


def _save_to(page: ReportsPage, path: Path) -> list[str]:
    asked: list[str] = []
    page.ask_path = lambda suggested: asked.append(suggested) or str(path)  # type: ignore[func-returns-value]
    return asked


def test_contact_list_generated_from_the_page_is_a_pdf_with_the_contacts(
        page: ReportsPage, crm: Crm, tmp_path: Path, qsettings: QSettings) -> None:
    """Generate on the contact list saves a real PDF, where the user chose, naming the contacts."""
    name = crm.contacts.page(ContactQuery(), offset=0, limit=1)[0].display_name
    page.choose_report("contacts")
    target = tmp_path / "out" / "phone-sheet.pdf"
    target.parent.mkdir()
    _save_to(page, target)
    page.generate.click()
    assert target.read_bytes().startswith(b"%PDF")
    assert squashed(name) in squashed(pdf_text(target))
    assert page.made == target and page.open.isEnabled() and page.print.isEnabled()
    assert str(target) in page.message.text()
    assert qsettings.value("reports/folder") == str(target.parent)


def test_the_save_dialog_starts_in_the_last_folder_used(page: ReportsPage, tmp_path: Path) -> None:
    """The second report is suggested in the folder the first one was saved to."""
    _save_to(page, tmp_path / "first.pdf")
    page.generate.click()
    asked = _save_to(page, tmp_path / "second.pdf")
    page.generate.click()
    assert Path(asked[0]).parent == tmp_path


def test_filters_shown_follow_the_chosen_report(page: ReportsPage) -> None:
    """Each report shows only the filters it takes: a profile asks for a contact or company."""
    page.choose_report("contacts")
    assert page.shown_filters() == {"tag", "owner", "lifecycle_stage", "search"}
    page.choose_report("profile")
    assert page.shown_filters() == {"contact_id", "company_id"}
    page.choose_report("summary")
    assert page.shown_filters() == {"period"}
    assert page.heading.text() == "Business summary"


def test_quick_period_choices_fill_both_dates(page: ReportsPage) -> None:
    """"Last month" sets the first and last day of the previous month."""
    page.choose_report("service")
    page.quick_period.setCurrentIndex(page.quick_period.findData("last_month"))
    page.quick_period.activated.emit(page.quick_period.currentIndex())
    assert page.from_date.date() == QDate(2026, 2, 1)
    assert page.to_date.date() == QDate(2026, 2, 28)
    assert quick_period("this_year", date(2026, 3, 18)) == (date(2026, 1, 1), date(2026, 3, 18))


def test_an_inverted_period_shows_the_core_message_and_writes_nothing(
        page: ReportsPage, tmp_path: Path) -> None:
    """A period ending before it starts is refused with the core's message; no dialog, no file."""
    page.choose_report("summary")
    page.from_date.setDate(QDate(2026, 3, 10))
    page.to_date.setDate(QDate(2026, 3, 1))
    asked = _save_to(page, tmp_path / "summary.pdf")
    page.generate.click()
    assert asked == []
    assert "2026-03-10" in page.message.text() and "2026-03-01" in page.message.text()
    assert list(tmp_path.glob("*.pdf")) == []


def test_passwords_that_differ_are_refused(page: ReportsPage, tmp_path: Path) -> None:
    """The password must be typed the same twice before anything is made."""
    page.password.setText("secret one")
    page.password_again.setText("secret two")
    _save_to(page, tmp_path / "locked.pdf")
    page.generate.click()
    assert "differ" in page.message.text()
    assert not (tmp_path / "locked.pdf").exists()


def test_a_password_protects_the_pdf(page: ReportsPage, crm: Crm, tmp_path: Path) -> None:
    """With a password, the PDF opens only with it."""
    page.password.setText("s3cret")
    page.password_again.setText("s3cret")
    target = tmp_path / "locked.pdf"
    _save_to(page, target)
    page.generate.click()
    name = crm.contacts.page(ContactQuery(), offset=0, limit=1)[0].display_name
    assert squashed(name) in squashed(pdf_text(target, "s3cret"))


def test_cancel_mid_way_leaves_no_file(page: ReportsPage, tmp_path: Path) -> None:
    """Pressing Cancel while the PDF is being made stops it, says so, and leaves no file."""
    out = tmp_path / "out"
    out.mkdir()
    target = out / "cancelled.pdf"
    _save_to(page, target)

    def press_cancel(value: int) -> None:
        if value > 0:
            page.cancel.click()
    page.progress.valueChanged.connect(press_cancel)
    page.generate.click()
    assert not target.exists()
    assert list(out.iterdir()) == []  # no temporary file left either
    assert "Cancelled" in page.message.text()
    assert page.generate.isEnabled() and not page.open.isEnabled()


def test_an_unwritable_place_is_a_message_not_a_traceback(page: ReportsPage, tmp_path: Path) -> None:
    """Saving into a folder that does not exist shows a message and keeps the page usable."""
    _save_to(page, tmp_path / "missing" / "report.pdf")
    page.generate.click()
    assert page.message.text() and "Traceback" not in page.message.text()
    assert page.generate.isEnabled() and page.made is None


def test_open_and_print_hand_the_pdf_to_the_system(page: ReportsPage, tmp_path: Path) -> None:
    """After generating, Open and Print… pass the new PDF to the viewer and the printer."""
    target = tmp_path / "agenda.pdf"
    page.choose_report("agenda")
    _save_to(page, target)
    opened: list[Path] = []
    printed: list[Path] = []
    page.open_file = opened.append
    page.print_file = lambda path: printed.append(path) or "Sent to Office printer."  # type: ignore[func-returns-value]
    page.generate.click()
    page.open.click()
    page.print.click()
    assert opened == [target] and printed == [target]
    assert page.message.text() == "Sent to Office printer."


def test_profile_action_on_a_contact_generates_its_profile(unlocked: Shell, gui_crm: Crm,
                                                           tmp_path: Path) -> None:
    """"Profile PDF…" on a contact opens Reports ready for that contact; Generate makes its profile."""
    require_poppler()
    contact = gui_crm.contacts.add(ContactCreate(display_name="欧阳娜娜",
                                                 phones=[Labeled(value="138 0013 8000")])).value
    bench = unlocked.workbench
    assert bench is not None
    bench.go_to(bench.contacts)  # type: ignore[arg-type]
    bench.contacts.show_contact(contact.id)  # type: ignore[attr-defined]
    bench.contacts.timeline.quick.profile_button.click()  # type: ignore[attr-defined]
    reports: ReportsPage = bench.reports  # type: ignore[assignment]
    assert bench.pages.currentWidget() is reports
    assert reports.report_name() == "profile" and reports.contact.text() == "欧阳娜娜"
    target = tmp_path / "profile.pdf"
    _save_to(reports, target)
    reports.generate.click()
    assert "欧阳娜娜" in squashed(pdf_text(target))


def test_reports_sit_before_backup_in_the_navigation(unlocked: Shell) -> None:
    """The navigation lists Reports between the recycle bin and Backup."""
    bench = unlocked.workbench
    assert bench is not None
    titles = [bench.nav.item(row).text() for row in range(bench.nav.count())]
    assert titles[6:9] == ["Recycle bin", "Reports", "Backup"]


def test_typing_a_name_offers_the_contact_to_pick(page: ReportsPage, crm: Crm, qtbot,  # type: ignore[no-untyped-def]
                                                  tmp_path: Path) -> None:
    """On the profile report, typing a name (or its pinyin) offers matching contacts; the one picked is used."""
    contact = crm.contacts.add(ContactCreate(display_name="欧阳娜娜")).value
    page.choose_report("profile")
    qtbot.keyClicks(page.contact, "ouyang")  # pinyin: the core's search matches it
    offered = [page.contact_picker.model.item(row).text()
               for row in range(page.contact_picker.model.rowCount())]
    assert offered[:1] == ["欧阳娜娜"]
    page.contact_picker.completer.activated[str].emit(offered[0])  # type: ignore[index]
    assert page.contact_picker.chosen_id == contact.id
    target = tmp_path / "nana.pdf"
    _save_to(page, target)
    page.generate.click()
    assert "欧阳娜娜" in squashed(pdf_text(target))
