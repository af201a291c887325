"""Money sums kept per currency (amounts in different currencies are never added together)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from crm_desktop.core.domain.money import Money

Totals = dict[str, Decimal]


def amount(minor: int, currency: str) -> Decimal:
    return Money(int(minor or 0), currency).amount


def add(totals: Totals, currency: str, value: Decimal) -> None:
    totals[currency] = totals.get(currency, Decimal(0)) + value


def merged(*parts: Mapping[str, Decimal]) -> Totals:
    result: Totals = {}
    for part in parts:
        for currency, value in part.items():
            add(result, currency, value)
    return result


def weighted(value: Decimal, probability: int) -> Decimal:
    """The value of an open deal as forecast: its amount × its stage's chance of winning."""
    return value * probability / 100
