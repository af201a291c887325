"""Dates, times, money, percentages and phone numbers as the report's language writes them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal

import phonenumbers
from babel.dates import format_date, format_skeleton, format_time
from babel.numbers import format_compact_decimal, format_decimal, format_percent

from crm_desktop.core.domain.labels import VALUE_LABELS
from crm_desktop.core.domain.money import Money
from crm_desktop.core.i18n import N_, translator

NONE = "—"  # a figure that cannot be computed (no data), never a misleading zero
# Babel writes "9:37\u202fPM"; the font has no narrow no-break space, the plain one means the same.
_SPACES = str.maketrans({"\u202f": "\u00a0"})


class Formatter:
    """Bound to one language, time zone and home phone region; every report text goes through it."""

    def __init__(self, language: str, zone: dt.tzinfo, region: str = "CN",
                 currency: str = "CNY") -> None:
        self.language = language
        self.zone = zone
        self.region = region
        self.currency = currency
        self.tr = translator(language)

    def label(self, code: str | None) -> str:
        """A stored code (stage, status, channel…) by its translated name, capitalised; unknown
        codes as they are."""
        if not code or code not in VALUE_LABELS:
            return code or ""
        label = self.tr(VALUE_LABELS[code])
        return label[:1].upper() + label[1:]  # they stand alone in cells and headers

    # -- time ----------------------------------------------------------------------------------

    def local(self, moment: dt.datetime) -> dt.datetime:
        return moment.astimezone(self.zone)

    def date(self, day: dt.date | dt.datetime | str | None) -> str:
        if not day:
            return ""
        if isinstance(day, str):
            day = dt.date.fromisoformat(day)
        if isinstance(day, dt.datetime):
            day = self.local(day).date()
        return str(format_date(day, "medium", locale=self.language))

    def weekday(self, day: dt.date) -> str:
        """A day heading: "Wed, Nov 25" / "11月25日周三"."""
        return str(format_skeleton("MMMEd", day, locale=self.language))

    def month(self, month: str) -> str:
        """"2026-11" as "Nov 2026" / "2026年11月"."""
        return str(format_skeleton("yMMM", dt.date.fromisoformat(f"{month}-01"), locale=self.language))

    def time(self, moment: dt.datetime) -> str:
        return str(format_time(self.local(moment), "short", locale=self.language)).translate(_SPACES)

    def day_and_time(self, moment: dt.datetime) -> str:
        """Within the year: "Oct 27 9:37 PM" / "10月27日 21:37"."""
        day = format_skeleton("MMMd", self.local(moment), locale=self.language)
        return f"{day} {self.time(moment)}"

    def datetime(self, moment: dt.datetime | None) -> str:
        return f"{self.date(moment)} {self.time(moment)}" if moment else ""

    def duration(self, span: dt.timedelta | None) -> str:
        if span is None:
            return NONE
        hours = round(span.total_seconds() / 3600)
        if hours < 24:
            minutes = round(span.total_seconds() / 60)
            return self.tr(N_("{hours} h {minutes} min")).format(hours=minutes // 60,
                                                                 minutes=minutes % 60)
        return self.tr(N_("{days} d {hours} h")).format(days=hours // 24, hours=hours % 24)

    def days(self, value: float | None) -> str:
        if value is None:
            return NONE
        return self.tr(N_("{days} days")).format(days=self.decimal(value, 1))

    # -- numbers -------------------------------------------------------------------------------

    def number(self, value: int) -> str:
        return str(format_decimal(value, locale=self.language))

    def decimal(self, value: float, places: int = 1) -> str:
        return str(format_decimal(value, format=f"#,##0.{'0' * places}", locale=self.language))

    def percent(self, ratio: float | None) -> str:
        if ratio is None:
            return NONE
        return str(format_percent(ratio, "#,##0.0%", locale=self.language))

    def compact(self, value: float) -> str:
        """Axis labels: 1.2M / 123.5万."""
        return str(format_compact_decimal(value, locale=self.language, fraction_digits=1))

    def money(self, amount: Decimal, currency: str) -> str:
        money = Money(0, currency)
        minor = (amount.scaleb(money.precision)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        return Money(int(minor), currency).format(self.language)

    def totals(self, totals: Mapping[str, Decimal], joiner: str = "\n") -> str:
        """Sums in several currencies are never added up: one amount per currency."""
        shown = [self.money(amount, currency) for currency, amount in sorted(totals.items())]
        return joiner.join(shown) if shown else self.money(Decimal(0), self.currency)

    # -- contact details -----------------------------------------------------------------------

    def phone(self, number: str) -> str:
        """National form for numbers of the home region (dialled as staff know them), else
        international; anything unparsable as it was stored."""
        try:
            parsed = phonenumbers.parse(number, self.region)
        except phonenumbers.NumberParseException:
            return number
        home = phonenumbers.region_code_for_number(parsed) == self.region
        style = (phonenumbers.PhoneNumberFormat.NATIONAL if home
                 else phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        return str(phonenumbers.format_number(parsed, style))
