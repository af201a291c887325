"""Table columns: what they hold, and how wide each gets so that as little as possible wraps."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from crm_desktop.core.reports import style
from crm_desktop.core.reports.fonts import printable, text_width

PAD_X = 4.0  # left and right padding of every cell
# A word: a run of non-space characters, except that each Chinese (CJK) character stands alone.
_CJK = "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
_WORD = re.compile(f"[{_CJK}]|[^\\s{_CJK}]+")
MAX_CELL_CHARS = 400  # a row never outgrows a page; longer text belongs in a paragraph
MAX_UNBROKEN = 0.3  # a word wider than this share of the table is cut rather than made room for


@dataclass(frozen=True)
class Column:
    title: str
    share: float            # of the width, when every column's content needs more than it has
    align: str = "LEFT"     # LEFT, RIGHT or CENTER
    optional: bool = False  # left out when no row has anything in it


@dataclass(frozen=True)
class Row:
    cells: Sequence[str]
    total: bool = False     # a sum row: set apart by a rule and a tint


def clipped(text: str) -> str:
    """At most MAX_CELL_CHARS, every character one the font can draw."""
    return printable(text if len(text) <= MAX_CELL_CHARS else text[:MAX_CELL_CHARS - 1] + "…")


def natural_width(text: str) -> float:
    """The width the text takes unwrapped (its longest line), paddings included."""
    return max(text_width(line, style.CELL_SIZE) for line in text.split("\n")) + 2 * PAD_X


@dataclass(frozen=True)
class Plan:
    """The columns a table shows (`keep`: their places among those asked for) and their widths;
    tables that follow one another (an agenda's days) share one, so their columns line up."""

    columns: list[Column]
    keep: list[int]
    widths: list[float]


def rows_of(rows: Iterable[Row | Sequence[str]]) -> list[Row]:
    return [Row([clipped(text) for text in row.cells], row.total) if isinstance(row, Row)
            else Row([clipped(text) for text in row]) for row in rows]


def plan(columns: Sequence[Column], rows: Sequence[Row], width: float,
         naturals: Sequence[Sequence[float]] | None = None) -> Plan:
    """Leave out the optional columns no row fills, and fit the widths to what the rows hold
    (`naturals`: their cells' natural widths, when already measured)."""
    keep = [i for i, column in enumerate(columns)
            if not column.optional or any(row.cells[i] for row in rows)]
    if naturals is None:
        naturals = [[natural_width(text) for text in row.cells] for row in rows]
    shown = [columns[i] for i in keep]
    desired = [max([natural_width(shown[k].title), *(line[i] for line in naturals)])
               for k, i in enumerate(keep)]
    unbroken = [_widest_word(shown[k], i, rows, naturals, width * shown[k].share
                             / sum(c.share for c in shown)) for k, i in enumerate(keep)]
    return Plan(shown, keep, fit_widths(shown, desired, unbroken, width))


def _widest_word(column: Column, index: int, rows: Sequence[Row],
                 naturals: Sequence[Sequence[float]], share: float) -> float:
    """Only cells wider than the column's share can wrap, so only those are split into words
    (a 5,000-row list stays fast)."""
    wide = [row.cells[index] for row, line in zip(rows, naturals, strict=True)
            if line[index] > share]
    return max(longest_word(text) for text in (column.title, *wide))


def longest_word(text: str) -> float:
    """The width below which a word of the text is cut in two (Chinese breaks anywhere)."""
    words = _WORD.findall(text)
    return max((text_width(word, style.CELL_SIZE) for word in words), default=0) + 2 * PAD_X


def fit_widths(columns: Sequence[Column], desired: Sequence[float], unbroken: Sequence[float],
               width: float) -> list[float]:
    """Column widths filling `width`: each column's share, or less when its widest cell needs
    less; then room for its longest word, taken first from columns that wrap anyway (an e-mail
    address is not cut while a company name goes on two lines); then the room left goes to
    the columns that need least to fit unwrapped, evenly to the rest, then by share."""
    total_share = sum(column.share for column in columns)
    base = [width * column.share / total_share for column in columns]
    floor = [min(u, d, MAX_UNBROKEN * width) for u, d in zip(unbroken, desired, strict=True)]
    widths = [min(b, d) for b, d in zip(base, desired, strict=True)]
    if sum(floor) < width:
        wrapping = [i for i, w in enumerate(widths) if desired[i] > w > floor[i]]
        others = [i for i, w in enumerate(widths) if w > floor[i] and i not in wrapping]
        widths = [max(w, f) for w, f in zip(widths, floor, strict=True)]
        excess = _narrowed(widths, floor, wrapping, sum(widths) - width)
        _narrowed(widths, floor, others, excess)
    return _filled(widths, desired, base, width)


def _narrowed(widths: list[float], floor: Sequence[float], donors: Sequence[int],
              excess: float) -> float:
    """Take up to `excess` from `donors`, each in proportion to its room above its floor;
    what could not be taken."""
    slack = sum(widths[i] - floor[i] for i in donors)
    if excess <= 0 or slack <= 0:
        return max(excess, 0.0)
    part = min(1.0, excess / slack)
    for i in donors:
        widths[i] -= (widths[i] - floor[i]) * part
    return excess - slack * part


def _filled(widths: list[float], desired: Sequence[float], base: Sequence[float],
            width: float) -> list[float]:
    spare = width - sum(widths)
    hungry = sorted((i for i in range(len(widths)) if desired[i] > widths[i]),
                    key=lambda i: desired[i] - widths[i])
    for place, index in enumerate(hungry):
        give = min(desired[index] - widths[index], spare / (len(hungry) - place))
        widths[index] += give
        spare -= give
    return [w + spare * b / width for w, b in zip(widths, base, strict=True)]
