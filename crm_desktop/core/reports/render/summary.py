"""The business summary: nine key figures as cards, each numbered to its definition below."""

from __future__ import annotations

from reportlab.platypus import Flowable

from crm_desktop.core.i18n import N_
from crm_desktop.core.reports.blocks import Figure, Sheet, figures, footnotes, gap
from crm_desktop.core.reports.datasets.summary import Summary
from crm_desktop.core.reports.formatting import NONE


def _or_none(shown: str, value: object) -> str:
    return shown if value else NONE

DEFINITIONS = (
    N_("New contacts: the contacts added in the period (not counting those since deleted)."),
    N_("New customers: the companies (or contacts without a company) whose first won deal "
       "closed in the period."),
    N_("Lead-to-customer conversion: of the contacts added in the period, the share whose "
       "lifecycle stage is now \"customer\"."),
    N_("New deals: the deals created in the period."),
    N_("Deal win rate: the deals won in the period divided by all deals closed in it (won "
       "and lost)."),
    N_("Revenue won: the total amount of the deals won in the period, per currency."),
    N_("Average deal size: the average amount of the deals won in the period, per currency."),
    N_("Sales cycle: the average number of days from creating a deal to winning it, for the "
       "deals won in the period; deals recorded as won before they were created (imported "
       "history) are left out."),
    N_("Repeat-customer rate: of the customers with a deal won in the period, the share who "
       "had already won a deal before the period began."),
    N_("Open pipeline: the total amount of the open deals when this report was made, per "
       "currency."),
    N_("Open service load: the service logs open or in progress when this report was made."),
    N_("Satisfaction: the average rating (1 to 5) of the service logs opened in the period "
       "that customers rated."),
)


def render(data: Summary, sheet: Sheet) -> list[Flowable]:
    tr, fmt = sheet.tr, sheet.fmt
    won = tr(N_("{count} deals won")).format(count=fmt.number(data.won))
    cards = [
        Figure(tr(N_("New contacts")), fmt.number(data.new_contacts), 1),
        Figure(tr(N_("New customers")), fmt.number(data.new_customers), 2),
        Figure(tr(N_("Lead-to-customer conversion")), fmt.percent(data.conversion), 3,
               tr(N_("{part} of {whole} new contacts")).format(
                   part=fmt.number(data.new_contacts_customers),
                   whole=fmt.number(data.new_contacts))),
        Figure(tr(N_("New deals")), fmt.number(data.new_deals), 4),
        Figure(tr(N_("Deal win rate")), fmt.percent(data.win_rate), 5,
               tr(N_("{won} won, {lost} lost")).format(won=fmt.number(data.won),
                                                       lost=fmt.number(data.lost))),
        Figure(tr(N_("Revenue won")), fmt.totals(data.won_amount), 6, won),
        Figure(tr(N_("Average deal size")), _or_none(fmt.totals(data.average_deal),
                                                     data.average_deal), 7, won),
        Figure(tr(N_("Sales cycle")), fmt.days(data.sales_cycle_days), 8,
               tr(N_("{count} deals won")).format(count=fmt.number(data.cycle_deals))),
        Figure(tr(N_("Repeat-customer rate")), fmt.percent(data.repeat_rate), 9,
               tr(N_("{part} of {whole} customers")).format(
                   part=fmt.number(data.repeat_customers),
                   whole=fmt.number(data.customers_in_period))),
        Figure(tr(N_("Open pipeline")), fmt.totals(data.open_pipeline), 10),
        Figure(tr(N_("Open service load")), fmt.number(data.open_service), 11,
               tr(N_("{count} logs opened in the period")).format(
                   count=fmt.number(data.opened_service))),
        Figure(tr(N_("Satisfaction")),
               f"{fmt.decimal(data.satisfaction)} / 5" if data.satisfaction else NONE, 12,
               tr(N_("{count} ratings")).format(count=fmt.number(data.rated))),
    ]
    return [figures(cards, sheet.width), gap(14),
            footnotes(tr(N_("How each figure is counted")), [tr(line) for line in DEFINITIONS])]
