"""Exact money: integer minor units plus an ISO 4217 code in storage, Decimal in the API."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from babel.core import Locale
from babel.numbers import format_currency, get_currency_precision, list_currencies

from crm_desktop.core.errors import ValidationError
from crm_desktop.core.i18n import N_

_CURRENCIES = frozenset(list_currencies())


def currency_code(code: str, field: str = "currency") -> str:
    normalized = (code or "").strip().upper()
    if normalized not in _CURRENCIES:
        raise ValidationError(N_("'{value}' is not an ISO 4217 currency code."),
                              field=field, value=code)
    return normalized


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
        try:
            value = Decimal(str(amount).strip().replace(",", ""))
        except InvalidOperation:
            value = Decimal("NaN")
        precision = int(get_currency_precision(code))
        if not value.is_finite() or value < 0:
            raise ValidationError(N_("'{value}' is not a valid amount."), field=field, value=amount)
        minor = value.scaleb(precision)
        if minor != minor.to_integral_value():
            raise ValidationError(N_("{currency} amounts have at most {places} decimal places."),
                                  field=field, currency=code, places=precision)
        return cls(int(minor), code)

    def format(self, locale: str = "en") -> str:
        return format_currency(self.amount, self.currency, locale=Locale.parse(locale))
