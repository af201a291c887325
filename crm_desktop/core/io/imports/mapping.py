"""Which column of a file fills which contact field: suggested from the headers (English and
Chinese words, the Google Contacts and Outlook exports recognised by their headers, our own
export), editable, and saved under a name for the next import."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from crm_desktop.core.i18n import N_
from crm_desktop.core.io.imports.vcard_source import CARD_FIELDS

TARGETS = {
    "": N_("(do not import)"), "id": N_("Record id (our own export)"),
    "full_name": N_("Full name"), "family_name": N_("Family name"), "given_name": N_("Given name"),
    "company_name": N_("Company"), "title": N_("Job title"), "email": N_("Email"),
    "phone": N_("Phone"), "emails": N_("Emails (one per line)"),
    "phones": N_("Phones (one per line)"), "address": N_("Address (one line)"),
    "street": N_("Street"), "city": N_("City"), "region": N_("Province / state"),
    "postcode": N_("Postcode"), "country": N_("Country"), "addresses": N_("Addresses (JSON)"),
    "birthday": N_("Birthday"), "lead_source": N_("Lead source"),
    "lifecycle_stage": N_("Lifecycle stage"), "owner": N_("Owner"), "tags": N_("Tags"),
    "note": N_("Note"), "marketing_consent": N_("Marketing consent"),
    "consent_date": N_("Consent date"), "consent_source": N_("Consent source"),
    "custom": N_("Custom field (named after the column)"),
}
REPEATABLE = frozenset({"email", "phone", "street", "city", "region", "postcode", "country",
                        "custom", "tags", "note", ""})
WORDS: dict[str, tuple[str, ...]] = {
    "full_name": ("name", "fullname", "contactname", "displayname", "姓名", "名字", "联系人",
                  "联系人姓名", "客户姓名", "fn"),
    "family_name": ("lastname", "surname", "familyname", "姓", "姓氏"),
    "given_name": ("firstname", "givenname", "名"),
    "company_name": ("company", "companyname", "organization", "organisation", "organizationname",
                     "organization1name", "公司", "公司名称", "公司名稱", "单位", "工作单位", "企业", "企业名称"),
    "title": ("jobtitle", "position", "role", "organizationtitle", "organization1title", "职位",
              "职务", "職位", "職稱", "头衔", "title"),
    "email": ("email", "emailaddress", "mail", "邮箱", "电子邮件", "電子郵件", "郵箱", "电子邮箱", "邮件"),
    "phone": ("phone", "telephone", "tel", "mobile", "cell", "mobilephone", "cellphone", "手机",
              "手机号", "手机号码", "电话", "電話", "電話號碼", "手機", "电话号码", "联系电话", "移动电话", "办公电话", "座机"),
    "address": ("address", "地址", "聯絡地址", "联系地址", "通讯地址", "住址"),
    "birthday": ("birthday", "birthdate", "dateofbirth", "生日", "出生日期"),
    "lead_source": ("source", "leadsource", "来源", "客户来源", "线索来源"),
    "lifecycle_stage": ("stage", "lifecyclestage", "阶段", "客户阶段"),
    "owner": ("owner", "负责人", "销售", "业务员", "跟进人"),
    "tags": ("tags", "tag", "labels", "categories", "groupmembership", "标签", "標籤", "分组", "分类"),
    "note": ("note", "notes", "备注", "備註", "说明", "描述"),
    "marketing_consent": ("marketingconsent", "consent", "营销同意", "同意营销"),
    "consent_date": ("consentdate", "同意日期"),
    "consent_source": ("consentsource", "同意来源"),
    "id": ("id",),
}
LABEL_WORDS = {"mobile": ("mobile", "cell", "手机", "移动"), "work": ("business", "work", "office",
                                                                     "办公", "工作", "公司"),
               "home": ("home", "家庭", "住宅", "家"), "fax": ("fax", "传真")}
GOOGLE_NUMBERED = re.compile(r"^(E-mail|Phone|Address) (\d+) - (Value|Formatted)$")
# Words that may stand inside a longer header naming an email or phone column ("Business Phone",
# "E-mail 2 Address", "办公电话"); short ones such as "tel" or "mail" would catch Hotel, Telegram
# and Mailing Street. A header that also says what kind of value it is not is left out.
PART_WORDS = {"email": ("email", "邮箱", "邮件", "郵箱"),
              "phone": ("phone", "mobile", "手机", "电话", "電話", "手機", "座机")}
NOT_A_VALUE = ("type", "label", "display", "phonetic", "optout", "street", "city", "name",
               "类型", "类别")
OUTLOOK_ADDRESS = re.compile(r"^(Business|Home|Other) (Street|City|State|Postal Code|Country/Region)$")
OUTLOOK_PARTS = {"Street": "street", "City": "city", "State": "region", "Postal Code": "postcode",
                 "Country/Region": "country"}


@dataclass(frozen=True)
class ColumnMap:
    column: str
    field: str  # a key of TARGETS; "" leaves the column out
    label: str = ""  # for emails, phones and address parts: "mobile", "work"…
    label_column: str = ""  # or the label is read from this column, row by row (Google)


Mapping = tuple[ColumnMap, ...]


def detect_flavour(headers: tuple[str, ...]) -> str:
    """google | outlook | crm (our export) | vcard | generic"""
    names = set(headers)
    if names == set(CARD_FIELDS):
        return "vcard"
    if {"id", "display_name", "emails", "phones"} <= names:
        return "crm"
    if any(GOOGLE_NUMBERED.match(h) for h in headers) and ("Given Name" in names or "First Name" in names):
        return "google"
    if {"First Name", "Last Name", "E-mail Address"} <= names or "Mobile Phone" in names:
        return "outlook"
    return "generic"


def suggest(headers: tuple[str, ...]) -> Mapping:
    """A field for every column that names one; the rest are left out (the user may map them)."""
    flavour = detect_flavour(headers)
    if flavour in ("vcard", "crm"):
        return tuple(ColumnMap(h, _own_field(h)) for h in headers)
    suggested = tuple(_suggest_one(h, flavour, headers) for h in headers)
    label_columns = {entry.label_column for entry in suggested if entry.label_column}
    return tuple(ColumnMap(e.column, "") if e.column in label_columns else e for e in suggested)


def _own_field(header: str) -> str:
    return {"display_name": "full_name", "custom_fields": "", "created_at": "",
            "updated_at": "", "name_order": ""}.get(header, header if header in TARGETS else "")


def _suggest_one(header: str, flavour: str, headers: tuple[str, ...]) -> ColumnMap:
    if flavour == "outlook" and header == "Title":  # Outlook's "Title" is Mr./Ms.
        return ColumnMap(header, "")
    if found := GOOGLE_NUMBERED.match(header):
        return _google_numbered(header, found, headers)
    if found := OUTLOOK_ADDRESS.match(header):
        return ColumnMap(header, OUTLOOK_PARTS[found.group(2)], _label_of(found.group(1)))
    key = _key(header)
    for field, words in WORDS.items():
        if key in words:
            return ColumnMap(header, field, _label_of(header) if field in ("phone", "email") else "")
    if not any(word in key for word in NOT_A_VALUE):
        for field in ("email", "phone"):  # "Mobile Phone", "E-mail 2 Address", "工作电话"
            if any(word in key for word in PART_WORDS[field]):
                return ColumnMap(header, field, _label_of(header))
    return ColumnMap(header, "")


def _google_numbered(header: str, found: re.Match[str], headers: tuple[str, ...]) -> ColumnMap:
    kind, number = found.group(1), found.group(2)
    label_column = next((h for h in (f"{kind} {number} - Label", f"{kind} {number} - Type")
                         if h in headers), "")
    field = {"E-mail": "email", "Phone": "phone", "Address": "address"}[kind]
    return ColumnMap(header, field, label_column=label_column)


def _key(header: str) -> str:
    return re.sub(r"[\s_\-.:：/()（）#*]+|\d+", "", header.lower())


def _label_of(text: str) -> str:
    lowered = text.lower()
    return next((label for label, words in LABEL_WORDS.items()
                 if any(word in lowered for word in words)), "")


def to_json(mapping: Mapping) -> list[dict[str, str]]:
    return [asdict(entry) for entry in mapping]


def from_json(items: list[dict[str, str]]) -> Mapping:
    return tuple(ColumnMap(**{k: str(v) for k, v in item.items()
                              if k in ("column", "field", "label", "label_column")})
                 for item in items)


def fit(saved: Mapping, headers: tuple[str, ...]) -> Mapping:
    """A saved mapping applied to a file: its columns that the file has; new columns suggested."""
    by_column = {entry.column: entry for entry in saved}
    suggested = {entry.column: entry for entry in suggest(headers)}
    return tuple(by_column.get(h, suggested[h]) for h in headers)
