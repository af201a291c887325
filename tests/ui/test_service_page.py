"""The service logs page: paged model, status filter, the form with its contact picker."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from crm_desktop.core.crm import Crm
from crm_desktop.core.demo import populate_demo
from crm_desktop.core.domain.models import ContactCreate, ServiceCreate
from crm_desktop.ui.changes import ChangeBus
from crm_desktop.ui.controllers.service_page import ServicePage
from crm_desktop.ui.models.service_model import ServiceModel


@pytest.fixture
def page(crm: Crm, qsettings: QSettings, qtbot) -> ServicePage:  # type: ignore[no-untyped-def]
    widget = ServicePage(crm, ChangeBus(), qsettings)
    qtbot.addWidget(widget)
    return widget


def _column(page: ServicePage, key: str) -> list[str]:
    column = [c.key for c in page.model.columns].index(key)
    return [page.model.index(r, column).data() for r in range(page.model.rowCount())]


def test_service_model_passes_the_model_tester(crm: Crm, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    """The service logs model follows Qt's model rules (checked by qtmodeltester)."""
    populate_demo(crm, 50)
    qtmodeltester.check(ServiceModel(crm.service, lambda contact_id: "someone"))


def test_service_log_created_with_a_contact_found_by_typing(page: ServicePage, crm: Crm,
                                                            qtbot) -> None:  # type: ignore[no-untyped-def]
    """Typing pinyin initials in the contact field finds 张伟; Enter picks him; the log lists him."""
    contact = crm.contacts.add(ContactCreate(display_name="张伟")).value
    editor = page.editor
    editor.edit_new()
    editor.subject.setText("打印机故障")
    qtbot.keyClicks(editor.contact, "zw")
    assert [h.title for h in editor.matches()] == ["张伟"]
    qtbot.keyClick(editor.contact, Qt.Key.Key_Return)
    editor.save()
    stored = crm.service.list()
    assert [(s.subject, s.contact_id, s.status) for s in stored] == [
        ("打印机故障", contact.id, "open")]
    assert _column(page, "contact") == ["张伟"]
    assert page.table.selectionModel().selectedRows()[0].row() == 0


def test_typed_but_unpicked_contact_shows_a_message_and_saves_nothing(page: ServicePage,
                                                                     crm: Crm, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A contact name typed but not picked from the matches is not guessed: the form says so."""
    page.editor.edit_new()
    page.editor.subject.setText("Invoice question")
    qtbot.keyClicks(page.editor.contact, "Nobody")
    page.editor.save()
    assert "Pick a contact" in page.editor.errors["contact"].text()
    assert crm.service.count() == 0


def test_blank_subject_shows_a_message_under_the_field(page: ServicePage, crm: Crm) -> None:
    """A service log needs a subject; the message appears under the subject field."""
    page.editor.edit_new()
    page.editor.save()
    assert page.editor.errors["subject"].text() == "Subject is required."
    assert crm.service.count() == 0


def test_service_log_moved_to_resolved_shows_resolution_time_and_satisfaction(
        page: ServicePage, crm: Crm) -> None:
    """Resolving a log with a rating stamps the resolution time, shown in the list and form."""
    log = crm.service.add(ServiceCreate(subject="Delivery delayed")).value
    page.model.reload()
    page.show_log(log.id)
    assert _column(page, "resolved") == [""]
    editor = page.editor
    editor.status.setCurrentIndex(editor.status.findData("resolved"))
    editor.satisfaction.setCurrentIndex(editor.satisfaction.findData(4))
    editor.resolution.setPlainText("Sent by express.")
    editor.save()
    stored = crm.service.get(log.id)
    assert stored.status == "resolved" and stored.resolved_at is not None
    assert stored.satisfaction == 4 and stored.resolution == "Sent by express."
    assert _column(page, "status") == ["resolved"]
    assert _column(page, "resolved")[0] != ""
    assert _column(page, "satisfaction") == ["★★★★☆"]
    assert "resolved" in editor.times.text()


def test_status_filter_lists_only_logs_with_that_status(page: ServicePage, crm: Crm) -> None:
    """Choosing a status in the filter lists only the logs in that status, with their count."""
    crm.service.add(ServiceCreate(subject="A"))
    crm.service.add(ServiceCreate(subject="B", status="closed"))
    page.model.reload()
    page.status_filter.setCurrentIndex(page.status_filter.findData("closed"))
    assert _column(page, "subject") == ["B"]
    assert page.count.text() == "1 service log(s)"
    page.status_filter.setCurrentIndex(0)
    assert sorted(_column(page, "subject")) == ["A", "B"]


def test_forget_drops_the_logs_on_display(page: ServicePage, crm: Crm) -> None:
    """On lock the page holds no service log any more, neither in the list nor in the form."""
    log = crm.service.add(ServiceCreate(subject="Secret")).value
    page.model.reload()
    page.show_log(log.id)
    page.forget()
    assert page.model.rowCount() == 0 and page.editor.subject.text() == ""
