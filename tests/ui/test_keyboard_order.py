"""Tab walks every form and dialog in reading order and reaches its save button."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QFormLayout,
    QLayout,
    QLayoutItem,
    QRadioButton,
    QWidget,
    QWizard,
)

from crm_desktop.ui.views.company_form_view import CompanyFormView
from crm_desktop.ui.views.contact_form_view import ContactFormView
from crm_desktop.ui.views.deal_form_view import DealFormView
from crm_desktop.ui.views.deals_lost_view import LostReasonView
from crm_desktop.ui.views.first_run_view import FirstRunView
from crm_desktop.ui.views.quick_action_view import QuickActionView
from crm_desktop.ui.views.service_form_view import ServiceFormView
from crm_desktop.ui.views.settings_view import SettingsView
from crm_desktop.ui.views.unlock_view import UnlockView

FORM_ROLES = (QFormLayout.ItemRole.LabelRole, QFormLayout.ItemRole.FieldRole,
              QFormLayout.ItemRole.SpanningRole)


View = TypeVar("View", bound=QWidget)


def in_layout(layout: QLayout | None) -> Iterator[QWidget]:
    """A layout's widgets in reading order: rows top to bottom, each row left to right."""
    if layout is None:
        return
    if isinstance(layout, QFormLayout):
        items = [layout.itemAt(row, role) for row in range(layout.rowCount()) for role in FORM_ROLES]
    else:
        items = [layout.itemAt(index) for index in range(layout.count())]
    for item in items:
        if item is not None:
            yield from in_item(item)


def in_item(item: QLayoutItem) -> Iterator[QWidget]:
    widget, layout = item.widget(), item.layout()
    if isinstance(widget, QDialogButtonBox):  # its buttons, as the platform arranges them
        yield from sorted(widget.buttons(), key=lambda button: button.x())
    elif widget is not None and widget.layout() is not None:  # a group box or a plain panel
        yield from in_layout(widget.layout())
    elif widget is not None:
        yield widget
    elif layout is not None:
        yield from in_layout(layout)


def reading_order(layout: QLayout | None, tail: list[QAbstractButton] | None = None) -> list[QWidget]:
    """What Tab should visit: the visible, enabled widgets that take keyboard focus (of a group
    of radio buttons only the chosen one; the arrow keys choose another)."""
    widgets = [*in_layout(layout), *(tail or [])]
    return [w for w in widgets if w.isVisible() and w.isEnabled()
            and w.focusPolicy() & Qt.FocusPolicy.TabFocus
            and not (isinstance(w, QRadioButton) and not w.isChecked())]


def tab_through(qtbot, expected: list[QWidget]) -> list[QWidget | None]:  # type: ignore[no-untyped-def]
    """Focus the first field, press Tab until as many stops as expected were visited."""
    expected[0].setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: owner(QApplication.focusWidget(), expected) is expected[0])
    visited = [owner(QApplication.focusWidget(), expected)]
    for _ in range(4 * len(expected)):  # a date field takes a Tab per part (year, month, day)
        if len(visited) == len(expected):
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        stop = owner(QApplication.focusWidget(), expected)
        if stop is not visited[-1]:
            visited.append(stop)
    return visited


def owner(widget: QWidget | None, candidates: list[QWidget]) -> QWidget | None:
    """The candidate that holds the focus (an editable combo box's own line edit has it)."""
    while widget is not None and widget not in candidates:
        widget = widget.parentWidget()
    return widget


def names(view: QWidget, widgets: Sequence[QWidget | None]) -> list[str]:
    """Attribute names (or button texts) of widgets, so a failure reads like the form."""
    by_id = {id(value): name for name, value in vars(view).items() if isinstance(value, QWidget)}
    return [by_id.get(id(w)) or (w.text() if isinstance(w, QAbstractButton) else repr(w))
            for w in widgets]


def shown(qtbot, view: View) -> View:  # type: ignore[no-untyped-def]
    qtbot.addWidget(view)
    with qtbot.waitActive(view):  # keyboard focus goes to the active window only
        view.show()
        view.activateWindow()
    return view


def assert_tab_order(qtbot, view: QWidget, layout: QLayout | None, save: QWidget,  # type: ignore[no-untyped-def]
                     tail: list[QAbstractButton] | None = None) -> None:
    expected = reading_order(layout, tail)
    assert save in expected
    assert names(view, tab_through(qtbot, expected)) == names(view, expected)


def with_save(buttons: QDialogButtonBox) -> QWidget:
    return buttons.button(QDialogButtonBox.StandardButton.Save)


FORMS: dict[str, Callable[[], QWidget]] = {
    "contact": ContactFormView, "company": CompanyFormView, "deal": DealFormView,
    "service": ServiceFormView,
}


@pytest.mark.parametrize("form", FORMS)
def test_record_forms_tab_in_reading_order_to_save(qtbot, form: str) -> None:  # type: ignore[no-untyped-def]
    """A record form: Tab goes field by field down the form, then to Save."""
    view = shown(qtbot, FORMS[form]())
    assert_tab_order(qtbot, view, view.layout(), with_save(view.buttons))  # type: ignore[attr-defined]


@pytest.mark.parametrize("page", ["note_page", "follow_up_page", "deal_page", "service_page"])
def test_quick_action_forms_tab_to_save(qtbot, page: str) -> None:  # type: ignore[no-untyped-def]
    """A quick action's small form: Tab goes through its fields, then to Save."""
    view = shown(qtbot, QuickActionView())
    view.box.show()
    view.show_page(getattr(view, page))
    assert_tab_order(qtbot, view, view.box.layout(), with_save(view.buttons))


def test_unlock_tabs_from_passphrase_to_unlock(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Unlock: passphrase, remember, Unlock, then the recovery-key link."""
    view = shown(qtbot, UnlockView())
    assert_tab_order(qtbot, view, view.layout(), view.unlock)


def test_settings_tab_in_reading_order_to_save(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Settings: the business fields, this computer's, then Save settings."""
    view = shown(qtbot, SettingsView())
    assert_tab_order(qtbot, view, view.layout(), view.save)


def test_lost_reason_tabs_to_mark_lost(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Mark lost: the reason, then Mark lost."""
    view = shown(qtbot, LostReasonView("Annual supply"))
    ok = view.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert_tab_order(qtbot, view, view.layout(), ok)


WIZARD_BUTTONS = (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
                  QWizard.WizardButton.CommitButton, QWizard.WizardButton.FinishButton,
                  QWizard.WizardButton.CancelButton)


@pytest.mark.parametrize("page", [0, 1, 2, 3, 4])
def test_first_run_pages_tab_to_next(qtbot, page: int) -> None:  # type: ignore[no-untyped-def]
    """Each first-run page: Tab goes through its fields, then to Next (Finish on the last)."""
    view = shown(qtbot, FirstRunView())
    for _ in range(page):
        view.next()
    buttons = sorted((view.button(which) for which in WIZARD_BUTTONS), key=lambda b: b.x())
    onward = QWizard.WizardButton.FinishButton if page == 4 else QWizard.WizardButton.NextButton
    assert_tab_order(qtbot, view, view.currentPage().layout(), view.button(onward), tail=buttons)
