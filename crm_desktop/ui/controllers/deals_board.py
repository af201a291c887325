"""The pipeline board: open deals in one column per stage, with counts and totals.

A card dropped on another column is reported as `move_requested(deal_id, stage_id)`; the page
moves it in the core and the board redraws from the published changes.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidgetItem

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.models import DealRead, StageSummary
from crm_desktop.ui.item_lists import empty_list
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
        # (company id, contact id) -> name shown on cards; forgotten when either changes
        self._names: dict[tuple[str | None, str | None], str] = {}

    def reload(self) -> None:
        """Redraw every column from the core, keeping the selected card selected.

        Headers come from one grouped query; each column loads only the cards it shows, and
        the names on them come from one batched look-up."""
        keep = self.selected_deal_id()
        summaries = self._crm.deals.stage_summaries()
        self._ensure_columns(summaries)
        shown = {s.id: self._crm.deals.open_in_stage(s.id, CARDS_SHOWN) for s in summaries}
        self._learn_names([deal for deals in shown.values() for deal in deals])
        for summary in summaries:
            self._fill(self.columns[summary.id], summary, shown[summary.id])
        if keep:
            self.select_deal(keep)

    def forget_names(self) -> None:
        self._names.clear()

    def clear(self) -> None:
        for column in self.columns.values():
            empty_list(column.cards)
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

    def _ensure_columns(self, stages: Iterable[StageSummary]) -> None:
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

    def _fill(self, column: StageColumnView, summary: StageSummary,
              deals: list[DealRead]) -> None:
        cards = column.cards
        cards.blockSignals(True)
        empty_list(cards)
        for deal in deals:
            cards.addItem(self._card(deal))
        if summary.count > len(deals):
            more = QListWidgetItem(self.tr("… and %n more in the list", "", summary.count - len(deals)))
            more.setFlags(Qt.ItemFlag.NoItemFlags)  # a note, not a card: no select, no drag
            cards.addItem(more)
        cards.blockSignals(False)
        column.count.setText(str(summary.count))
        column.count.setToolTip(self.tr("%n open deal(s)", "", summary.count))
        column.total.setText(totals_text(((amount, currency) for currency, amount
                                          in summary.totals.items()),
                                         self._crm.settings.get().currency))

    def _card(self, deal: DealRead) -> QListWidgetItem:
        item = QListWidgetItem(deal.title)
        item.setData(DEAL_ID_ROLE, deal.id)
        item.setData(SUBTITLE_ROLE, self._names.get(_party_key(deal), ""))
        item.setData(AMOUNT_ROLE, money_text(deal.amount, deal.currency))
        item.setToolTip(deal.title)
        return item

    def _learn_names(self, deals: list[DealRead]) -> None:
        """Look up, in one batch, the company / contact names of cards not yet known."""
        unknown = [d for d in deals if _party_key(d) not in self._names]
        if unknown:
            names = self._crm.deals.party_names(unknown)
            self._names.update((_party_key(d), names.get(d.id, "")) for d in unknown)

    def _selection_changed(self, source: DealCardList) -> None:
        if source.selectedItems():
            for column in self.columns.values():
                if column.cards is not source:
                    column.cards.blockSignals(True)
                    column.cards.clearSelection()
                    column.cards.blockSignals(False)
        self.selected.emit(self.selected_deal_id())


def _party_key(deal: DealRead) -> tuple[str | None, str | None]:
    return deal.company_id, deal.contact_id
