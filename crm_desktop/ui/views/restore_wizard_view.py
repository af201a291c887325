"""The restore wizard's layout: four steps on a stack (what the backup holds, its key when it has
other keys, checking it, the last confirmation) over Cancel and one forward button."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.ui.views.form_parts import ERROR_STYLE, button_row, heading, wrapped

WARNING_STYLE = ("background: #fdecea; color: #8c1d18; border: 1px solid #f2b8b5; "
                 "border-radius: 4px; padding: 8px;")


class RestoreWizardView(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore a backup"))
        self.made, self.device, self.versions = QLabel(), QLabel(), QLabel()
        self.contents, self.file = wrapped(), wrapped()
        self.warning = wrapped(WARNING_STYLE)
        self.key_hint = wrapped()
        self.use_passphrase = QRadioButton(self.tr("Passphrase"))
        self.use_passphrase.setChecked(True)
        self.use_recovery = QRadioButton(self.tr("Recovery key"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("The passphrase when the backup was made"))
        self.recovery_key = QLineEdit()
        self.recovery_key.setPlaceholderText(self.tr("As printed, e.g. K7QD-2M9F-…"))
        self.key_message = wrapped(ERROR_STYLE)
        self.work_title = heading(self.tr("Checking the backup…"))
        self.progress = QProgressBar()
        self.work_message = wrapped()
        self.summary = wrapped()
        self.final_warning = wrapped(WARNING_STYLE)
        self.cancel = QPushButton(self.tr("Cancel"))
        self.forward = QPushButton()
        for button in (self.cancel, self.forward):
            button.setAutoDefault(False)  # Enter never replaces a workspace by accident
        self.stack = QStackedWidget()
        self.preview_page = self._preview()
        self.key_page = self._key()
        self.work_page = self._work()
        self.confirm_page = self._confirm()
        self._lay_out()

    def _lay_out(self) -> None:
        buttons = button_row(self.cancel, self.forward)
        column = QVBoxLayout(self)
        column.addWidget(self.stack, 1)
        column.addLayout(buttons)
        self.setMinimumWidth(540)

    def _page(self, *widgets: QWidget | QFormLayout) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        for item in widgets:
            if isinstance(item, QFormLayout):
                column.addLayout(item)
            else:
                column.addWidget(item)
        column.addStretch(1)
        self.stack.addWidget(page)
        return page

    def _preview(self) -> QWidget:
        form = QFormLayout()
        form.addRow(self.tr("Made"), self.made)
        form.addRow(self.tr("On"), self.device)
        form.addRow(self.tr("Version"), self.versions)
        form.addRow(self.tr("Holds"), self.contents)
        form.addRow(self.tr("File"), self.file)
        return self._page(heading(self.tr("Restore this backup?")), form, self.warning)

    def _key(self) -> QWidget:
        form = QFormLayout()
        form.addRow(self.use_passphrase, self.passphrase)
        form.addRow(self.use_recovery, self.recovery_key)
        return self._page(heading(self.tr("This backup has other keys")), self.key_hint, form,
                          self.key_message)

    def _work(self) -> QWidget:
        return self._page(self.work_title, self.progress, self.work_message)

    def _confirm(self) -> QWidget:
        return self._page(heading(self.tr("Ready to restore")), self.summary, self.final_warning)
