"""The reminders page: open reminders filtered by due time; done, snooze and delete."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QSettings, Signal
from PySide6.QtGui import QKeySequence, QShortcut

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.changes import Changes
from crm_desktop.core.domain.models import ReminderRead
from crm_desktop.core.errors import CrmError
from crm_desktop.core.services.reminders import ReminderQuery
from crm_desktop.ui.changes import ChangeBus
from crm_desktop.ui.controllers.record_list import ListLayout, enable_sorting, fill_choices, find_row
from crm_desktop.ui.controllers.reminders_actions import Clock, ReminderActions, utc_now
from crm_desktop.ui.models.reminders_model import RemindersModel
from crm_desktop.ui.views.reminders_view import RemindersView

STATE_KEY = "reminders/"
CONTACT_WIDTH = 130


class RemindersPage(RemindersView):
    open_requested = Signal(object)  # ReminderRead: show its contact / deal / service log

    def __init__(self, crm: Crm, bus: ChangeBus, settings: QSettings,
                 now: Clock = utc_now) -> None:
        super().__init__()
        self._settings = settings
        self.reminder_actions = ReminderActions(crm, bus, now)
        self._crm = crm
        self.model = RemindersModel(crm.reminders, crm.contacts, now=now)
        self.table.setModel(self.model)
        enable_sorting(self.table, self.model)
        contact_column = next(i for i, c in enumerate(self.model.columns) if c.key == "contact")
        self.layout_state = ListLayout(settings, STATE_KEY, self.table,
                                       fixed_widths={contact_column: CONTACT_WIDTH})
        self._fill_filter()
        self._connect()
        bus.changed.connect(self._refresh)
        self.layout_state.restore()
        self._update()

    def _fill_filter(self) -> None:
        for label, code in ((self.tr("Due today"), "today"), (self.tr("Overdue"), "overdue"),
                            (self.tr("This week"), "week"), (self.tr("All open"), "all")):
            self.due_filter.addItem(label, code)
        saved = self._settings.value(STATE_KEY + "due", "today")
        self.due_filter.setCurrentIndex(max(0, self.due_filter.findData(saved)))
        self._fill_owners()
        self.model.reload(self._query())

    def _connect(self) -> None:
        self.due_filter.currentIndexChanged.connect(self._filter)
        self.owner_filter.currentIndexChanged.connect(self._filter)
        self.show_done.toggled.connect(self._filter)
        self.done_button.clicked.connect(lambda: self._act(self.reminder_actions.done))
        self.delete_button.clicked.connect(lambda: self._act(self.reminder_actions.delete))
        for button, choice in ((self.snooze_10_button, "10min"), (self.snooze_hour_button, "1h"),
                               (self.snooze_tomorrow_button, "tomorrow")):
            button.clicked.connect(lambda _=False, c=choice: self.snooze_selected(c))
        QShortcut(QKeySequence("Ctrl+D"), self, lambda: self._act(self.reminder_actions.done))
        QShortcut(QKeySequence.StandardKey.Delete, self.table,
                  lambda: self._act(self.reminder_actions.delete))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(self._opened)
        self.model.modelReset.connect(self._update_buttons)

    def selected(self) -> ReminderRead | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.reminder_at(rows[0].row()) if rows else None

    def select(self, reminder_id: str) -> bool:
        row = find_row(self.model, reminder_id)
        if row is not None:
            self.table.selectRow(row)
        return row is not None

    def mark_done(self) -> None:
        self._act(self.reminder_actions.done)

    def delete_selected(self) -> None:
        self._act(self.reminder_actions.delete)

    def snooze_selected(self, choice: str) -> None:
        self._act(lambda reminder_id: self.reminder_actions.snooze(reminder_id, choice))

    def _act(self, action: Callable[[str], None]) -> None:
        reminder = self.selected()
        if reminder is None:
            return
        try:
            action(reminder.id)
        except CrmError as error:
            self._say(str(error))
        else:
            self._say("")

    def _opened(self, index: QModelIndex) -> None:
        self.open_requested.emit(self.model.reminder_at(index.row()))

    def _query(self) -> ReminderQuery:
        return ReminderQuery(due=self.due_filter.currentData(), owner=self.owner_filter.currentData(),
                             include_done=self.show_done.isChecked())

    def _fill_owners(self) -> None:
        fill_choices(self.owner_filter, ((owner, owner) for owner in self._crm.reminders.owners()))

    def _filter(self) -> None:
        self.model.reload(self._query())
        self._update()

    def _refresh(self, changes: Changes) -> None:
        if changes.touches("reminder") or changes.touches("contact"):
            self._fill_owners()
            self.model.reload()
            self._update()

    def _update(self) -> None:
        self.count.setText(self.tr("%n reminder(s)", "", self.model.total))
        self._update_buttons()

    def _update_buttons(self) -> None:
        enabled = self.selected() is not None
        for button in self.action_buttons:
            button.setEnabled(enabled)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def save_layout(self) -> None:
        self.layout_state.save()
        self._settings.setValue(STATE_KEY + "due", self.due_filter.currentData())

    def forget(self) -> None:
        """Drop every reminder held for display (on lock)."""
        self.model.clear()
        self._say("")
