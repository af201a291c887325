"""Service report pages: key figures, four breakdowns side by side, resolution, satisfaction."""

from __future__ import annotations

from dataclasses import replace

from reportlab.platypus import Flowable, KeepTogether, Table

from crm_desktop.core.i18n import N_
from crm_desktop.core.reports import style
from crm_desktop.core.reports.blocks import Figure, Sheet, empty, figures, gap, heading, text
from crm_desktop.core.reports.chart import bar_chart
from crm_desktop.core.reports.columns import Column
from crm_desktop.core.reports.datasets.service import RATINGS, ServiceSummary

GUTTER = 14
CHART_HEIGHT = 140


def render(data: ServiceSummary, sheet: Sheet) -> list[Flowable]:
    tr, fmt = sheet.tr, sheet.fmt
    if not data.total:
        return [empty(tr(N_("No service logs were opened in this period.")))]
    rated = sum(data.ratings.values())
    story: list[Flowable] = [figures([
        Figure(tr(N_("Logs opened")), fmt.number(data.total)),
        Figure(tr(N_("Resolved or closed")), fmt.number(data.resolved)),
        Figure(tr(N_("Average resolution time")), fmt.duration(data.average_resolution)),
        Figure(tr(N_("Longest resolution time")), fmt.duration(data.longest_resolution)),
        Figure(tr(N_("Average satisfaction")),
               f"{fmt.decimal(data.average_rating)} / 5" if data.average_rating else "—"),
        Figure(tr(N_("Rated logs")), fmt.number(rated))], sheet.width)]
    story += [heading(tr(N_("Logs by status, priority, channel and category"))),
              _breakdowns(data, sheet)]
    story += _longest(data, sheet)
    story += _satisfaction(data, sheet)
    story += [gap(10), text(tr(N_("Counted: the service logs opened in the period. Resolution "
                                  "time: from opening to resolving, for the logs resolved "
                                  "since.")), "footnote")]
    return story


def _count_columns(title: str, sheet: Sheet) -> list[Column]:
    tr = sheet.tr
    return [Column(title, 56), Column(tr(N_("Logs")), 20, "RIGHT"),
            Column(tr(N_("Share")), 24, "RIGHT")]


def _count_rows(counts: list[tuple[str, int]], total: int, sheet: Sheet,
                code_labels: bool = True) -> list[list[str]]:
    tr, fmt = sheet.tr, sheet.fmt
    return [[fmt.label(code) if code_labels else (code or tr(N_("(no category)"))),
             fmt.number(count), fmt.percent(count / total)] for code, count in counts]


def _breakdowns(data: ServiceSummary, sheet: Sheet) -> Flowable:
    """Four count tables in a grid, sharing one column plan so that their columns line up."""
    tr = sheet.tr
    half = replace(sheet, width=(sheet.width - GUTTER) / 2)
    parts = [(tr(N_("Status")), _count_rows(data.by_status, data.total, sheet)),
             (tr(N_("Priority")), _count_rows(data.by_priority, data.total, sheet)),
             (tr(N_("Channel")), _count_rows(data.by_channel, data.total, sheet)),
             (tr(N_("Category")), _count_rows(data.by_category, data.total, sheet, False))]
    widest = max((title for title, _rows in parts), key=len)
    shared = half.plan(_count_columns(widest, sheet), [row for _t, rows in parts for row in rows])
    tables = [half.table(_count_columns(title, sheet), rows, shared) for title, rows in parts]
    grid = Table([tables[:2], tables[2:]], colWidths=[half.width + GUTTER, half.width])
    grid.setStyle(style.grid_style(("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (0, -1), GUTTER),
                                   ("RIGHTPADDING", (1, 0), (1, -1), 0),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 10)))
    return grid


def _longest(data: ServiceSummary, sheet: Sheet) -> list[Flowable]:
    tr, fmt = sheet.tr, sheet.fmt
    if data.longest is None:
        return [text(tr(N_("None of these logs has been resolved yet.")), "muted")]
    log = data.longest
    line = tr(N_("Longest resolution: \"{subject}\"{contact}, opened {opened}, resolved after "
                 "{duration}.")).format(
        subject=log.subject, contact=f" ({data.longest_contact})" if data.longest_contact else "",
        opened=fmt.date(log.opened_at), duration=fmt.duration(data.longest_resolution))
    return [text(line)]


def _satisfaction(data: ServiceSummary, sheet: Sheet) -> list[Flowable]:
    tr, fmt = sheet.tr, sheet.fmt
    story: list[Flowable] = [heading(tr(N_("Satisfaction")))]
    rated = sum(data.ratings.values())
    if not rated:
        return story + [empty(tr(N_("No customer rated the service in this period.")))]
    columns = [Column(tr(N_("Rating")), 40), Column(tr(N_("Logs")), 30, "RIGHT"),
               Column(tr(N_("Share")), 30, "RIGHT")]
    half = replace(sheet, width=(sheet.width - GUTTER) / 2)
    table = half.table(columns, ([f"{rating} / 5", fmt.number(data.ratings[rating]),
                                  fmt.percent(data.ratings[rating] / rated)] for rating in RATINGS))
    chart = bar_chart([f"{rating}/5" for rating in RATINGS],
                      [(tr(N_("Logs")), [data.ratings[r] for r in RATINGS])],
                      half.width, CHART_HEIGHT, lambda value: fmt.number(int(value)))
    grid = Table([[table, chart]], colWidths=[half.width + GUTTER, half.width])
    grid.setStyle(style.grid_style(("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (0, -1), GUTTER)))
    return story + [KeepTogether([grid])]
