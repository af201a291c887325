"""The contact form's hint after saving a new contact that looks like a stored one: it names the
look-alike, Open shows it, Compare… opens the pair on the Duplicates page, Dismiss hides it, and
nothing is ever merged."""

from __future__ import annotations

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.models import ContactCreate, Labeled
from crm_desktop.ui.controllers.contacts_page import ContactsPage
from crm_desktop.ui.controllers.duplicates_page import DuplicatesPage
from crm_desktop.ui.controllers.shell import Shell


def _page(shell: Shell) -> ContactsPage:
    assert shell.workbench is not None
    page = shell.workbench.contacts
    assert isinstance(page, ContactsPage)
    return page


def _known(crm: Crm, name: str = "张伟", phone: str = "+86 13800138000",
           company: str | None = "星光科技") -> str:
    return crm.contacts.add(ContactCreate(display_name=name, company_name=company,
                                          phones=[Labeled(value=phone)])).value.id


def _save_new(page: ContactsPage, name: str, phone: str = "", company: str = "",
              email: str = "") -> None:
    page.editor.edit_new()
    page.editor.display_name.setText(name)
    page.editor.phone.setText(phone)
    page.editor.email.setText(email)
    page.editor.company.setText(company)
    page.editor.save()


def _hint_shown(page: ContactsPage) -> bool:
    return page.editor.duplicate_hint.isVisibleTo(page.editor)


def _selected_ids(page: ContactsPage) -> list[str]:
    return [page.model.contact_at(i.row()).id for i in page.table.selectionModel().selectedRows()]


def test_a_new_contact_with_a_known_phone_typed_differently_names_the_look_alike(
        unlocked: Shell, gui_crm: Crm) -> None:
    """138-0013-8000 is +86 13800138000: saving it names 张伟 as possibly the same person."""
    _known(gui_crm)
    page = _page(unlocked)
    _save_new(page, "Mr. Zhang", "138-0013-8000")
    assert _hint_shown(page)
    assert page.editor.duplicate_hint.text.text() == "Possibly the same person as 张伟 (same phone)"


def test_several_look_alikes_name_the_first_and_count_the_rest(unlocked: Shell, gui_crm: Crm) -> None:
    """With three look-alikes the hint names the strongest one and says “and 2 more”."""
    first = gui_crm.contacts.add(ContactCreate(
        display_name="张伟", company_name="星光科技", emails=[Labeled(value="zw@example.com")],
        phones=[Labeled(value="+86 13800138000")])).value
    _known(gui_crm, "Wei Zhang", "+86 13800138000", None)
    _known(gui_crm, "Zhang Wei", "+86 13900139000")
    page = _page(unlocked)
    _save_new(page, "张伟", "13800138000", "星光科技", email="ZW@example.com")
    assert page.editor.duplicate_hint.text.text() == (
        f"Possibly the same person as {first.display_name} "
        "(same email · same phone · similar name, same company) and 2 more")


def test_an_unrelated_new_contact_shows_no_hint(unlocked: Shell, gui_crm: Crm) -> None:
    """Another name and another phone: no hint."""
    _known(gui_crm)
    page = _page(unlocked)
    _save_new(page, "李娜", "139 0013 9000")
    assert gui_crm.contacts.count() == 2
    assert not _hint_shown(page)


def test_the_same_name_at_another_company_shows_no_hint(unlocked: Shell, gui_crm: Crm) -> None:
    """张伟 at 明华贸易 is not 张伟 at 星光科技 (a common name), so no hint."""
    _known(gui_crm)
    page = _page(unlocked)
    _save_new(page, "张伟", company="明华贸易")
    assert gui_crm.contacts.count() == 2
    assert not _hint_shown(page)


def test_the_same_name_at_the_same_company_shows_the_hint(unlocked: Shell, gui_crm: Crm) -> None:
    """Zhang Wei at 星光科技 is likely 张伟 at 星光科技: the hint says similar name, same company."""
    _known(gui_crm)
    page = _page(unlocked)
    _save_new(page, "Zhang Wei", company="星光科技")
    assert page.editor.duplicate_hint.text.text() == (
        "Possibly the same person as 张伟 (similar name, same company)")


def test_dismiss_hides_the_hint(unlocked: Shell, gui_crm: Crm) -> None:
    """Dismiss takes the hint away and leaves both contacts as they are."""
    _known(gui_crm)
    page = _page(unlocked)
    _save_new(page, "Mr. Zhang", "138-0013-8000")
    page.editor.duplicate_hint.dismiss_button.click()
    assert not _hint_shown(page)
    assert gui_crm.contacts.count() == 2


def test_open_selects_the_look_alike_and_nothing_is_merged(unlocked: Shell, gui_crm: Crm) -> None:
    """Open selects the existing contact in the list and shows it; both contacts still exist."""
    known = _known(gui_crm)
    page = _page(unlocked)
    _save_new(page, "Mr. Zhang", "138-0013-8000")
    new_id = _selected_ids(page)[0]
    page.editor.duplicate_hint.open_button.click()
    assert _selected_ids(page) == [known]
    assert page.editor.display_name.text() == "张伟" and not _hint_shown(page)
    assert {c.id for c in gui_crm.contacts.page()} == {known, new_id}


def test_compare_opens_the_duplicates_page_with_the_pair_selected(unlocked: Shell, gui_crm: Crm) -> None:
    """Compare… shows the Duplicates page with this pair selected, even ahead of stronger pairs;
    nothing is merged by it."""
    gui_crm.contacts.add(ContactCreate(display_name="A", emails=[Labeled(value="a@x.com")],
                                       phones=[Labeled(value="+8613700137000")]))
    gui_crm.contacts.add(ContactCreate(display_name="A2", emails=[Labeled(value="a@x.com")],
                                       phones=[Labeled(value="+8613700137000")]))
    known = _known(gui_crm)
    page = _page(unlocked)
    _save_new(page, "Mr. Zhang", "138-0013-8000")
    new_id = _selected_ids(page)[0]
    page.editor.duplicate_hint.compare_button.click()
    bench = unlocked.workbench
    assert bench is not None and bench.pages.currentWidget() is bench.duplicates
    duplicates = bench.duplicates
    assert isinstance(duplicates, DuplicatesPage)
    selected = duplicates.selected()
    assert selected is not None
    assert (selected.keep_candidate.id, selected.other.id, selected.reasons) == (known, new_id, ("phone",))
    assert duplicates.pairs.count() == 2 and gui_crm.contacts.count() == 4


def test_editing_an_existing_contact_shows_no_hint(unlocked: Shell, gui_crm: Crm) -> None:
    """Saving changes to a stored contact that looks like another one shows no hint."""
    _known(gui_crm)
    twin = _known(gui_crm, "Mr. Zhang", "138-0013-8000", None)
    page = _page(unlocked)
    page.show_contact(twin)
    page.editor.job_title.setText("Buyer")
    page.editor.save()
    assert gui_crm.contacts.get(twin).title == "Buyer"
    assert not _hint_shown(page)


def test_the_hint_goes_when_another_contact_is_opened(unlocked: Shell, gui_crm: Crm) -> None:
    """The hint is about the contact just saved: opening a new form or another contact hides it."""
    _known(gui_crm)
    other = _known(gui_crm, "李娜", "+86 13900139000", None)
    page = _page(unlocked)
    _save_new(page, "Mr. Zhang", "138-0013-8000")
    assert _hint_shown(page)
    page.show_contact(other)
    assert not _hint_shown(page)
