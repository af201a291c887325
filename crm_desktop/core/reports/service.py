"""`crm.reports`: list the reports and render one to a PDF file, all or nothing."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, TYPE_CHECKING

from crm_desktop.core.errors import (
    ReportFilterError,
    ReportSubjectMissingError,
    UnknownReportError,
)
from crm_desktop.core.i18n import N_
from crm_desktop.core.reports import document
from crm_desktop.core.reports.blocks import Sheet
from crm_desktop.core.reports.fonts import ensure_font
from crm_desktop.core.reports.formatting import Formatter
from crm_desktop.core.reports.options import ReportOptions
from crm_desktop.core.reports.output import check_target, write_pdf
from crm_desktop.core.reports.progress import Progress, Steps
from crm_desktop.core.reports.registry import BY_NAME, FILTER_LABELS, FILTER_NOUNS, ReportKind

if TYPE_CHECKING:
    from crm_desktop.core.crm import Crm


@dataclass(frozen=True)
class ReportInfo:
    """What a picker shows: the name to ask for, and msgids to translate for display."""

    name: str
    title: str
    description: str
    accepts: frozenset[str]

LABELLED = N_("{label}: {value}")  # Chinese takes a full-width colon


class ReportService:
    def __init__(self, crm: Crm) -> None:
        self._crm = crm

    def names(self) -> tuple[str, ...]:
        return tuple(BY_NAME)

    def info(self, name: str) -> ReportInfo:
        kind = self._kind(name)
        return ReportInfo(kind.name, kind.title, kind.description, kind.accepts)

    def render(self, name: str, out_path: str | Path, options: ReportOptions | None = None,
               progress: Progress | None = None) -> Path:
        """Write report `name` to `out_path` (replaced only once the new PDF is complete)."""
        kind = self._kind(name)
        options = options or ReportOptions()
        _check_options(kind, options)
        # one instant and one zone for the whole report: "overdue" and "generated at" agree
        options = replace(options, now=options.moment, timezone=options.zone)
        target = Path(out_path)
        check_target(target)
        ensure_font()
        steps = Steps(progress)
        data = kind.collect(self._crm, options, steps.reading)
        fmt = self._formatter(options)
        width, height = document.frame_size(options.paper)
        story = kind.render(data, Sheet(fmt, width, height, steps))
        head = self._masthead(kind, options, fmt, getattr(data, "subtitle", ""))

        def lay_out(stream: IO[bytes]) -> None:
            document.build(story, head, options.paper, stream)

        write_pdf(target, lay_out, options.password)
        steps.finished()
        return target

    def _kind(self, name: str) -> ReportKind:
        if name not in BY_NAME:
            raise UnknownReportError(name=name, names=", ".join(BY_NAME))
        return BY_NAME[name]

    def _formatter(self, options: ReportOptions) -> Formatter:
        settings = self._crm.settings.get()
        return Formatter(options.lang, options.zone, settings.default_region, settings.currency)

    def _masthead(self, kind: ReportKind, options: ReportOptions, fmt: Formatter,
                  subtitle: str) -> document.Masthead:
        lines = []
        if kind.uses_period:
            period = options.period_or_default()
            shown = f"{fmt.date(period.start)} – {fmt.date(period.end)}"
            lines.append(fmt.tr(LABELLED).format(label=fmt.tr(FILTER_LABELS["period"]), value=shown))
        for name in ("tag", "owner", "lifecycle_stage", "search"):
            value = getattr(options, name)
            if value:
                shown = fmt.label(value) if name == "lifecycle_stage" else value
                lines.append(fmt.tr(LABELLED).format(label=fmt.tr(FILTER_LABELS[name]), value=shown))
        generated = fmt.tr(N_("Generated {time}")).format(time=fmt.datetime(options.moment))
        return document.Masthead(self._crm.settings.get().business_name, fmt.tr(kind.title),
                                 subtitle, tuple(lines), generated,
                                 fmt.tr(N_("Page {page} of {pages}")), options.lang,
                                 self._crm.settings.logo())


def _check_options(kind: ReportKind, options: ReportOptions) -> None:
    for name in options.given_filters():
        if name not in kind.accepts:
            raise ReportFilterError(report=kind.title, option=FILTER_NOUNS[name])
    if kind.name == "profile" and bool(options.contact_id) == bool(options.company_id):
        raise ReportSubjectMissingError()
