"""What the merge view shows per field: its name, each contact's value as text, the default side
(as the core decides: the kept contact's value unless it is blank), and the reasons of a pair."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from crm_desktop.core.domain.labels import value_label
from crm_desktop.core.domain.models import Address, ContactRead
from crm_desktop.core.services.merge import MERGE_FIELDS, Choice

# lupdate reads translate("Context", "text") only with both written out, never a name for either
translate = QCoreApplication.translate
UNITED = ("emails", "phones", "addresses", "custom_fields")  # both kept; the choice orders them

__all__ = ["MERGE_FIELDS", "UNITED", "default_choice", "field_label", "field_text", "reason_words",
           "reasons_text"]


def field_label(field: str) -> str:
    labels = {
        "name": translate("DuplicatesPage", "Name"), "company": translate("DuplicatesPage", "Company"),
        "title": translate("DuplicatesPage", "Job title"), "birthday": translate("DuplicatesPage", "Birthday"),
        "lead_source": translate("DuplicatesPage", "Lead source"),
        "lifecycle_stage": translate("DuplicatesPage", "Stage"),
        "marketing_consent": translate("DuplicatesPage", "Marketing consent"),
        "owner": translate("DuplicatesPage", "Owner"), "emails": translate("DuplicatesPage", "Emails"),
        "phones": translate("DuplicatesPage", "Phones"), "addresses": translate("DuplicatesPage", "Addresses"),
        "custom_fields": translate("DuplicatesPage", "Other fields")}
    return labels.get(field, field)


def _address(item: Address) -> str:
    return ", ".join(part for part in (item.street, item.city, item.region, item.postcode,
                                       item.country) if part)


def _lines(parts: Iterable[str]) -> str:
    return "\n".join(part for part in parts if part)


def _consent(contact: ContactRead) -> str:
    if not (contact.marketing_consent or contact.consent_date or contact.consent_source):
        return ""
    given = translate("DuplicatesPage", "Yes") if contact.marketing_consent else translate("DuplicatesPage", "No")
    return " · ".join(part for part in (given, contact.consent_date or "", contact.consent_source)
                      if part)


def field_text(contact: ContactRead, field: str) -> str:
    """The contact's value of a merge field, as one short text ("" when blank)."""
    simple = {"name": contact.display_name, "company": contact.company_name, "title": contact.title,
              "birthday": contact.birthday or "", "lead_source": contact.lead_source,
              "owner": contact.owner}
    if field in simple:
        return simple[field]
    if field == "lifecycle_stage":
        return value_label(contact.lifecycle_stage) if contact.lifecycle_stage else ""
    if field == "marketing_consent":
        return _consent(contact)
    if field in ("emails", "phones"):
        return _lines(item.value for item in getattr(contact, field))
    if field == "addresses":
        return _lines(_address(item) for item in contact.addresses)
    return _lines(f"{key}: {value}" for key, value in contact.custom_fields.items())


def default_choice(keep: ContactRead, other: ContactRead, field: str) -> Choice:
    """The core's default: the kept contact's value, or the other's where the kept one is blank."""
    if field in UNITED:
        return "keep"
    return "other" if not field_text(keep, field) and field_text(other, field) else "keep"


def reason_words(reasons: Iterable[str]) -> str:
    """Why two contacts look alike, translated, as words for a sentence: "same email · same phone"."""
    names = {"email": translate("DuplicatesPage", "same email"), "phone": translate("DuplicatesPage", "same phone"),
             "name": translate("DuplicatesPage", "similar name, same company")}
    return " · ".join(names.get(reason, reason) for reason in reasons)


def reasons_text(reasons: Iterable[str]) -> str:
    """Why two contacts look alike, translated, as a line of its own: "Same email · same phone"."""
    text = reason_words(reasons)
    return text[:1].upper() + text[1:]
