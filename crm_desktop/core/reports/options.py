"""What a report is asked for: the period, the filters, the language, the paper, a password."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from tzlocal import get_localzone

from crm_desktop.core.domain import rules
from crm_desktop.core.domain.models import LIFECYCLE_STAGES
from crm_desktop.core.errors import (
    ReportPasswordError,
    ReportPeriodInvertedError,
    ReportPeriodMissingError,
)
from crm_desktop.core.i18n import active_language, normalize_language

PAPERS = ("a4", "letter")
DEFAULT_DAYS = 30
# The narrowing options, in the order a report's header lists them.
FILTERS = ("period", "tag", "owner", "lifecycle_stage", "search", "contact_id", "company_id")


@dataclass(frozen=True)
class Period:
    """Calendar days from `start` to `end`, both included, in the report's time zone."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ReportPeriodInvertedError(start=self.start.isoformat(), end=self.end.isoformat())

    @classmethod
    def parse(cls, start: str | None, end: str | None) -> Period | None:
        """From YYYY-MM-DD texts; None when neither is given, an error when only one is."""
        first = rules.iso_date(start, "start")
        last = rules.iso_date(end, "end")
        if first is None and last is None:
            return None
        if first is None or last is None:
            raise ReportPeriodMissingError()
        return cls(date.fromisoformat(first), date.fromisoformat(last))

    @classmethod
    def last_days(cls, today: date, days: int = DEFAULT_DAYS) -> Period:
        return cls(today - timedelta(days=days - 1), today)

    def bounds(self, zone: tzinfo) -> tuple[datetime, datetime]:
        """[first moment, moment after the last day) in UTC, for comparing stored timestamps."""
        after_end = self.end + timedelta(days=1)
        return (datetime.combine(self.start, time(), zone).astimezone(UTC),
                datetime.combine(after_end, time(), zone).astimezone(UTC))


@dataclass(frozen=True)
class ReportOptions:
    """Everything a caller may choose. Unset filters are None; `now` and `timezone` default to
    this computer's clock and zone (tests pin them)."""

    period: Period | None = None
    tag: str | None = None
    owner: str | None = None
    lifecycle_stage: str | None = None
    search: str | None = None
    contact_id: str | None = None
    company_id: str | None = None
    language: str | None = None  # zh_CN or en; None: the app's language
    paper: str = "a4"
    password: str | None = None
    timezone: tzinfo | None = None
    now: datetime | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        rules.choice(self.paper, PAPERS, "paper")
        if self.lifecycle_stage is not None:
            rules.choice(self.lifecycle_stage, LIFECYCLE_STAGES, "lifecycle_stage")
        if self.password is not None and not self.password:
            raise ReportPasswordError()
        if self.now is not None:
            rules.aware(self.now, "now")

    @property
    def lang(self) -> str:
        return normalize_language(self.language or active_language())

    @property
    def zone(self) -> tzinfo:
        return self.timezone or get_localzone()

    @property
    def moment(self) -> datetime:
        """When the report is made (UTC)."""
        return self.now or datetime.now(UTC)

    @property
    def today(self) -> date:
        return self.moment.astimezone(self.zone).date()

    def period_or_default(self) -> Period:
        return self.period or Period.last_days(self.today)

    def given_filters(self) -> tuple[str, ...]:
        """The narrowing options set here, in FILTERS order."""
        present = {f.name for f in fields(self) if f.name in FILTERS and getattr(self, f.name)}
        return tuple(name for name in FILTERS if name in present)
