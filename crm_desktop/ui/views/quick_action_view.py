"""Quick actions' layout: a row of buttons, and one small inline form at a time below them."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.ui.views.form_parts import ERROR_STYLE


class QuickActionView(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.call_button = QPushButton(self.tr("Log a call"))
        self.note_button = QPushButton(self.tr("Add a note"))
        self.follow_up_button = QPushButton(self.tr("Follow-up"))
        self.deal_button = QPushButton(self.tr("New deal"))
        self.service_button = QPushButton(self.tr("Service log"))
        self.profile_button = QPushButton(self.tr("Profile PDF…"))
        self.profile_button.setToolTip(self.tr("Make a printable PDF profile of this record"))
        self.box = QFrame()
        self.box.setFrameShape(QFrame.Shape.StyledPanel)
        self.box_title = QLabel()
        self.box_title.setStyleSheet("font-weight: 600;")
        self.pages = QStackedWidget()
        self.note_kind = QComboBox()
        self.note_body = QPlainTextEdit()
        self.note_body.setMaximumHeight(90)
        self.note_body.setTabChangesFocus(True)  # Tab moves on to Save
        self.follow_up_title = QLineEdit()
        self.follow_up_due = QDateTimeEdit()
        self.follow_up_due.setCalendarPopup(True)
        self.deal_title = QLineEdit()
        self.deal_amount = QLineEdit()
        self.deal_amount.setPlaceholderText(self.tr("e.g. 12000"))
        self.service_subject = QLineEdit()
        self.service_channel = QComboBox()
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.note_page = self._page((self.tr("Type"), self.note_kind),
                                    (self.tr("Text"), self.note_body))
        self.follow_up_page = self._page((self.tr("Title"), self.follow_up_title),
                                         (self.tr("Due"), self.follow_up_due))
        self.deal_page = self._page((self.tr("Title"), self.deal_title),
                                    (self.tr("Amount"), self.deal_amount))
        self.service_page = self._page((self.tr("Subject"), self.service_subject),
                                       (self.tr("Channel"), self.service_channel))
        self._lay_out()

    def _page(self, *rows: tuple[str, QWidget]) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        for label, field in rows:
            form.addRow(label, field)
        self.pages.addWidget(page)
        return page

    def show_page(self, page: QWidget) -> None:
        """Show one form, the box as tall as that form alone (not as the tallest of them)."""
        for other in (self.note_page, self.follow_up_page, self.deal_page, self.service_page):
            policy = (QSizePolicy.Policy.Preferred if other is page
                      else QSizePolicy.Policy.Ignored)
            other.setSizePolicy(QSizePolicy.Policy.Preferred, policy)
        self.pages.setCurrentWidget(page)
        self.pages.adjustSize()

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for button in (self.call_button, self.note_button, self.follow_up_button,
                       self.deal_button, self.service_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.profile_button)
        inner = QVBoxLayout(self.box)
        inner.addWidget(self.box_title)
        inner.addWidget(self.pages)
        inner.addWidget(self.error)
        inner.addWidget(self.buttons)
        self.box.hide()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(bar)
        column.addWidget(self.box)
