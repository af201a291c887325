"""The backup page layout: status, folder, schedule and keep rules on top; "Back up now" with its
progress; then the backups in the folder beside the checks of the last verification."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.ui.views.record_list_view import record_table

MUTED_STYLE = "color: palette(placeholder-text);"
GOOD_STYLE = ("background: #e8f3ea; color: #1e5b2c; border: 1px solid #b5d9bd; border-radius: 4px; "
              "padding: 6px;")
WARNING_STYLE = ("background: #fdecea; color: #8c1d18; border: 1px solid #f2b8b5; border-radius: 4px; "
                 "padding: 6px; font-weight: 600;")
ERROR_TEXT_STYLE = "color: #b3261e;"


def _spin(low: int, high: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setMinimumWidth(110)
    spin.setKeyboardTracking(False)  # one change when typing is done, not one per digit
    return spin


class BackupView(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.status = QLabel()
        self.status.setObjectName("backupStatus")
        self.status.setWordWrap(True)
        self.folder = QLineEdit()
        self.folder.setReadOnly(True)
        self.folder.setPlaceholderText(self.tr("No folder chosen yet"))
        self.choose = QPushButton(self.tr("Choose…"))
        self.choose.setToolTip(self.tr("Choose the folder backups are written to"))
        self.folder_hint = QLabel(self.tr("A USB stick, an external disk or a cloud folder (Dropbox, "
                                          "OneDrive, Nextcloud). Backups stay encrypted there."))
        self.on_quit = QCheckBox(self.tr("Back up when the app closes"))
        self.daily = QCheckBox(self.tr("Back up once a day while the app is open"))
        self.warn_days = _spin(1, 365)  # suffixes (" days") follow the number: set by the page
        self.keep_last = _spin(1, 999)
        self.daily_days = _spin(0, 3650)
        self.weekly_weeks = _spin(0, 520)
        self.monthly_months = _spin(0, 240)
        self.keep_hint = QLabel(self.tr("Defaults: the newest 7, then one a day for 14 days, one a week "
                                        "for 8 weeks and one a month for 12 months — about 35 files. "
                                        "Older backups are deleted after each backup."))
        self.back_up = QPushButton(self.tr("Back up now"))
        self.back_up.setToolTip(self.tr("Make and verify a backup now (Ctrl+B)"))
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setMaximumWidth(240)
        self.progress.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.list_title = QLabel(self.tr("Backups in this folder"))
        self.list_title.setStyleSheet("font-weight: 600;")
        self.verify = QPushButton(self.tr("Verify"))
        self.verify.setToolTip(self.tr("Check the selected backup end to end: readable, unaltered, "
                                       "opens with its key, every page sound"))
        self.restore = QPushButton(self.tr("Restore…"))
        self.restore.setToolTip(self.tr("Replace the current workspace with the selected backup"))
        self.count = QLabel()
        self.table = record_table(self.fontMetrics().height() + 10)
        self.checks_title = QLabel(self.tr("Select a backup and press Verify to see its checks here."))
        self.checks_title.setWordWrap(True)
        self.checks = QListWidget()
        self.checks.setWordWrap(True)
        self.checks.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        for hint in (self.folder_hint, self.keep_hint):
            hint.setWordWrap(True)
            hint.setStyleSheet(MUTED_STYLE)
        self._lay_out()

    def _lay_out(self) -> None:
        column = QVBoxLayout(self)
        column.addWidget(self.status)
        column.addWidget(self._where())
        settings = QHBoxLayout()
        settings.addWidget(self._when(), 1)
        settings.addWidget(self._keep(), 1)
        column.addLayout(settings)
        bar = QHBoxLayout()
        bar.addWidget(self.back_up)
        bar.addWidget(self.progress)
        bar.addWidget(self.message, 1)
        column.addLayout(bar)
        column.addWidget(self._backups(), 1)

    def _where(self) -> QGroupBox:
        box = QGroupBox(self.tr("Backup folder"))
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose)
        column = QVBoxLayout(box)
        column.addLayout(row)
        column.addWidget(self.folder_hint)
        return box

    def _when(self) -> QGroupBox:
        box = QGroupBox(self.tr("When"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.on_quit)
        form.addRow(self.daily)
        form.addRow(self.tr("Warn when the last backup is older than"), self.warn_days)
        return box

    def _keep(self) -> QGroupBox:
        box = QGroupBox(self.tr("Which backups to keep"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("The newest"), self.keep_last)
        form.addRow(self.tr("One a day for"), self.daily_days)
        form.addRow(self.tr("One a week for"), self.weekly_weeks)
        form.addRow(self.tr("One a month for"), self.monthly_months)
        form.addRow(self.keep_hint)
        return box

    def _backups(self) -> QWidget:
        bar = QHBoxLayout()
        bar.addWidget(self.list_title)
        bar.addStretch(1)
        bar.addWidget(self.count)
        bar.addWidget(self.verify)
        bar.addWidget(self.restore)
        checks = QWidget()
        side = QVBoxLayout(checks)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.checks_title)
        side.addWidget(self.checks, 1)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(checks)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([700, 300])
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 8, 0, 0)
        column.addLayout(bar)
        column.addWidget(self.splitter, 1)
        return box
