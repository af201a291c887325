"""Tables that wrap Chinese and Latin text in their cells and stay fast at thousands of rows.

reportlab's Table measures every remaining row again at each page break, and a Paragraph per
cell costs ~0.1 ms to wrap: a 5,000-row list took 4–5 s that way. Here each row is measured once,
cells that fit on one line stay plain strings (no wrapping needed), and the rows are cut into
page-sized tables, each with the column headings, as the frame asks for them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from itertools import accumulate
from typing import Any

from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from crm_desktop.core.reports import style
from crm_desktop.core.reports.columns import PAD_X, Column, Plan, Row, natural_width, plan, rows_of

PAD_Y = 2.6


def _cell(text: str, natural: float, width: float, align: str,
          header: bool = False) -> tuple[Any, float]:
    """The cell (a string when it fits on one line) and its height, paddings included."""
    if natural <= width and "\n" not in text:
        return text, style.CELL_LEADING + 2 * PAD_Y
    paragraph = Paragraph(style.markup(text), style.cell_style(align, header))
    _w, height = paragraph.wrap(width - 2 * PAD_X, 10_000)
    return paragraph, height + 2 * PAD_Y


def _measure(cells: Sequence[str], naturals: Sequence[float], columns: Sequence[Column],
             widths: Sequence[float], header: bool = False) -> tuple[list[Any], float]:
    made = [_cell(text, natural, width, column.align, header)
            for text, natural, width, column in zip(cells, naturals, widths, columns, strict=True)]
    return [cell for cell, _h in made], max(height for _c, height in made)


class PagedTable(Flowable):
    """Rows measured once, handed out a page at a time, each page's part with the headings."""

    def __init__(self, columns: Sequence[Column], rows: list[tuple[list[Any], float, bool]],
                 widths: list[float], header: tuple[list[Any], float], page_height: float,
                 on_rows: Callable[[int], None] | None = None) -> None:
        super().__init__()
        self._columns, self._rows, self._widths = columns, rows, widths
        self._header, self._page_height, self._on_rows = header, page_height, on_rows
        self._ends = list(accumulate(height for _c, height, _t in rows))

    @property
    def row_count(self) -> int:
        return len(self._rows)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = sum(self._widths)
        self.height = self._header[1] + (self._ends[-1] if self._ends else 0)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        count = bisect_right(self._ends, availHeight - self._header[1] + 0.01)
        if count == 0:
            if availHeight < 0.9 * self._page_height:
                return []  # try again at the top of the next page
            count = 1  # taller than a page (cannot happen with capped cells): let it overflow
        rest = self._rows[count:]
        first = self._table(self._rows[:count])
        if not rest:
            return [first]
        return [first, PagedTable(self._columns, rest, self._widths, self._header,
                                  self._page_height, self._on_rows)]

    def draw(self) -> None:
        table = self._table(self._rows)
        table.wrapOn(self.canv, self.width, self.height)
        table.drawOn(self.canv, 0, 0)

    def _table(self, rows: list[tuple[list[Any], float, bool]]) -> Table:
        if self._on_rows:
            self._on_rows(len(rows))
        data = [self._header[0], *(cells for cells, _h, _t in rows)]
        heights = [self._header[1], *(height for _c, height, _t in rows)]
        totals = [index + 1 for index, (_c, _h, total) in enumerate(rows) if total]
        return Table(data, colWidths=self._widths, rowHeights=heights,
                     style=_table_style(self._columns, totals))


def _table_style(columns: Sequence[Column], totals: list[int]) -> TableStyle:
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), style.font()),
        ("FONTSIZE", (0, 0), (-1, -1), style.CELL_SIZE),
        ("LEADING", (0, 0), (-1, -1), style.CELL_LEADING),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD_X), ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
        ("TOPPADDING", (0, 0), (-1, -1), PAD_Y), ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_Y),
        ("BACKGROUND", (0, 0), (-1, 0), style.ACCENT),
        ("TEXTCOLOR", (0, 0), (-1, 0), style.WHITE),
        ("TEXTCOLOR", (0, 1), (-1, -1), style.INK),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [style.WHITE, style.ZEBRA]),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, style.RULE),
    ]
    commands += [("ALIGN", (i, 0), (i, -1), c.align) for i, c in enumerate(columns)]
    for row in totals:
        commands += [("BACKGROUND", (0, row), (-1, row), style.TINT),
                     ("LINEABOVE", (0, row), (-1, row), 0.8, style.ACCENT)]
    return TableStyle(commands)


def data_table(columns: Sequence[Column], rows: Iterable[Row | Sequence[str]], width: float,
               page_height: float, on_rows: Callable[[int], None] | None = None,
               shared: Plan | None = None) -> PagedTable:
    """A table of `rows` (texts) under `columns`, `width` points wide (or as `shared` plans)."""
    entries = rows_of(rows)
    naturals = [[natural_width(text) for text in entry.cells] for entry in entries]
    layout = shared or plan(columns, entries, width, naturals)
    shown = [columns[i] for i in layout.keep]  # a shared plan gives the widths, not the titles
    measured = []
    for entry, line in zip(entries, naturals, strict=True):
        cells, height = _measure([entry.cells[i] for i in layout.keep],
                                 [line[i] for i in layout.keep], shown, layout.widths)
        measured.append((cells, height, entry.total))
    titles = [column.title for column in shown]
    header = _measure(titles, [natural_width(title) for title in titles], shown, layout.widths,
                      header=True)
    return PagedTable(shown, measured, layout.widths, header, page_height, on_rows)
