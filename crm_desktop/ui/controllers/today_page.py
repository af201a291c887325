"""Today: what to do now (follow-ups, open service logs) and how the business stands.

The figures need every open deal, so the page gathers on a worker and refreshes itself when a
change touches what it shows (a burst of changes is gathered once).
"""

from __future__ import annotations

from decimal import Decimal

from babel.core import UnknownLocaleError
from PySide6.QtCore import QDate, QLocale, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QShowEvent
from PySide6.QtWidgets import QTreeWidgetItem

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.changes import Changes
from crm_desktop.core.domain.labels import value_label
from crm_desktop.core.domain.money import Money
from crm_desktop.core.errors import CrmError
from crm_desktop.ui.changes import ChangeBus
from crm_desktop.ui.controllers.reminders_actions import Clock, utc_now
from crm_desktop.ui.controllers.today_data import TodayData, gather
from crm_desktop.ui.item_lists import empty_tree
from crm_desktop.ui.models.reminders_model import OVERDUE_COLOR, local_text
from crm_desktop.ui.tasks import TaskRunner, ThreadTaskRunner
from crm_desktop.ui.views.today_view import TodayView

STATE_KEY = "today/"
WATCHED = ("reminder", "service", "deal", "stage", "contact")
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def money_text(amount: Decimal, currency: str) -> str:
    """`amount` in `currency` as the user's locale writes money."""
    name = QLocale().name()
    try:
        return Money.parse(amount, currency).format("en" if name in ("C", "") else name)
    except (CrmError, ValueError, UnknownLocaleError):
        return f"{amount} {currency}"


class TodayPage(TodayView):
    open_requested = Signal(str, str)  # kind ("reminder", "service", "deal"), record id

    def __init__(self, crm: Crm, bus: ChangeBus, settings: QSettings, *,
                 now: Clock = utc_now, runner: TaskRunner | None = None) -> None:
        super().__init__()
        self._crm = crm
        self._settings = settings
        self._now = now
        self._runner: TaskRunner = runner or ThreadTaskRunner()
        self._generation = 0
        self._loading = False
        self._stale = False
        self.data: TodayData | None = None
        self._debounce = QTimer(self, singleShot=True, interval=0)
        self._debounce.timeout.connect(self.refresh)
        bus.changed.connect(self._changed)
        for tree, kind in ((self.followups, "reminder"), (self.service, "service"),
                           (self.deals, "deal")):
            tree.itemActivated.connect(lambda item, _c, k=kind: self._activated(k, item))
        self._restore_layout()
        self.refresh()

    @property
    def loading(self) -> bool:
        """True while the figures are being gathered on the worker."""
        return self._loading

    def refresh(self) -> None:
        """Gather again (on a worker); a request while gathering runs once more afterwards."""
        if self._loading:
            self._stale = True
            return
        self._loading, self._stale = True, False
        generation = self._generation
        self.status.setText(self.tr("Updating…"))
        now = self._now()
        self._runner.run(lambda: gather(self._crm, now),
                         lambda data: self._gathered(generation, data),
                         lambda error: self._failed(generation, error))

    def _gathered(self, generation: int, data: TodayData) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self.data = data
        self._show(data)
        if self._stale:
            self.refresh()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self.status.setText(str(error))

    def _changed(self, changes: Changes) -> None:
        if any(changes.touches(kind) for kind in WATCHED):
            self._debounce.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.data is not None:  # the day or the clock may have moved on
            self._debounce.start()

    # -- showing -------------------------------------------------------------------------------

    def _show(self, data: TodayData) -> None:
        locale = QLocale()
        day = data.now.astimezone().date()
        self.title.setText(self.tr("Today, %1").replace("%1", locale.toString(
            QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)))
        self.status.setText("")
        self.pipeline.value.setText(self.pipeline_text(data))
        self.won.value.setText(locale.toString(data.won_this_month))
        self.open_service.value.setText(locale.toString(data.open_service))
        self._fill_followups(data)
        self._fill_service(data)
        self._fill_deals(data)

    @staticmethod
    def pipeline_text(data: TodayData) -> str:
        if not data.pipeline:
            return QLocale().toString(0)
        return " + ".join(money_text(amount, currency)
                          for currency, amount in sorted(data.pipeline.items()))

    def _fill_followups(self, data: TodayData) -> None:
        empty_tree(self.followups)
        late = QBrush(OVERDUE_COLOR)
        for reminder in data.followups:
            overdue = data.is_overdue(reminder)
            due = local_text(reminder.effective_due)
            if overdue:
                due = self.tr("Overdue · %1").replace("%1", due)
            item = self._item(reminder.id, due, reminder.title,
                              data.names.get(reminder.contact_id or "", ""))
            if overdue:
                item.setForeground(0, late)
            self.followups.addTopLevelItem(item)
        self.followups_title.setText(self.tr("Follow-ups due (%1)").replace(
            "%1", str(len(data.followups))))

    def _fill_service(self, data: TodayData) -> None:
        empty_tree(self.service)
        for log in data.service:
            item = self._item(log.id, value_label(log.priority), log.subject,
                              data.names.get(log.contact_id or "", ""), value_label(log.status))
            if log.priority == "urgent":
                item.setForeground(0, QBrush(OVERDUE_COLOR))
            self.service.addTopLevelItem(item)

    def _fill_deals(self, data: TodayData) -> None:
        empty_tree(self.deals)
        for deal in data.closing:
            item = self._item(deal.id, deal.title, deal.stage_name,
                              money_text(deal.amount, deal.currency), deal.expected_close or "")
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.deals.addTopLevelItem(item)

    @staticmethod
    def _item(record_id: str, *texts: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(list(texts))
        item.setData(0, ID_ROLE, record_id)
        return item

    def _activated(self, kind: str, item: QTreeWidgetItem) -> None:
        self.open_requested.emit(kind, str(item.data(0, ID_ROLE)))

    # -- page contract ---------------------------------------------------------------------------

    def save_layout(self) -> None:
        for name, tree in (("followups", self.followups), ("service", self.service),
                           ("deals", self.deals)):
            self._settings.setValue(STATE_KEY + name, tree.header().saveState())

    def _restore_layout(self) -> None:
        for name, tree in (("followups", self.followups), ("service", self.service),
                           ("deals", self.deals)):
            state = self._settings.value(STATE_KEY + name)
            if state:
                tree.header().restoreState(state)

    def forget(self) -> None:
        """Drop everything shown (on lock); a gather still running is ignored when it ends."""
        self._generation += 1
        self._loading = False
        self._debounce.stop()
        self.data = None
        for tree in (self.followups, self.service, self.deals):
            empty_tree(tree)
        for figure in (self.pipeline, self.won, self.open_service):
            figure.value.setText("–")
        self.title.setText("")
        self.status.setText("")
