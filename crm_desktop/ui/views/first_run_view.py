"""The first-run wizard's pages: language, business, passphrase, recovery key, data."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from crm_desktop.ui.views.form_parts import ERROR_STYLE


def _page(title: str, subtitle: str = "") -> QWizardPage:
    page = QWizardPage()
    page.setTitle(title)
    page.setSubTitle(subtitle)
    return page


class FirstRunView(QWizard):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Welcome"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.language = QComboBox()
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.business_name = QLineEdit()
        self.currency = QComboBox()
        for code in ("CNY", "HKD", "TWD", "USD", "EUR", "GBP", "JPY", "SGD"):
            self.currency.addItem(code, code)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.strength = QProgressBar()
        self.strength.setRange(0, 4)
        self.strength.setTextVisible(False)
        self.strength_text = QLabel()
        self.passphrase_error = QLabel()
        self.passphrase_error.setStyleSheet(ERROR_STYLE)
        self.passphrase_error.setWordWrap(True)
        self.recovery_key = QLabel()
        self.recovery_key.setObjectName("recoveryKey")
        self.recovery_key.setStyleSheet("font-family: monospace; font-size: 18pt; padding: 8px;")
        self.print_button = QPushButton(self.tr("Print the recovery key…"))
        self.stored = QCheckBox(self.tr("I have printed or written down the recovery key and "
                                        "keep it away from this computer"))
        self.data_folder = QLabel()
        self.data_folder.setWordWrap(True)
        self.sample_data = QRadioButton(self.tr("Start with sample data (a demo business to look around in)"))
        self.empty = QRadioButton(self.tr("Start empty"))
        self.empty.setChecked(True)
        self.create_error = QLabel()
        self.create_error.setStyleSheet(ERROR_STYLE)
        self.create_error.setWordWrap(True)
        self.pages = self._build_pages()

    def _build_pages(self) -> list[QWizardPage]:
        language = _page(self.tr("Language"), self.tr("The language of every screen and report."))
        QFormLayout(language).addRow(self.tr("Language"), self.language)
        business = _page(self.tr("Your business"))
        form = QFormLayout(business)
        form.addRow(self.tr("Business name"), self.business_name)
        form.addRow(self.tr("Currency"), self.currency)
        secret = _page(self.tr("Passphrase"), self.tr(
            "Your data is encrypted with this passphrase. Without it or the recovery key shown "
            "next, nobody — not even us — can recover your data."))
        form = QFormLayout(secret)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow(self.tr("Again"), self.repeat)
        form.addRow(self.tr("Strength"), self.strength)
        form.addRow("", self.strength_text)
        form.addRow("", self.passphrase_error)
        recovery = _page(self.tr("Recovery key"), self.tr(
            "If you forget the passphrase, this key is the only way back in. It is shown only now."))
        column = QVBoxLayout(recovery)
        for widget in (self.recovery_key, self.print_button, self.stored):
            column.addWidget(widget)
        data = _page(self.tr("Your data"))
        data_column = QVBoxLayout(data)
        for choice in (self.data_folder, self.sample_data, self.empty, self.create_error):
            data_column.addWidget(choice)
        pages = [language, business, secret, recovery, data]
        for page in pages:
            self.addPage(page)
        return pages
