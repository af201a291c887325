"""Reading the values people type into spreadsheets and address books: Chinese full names,
dates in the usual Chinese and ISO spellings, cells holding several values, yes/no."""

from __future__ import annotations

import re
from datetime import date, datetime

from crm_desktop.core.errors import ValidationError
from crm_desktop.core.i18n import N_

# Two-character family names (复姓) that are still in use; any other Chinese name takes its first
# character as the family name.
COMPOUND_FAMILY_NAMES = frozenset({
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "夏侯", "轩辕", "令狐", "宇文", "司徒", "司空",
    "澹台", "呼延", "端木", "南宫", "独孤", "西门", "百里", "东郭", "公冶", "太史", "申屠", "闻人", "万俟", "钟离", "仲孙", "濮阳",
    "淳于", "赫连", "拓跋", "歐陽", "諸葛", "東方", "尉遲", "長孫", "軒轅", "鍾離", "司馬"})
CJK_NAME = re.compile(r"^[\u3400-\u9fff\uf900-\ufaff·•]{2,}$")
DATE_FORMS = (
    re.compile(r"^(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})$"),
    re.compile(r"^(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]?$"),
    re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})$"),
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?$"),
)
NO_YEAR = re.compile(r"^--(?P<m>\d{2})-?(?P<d>\d{2})$")  # vCard birthdays without a year
SEPARATORS = re.compile(r"\s*(?:\n|;|；| ::: )\s*")  # Google puts " ::: " between values
TAG_SEPARATORS = re.compile(r"\s*(?:\n|,|，|;|；|、| ::: )\s*")
TRUE_WORDS = frozenset({"1", "y", "yes", "true", "x", "✓", "是", "对", "同意", "已同意"})
FALSE_WORDS = frozenset({"", "0", "n", "no", "false", "否", "不", "不同意", "未同意"})


def split_full_name(full: str) -> tuple[str, str]:
    """(family, given) of a full name: 欧阳娜娜 → 欧阳/娜娜, 张伟 → 张/伟; a Latin name
    "Anna Smith" → Smith/Anna; one word stays the given name."""
    text = " ".join(full.split())
    if CJK_NAME.match(text.replace(" ", "")):
        compact = text.replace(" ", "")
        if " " in text:  # "张 伟": the person said where the family name ends
            family, given = text.split(" ", 1)
            return family, given.replace(" ", "")
        size = 2 if compact[:2] in COMPOUND_FAMILY_NAMES and len(compact) > 2 else 1
        return compact[:size], compact[size:]
    if "," in text:  # "Smith, Anna"
        family, given = (part.strip() for part in text.split(",", 1))
        return family, given
    parts = text.rsplit(" ", 1)
    return (parts[1], parts[0]) if len(parts) == 2 else ("", text)


def parse_date(value: str | date | datetime | None, field: str) -> str | None:
    """YYYY-MM-DD from 2024-01-02, 2024/1/2, 2024.1.2, 2024年1月2日, 20240102 or a spreadsheet date."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = value.strip()
    if not text or NO_YEAR.match(text):  # a birthday without its year cannot be kept as a date
        return None
    for form in DATE_FORMS:
        if found := form.match(text):
            return _calendar_date(int(found["y"]), int(found["m"]), int(found["d"]), value, field)
    raise ValidationError(N_("'{value}' is not a date (write it as 2024-01-02, 2024/1/2 or "
                             "2024年1月2日)."), field=field, value=value)


def _calendar_date(year: int, month: int, day: int, value: str, field: str) -> str:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        raise ValidationError(N_("'{value}' is not a date that exists."), field=field,
                              value=value) from None


def split_values(cell: str) -> list[str]:
    """The values of a cell that may hold several emails or phones (one per line, ';' or ' ::: ')."""
    return [part for part in SEPARATORS.split(cell.strip()) if part]


def split_tags(cell: str) -> list[str]:
    return [part for part in TAG_SEPARATORS.split(cell.strip()) if part]


def yes_no(value: str, field: str) -> bool:
    word = value.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValidationError(N_("'{value}' is not yes or no."), field=field, value=value)
