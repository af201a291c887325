"""Input rules shared by every service: each raises a ValidationError naming the field."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from crm_desktop.core.errors import ValidationError
from crm_desktop.core.i18n import N_

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# The everyday ASCII address (RFC 5322 dot-atom local part, LDH domain labels, letters-only TLD):
# valid as email-validator sees it; anything else goes through email-validator itself.
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
PLAIN_EMAIL = re.compile(rf"(?P<local>{_ATOM}(?:\.{_ATOM})*)@(?P<domain>(?:{_LABEL}\.)+[A-Za-z]{{2,63}})")
MAX_EMAIL = 254
CN_MOBILE = re.compile(r"(?:\+86)?(1[3-9]\d{9})")  # a mainland mobile number, with or without +86
_PHONE_PUNCTUATION = re.compile(r"[ \-]+")
SPECIAL_USE = frozenset({"arpa", "invalid", "local", "localhost", "onion", "test"})


def required_text(value: str | None, field: str) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError(N_("{field} is required."), field=field)
    return text


def email(value: str, field: str = "email") -> str:
    """The normalized address (domain lower-cased), or a ValidationError."""
    text = value.strip()
    if len(text) <= MAX_EMAIL and (plain := PLAIN_EMAIL.fullmatch(text)) \
            and not _special_domain(plain["domain"]):
        return f"{plain['local']}@{plain['domain'].lower()}"  # what email-validator gives, 20× faster
    try:
        return validate_email(value.strip(), check_deliverability=False).normalized
    except EmailNotValidError:
        raise ValidationError(N_("'{value}' is not a valid email address."),
                              field=field, value=value) from None


def _special_domain(domain: str) -> bool:
    """Domains email-validator judges itself: special-use names (RFC 6761), and labels with
    hyphens in their third and fourth places (punycode xn--, and the others IDNA reserves)."""
    labels = domain.lower().split(".")
    return labels[-1] in SPECIAL_USE or any(label[2:4] == "--" for label in labels)


def phone(value: str, region: str, field: str = "phone") -> str:
    """E.164 form of `value`, read in `region` when it has no country code."""
    if region.upper() == "CN" and (mobile := CN_MOBILE.fullmatch(_PHONE_PUNCTUATION.sub("", value))):
        return "+86" + mobile.group(1)  # what phonenumbers gives for a mainland mobile, 30× faster
    try:
        number = phonenumbers.parse(value, region.upper())
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_possible_number(number):
        raise ValidationError(N_("'{value}' is not a valid phone number."), field=field, value=value)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def iso_date(value: str | None, field: str = "date") -> str | None:
    """A calendar date as YYYY-MM-DD, or None for blank input."""
    text = (value or "").strip()
    if not text:
        return None
    try:
        if not ISO_DATE.match(text):
            raise ValueError(text)
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise ValidationError(N_("'{value}' is not a date in the form YYYY-MM-DD."),
                              field=field, value=value) from None


def aware(value: datetime, field: str) -> datetime:
    if value.tzinfo is None:
        raise ValidationError(N_("{field} needs a time zone."), field=field)
    return value


def choice(value: str, allowed: Iterable[str], field: str) -> str:
    options = tuple(allowed)
    if value not in options:
        raise ValidationError(N_("'{value}' is not one of: {options}."), field=field,
                              value=value, options=", ".join(options))
    return value


def rating(value: int | None, field: str = "satisfaction") -> int | None:
    if value is not None and not 1 <= value <= 5:
        raise ValidationError(N_("{field} must be between 1 and 5."), field=field)
    return value
