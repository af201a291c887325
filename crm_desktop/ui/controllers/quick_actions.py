"""Quick actions on a contact (log a call, add a note, a follow-up, a deal or a service log) or
on a company (log a call, add a note, a deal).

Each opens a small inline form; saving goes through the core, whose message is shown inline
when it refuses (nothing is saved then).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QWidget

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.changes import Outcome
from crm_desktop.core.domain.labels import value_label
from crm_desktop.core.domain.models import (
    NOTE_KINDS,
    SERVICE_CHANNELS,
    DealCreate,
    NoteCreate,
    ReminderCreate,
    ServiceCreate,
)
from crm_desktop.core.errors import CrmError
from crm_desktop.ui.changes import ChangeBus
from crm_desktop.ui.controllers.reminders_actions import tomorrow_morning, utc_now
from crm_desktop.ui.views.quick_action_view import QuickActionView

ACTIONS = ("call", "note", "follow_up", "deal", "service")
# What can be done on each kind of record (the other buttons are hidden).
RECORD_ACTIONS = {"contact": ACTIONS, "company": ("call", "note", "deal")}
# Ctrl+K/L/Z/N/D/Q, Ctrl+1…8 and Ctrl+Shift+B/L are taken elsewhere.
SHORTCUTS = {"call": "Ctrl+Shift+C", "note": "Ctrl+Shift+N", "follow_up": "Ctrl+Shift+F",
             "deal": "Ctrl+Shift+D", "service": "Ctrl+Shift+S"}


def local_zone_name() -> str:
    """This computer's IANA time zone name, or UTC where it cannot be told."""
    import tzlocal

    try:
        return tzlocal.get_localzone_name() or "UTC"
    except (LookupError, ValueError, OSError):  # ZoneInfoNotFoundError is a KeyError
        return "UTC"


def to_qdatetime(moment: datetime) -> QDateTime:
    return QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000))


def from_qdatetime(value: QDateTime) -> datetime:
    """The picked local date and time as an aware UTC datetime."""
    return datetime.fromtimestamp(value.toMSecsSinceEpoch() / 1000, UTC)


