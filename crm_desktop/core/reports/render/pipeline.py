"""Pipeline and forecast pages: stages with a chart, months, won and lost, the largest deals."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from reportlab.platypus import Flowable, KeepTogether

from crm_desktop.core.i18n import N_
from crm_desktop.core.reports.blocks import Sheet, empty, gap, heading, subheading, text
from crm_desktop.core.reports.chart import bar_chart
from crm_desktop.core.reports.columns import Column, Row
from crm_desktop.core.reports.datasets.pipeline import LATER, OVERDUE, UNDATED, Group, Pipeline
from crm_desktop.core.reports.datasets.sums import merged, weighted

CHART_HEIGHT = 170


def render(data: Pipeline, sheet: Sheet) -> list[Flowable]:
    tr = sheet.tr
    story: list[Flowable] = [heading(tr(N_("Open deals by stage")))]
    if any(group.count for group in data.stages):
        story += [_stage_table(data.stages, sheet), gap(8), _chart(data, sheet)]
        story += [heading(tr(N_("Expected closes by month"))), _month_table(data, sheet)]
    else:
        story.append(empty(tr(N_("No open deals."))))
    story += _closed(data, sheet)
    story += _largest(data, sheet)
    story += [gap(10), text(tr(N_("Weighted value: a deal's amount × the probability of its "
                                  "stage. Amounts in different currencies are never added "
                                  "together.")), "footnote")]
    return story


def _totals_row(groups: Sequence[Group], sheet: Sheet, label_cells: int) -> Row:
    amount = merged(*(g.amount for g in groups))
    value = merged(*(g.weighted for g in groups))
    count = sheet.fmt.number(sum(g.count for g in groups))
    return Row([sheet.tr(N_("Total")), *[""] * (label_cells - 1), count,
                sheet.fmt.totals(amount), sheet.fmt.totals(value)], total=True)


def _stage_table(stages: list[Group], sheet: Sheet) -> Flowable:
    tr, fmt = sheet.tr, sheet.fmt
    columns = [Column(tr(N_("Stage")), 30), Column(tr(N_("Probability")), 12, "RIGHT"),
               Column(tr(N_("Deals")), 10, "RIGHT"), Column(tr(N_("Amount")), 24, "RIGHT"),
               Column(tr(N_("Weighted value")), 24, "RIGHT")]
    rows = [Row([g.label, fmt.percent(g.probability / 100), fmt.number(g.count),
                 fmt.totals(g.amount), fmt.totals(g.weighted)]) for g in stages]
    return sheet.table(columns, [*rows, _totals_row(stages, sheet, 2)])


def _chart(data: Pipeline, sheet: Sheet) -> Flowable:
    tr, fmt = sheet.tr, sheet.fmt
    amounts = [float(g.amount.get(data.currency, Decimal(0))) for g in data.stages]
    values = [float(g.weighted.get(data.currency, Decimal(0))) for g in data.stages]
    drawing = bar_chart([g.label for g in data.stages],
                        [(tr(N_("Amount")), amounts), (tr(N_("Weighted value")), values)],
                        sheet.width, CHART_HEIGHT, fmt.compact)
    caption = tr(N_("Open deals by stage, in {currency}")).format(currency=data.currency)
    return KeepTogether([text(caption, "muted"), drawing])


def _month_label(group: Group, sheet: Sheet) -> str:
    labels = {OVERDUE: N_("Overdue (expected before this month)"), LATER: N_("Later"),
              UNDATED: N_("No expected close date")}
    return sheet.tr(labels[group.key]) if group.key in labels else sheet.fmt.month(group.key)


def _month_table(data: Pipeline, sheet: Sheet) -> Flowable:
    tr, fmt = sheet.tr, sheet.fmt
    columns = [Column(tr(N_("Expected close")), 42), Column(tr(N_("Deals")), 10, "RIGHT"),
               Column(tr(N_("Amount")), 24, "RIGHT"),
               Column(tr(N_("Weighted value")), 24, "RIGHT")]
    rows = [Row([_month_label(g, sheet), fmt.number(g.count), fmt.totals(g.amount),
                 fmt.totals(g.weighted)]) for g in data.months]
    return sheet.table(columns, [*rows, _totals_row(data.months, sheet, 1)])


def _closed(data: Pipeline, sheet: Sheet) -> list[Flowable]:
    tr, fmt = sheet.tr, sheet.fmt
    story: list[Flowable] = [heading(tr(N_("Won and lost in the period")))]
    closed = data.won.count + data.lost.count
    if not closed:
        return story + [empty(tr(N_("No deals were won or lost in this period.")))]
    columns = [Column(tr(N_("Outcome")), 42), Column(tr(N_("Deals")), 18, "RIGHT"),
               Column(tr(N_("Amount")), 40, "RIGHT")]
    rows = [[fmt.label("won"), fmt.number(data.won.count), fmt.totals(data.won.amount)],
            [fmt.label("lost"), fmt.number(data.lost.count), fmt.totals(data.lost.amount)]]
    story += [sheet.table(columns, rows), gap(4),
              text(tr(N_("Win rate: {rate} of the deals closed in the period were won."))
                   .format(rate=fmt.percent(data.won.count / closed)))]
    story.append(subheading(tr(N_("Reasons for lost deals"))))
    if not data.reasons:
        return story + [empty(tr(N_("No deals were lost in this period.")))]
    columns = [Column(tr(N_("Lost reason")), 60), Column(tr(N_("Deals")), 15, "RIGHT"),
               Column(tr(N_("Amount")), 25, "RIGHT")]
    story.append(sheet.table(columns, ([reason or tr(N_("(no reason given)")),
                                        fmt.number(entry.count), fmt.totals(entry.amount)]
                                       for reason, entry in data.reasons)))
    return story


def _largest(data: Pipeline, sheet: Sheet) -> list[Flowable]:
    tr, fmt = sheet.tr, sheet.fmt
    if not data.largest:
        return []
    columns = [Column(tr(N_("Deal")), 22), Column(tr(N_("Customer")), 24),
               Column(tr(N_("Stage")), 14), Column(tr(N_("Expected close")), 14),
               Column(tr(N_("Amount")), 13, "RIGHT"), Column(tr(N_("Weighted value")), 13, "RIGHT")]
    rows = ([d.title, data.parties.get(d.id, ""), d.stage_name, fmt.date(d.expected_close),
             fmt.money(d.amount, d.currency), fmt.money(weighted(d.amount, d.probability),
                                                        d.currency)]
            for d in data.largest)
    return [heading(tr(N_("Largest open deals"))), sheet.table(columns, rows)]
