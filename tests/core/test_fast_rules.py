"""The fast paths for everyday emails and mainland mobiles say exactly what the libraries say."""

from __future__ import annotations

from email_validator import EmailNotValidError, validate_email
from hypothesis import given, settings
from hypothesis import strategies as st

from crm_desktop.core.domain import rules
from crm_desktop.core.errors import ValidationError
from crm_desktop.core.search import text as text_rules

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


PHONES = st.one_of(
    st.from_regex(r"(\+86[ -]?)?1[0-9]{2}[ -]?[0-9]{4}[ -]?[0-9]{2,5}", fullmatch=True),
    st.from_regex(r"\+?[0-9 ()-]{3,18}", fullmatch=True), st.text(max_size=16))


def _phone_reference(value: str) -> str | None:
    import phonenumbers

    try:
        number = phonenumbers.parse(value, "CN")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _our_phone(value: str) -> str | None:
    try:
        return rules.phone(value, "CN")
    except ValidationError:
        return None


@settings(max_examples=400, deadline=None)
@given(value=PHONES)
def test_fast_mobile_rule_agrees_with_phonenumbers(value: str) -> None:
    """Mainland mobiles typed any usual way come out as phonenumbers would write them."""
    assert _our_phone(value) == _phone_reference(value)


NEAR_NORMAL = st.text(alphabet=st.one_of(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),  # CJK Unified Ideographs
    st.characters(min_codepoint=0xF900, max_codepoint=0xFAFF),  # compatibility ideographs
    st.sampled_from("0123456789abcdefghijklmnopqrstuvwxyzABCXYZ０１ａＡ é\u3000\t-@._+＠")), max_size=12)


@settings(max_examples=600, deadline=None)
@given(text=NEAR_NORMAL)
def test_normalize_fast_path_agrees_with_the_full_folding(text: str) -> None:
    """Text taken as already normal (names, digits) is exactly what NFKC + casefold + accent and
    space folding would give."""
    assert text_rules.normalize(text) == (text_rules.normalize_fully(text) if text else "")


def test_reserved_hyphen_labels_are_judged_by_email_validator() -> None:
    """A domain label with hyphens in its 3rd and 4th places (reserved by IDNA) is refused as
    email-validator refuses it (a case Hypothesis found)."""
    assert _ours("0@00--0.aa") is None
    assert _ours("a@ab-c.com") == "a@ab-c.com"
