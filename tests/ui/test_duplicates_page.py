"""The duplicates page: suggested pairs, a merge field by field, and Undo of the merge."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.models import ContactCreate, ContactRead, DealCreate, Labeled
from crm_desktop.ui.changes import ChangeBus
from crm_desktop.ui.controllers.duplicates_page import DuplicatesPage
from crm_desktop.ui.controllers.shell import Shell
from crm_desktop.ui.controllers.workbench import Workbench
from crm_desktop.ui.tasks import ImmediateTaskRunner


def _same_email(crm: Crm) -> tuple[ContactRead, ContactRead]:
    keep = crm.contacts.add(ContactCreate(display_name="张伟", title="经理", company_name="星光科技",
                                          emails=[Labeled(value="zw@example.com")])).value
    other = crm.contacts.add(ContactCreate(display_name="Wei Zhang", title="总经理",
                                           emails=[Labeled(value="ZW@example.com")])).value
    return keep, other


def _bench(shell: Shell) -> Workbench:
    assert shell.workbench is not None
    return shell.workbench


def _page(shell: Shell) -> DuplicatesPage:
    bench = _bench(shell)
    bench.go_to(bench.duplicates)  # type: ignore[arg-type]
    page = bench.duplicates
    assert isinstance(page, DuplicatesPage)
    page.confirm = lambda _question: True
    return page


def test_two_contacts_with_the_same_email_are_shown_as_a_pair(unlocked: Shell, gui_crm: Crm) -> None:
    """Two contacts sharing an email (in any case) are listed as one pair, with the reason given."""
    _same_email(gui_crm)
    page = _page(unlocked)
    assert page.pairs.count() == 1
    text = page.pairs.item(0).text()
    assert "张伟 · 星光科技" in text and "Wei Zhang" in text and "Same email" in text
    assert page.detail.isVisible() and page.choices() == {"name": "keep", "company": "keep",
                                                          "title": "keep", "emails": "keep"}


def test_merge_keeps_the_chosen_title_and_moves_the_deal_and_undo_brings_both_back(
        unlocked: Shell, gui_crm: Crm, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Choosing the other's title and pressing Enter merges: that title is kept, the deal moves;
    Ctrl+Z's undo brings both contacts and the deal's owner back, and the pair is listed again."""
    keep, other = _same_email(gui_crm)
    deal = gui_crm.deals.add(DealCreate(title="年度合同", contact_id=other.id)).value
    page = _page(unlocked)
    page.pairs.setCurrentRow(0)
    page.choose("title", "other")
    page.pairs.setFocus()
    qtbot.keyClick(page.pairs, Qt.Key.Key_Return)
    kept = gui_crm.contacts.get(keep.id)
    assert kept.title == "总经理" and kept.display_name == "张伟"
    assert gui_crm.deals.get(deal.id).contact_id == keep.id
    assert gui_crm.contacts.get(other.id, include_deleted=True).deleted_at is not None
    assert page.status.text() == "Merged. Undo with Ctrl+Z." and page.pairs.count() == 0
    _bench(unlocked).undo()
    assert gui_crm.contacts.get(keep.id).title == "经理"
    assert gui_crm.contacts.get(other.id).deleted_at is None
    assert gui_crm.deals.get(deal.id).contact_id == other.id
    assert page.pairs.count() == 1


def test_a_refused_confirmation_merges_nothing(unlocked: Shell, gui_crm: Crm) -> None:
    """Merge asks first; answering no leaves both contacts as they were."""
    _keep, other = _same_email(gui_crm)
    page = _page(unlocked)
    page.confirm = lambda _question: False
    page.merge.click()
    assert gui_crm.contacts.get(other.id).deleted_at is None and page.pairs.count() == 1


def test_not_now_leaves_the_pair_and_hides_it(crm: Crm, qsettings: QSettings, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Not now changes nothing and takes the pair off the list; an empty list says so."""
    _keep, other = _same_email(crm)
    page = DuplicatesPage(crm, ChangeBus(), qsettings, runner=ImmediateTaskRunner())
    qtbot.addWidget(page)
    page.show()
    assert page.pairs.count() == 1
    page.not_now.click()
    assert page.pairs.count() == 0 and page.empty.isVisible() and not page.detail.isVisible()
    assert crm.contacts.get(other.id).deleted_at is None


def test_arrows_move_between_pairs(crm: Crm, qsettings: QSettings, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The arrow keys move through the pairs; the merge view follows the selection."""
    _same_email(crm)
    crm.contacts.add(ContactCreate(display_name="Li Si", phones=[Labeled(value="13900000002")]))
    crm.contacts.add(ContactCreate(display_name="李四", phones=[Labeled(value="139 0000 0002")]))
    page = DuplicatesPage(crm, ChangeBus(), qsettings, runner=ImmediateTaskRunner())
    qtbot.addWidget(page)
    page.show()
    page.pairs.setFocus()
    page.pairs.setCurrentRow(0)
    first = page.heading.text()
    qtbot.keyClick(page.pairs, Qt.Key.Key_Down)
    assert page.pairs.currentRow() == 1 and page.heading.text() != first

