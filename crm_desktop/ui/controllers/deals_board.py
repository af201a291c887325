"""The pipeline board: open deals in one column per stage, with counts and totals.

A card dropped on another column is reported as `move_requested(deal_id, stage_id)`; the page
moves it in the core and the board redraws from the published changes.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidgetItem

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.models import DealRead, StageRead
from crm_desktop.core.errors import CrmError
from crm_desktop.core.services.deals import DealQuery
from crm_desktop.ui.models.deals_model import money_text, totals_text
from crm_desktop.ui.views.deals_board_view import (
    AMOUNT_ROLE,
    DEAL_ID_ROLE,
    SUBTITLE_ROLE,
    BoardView,
    DealCardList,
    StageColumnView,
)

CARDS_SHOWN = 200  # per column; the header still counts and totals every open deal


class DealsBoard(BoardView):
    selected = Signal(object)  # deal id, or None when no card is selected
    move_requested = Signal(str, str)  # deal id, stage id

    def __init__(self, crm: Crm) -> None:
        super().__init__()
        self._crm = crm
        self.columns: dict[str, StageColumnView] = {}
        self._stages: list[tuple[str, str]] = []
        self._names: dict[str, str] = {}  # company / contact id -> name shown on cards

    def reload(self) -> None:
        """Redraw every column from the core, keeping the selected card selected."""
        keep = self.selected_deal_id()
        self._ensure_columns(self._crm.deals.stages())
        by_stage: dict[str, list[DealRead]] = {stage_id: [] for stage_id in self.columns}
        for deal in self._open_deals():
            by_stage.setdefault(deal.stage_id, []).append(deal)
        for stage_id, column in self.columns.items():
            self._fill(column, by_stage[stage_id])
        if keep:
            self.select_deal(keep)

    def forget_names(self) -> None:
        self._names.clear()

    def clear(self) -> None:
        for column in self.columns.values():
            column.cards.clear()
            column.count.clear()
            column.total.clear()
        self._names.clear()

    def select_deal(self, deal_id: str) -> bool:
        for column in self.columns.values():
            for row in range(column.cards.count()):
                item = column.cards.item(row)
                if item.data(DEAL_ID_ROLE) == deal_id:
                    column.cards.setCurrentItem(item)
                    column.cards.scrollToItem(item)
                    return True
        return False

    def selected_deal_id(self) -> str | None:
        for column in self.columns.values():
            items = column.cards.selectedItems()
            if items and items[0].data(DEAL_ID_ROLE):
                return str(items[0].data(DEAL_ID_ROLE))
        return None

    def card_ids(self, stage_id: str) -> list[str]:
        cards = self.columns[stage_id].cards
        return [str(cards.item(r).data(DEAL_ID_ROLE)) for r in range(cards.count())
                if cards.item(r).data(DEAL_ID_ROLE)]

    # -- building -------------------------------------------------------------------------

    def _open_deals(self) -> list[DealRead]:
        query = DealQuery(status="open")
        total = self._crm.deals.count(query)
        return self._crm.deals.page(query, limit=total) if total else []

    def _ensure_columns(self, stages: Iterable[StageRead]) -> None:
        wanted = [(s.id, s.name) for s in stages]
        if wanted == self._stages:
            return
        for column in self.columns.values():
            column.setParent(None)
            column.deleteLater()  # not at once: a drag from this column may still be running
        self.columns = {}
        for stage_id, name in wanted:
            column = StageColumnView(stage_id, name)
            column.cards.deal_dropped.connect(self.move_requested.emit)
            column.cards.itemSelectionChanged.connect(
                lambda cards=column.cards: self._selection_changed(cards))
            self.columns[stage_id] = column
            self.add_column(column)
        self._stages = wanted

    def _fill(self, column: StageColumnView, deals: list[DealRead]) -> None:
        cards = column.cards
        cards.blockSignals(True)
        cards.clear()
        for deal in deals[:CARDS_SHOWN]:
            cards.addItem(self._card(deal))
        if len(deals) > CARDS_SHOWN:
            more = QListWidgetItem(self.tr("… and %n more in the list", "", len(deals) - CARDS_SHOWN))
            more.setFlags(Qt.ItemFlag.NoItemFlags)  # a note, not a card: no select, no drag
            cards.addItem(more)
        cards.blockSignals(False)
        column.count.setText(str(len(deals)))
        column.count.setToolTip(self.tr("%n open deal(s)", "", len(deals)))
        column.total.setText(totals_text(((d.amount, d.currency) for d in deals),
                                         self._crm.settings.get().currency))

    def _card(self, deal: DealRead) -> QListWidgetItem:
        item = QListWidgetItem(deal.title)
        item.setData(DEAL_ID_ROLE, deal.id)
        item.setData(SUBTITLE_ROLE, self._party(deal))
        item.setData(AMOUNT_ROLE, money_text(deal.amount, deal.currency))
        item.setToolTip(deal.title)
        return item

    def _party(self, deal: DealRead) -> str:
        """The company's name, else the contact's (looked up once per board)."""
        for key, look_up in ((deal.company_id, self._company_name),
                             (deal.contact_id, self._contact_name)):
            if key:
                if key not in self._names:
                    self._names[key] = look_up(key)
                if self._names[key]:
                    return self._names[key]
        return ""

    def _company_name(self, company_id: str) -> str:
        try:
            return self._crm.companies.get(company_id).name
        except CrmError:
            return ""

    def _contact_name(self, contact_id: str) -> str:
        try:
            return self._crm.contacts.get(contact_id).display_name
        except CrmError:
            return ""

    def _selection_changed(self, source: DealCardList) -> None:
        if source.selectedItems():
            for column in self.columns.values():
                if column.cards is not source:
                    column.cards.blockSignals(True)
                    column.cards.clearSelection()
                    column.cards.blockSignals(False)
        self.selected.emit(self.selected_deal_id())
