"""The reminders page layout: due filter, the actions, the table, a one-line message."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.ui.views.record_list_view import record_table


class RemindersView(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.due_filter = QComboBox()
        self.owner_filter = QComboBox()
        self.show_done = QCheckBox(self.tr("Show done"))
        self.show_done.setToolTip(self.tr("Also list reminders already marked done"))
        self.done_button = QPushButton(self.tr("Done"))
        self.done_button.setToolTip(self.tr("Mark done (Ctrl+D)"))
        self.snooze_10_button = QPushButton(self.tr("Snooze 10 min"))
        self.snooze_hour_button = QPushButton(self.tr("Snooze 1 hour"))
        self.snooze_tomorrow_button = QPushButton(self.tr("Tomorrow 09:00"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Move to the recycle bin (Del)"))
        self.count = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.table = record_table(self.fontMetrics().height() + 10)
        self.table.horizontalHeader().setDefaultSectionSize(160)
        self._lay_out()

    @property
    def action_buttons(self) -> tuple[QPushButton, ...]:
        return (self.done_button, self.snooze_10_button, self.snooze_hour_button,
                self.snooze_tomorrow_button, self.delete_button)

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Show")))
        bar.addWidget(self.due_filter)
        bar.addWidget(QLabel(self.tr("Owner")))
        bar.addWidget(self.owner_filter)
        bar.addWidget(self.show_done)
        bar.addSpacing(12)
        for button in self.action_buttons:
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.count)
        outer = QVBoxLayout(self)
        outer.addLayout(bar)
        outer.addWidget(self.message)
        outer.addWidget(self.table, 1)
