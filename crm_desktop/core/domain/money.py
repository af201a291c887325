"""Exact money: integer minor units plus an ISO 4217 code in storage, Decimal in the API."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from babel.core import Locale
from babel.numbers import format_currency, get_currency_precision, list_currencies

from crm_desktop.core.errors import ValidationError
from crm_desktop.core.i18n import N_

# ISO 4217 codes that are not money a business invoices in: precious metals, test and fund codes.
_NOT_MONEY = frozenset({"XAG", "XAU", "XPD", "XPT", "XBA", "XBB", "XBC", "XBD", "XDR", "XSU",
                        "XUA", "XTS", "XXX", "XFO", "XFU", "XRE"})
_CURRENCIES = frozenset(list_currencies()) - _NOT_MONEY
# Amounts as typed: digits with optional well-formed thousands commas and a decimal point.
_AMOUNT = re.compile(r"^(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$")
MAX_MINOR = 2**63 - 1  # what SQLite's INTEGER holds


def currency_code(code: str, field: str = "currency") -> str:
    normalized = (code or "").strip().upper()
    if normalized not in _CURRENCIES:
        raise ValidationError(N_("'{value}' is not a currency code (ISO 4217, such as CNY, USD, EUR)."),
                              field=field, value=code)
    return normalized


def _decimal(amount: str | Decimal | int) -> Decimal | None:
    if isinstance(amount, (Decimal, int)):
        value = Decimal(amount)
        return value if value.is_finite() else None
    text = str(amount).strip()
    if not _AMOUNT.match(text):
        return None
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


@lru_cache(maxsize=16)
def _locale(name: str) -> Locale:
    """Parsing a locale costs ~1 ms; lists format hundreds of amounts."""
    return Locale.parse(name)


@dataclass(frozen=True)
class Money:
    minor: int
    currency: str

    @property
    def precision(self) -> int:
        return int(get_currency_precision(self.currency))

    @property
    def amount(self) -> Decimal:
        return Decimal(self.minor).scaleb(-self.precision)

    @classmethod
    def parse(cls, amount: str | Decimal | int, currency: str, field: str = "amount") -> Money:
        """Exact parse; more decimals than the currency has, negatives or junk are rejected."""
        code = currency_code(currency)
        value = _decimal(amount)
        if value is None or value < 0:
            raise ValidationError(N_("'{value}' is not a valid amount."), field=field, value=amount)
        precision = int(get_currency_precision(code))
        minor = value.scaleb(precision)
        if minor != minor.to_integral_value():
            raise ValidationError(N_("{currency} amounts have at most {places} decimal places."),
                                  field=field, currency=code, places=precision)
        if minor > MAX_MINOR:
            raise ValidationError(N_("'{value}' is too large an amount."), field=field, value=amount)
        return cls(int(minor), code)

    def format(self, locale: str = "en") -> str:
        return format_currency(self.amount, self.currency, locale=_locale(locale))
