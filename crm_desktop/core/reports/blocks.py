"""Building blocks of report pages: headings, notes, label/value grids, key figures, footnotes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from crm_desktop.core.reports import style
from crm_desktop.core.reports.columns import Column, Plan, Row, rows_of
from crm_desktop.core.reports.columns import plan as plan_columns
from crm_desktop.core.reports.formatting import Formatter
from crm_desktop.core.reports.progress import Steps
from crm_desktop.core.reports.table import PagedTable, data_table


@dataclass(frozen=True)
class Sheet:
    """What a report's pages are laid out with: its formatter and the frame's size (points)."""

    fmt: Formatter
    width: float
    height: float
    steps: Steps | None = None

    def tr(self, message: str) -> str:
        return self.fmt.tr(message)

    def plan(self, columns: Sequence[Column], rows: Iterable[Row | Sequence[str]]) -> Plan:
        """One plan for several tables of the same columns, so that they line up."""
        return plan_columns(columns, rows_of(rows), self.width)

    def table(self, columns: Sequence[Column], rows: Iterable[Row | Sequence[str]],
              shared: Plan | None = None) -> PagedTable:
        on_rows = self.steps.rows_placed if self.steps else None
        table = data_table(columns, rows, self.width, self.height, on_rows, shared)
        if self.steps:
            self.steps.plan_rows(table.row_count)
        return table


@dataclass(frozen=True)
class Figure:
    label: str
    value: str
    note: int | None = None  # the number of the footnote that defines it
    detail: str = ""         # what it is based on, e.g. "10 won of 16 closed"


def text(content: str, kind: str = "body") -> Paragraph:
    return Paragraph(style.markup(content), style.styles()[kind])


class Heading(Paragraph):
    """A heading never ends a page: with less room left than it and the first lines of what
    follows need (`room`), it moves to the next page. (keepWithNext would move all of what
    follows along: a whole table, a note longer than the page.)"""

    def __init__(self, content: str, kind: str, room: float = 64.0) -> None:
        super().__init__(style.markup(content), style.styles()[kind])
        self.room = room

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        width, height = super().wrap(availWidth, availHeight)
        return (width, availHeight + 1) if availHeight < height + self.room else (width, height)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []


def heading(content: str) -> Paragraph:
    return Heading(content, "h2")


def subheading(content: str) -> Paragraph:
    return Heading(content, "h3")


def lead_in(content: str) -> Paragraph:
    """A small label line kept with the first lines of the text under it (a note's date)."""
    return Heading(content, "fact_label", room=2 * style.BODY_LEADING)


def empty(content: str) -> Paragraph:
    """Stands where a table would be when there is nothing to list."""
    return text(content, "empty")


def gap(points: float = 6) -> Spacer:
    return Spacer(1, points)


def facts(pairs: Sequence[tuple[str, str]], width: float, per_row: int = 2) -> Table | Spacer:
    """Label/value pairs, `per_row` pairs side by side; empty values are left out."""
    shown = [(label, value) for label, value in pairs if value]
    if not shown:
        return gap(0)
    cells: list[list[Paragraph | str]] = []
    for start in range(0, len(shown), per_row):
        line: list[Paragraph | str] = []
        for label, value in shown[start:start + per_row]:
            line += [text(label, "fact_label"), Paragraph(style.markup(value), style.cell_style())]
        line += [""] * (2 * per_row - len(line))
        cells.append(line)
    label_width, value_width = 0.13 * width * 2 / per_row, 0.37 * width * 2 / per_row
    table = Table(cells, colWidths=[label_width, value_width] * per_row)
    table.setStyle(style.grid_style(("VALIGN", (0, 0), (-1, -1), "TOP"),
                                    ("LEFTPADDING", (0, 0), (-1, -1), 3),
                                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                                    ("LINEBELOW", (0, 0), (-1, -1), 0.3, style.RULE)))
    return table


def figures(items: Sequence[Figure], width: float, per_row: int = 3) -> Table:
    """Key figures as cards: the value large, its label and footnote number below."""
    cards = [[text(item.value, "figure"),
              text(item.label + (f" ({item.note})" if item.note else ""), "figure_label"),
              *([text(item.detail, "footnote")] if item.detail else [])]
             for item in items]
    cells: list[list[Any]] = [cards[start:start + per_row]
                              for start in range(0, len(cards), per_row)]
    for line in cells:
        line += [""] * (per_row - len(line))
    table = Table(cells, colWidths=[width / per_row] * per_row)
    table.setStyle(style.grid_style(("VALIGN", (0, 0), (-1, -1), "TOP"),
                                    ("BOX", (0, 0), (-1, -1), 0.4, style.RULE),
                                    ("INNERGRID", (0, 0), (-1, -1), 0.4, style.RULE),
                                    ("BACKGROUND", (0, 0), (-1, -1), style.ZEBRA),
                                    ("TOPPADDING", (0, 0), (-1, -1), 6),
                                    ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                                    ("LEFTPADDING", (0, 0), (-1, -1), 8)))
    return table


def footnotes(title: str, lines: Sequence[str]) -> Flowable:
    """Numbered definitions, kept together at the end of the report."""
    parts: list[Flowable] = [text(title, "h3")]
    parts += [text(f"({number}) {line}", "footnote") for number, line in enumerate(lines, 1)]
    return KeepTogether(parts)
