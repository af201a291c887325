"""Desktop polish that a glance can break: navigation icons and the deal board's scroll bars."""

from __future__ import annotations

import re

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QListWidgetItem

from crm_desktop.ui.controllers.shell import Shell
from crm_desktop.ui.controllers.workbench import NAV_ICON_SIZE, NAV_ICONS
from crm_desktop.ui.views.deals_board_view import DEAL_ID_ROLE, BoardView, StageColumnView


def drawn(image: QImage) -> int:
    """How many pixels are not fully transparent."""
    return sum(image.pixelColor(x, y).alpha() > 0
               for x in range(image.width()) for y in range(image.height()))


def test_every_page_in_the_navigation_has_a_sharp_icon(unlocked: Shell) -> None:
    """Each navigation entry shows an icon that is drawn again, not blown up, at twice the scale."""
    assert unlocked.workbench is not None
    nav = unlocked.workbench.nav
    assert nav.iconSize() == QSize(NAV_ICON_SIZE, NAV_ICON_SIZE)
    for row in range(nav.count()):
        icon = nav.item(row).icon()
        sharp = icon.pixmap(nav.iconSize(), 2.0).toImage()
        assert sharp.size() == nav.iconSize() * 2, nav.item(row).text()
        assert drawn(sharp) > 0, nav.item(row).text()


def test_navigation_icons_share_one_grid_and_one_colour() -> None:
    """The navigation icons are outlines on a 24-unit grid, all in the same single colour."""
    colours = set()
    files = sorted(NAV_ICONS.glob("*.svg"))
    assert len(files) == 11
    for path in files:
        svg = path.read_text(encoding="utf-8")
        assert 'viewBox="0 0 24 24"' in svg and 'fill="none"' in svg, path.name
        colours |= set(re.findall(r'(?:stroke|fill)="(#[0-9a-fA-F]{3,6})"', svg))
    assert len(colours) == 1


def test_deal_board_scroll_bars_are_painted_light(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A column with more cards than fit scrolls with a light scroll bar, never a black one."""
    board = BoardView()
    column = StageColumnView("lead", "Lead")
    for number in range(40):
        item = QListWidgetItem(f"Deal {number}")
        item.setData(DEAL_ID_ROLE, str(number))
        column.cards.addItem(item)
    board.add_column(column)
    qtbot.addWidget(board)
    board.resize(600, 400)
    board.show()
    qtbot.waitExposed(board)
    bar = column.cards.verticalScrollBar()
    assert bar.isVisible()
    image = board.grab().toImage()
    top = bar.mapTo(board, bar.rect().topLeft())
    middle = range(top.y() + bar.height() // 4, top.y() + bar.height() * 3 // 4)  # past the arrows
    darkest = min(QColor(image.pixel(top.x() + bar.width() // 2, y)).lightness() for y in middle)
    assert darkest > 150
