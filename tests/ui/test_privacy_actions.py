"""Privacy actions on the contact form: erase only after the name is typed; export the person's data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.models import ContactCreate, ContactRead, DealCreate
from crm_desktop.core.errors import NotFoundError
from crm_desktop.ui.changes import ChangeBus
from crm_desktop.ui.controllers.contacts_page import ContactsPage
from crm_desktop.ui.controllers.privacy_actions import EraseDialog
from crm_desktop.ui.tasks import ImmediateTaskRunner


@pytest.fixture
def page(crm: Crm, qsettings: QSettings, qtbot) -> ContactsPage:  # type: ignore[no-untyped-def]
    made = ContactsPage(crm, ChangeBus(), qsettings, runner=ImmediateTaskRunner())
    qtbot.addWidget(made)
    made.show()
    return made


def _open(page: ContactsPage, crm: Crm, name: str = "欧阳娜娜") -> ContactRead:
    contact = crm.contacts.add(ContactCreate(display_name=name, company_name="星光科技")).value
    page.model.reload()
    page.show_contact(contact.id)
    return contact


def test_erase_is_enabled_only_when_the_name_is_typed(page: ContactsPage, crm: Crm) -> None:
    """The Erase button stays disabled until the contact's exact name is typed."""
    contact = _open(page, crm)
    page.editor.erase.click()
    dialog = page.editor.privacy.erase_dialog
    assert isinstance(dialog, EraseDialog) and dialog.isVisible()
    assert not dialog.erase.isEnabled()
    dialog.typed.setText("欧阳")
    assert not dialog.erase.isEnabled()
    dialog.erase.click()  # a disabled button does nothing
    assert crm.contacts.get(contact.id).display_name == "欧阳娜娜"
    dialog.typed.setText("欧阳娜娜")
    assert dialog.erase.isEnabled()


def test_after_erase_the_contact_is_gone_and_the_list_refreshes(page: ContactsPage, crm: Crm) -> None:
    """Erasing removes the person for good (not to the bin), keeps their deal, and the list drops them."""
    contact = _open(page, crm)
    deal = crm.deals.add(DealCreate(title="欧阳娜娜的合同", contact_id=contact.id)).value
    assert page.model.rowCount() == 1
    page.editor.erase.click()
    dialog = page.editor.privacy.erase_dialog
    assert dialog is not None
    dialog.typed.setText("欧阳娜娜")
    dialog.erase.click()
    with pytest.raises(NotFoundError):
        crm.contacts.get(contact.id, include_deleted=True)
    kept = crm.deals.get(deal.id)
    assert kept.contact_id is None and "欧阳娜娜" not in kept.title
    assert page.model.rowCount() == 0 and page.count.text().startswith("0")
    assert not dialog.isVisible() and page.editor.display_name.text() == ""
    assert not page.editor.erase.isEnabled()


def test_export_personal_data_writes_the_json(page: ContactsPage, crm: Crm, tmp_path: Path) -> None:
    """Export personal data… writes a JSON file with the person and says it is not encrypted."""
    contact = _open(page, crm)
    page.editor.privacy.ask_path = lambda _suggested: str(tmp_path / "欧阳娜娜")
    page.editor.export_data.click()
    data = json.loads((tmp_path / "欧阳娜娜.json").read_text(encoding="utf-8"))
    assert data["format"] == "crm-desktop/person-export"
    assert data["contact"]["id"] == contact.id and data["company"] == "星光科技"
    assert "NOT encrypted" in page.editor.privacy_message.text()


def test_privacy_actions_need_a_saved_contact(page: ContactsPage) -> None:
    """A new, unsaved contact has nothing to export or erase: both buttons are disabled."""
    page.editor.edit_new()
    assert not page.editor.export_data.isEnabled() and not page.editor.erase.isEnabled()
