"""The contacts page: paged model, the form, inline validation, search, undo."""

from __future__ import annotations

from PySide6.QtCore import Qt

from crm_desktop.core.crm import Crm
from crm_desktop.core.demo import populate_demo
from crm_desktop.core.domain.models import ContactCreate
from crm_desktop.ui.controllers.shell import Shell
from crm_desktop.ui.models.contacts_model import PAGE, ContactsModel


def test_contacts_model_passes_the_model_tester(crm: Crm, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    """The contacts model follows Qt's model rules (checked by qtmodeltester)."""
    populate_demo(crm, 50)
    qtmodeltester.check(ContactsModel(crm.contacts))


def test_contacts_model_pages_on_demand(crm: Crm) -> None:
    """Only the first page is loaded at first; fetchMore brings the next, until all are there."""
    populate_demo(crm, PAGE + 50)
    model = ContactsModel(crm.contacts)
    assert (model.rowCount(), model.total) == (PAGE, PAGE + 50 + 0)
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == PAGE + 50 and not model.canFetchMore()


def test_contact_created_in_the_form_lands_in_the_core_and_the_list(unlocked: Shell,
                                                                     gui_crm: Crm) -> None:
    """Filling the form and saving stores the contact and selects it in the list."""
    assert unlocked.workbench is not None
    page = unlocked.workbench.contacts
    page.editor.edit_new()
    page.editor.display_name.setText("王芳")
    page.editor.company.setText("明华科技")
    page.editor.phone.setText("138 0013 8000")
    page.editor.save()
    stored = gui_crm.contacts.page()
    assert [(c.display_name, c.company_name, c.primary_phone) for c in stored] == [
        ("王芳", "明华科技", "+8613800138000")]
    selected = page.table.selectionModel().selectedRows()
    assert [page.model.contact_at(i.row()).display_name for i in selected] == ["王芳"]


def test_invalid_email_shows_a_message_under_the_field_and_saves_nothing(unlocked: Shell,
                                                                         gui_crm: Crm) -> None:
    """A bad email gets its message under the email field; no contact is stored."""
    assert unlocked.workbench is not None
    editor = unlocked.workbench.contacts.editor
    editor.edit_new()
    editor.display_name.setText("Anna")
    editor.email.setText("anna@")
    editor.save()
    assert "not a valid email" in editor.errors["email"].text()
    assert not editor.errors["email"].isHidden()
    assert gui_crm.contacts.count() == 0


def test_search_finds_zhang_wei_by_pinyin_initials(unlocked: Shell, gui_crm: Crm, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Typing 'zw' in the global search lists 张伟, and Enter opens the contact."""
    assert unlocked.workbench is not None
    contact = gui_crm.contacts.add(ContactCreate(display_name="张伟")).value
    search = unlocked.workbench.search
    qtbot.keyClicks(search.field, "zw")
    assert [h.title for h in search.hits()] == ["张伟"]
    qtbot.keyClick(search.field, Qt.Key.Key_Return)
    page = unlocked.workbench.contacts
    assert page.editor.display_name.text() == "张伟"
    selected = page.table.selectionModel().selectedRows()
    assert [page.model.contact_at(i.row()).id for i in selected] == [contact.id]


def test_ctrl_z_undoes_the_last_change(unlocked: Shell, gui_crm: Crm, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+Z reverses the last save and the list follows."""
    assert unlocked.workbench is not None
    page = unlocked.workbench.contacts
    page.editor.edit_new()
    page.editor.display_name.setText("Oops")
    page.editor.save()
    assert page.model.total == 1
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert gui_crm.contacts.count() == 0 and page.model.total == 0
    assert "Undone" in unlocked.statusBar().currentMessage()


def test_delete_moves_the_contact_to_the_bin_and_ctrl_z_brings_it_back(unlocked: Shell, gui_crm: Crm,
                                                                       qtbot) -> None:  # type: ignore[no-untyped-def]
    """'Move to recycle bin' removes the contact from the list; Ctrl+Z restores it."""
    assert unlocked.workbench is not None
    contact = gui_crm.contacts.add(ContactCreate(display_name="Binned")).value
    page = unlocked.workbench.contacts
    page.show_contact(contact.id)
    assert page.editor.delete.isEnabled()
    page.editor.delete.click()
    assert page.model.total == 0 and [i.label for i in gui_crm.trash.list()] == ["Binned"]
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.model.total == 1


def test_owner_filter_lists_only_that_owners_contacts(crm: Crm, qsettings, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Choosing an owner in the filter shows only the contacts that person owns."""
    from crm_desktop.ui.changes import ChangeBus
    from crm_desktop.ui.controllers.contacts_page import ContactsPage
    crm.contacts.add(ContactCreate(display_name="Mine", owner="王经理"))
    crm.contacts.add(ContactCreate(display_name="Theirs", owner="Anna"))
    crm.contacts.add(ContactCreate(display_name="Nobody's"))
    page = ContactsPage(crm, ChangeBus(), qsettings)
    qtbot.addWidget(page)
    owners = [page.owner_filter.itemData(i) for i in range(page.owner_filter.count())]
    assert owners == [None, "Anna", "王经理"]
    page.owner_filter.setCurrentIndex(owners.index("王经理"))
    assert page.model.total == 1 and page.model.contact_at(0).display_name == "Mine"
