"""The deals page: the pipeline board or the list, new deal and the form of the selected one,
won / lost / reopen, and the stage history."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelection, QSettings
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QTreeWidgetItem

from crm_desktop.core.crm import Crm
from crm_desktop.core.domain.changes import Changes, Outcome
from crm_desktop.core.domain.labels import value_label
from crm_desktop.core.domain.models import DEAL_STATUSES, DealRead
from crm_desktop.core.errors import CrmError
from crm_desktop.core.services.deals import DealQuery
from crm_desktop.ui.changes import ChangeBus
from crm_desktop.ui.controllers.deal_editor import DealEditor
from crm_desktop.ui.controllers.deals_board import DealsBoard
from crm_desktop.ui.controllers.deals_lost import LostReasonDialog
from crm_desktop.ui.controllers.record_list import ListLayout, enable_sorting, fill_choices, find_row
from crm_desktop.ui.item_lists import empty_tree
from crm_desktop.ui.models.deals_model import DealsModel, money_text
from crm_desktop.ui.views.deals_view import DealsView

STATE_KEY = "deals/"
COLUMN_WIDTHS = {0: 260, 1: 120, 2: 80, 3: 170, 4: 120}  # until the user's own are restored
BOARD, LIST = 0, 1
REFRESHED_BY = ("deal", "stage", "company", "contact")


class DealsPage(DealsView):
    def __init__(self, crm: Crm, bus: ChangeBus, settings: QSettings) -> None:
        self.pipeline = DealsBoard(crm)
        self.editor = DealEditor(crm, bus)
        super().__init__(self.pipeline, self.editor)
        self._crm = crm
        self._bus = bus
        self._settings = settings
        self._deal: DealRead | None = None
        self.lost_dialog: LostReasonDialog | None = None
        self.model = DealsModel(crm.deals)
        self.table.setModel(self.model)
        enable_sorting(self.table, self.model)
        self.layout_state = ListLayout(settings, STATE_KEY, self.table, self.splitter,
                                       fixed_widths=COLUMN_WIDTHS)
        self._fill_filters()
        self._connect()
        self._restore_layout()
        self._board_loaded = False  # the board is built when first shown: it reads every open deal
        self.show_deal(None)

    def _connect(self) -> None:
        self.mode.idClicked.connect(self.set_mode)
        self.new_button.clicked.connect(self.new_deal)
        self.editor.saved.connect(self.open_deal)
        self.editor.cancelled.connect(self._cancel_edit)
        self.pipeline.selected.connect(self.show_deal)
        self.pipeline.move_requested.connect(self.move_deal)
        self.table.selectionModel().selectionChanged.connect(self._table_selected)
        self.won_button.clicked.connect(self.mark_won)
        self.lost_button.clicked.connect(self.ask_lost)
        self.reopen_button.clicked.connect(self.reopen)
        self.stage_filter.currentIndexChanged.connect(self._filter)
        self.status_filter.currentIndexChanged.connect(self._filter)
        self.owner_filter.currentIndexChanged.connect(self._filter)
        self._bus.changed.connect(self._refresh)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_deal)
        QShortcut(QKeySequence("Ctrl+Shift+B"), self, lambda: self.set_mode(BOARD))
        QShortcut(QKeySequence("Ctrl+Shift+L"), self, lambda: self.set_mode(LIST))

    def showEvent(self, event: QShowEvent) -> None:
        self._load_board()
        super().showEvent(event)

    def _load_board(self) -> None:
        if not self._board_loaded:
            self._board_loaded = True
            self.pipeline.reload()
            self._update_count()

    def open_deal(self, deal_id: str) -> None:
        """Show a deal (a search hit, a link): its card on the board, else its row in the list."""
        self._load_board()
        if self.stack.currentIndex() == BOARD and self.pipeline.select_deal(deal_id):
            return
        self.set_mode(LIST)
        row = find_row(self.model, deal_id)
        if row is None:  # hidden by the list's filters
            for combo in (self.stage_filter, self.status_filter, self.owner_filter):
                combo.blockSignals(True)
                combo.setCurrentIndex(0)
                combo.blockSignals(False)
            self.model.reload(DealQuery())
            row = find_row(self.model, deal_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    # -- actions ----------------------------------------------------------------------------

    def new_deal(self) -> None:
        """An empty deal form, with no card or row selected."""
        for column in self.pipeline.columns.values():
            column.cards.clearSelection()
        self.table.clearSelection()
        self.show_deal(None)
        self.editor.edit_new()

    def _cancel_edit(self) -> None:
        """Put back the selected deal's stored values (or empty the new-deal form)."""
        if self._deal is not None:
            self.editor.edit(self._deal)
        else:
            self.editor.edit_new()

    def move_deal(self, deal_id: str, stage_id: str) -> None:
        """A card dropped on another stage's column."""
        if self._apply(lambda: self._crm.deals.move(deal_id, stage_id)):
            self.pipeline.select_deal(deal_id)

    def mark_won(self) -> None:
        if self._deal is not None:
            deal_id = self._deal.id
            self._apply(lambda: self._crm.deals.win(deal_id))

    def reopen(self) -> None:
        if self._deal is not None:
            deal_id = self._deal.id
            self._apply(lambda: self._crm.deals.reopen(deal_id))

    def ask_lost(self) -> None:
        """Ask for the reason (required by the core) in a window-modal dialog."""
        if self._deal is None:
            return
        self.lost_dialog = LostReasonDialog(self._crm, self._deal, self)
        self.lost_dialog.lost.connect(self._publish)
        self.lost_dialog.open()

    def _apply(self, mutation: Callable[[], Outcome[DealRead]]) -> bool:
        try:
            outcome = mutation()
        except CrmError as error:
            self.show_message(str(error))
            return False
        self._publish(outcome)
        return True

    def _publish(self, outcome: Outcome[DealRead]) -> None:
        self.message.hide()
        self._bus.publish(outcome.changes)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    # -- showing ----------------------------------------------------------------------------

    def set_mode(self, mode: int) -> None:
        self.mode.button(mode).setChecked(True)
        self.stack.setCurrentIndex(mode)
        self.filters.setVisible(mode == LIST)
        keep = self._deal.id if self._deal else None
        if mode == BOARD:
            if not (keep and self.pipeline.select_deal(keep)):
                self.show_deal(self.pipeline.selected_deal_id())
        else:
            row = self.model.row_of(keep) if keep else None
            if row is not None:
                self.table.selectRow(row)
            else:
                self.table.clearSelection()
                self.show_deal(None)
        self._update_count()

    def show_deal(self, deal_id: str | None) -> None:
        """The selected deal's facts and stage history in the side panel."""
        self._deal = self._fetch(deal_id)
        deal = self._deal
        self.won_button.setEnabled(deal is not None and deal.status == "open")
        self.lost_button.setEnabled(deal is not None and deal.status == "open")
        self.reopen_button.setEnabled(deal is not None and deal.status != "open")
        empty_tree(self.history)
        if deal is None:
            self.deal_title.setText(self.tr("No deal selected"))
            self.deal_facts.setText(self.tr("Select a card or a row to see its stage history."))
            if self.editor.editing is not None:  # keep a new deal being typed
                self.editor.edit_new()
            return
        self.editor.edit(deal)
        self.deal_title.setText(deal.title)
        self.deal_facts.setText(self._facts(deal))
        for change in self._crm.deals.stage_history(deal.id):
            stages = (f"{change.from_stage} → {change.to_stage}" if change.from_stage
                      else change.to_stage)
            when = change.at.astimezone().strftime("%Y-%m-%d %H:%M")
            row = QTreeWidgetItem([when, stages])
            row.setToolTip(1, self.tr("By %1").replace("%1", change.actor))
            self.history.addTopLevelItem(row)
        self.history.resizeColumnToContents(0)

    def history_rows(self) -> list[str]:
        """The stage column of the history panel, oldest first."""
        items = (self.history.topLevelItem(i) for i in range(self.history.topLevelItemCount()))
        return [item.text(1) for item in items if item is not None]

    def _fetch(self, deal_id: str | None) -> DealRead | None:
        if not deal_id:
            return None
        try:
            return self._crm.deals.get(deal_id)
        except CrmError:  # deleted meanwhile
            return None

    def _facts(self, deal: DealRead) -> str:
        lines = [
            self.tr("Stage: %1 (%2%)").replace("%1", deal.stage_name)
            .replace("%2", str(deal.probability)),
            self.tr("Status: %1").replace("%1", value_label(deal.status)),
            self.tr("Amount: %1").replace("%1", money_text(deal.amount, deal.currency)),
        ]
        if deal.expected_close:
            lines.append(self.tr("Expected close: %1").replace("%1", deal.expected_close))
        if deal.owner:
            lines.append(self.tr("Owner: %1").replace("%1", deal.owner))
        if deal.lost_reason:
            lines.append(self.tr("Lost because: %1").replace("%1", deal.lost_reason))
        return "\n".join(lines)

    def _table_selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.show_deal(self.model.deal_at(rows[0].row()).id if rows else None)

    def _fill_filters(self) -> None:
        fill_choices(self.stage_filter, ((stage.name, stage.id) for stage in self._crm.deals.stages()))
        fill_choices(self.status_filter, ((value_label(status), status) for status in DEAL_STATUSES))
        self._fill_owners()

    def _fill_owners(self) -> None:
        fill_choices(self.owner_filter, ((owner, owner) for owner in self._crm.deals.owners()))

    def _filter(self) -> None:
        self.model.reload(DealQuery(stage=self.stage_filter.currentData(),
                                    status=self.status_filter.currentData(),
                                    owner=self.owner_filter.currentData()))
        self._update_count()

    def _refresh(self, changes: Changes) -> None:
        if not any(changes.touches(entity) for entity in REFRESHED_BY):
            return
        if changes.touches("company") or changes.touches("contact"):
            self.pipeline.forget_names()
        if changes.touches("stage"):
            self.editor.reload_stages()
            fill_choices(self.stage_filter, ((s.name, s.id) for s in self._crm.deals.stages()))
        if changes.touches("deal"):
            self._fill_owners()
        if self._board_loaded:
            self.pipeline.reload()
        self.model.reload()
        self.show_deal(self._deal.id if self._deal else None)
        self._update_count()

    def _update_count(self) -> None:
        if self.stack.currentIndex() == BOARD:
            open_deals = sum(int(c.count.text() or 0) for c in self.pipeline.columns.values())
            self.count.setText(self.tr("%n open deal(s)", "", open_deals))
        else:
            self.count.setText(self.tr("%n deal(s)", "", self.model.total))

    # -- layout and lock ----------------------------------------------------------------------

    def save_layout(self) -> None:
        self.layout_state.save()
        self._settings.setValue(STATE_KEY + "mode", self.stack.currentIndex())

    def _restore_layout(self) -> None:
        self.layout_state.restore()
        self.set_mode(LIST if str(self._settings.value(STATE_KEY + "mode", BOARD)) == "1" else BOARD)

    def forget(self) -> None:
        """Drop every deal held for display (on lock)."""
        if self.lost_dialog is not None:
            self.lost_dialog.reject()
            self.lost_dialog = None
        self.pipeline.clear()
        self.model.clear()
        self._deal = None
        self.editor.clear()
        empty_tree(self.history)
        self.deal_title.clear()
        self.deal_facts.clear()
        self.count.clear()
