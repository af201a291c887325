"""The pipeline board's widgets: a scrolling row of stage columns, each a list of deal cards.

Cards are dragged with Qt's own drag and drop: the drag carries the deal id under DEAL_MIME, and
a column that receives it emits `deal_dropped(deal_id, stage_id)`. Nothing here calls the core;
the board controller decides what a drop means.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMimeData, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDrag,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QPainter,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

DEAL_MIME = "application/x-crm-deal-id"
DEAL_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SUBTITLE_ROLE = Qt.ItemDataRole.UserRole + 2
AMOUNT_ROLE = Qt.ItemDataRole.UserRole + 3
COLUMN_WIDTH = 236

# Card lists take the column's colour and an opaque drop tint: a transparent or translucent
# background on a scroll area reaches its scroll bars, whose grooves then paint black.
BOARD_STYLE = """
QFrame#stageColumn { background: palette(alternate-base); border: 1px solid palette(midlight);
                     border-radius: 6px; }
QLabel#stageTitle { font-weight: bold; }
QLabel#stageCount { color: palette(dark); }
QLabel#stageTotal { color: palette(dark); }
QListWidget { background: palette(alternate-base); border: none; }
QListWidget[dropping="true"] { background: #d8e6ef; border-radius: 4px; }
"""


def deal_mime(deal_id: str) -> QMimeData:
    """What a dragged card carries."""
    data = QMimeData()
    data.setData(DEAL_MIME, deal_id.encode("utf-8"))
    return data


def dragged_deal(data: QMimeData) -> str | None:
    if not data.hasFormat(DEAL_MIME):
        return None
    return bytes(data.data(DEAL_MIME).data()).decode("utf-8") or None


class CardDelegate(QStyledItemDelegate):
    """Paints a deal as a small card: title, then company or contact and the amount."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(COLUMN_WIDTH - 24, option.fontMetrics.height() * 2 + 26)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = option.palette  # type: ignore[attr-defined]
        card = option.rect.adjusted(3, 3, -3, -3)  # type: ignore[attr-defined]
        if index.data(DEAL_ID_ROLE) is None:  # the "and N more" note under the last card
            painter.setPen(palette.placeholderText().color())
            painter.drawText(card, Qt.AlignmentFlag.AlignCenter, str(index.data()))
            painter.restore()
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        painter.setBrush(palette.base())
        border = palette.highlight().color() if selected else palette.mid().color()
        painter.setPen(QPen(border, 2 if selected else 1))
        painter.drawRoundedRect(card, 5, 5)
        self._texts(painter, option, index, card.adjusted(10, 7, -10, -7))
        painter.restore()

    @staticmethod
    def _texts(painter: QPainter, option: QStyleOptionViewItem,
               index: QModelIndex | QPersistentModelIndex, box: QRect) -> None:
        metrics = option.fontMetrics  # type: ignore[attr-defined]
        line = metrics.height()
        bold = QFont(option.font)  # type: ignore[attr-defined]
        bold.setBold(True)
        amount = str(index.data(AMOUNT_ROLE) or "")
        painter.setPen(option.palette.text().color())  # type: ignore[attr-defined]
        painter.setFont(bold)
        title = painter.fontMetrics().elidedText(str(index.data()), Qt.TextElideMode.ElideRight,
                                                 box.width())
        painter.drawText(QRect(box.left(), box.top(), box.width(), line),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        second = QRect(box.left(), box.bottom() - line, box.width(), line)
        painter.drawText(second, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, amount)
        amount_width = painter.fontMetrics().horizontalAdvance(amount) + 12
        painter.setFont(option.font)  # type: ignore[attr-defined]
        painter.setPen(QColor(option.palette.placeholderText().color()))  # type: ignore[attr-defined]
        subtitle = metrics.elidedText(str(index.data(SUBTITLE_ROLE) or ""),
                                      Qt.TextElideMode.ElideRight, box.width() - amount_width)
        painter.drawText(second, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, subtitle)


class DealCardList(QListWidget):
    """One stage's cards. Drag a card out; drop a card in to ask for a move to `stage_id`."""

    deal_dropped = Signal(str, str)

    def __init__(self, stage_id: str) -> None:
        super().__init__()
        self.stage_id = stage_id
        self.setItemDelegate(CardDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setSpacing(1)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

    # -- what a drag carries ----------------------------------------------------------------

    def mimeTypes(self) -> list[str]:
        return [DEAL_MIME]

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:
        ids = [item.data(DEAL_ID_ROLE) for item in items if item.data(DEAL_ID_ROLE)]
        return deal_mime(ids[0] if ids else "")

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        """Drag the current card; the board redraws itself after a move, so the source
        never removes the item (as QAbstractItemView would on a MoveAction)."""
        item = self.currentItem()
        if item is None or not item.data(DEAL_ID_ROLE):
            return
        drag = QDrag(self)
        drag.setMimeData(self.mimeData([item]))
        drag.setPixmap(self.viewport().grab(self.visualItemRect(item)))
        drag.exec(Qt.DropAction.MoveAction)

    # -- receiving a drop -------------------------------------------------------------------

    def dropMimeData(self, index: int, data: QMimeData, action: Qt.DropAction) -> bool:
        deal_id = dragged_deal(data)
        if deal_id is None:
            return False
        self.deal_dropped.emit(deal_id, self.stage_id)
        return True

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._accept_if_foreign(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._accept_if_foreign(event)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._highlight(False)
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        self._highlight(False)
        if event.source() is not self and self.dropMimeData(self.count(), event.mimeData(),
                                                            Qt.DropAction.MoveAction):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def _accept_if_foreign(self, event: QDragMoveEvent) -> None:
        wanted = event.source() is not self and dragged_deal(event.mimeData()) is not None
        self._highlight(wanted)
        if wanted:
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def _highlight(self, on: bool) -> None:
        if self.property("dropping") != on:
            self.setProperty("dropping", on)
            self.style().unpolish(self)
            self.style().polish(self)


class StageColumnView(QFrame):
    """A stage's header (name, count, totals) over its card list."""

    def __init__(self, stage_id: str, name: str) -> None:
        super().__init__()
        self.setObjectName("stageColumn")
        self.setFixedWidth(COLUMN_WIDTH)
        self.title = QLabel(name)
        self.title.setObjectName("stageTitle")
        self.count = QLabel()
        self.count.setObjectName("stageCount")
        self.total = QLabel()
        self.total.setObjectName("stageTotal")
        self.total.setWordWrap(True)
        self.cards = DealCardList(stage_id)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.count)
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 8, 8, 6)
        column.setSpacing(4)
        column.addLayout(head)
        column.addWidget(self.total)
        column.addWidget(self.cards, 1)


class BoardView(QScrollArea):
    """Stage columns side by side, scrolling sideways when they do not fit."""

    def __init__(self) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setStyleSheet(BOARD_STYLE)
        self.row = QWidget()
        self.columns_layout = QHBoxLayout(self.row)
        self.columns_layout.setContentsMargins(2, 2, 2, 2)
        self.columns_layout.setSpacing(8)
        self.columns_layout.addStretch(1)
        self.setWidget(self.row)

    def add_column(self, column: StageColumnView) -> None:
        self.columns_layout.insertWidget(self.columns_layout.count() - 1, column)
