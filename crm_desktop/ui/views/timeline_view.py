"""A record's timeline layout: a heading, the quick actions, and the entries newest first."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QIcon,
    QPainter,
    QPalette,
    QPixmap,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QListWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

ICON_SIZE = 28
PAD = 6
META_ROLE = Qt.ItemDataRole.UserRole + 2  # the grey second line: time, kind, status, who
Index = QModelIndex | QPersistentModelIndex
# kind: (badge colour, glyph); glyphs that every common font (and the CJK ones) carries
BADGES = {
    "call": ("#2e7d32", "☎"), "note": ("#5d6d7e", "✎"), "meeting": ("#6a1b9a", "◎"),
    "email": ("#1565c0", "✉"), "service": ("#e65100", "⚙"), "deal": ("#00838f", "◆"),
    "reminder": ("#c62828", "⚑"), "history": ("#9e9e9e", "✱"), "person": ("#3949ab", "●"),
}


@cache
def badge_icon(kind: str) -> QIcon:
    """A round coloured badge with the kind's glyph, drawn at twice the size for high DPI."""
    colour, glyph = BADGES.get(kind, BADGES["note"])
    pixmap = QPixmap(ICON_SIZE * 2, ICON_SIZE * 2)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(QRectF(2, 2, ICON_SIZE * 2 - 4, ICON_SIZE * 2 - 4))
    font = QFont()
    font.setPixelSize(int(ICON_SIZE * 1.1))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, glyph)
    painter.end()
    pixmap.setDevicePixelRatio(2.0)
    return QIcon(pixmap)


class EntryDelegate(QStyledItemDelegate):
    """An entry: its badge, the main text wrapped to the width, and a smaller grey line below.

    Text is measured with QTextDocument so lines in a fallback (CJK) font get their full height.
    """

    def _documents(self, option: QStyleOptionViewItem, index: Index,
                   width: int) -> tuple[QTextDocument, QTextDocument]:
        title = QTextDocument()
        title.setDocumentMargin(0)
        title.setDefaultFont(option.font)  # type: ignore[attr-defined]
        title.setPlainText(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        title.setTextWidth(width)
        meta = QTextDocument()
        meta.setDocumentMargin(0)
        small = QFont(option.font)  # type: ignore[attr-defined]
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.9))
        meta.setDefaultFont(small)
        meta.setPlainText(str(index.data(META_ROLE) or ""))
        meta.setTextWidth(width)
        return title, meta

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        view = option.widget  # type: ignore[attr-defined]
        full = view.viewport().width() if isinstance(view, QAbstractItemView) else 360
        return max(120, full - ICON_SIZE - 4 * PAD)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        width = self._text_width(option)
        title, meta = self._documents(option, index, width)
        height = int(title.size().height() + meta.size().height()) + 2 * PAD + 2
        return QSize(width + ICON_SIZE + 2 * PAD, max(height, ICON_SIZE + 2 * PAD))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        rect = option.rect  # type: ignore[attr-defined]
        widget = option.widget  # type: ignore[attr-defined]
        style = widget.style() if widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter,
                                widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(icon, QIcon):
            icon.paint(painter, rect.x() + PAD, rect.y() + PAD, ICON_SIZE, ICON_SIZE)
        title, meta = self._documents(option, index, rect.width() - ICON_SIZE - 3 * PAD)
        palette: QPalette = option.palette  # type: ignore[attr-defined]
        text = palette.color(QPalette.ColorRole.HighlightedText if selected
                             else QPalette.ColorRole.Text)
        grey = text if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        left = rect.x() + ICON_SIZE + 2 * PAD
        top = rect.y() + PAD
        self._draw(painter, title, QPointF(left, top), text)
        self._draw(painter, meta, QPointF(left, top + title.size().height() + 2), grey)

    @staticmethod
    def _draw(painter: QPainter, document: QTextDocument, at: QPointF, colour: QColor) -> None:
        painter.save()
        painter.translate(at)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, colour)
        document.documentLayout().draw(painter, context)
        painter.restore()


class TimelineView(QWidget):
    def __init__(self, actions: QWidget) -> None:
        super().__init__()
        self.heading = QLabel()
        self.heading.setObjectName("formHeading")
        self.heading.setWordWrap(True)
        self.action_bar = actions
        self.entries_list = QListWidget()
        self.entries_list.setObjectName("timeline")
        self.entries_list.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.entries_list.setItemDelegate(EntryDelegate(self.entries_list))
        self.entries_list.setSpacing(1)
        self.entries_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.entries_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.entries_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.entries_list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.entries_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: palette(mid); padding: 24px;")
        self._lay_out()

    def _lay_out(self) -> None:
        column = QVBoxLayout(self)
        column.addWidget(self.heading)
        column.addWidget(self.action_bar)
        column.addWidget(self.entries_list, 1)
        column.addWidget(self.empty, 1)
