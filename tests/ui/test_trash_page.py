"""The recycle bin page: deleted records are listed, restored, or purged after a confirmation."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.models import ContactCreate
from crm_desktop.core.errors import NotFoundError
from crm_desktop.ui.changes import ChangeBus
from crm_desktop.ui.controllers.trash_page import TrashPage
from crm_desktop.ui.models.trash_model import TrashModel


@pytest.fixture
def bus() -> ChangeBus:
    return ChangeBus()


@pytest.fixture
def page(crm: Crm, bus: ChangeBus, qsettings: QSettings, qtbot) -> TrashPage:  # type: ignore[no-untyped-def]
    widget = TrashPage(crm, bus, qsettings)
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def deleted_id(crm: Crm, bus: ChangeBus, page: TrashPage) -> str:
    """A contact deleted through the core, its changes published as any page would."""
    contact = crm.contacts.add(ContactCreate(display_name="李娜")).value
    bus.publish(crm.contacts.delete(contact.id).changes)
    return contact.id


def _shown(page: TrashPage) -> list[tuple[str, str]]:
    return [(page.model.index(r, 0).data(), page.model.index(r, 1).data())
            for r in range(page.model.rowCount())]


def test_trash_model_passes_the_model_tester(crm: Crm, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    """The recycle bin model follows Qt's model rules (checked by qtmodeltester)."""
    for name in ("A", "B", "C"):
        crm.contacts.delete(crm.contacts.add(ContactCreate(display_name=name)).value.id)
    qtmodeltester.check(TrashModel(crm.trash))


def test_deleted_contact_shows_in_the_bin(page: TrashPage, deleted_id: str) -> None:
    """A contact deleted anywhere appears in the bin with its kind, name and deletion time."""
    assert _shown(page) == [("contact", "李娜")]
    assert page.model.index(0, 2).data()
    assert page.count.text() == "1 deleted record(s)"
    assert not page.restore_button.isEnabled()


def test_restore_brings_the_contact_back(page: TrashPage, crm: Crm, deleted_id: str) -> None:
    """Restore puts the selected contact back among the contacts and empties the bin."""
    page.select(deleted_id)
    assert page.restore_button.isEnabled()
    page.restore_button.click()
    assert [c.display_name for c in crm.contacts.page()] == ["李娜"]
    assert _shown(page) == [] and "李娜" in page.message.text()


def test_confirmed_purge_removes_the_contact_for_good(page: TrashPage, crm: Crm,
                                                      deleted_id: str) -> None:
    """Purge, once confirmed, removes the record from the bin and from the workspace."""
    questions: list[str] = []

    def confirm(question: str) -> bool:
        questions.append(question)
        return True

    page.confirm = confirm
    page.select(deleted_id)
    page.purge_button.click()
    assert questions and "李娜" in questions[0]
    assert _shown(page) == [] and crm.trash.list() == []
    with pytest.raises(NotFoundError):
        crm.contacts.get(deleted_id, include_deleted=True)


def test_declined_purge_keeps_the_contact_in_the_bin(page: TrashPage, crm: Crm,
                                                     deleted_id: str) -> None:
    """Answering no to the purge question leaves the record in the bin, restorable."""
    page.confirm = lambda question: False
    page.select(deleted_id)
    page.purge_button.click()
    assert _shown(page) == [("contact", "李娜")]
    assert [t.id for t in crm.trash.list()] == [deleted_id]


def test_forget_empties_the_bin_on_display(page: TrashPage, deleted_id: str) -> None:
    """On lock the bin page holds no deleted record any more."""
    page.forget()
    assert page.model.rowCount() == 0