class QuickActions(QuickActionView):
    saved = Signal(str)     # id of the record created
    started = Signal(str)   # the action whose form opened
    profile_requested = Signal(str, str)  # (kind, id): make the record's profile PDF

    def __init__(self, crm: Crm, bus: ChangeBus, clock: Callable[[], datetime] = utc_now) -> None:
        super().__init__()
        self._crm = crm
        self._bus = bus
        self._clock = clock
        self._record_kind = "contact"
        self._record_id: str | None = None
        self._action = ""
        for code in NOTE_KINDS:
            self.note_kind.addItem(value_label(code), code)
        for code in SERVICE_CHANNELS:
            self.service_channel.addItem(value_label(code), code)
        for action, button in self._action_buttons().items():
            button.clicked.connect(lambda _checked=False, a=action: self.start(a))
            button.setToolTip(f"{button.text()} ({SHORTCUTS[action]})")
        self.profile_button.clicked.connect(self._request_profile)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).clicked.connect(self.save)
        self.buttons.rejected.connect(self.cancel)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence("Ctrl+Return"), self.box, self.save, context=context)
        QShortcut(QKeySequence("Escape"), self.box, self.cancel, context=context)
        self.set_contact(None)

    def _action_buttons(self) -> dict[str, QPushButton]:
        return {"call": self.call_button, "note": self.note_button,
                "follow_up": self.follow_up_button, "deal": self.deal_button,
                "service": self.service_button}

    def install_shortcuts(self, host: QWidget, before: Callable[[], None] = lambda: None) -> None:
        """Shortcuts for every action, active anywhere inside `host`; `before` runs first
        (e.g. to bring the timeline into view)."""
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for action, keys in SHORTCUTS.items():
            QShortcut(QKeySequence(keys), host,
                      lambda a=action: self._shortcut(a, before), context=context)

    def _shortcut(self, action: str, before: Callable[[], None]) -> None:
        if self._record_id is not None and action in RECORD_ACTIONS[self._record_kind]:
            before()
            self.start(action)

    def set_contact(self, contact_id: str | None) -> None:
        """Act on this contact from now on (None: nothing to act on, the buttons are disabled)."""
        self.set_record("contact", contact_id)

    def set_company(self, company_id: str | None) -> None:
        """Act on this company from now on (None: nothing to act on, the buttons are disabled)."""
        self.set_record("company", company_id)

    def set_record(self, kind: str, record_id: str | None) -> None:
        """Act on this contact or company (`kind`); only the actions that fit it are shown."""
        self._record_kind = kind
        self._record_id = record_id
        for action, button in self._action_buttons().items():
            button.setVisible(action in RECORD_ACTIONS[kind])
            button.setEnabled(record_id is not None)
        self.profile_button.setEnabled(record_id is not None)
        self.cancel()

    def _request_profile(self) -> None:
        if self._record_id is not None:
            self.profile_requested.emit(self._record_kind, self._record_id)

    @property
    def record_kind(self) -> str:
        """"contact" or "company": what the actions act on."""
        return self._record_kind

    @property
    def action(self) -> str:
        """The action whose form is open, or "" when none is."""
        return self._action

    def start(self, action: str) -> None:
        """Open the inline form of `action`, with fresh defaults."""
        if action not in RECORD_ACTIONS[self._record_kind] or self._record_id is None:
            return
        self._action = action
        self._clear_error()
        getattr(self, f"_start_{action}")()
        self.box.show()
        self.started.emit(action)

    def _start_call(self) -> None:
        self._start_note("call", self.tr("Log a call"), self.tr("What was discussed?"))

    def _start_note(self, kind: str = "note", title: str = "", hint: str = "") -> None:
        self.box_title.setText(title or self.tr("Add a note"))
        self.note_kind.setCurrentIndex(max(0, self.note_kind.findData(kind)))
        self.note_body.clear()
        self.note_body.setPlaceholderText(hint or self.tr("Write a note…"))
        self.show_page(self.note_page)
        self.note_body.setFocus()

    def _start_follow_up(self) -> None:
        self.box_title.setText(self.tr("Add a follow-up"))
        self.follow_up_title.clear()
        self.follow_up_title.setPlaceholderText(self.tr("e.g. Call back about the quote"))
        self.follow_up_due.setDateTime(to_qdatetime(tomorrow_morning(self._clock())))
        self.show_page(self.follow_up_page)
        self.follow_up_title.setFocus()

    def _start_deal(self) -> None:
        self.box_title.setText(self.tr("New deal"))
        self.deal_title.clear()
        self.deal_amount.clear()
        self.show_page(self.deal_page)
        self.deal_title.setFocus()

    def _start_service(self) -> None:
        self.box_title.setText(self.tr("New service log"))
        self.service_subject.clear()
        self.service_channel.setCurrentIndex(max(0, self.service_channel.findData("phone")))
        self.show_page(self.service_page)
        self.service_subject.setFocus()

    def cancel(self) -> None:
        self._action = ""
        self._clear_error()
        self.box.hide()

    def save(self) -> None:
        """Save the open form through the core; its message is shown inline when it refuses."""
        if not self._action or self._record_id is None:
            return
        self._clear_error()
        try:
            outcome = self._create(self._record_id)
        except CrmError as error:
            self.error.setText(str(error))
            self.error.show()
            return
        self._bus.publish(outcome.changes)
        self.cancel()
        self.saved.emit(outcome.value.id)

    def _create(self, record_id: str) -> Outcome[Any]:
        """Create the open form's record, linked to the contact or company acted on."""
        on_company = self._record_kind == "company"
        contact_id = None if on_company else record_id
        company_id = record_id if on_company else None
        if self._action in ("call", "note"):
            return self._crm.notes.add(NoteCreate(
                body=self.note_body.toPlainText(), kind=self.note_kind.currentData(),
                contact_id=contact_id, company_id=company_id))
        if self._action == "deal":
            return self._crm.deals.add(DealCreate(
                title=self.deal_title.text(), contact_id=contact_id, company_id=company_id,
                amount=self.deal_amount.text().strip() or None))
        # follow-ups and service logs are offered on contacts only
        if self._action == "follow_up":
            return self._crm.reminders.add(ReminderCreate(
                title=self.follow_up_title.text(), contact_id=contact_id,
                due_at=from_qdatetime(self.follow_up_due.dateTime()),
                timezone=local_zone_name()))
        return self._crm.service.add(ServiceCreate(
            subject=self.service_subject.text(), contact_id=contact_id,
            channel=self.service_channel.currentData()))

    def _clear_error(self) -> None:
        self.error.clear()
        self.error.hide()
