"""The fast path for everyday email addresses says exactly what email-validator says."""

from __future__ import annotations

from email_validator import EmailNotValidError, validate_email
from hypothesis import given, settings
from hypothesis import strategies as st

from crm_desktop.core.domain import rules
from crm_desktop.core.errors import ValidationError

ADDRESSES = st.one_of(
    st.from_regex(r"[A-Za-z0-9._%+'-]{1,20}@[A-Za-z0-9.-]{1,20}\.[A-Za-z]{1,6}", fullmatch=True),
    st.emails(), st.text(max_size=30))


def _reference(value: str) -> str | None:
    try:
        return validate_email(value.strip(), check_deliverability=False).normalized
    except EmailNotValidError:
        return None


def _ours(value: str) -> str | None:
    try:
        return rules.email(value)
    except ValidationError:
        return None


@settings(max_examples=400, deadline=None)
@given(value=ADDRESSES)
def test_fast_email_rule_agrees_with_email_validator(value: str) -> None:
    """Accepted, refused and normalized alike (domain lower-cased, dots and labels checked)."""
    assert _ours(value) == _reference(value)
