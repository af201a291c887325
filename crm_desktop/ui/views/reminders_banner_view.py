"""The in-app reminder notification: a slim non-modal banner with the reminder and its actions."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

STYLE = """
#reminderBanner { background: #fff4d6; border: 1px solid #e0b64a; border-radius: 6px; }
#reminderBanner QLabel#bannerTitle { font-weight: 600; }
"""


class ReminderBannerView(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("reminderBanner")
        self.setStyleSheet(STYLE)
        self.heading = QLabel()
        self.heading.setObjectName("bannerTitle")
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.snooze_10_button = QPushButton(self.tr("Snooze 10 min"))
        self.snooze_hour_button = QPushButton(self.tr("1 hour"))
        self.snooze_tomorrow_button = QPushButton(self.tr("Tomorrow"))
        self.done_button = QPushButton(self.tr("Done"))
        self.open_button = QPushButton(self.tr("Open"))
        self.close_button = QPushButton(self.tr("Dismiss"))
        self.close_button.setFlat(True)
        self._lay_out()
        self.hide()

    @property
    def buttons(self) -> tuple[QPushButton, ...]:
        return (self.snooze_10_button, self.snooze_hour_button, self.snooze_tomorrow_button,
                self.done_button, self.open_button, self.close_button)

    def _lay_out(self) -> None:
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.heading)
        text.addWidget(self.detail)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        row.addLayout(text, 1)
        for button in self.buttons:
            row.addWidget(button)
