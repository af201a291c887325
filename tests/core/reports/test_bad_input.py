"""Bad input gives a typed, translatable error and leaves no PDF (not even half of one) behind."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from crm_desktop.core.crm import Crm
from crm_desktop.core.errors import (
    NotFoundError,
    ReportFilterError,
    ReportOutputError,
    ReportPasswordError,
    ReportPeriodInvertedError,
    ReportPeriodMissingError,
    ReportSubjectMissingError,
    ReportSubjectNotFoundError,
    UnknownReportError,
    ValidationError,
)
from crm_desktop.core.reports import document
from crm_desktop.core.reports.options import Period, ReportOptions
from tests.core.reports.support import Shop


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def test_an_unknown_report_is_named_with_the_ones_there_are(shop_crm: Crm, tmp_path: Path) -> None:
    """The message lists the report names; nothing is written."""
    with pytest.raises(UnknownReportError) as raised:
        shop_crm.reports.render("sales", tmp_path / "x.pdf")
    assert "contacts, profile, pipeline" in str(raised.value)
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("subject", ["contact_id", "company_id"])
def test_an_unknown_contact_or_company_id(shop_crm: Crm, tmp_path: Path, subject: str) -> None:
    """A profile of an id that does not exist (or is in the recycle bin) names the id."""
    with pytest.raises(ReportSubjectNotFoundError) as raised:
        shop_crm.reports.render("profile", tmp_path / "x.pdf",
                                ReportOptions(**{subject: "no-such-id"}))  # type: ignore[arg-type]
    assert "no-such-id" in str(raised.value) and isinstance(raised.value, NotFoundError)
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("options", [ReportOptions(), ReportOptions(contact_id="a",
                                                                    company_id="b")])
def test_a_profile_needs_exactly_one_subject(shop_crm: Crm, tmp_path: Path,
                                             options: ReportOptions) -> None:
    with pytest.raises(ReportSubjectMissingError):
        shop_crm.reports.render("profile", tmp_path / "x.pdf", options)


def test_an_inverted_period_is_refused_with_both_days() -> None:
    """The end before the start: refused when made, by date or from text."""
    with pytest.raises(ReportPeriodInvertedError) as raised:
        Period(date(2026, 3, 1), date(2026, 2, 28))
    assert "2026-02-28" in str(raised.value) and "2026-03-01" in str(raised.value)
    with pytest.raises(ReportPeriodInvertedError):
        Period.parse("2026-03-01", "2026-02-28")


@pytest.mark.parametrize(("start", "end"), [("2026-01-01", None), (None, "2026-01-31"),
                                            ("", "2026-01-31"), ("2026-01-01", "  ")])
def test_an_empty_end_of_the_period_is_refused(start: str | None, end: str | None) -> None:
    """Half a period is not a period; giving neither means the default one."""
    with pytest.raises(ReportPeriodMissingError):
        Period.parse(start, end)
    assert Period.parse(None, "") is None


def test_a_period_of_one_day_is_fine_and_dates_must_be_iso() -> None:
    assert Period.parse("2026-02-28", "2026-02-28") == Period(date(2026, 2, 28), date(2026, 2, 28))
    with pytest.raises(ValidationError):
        Period.parse("28/02/2026", "2026-03-01")


def test_a_filter_the_report_cannot_use_is_refused(shop_crm: Crm, tmp_path: Path) -> None:
    """A tag on the business summary would be silently ignored otherwise."""
    with pytest.raises(ReportFilterError) as raised:
        shop_crm.reports.render("summary", tmp_path / "x.pdf", ReportOptions(tag="VIP"))
    assert "Business summary" in str(raised.value) and "tag" in str(raised.value)


@pytest.mark.parametrize("values", [{"paper": "a3"}, {"lifecycle_stage": "friend"}])
def test_unknown_paper_or_stage_is_a_validation_error(values: dict[str, str]) -> None:
    with pytest.raises(ValidationError):
        ReportOptions(**values)  # type: ignore[arg-type]


def test_an_empty_password_is_refused() -> None:
    """An empty password would "protect" the PDF with nothing."""
    with pytest.raises(ReportPasswordError):
        ReportOptions(password="")


@pytest.mark.parametrize("target", ["missing-folder/x.pdf", "a-file.txt/x.pdf", "a-folder"])
def test_an_unwritable_output_path_is_refused_before_any_work(shop_crm: Crm, tmp_path: Path,
                                                              target: str) -> None:
    """A missing folder, a file where a folder should be, a folder as the file: all refused."""
    (tmp_path / "a-file.txt").write_text("not a folder")
    (tmp_path / "a-folder").mkdir()
    with pytest.raises(ReportOutputError) as raised:
        shop_crm.reports.render("contacts", tmp_path / target)
    assert str(tmp_path / target) in str(raised.value)
    assert leftovers(tmp_path) == ["a-file.txt", "a-folder"]
    assert leftovers(tmp_path / "a-folder") == []


def test_a_failure_while_writing_keeps_the_old_report_and_leaves_no_temporary_file(
        shop_crm: Crm, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills up half-way: the previous report is still there, whole."""
    target = tmp_path / "contacts.pdf"
    target.write_bytes(b"%PDF- the report of yesterday")

    def half_then_full(story: object, head: object, paper: str, stream: object) -> None:
        stream.write(b"%PDF-1.4 half a report")  # type: ignore[attr-defined]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(document, "build", half_then_full)
    with pytest.raises(ReportOutputError) as raised:
        shop_crm.reports.render("contacts", target)
    assert "No space left on device" in str(raised.value)
    assert target.read_bytes() == b"%PDF- the report of yesterday"
    assert leftovers(tmp_path) == ["contacts.pdf"]


def test_a_cancel_from_the_progress_callback_leaves_nothing(shop: Shop, shop_crm: Crm,
                                                            tmp_path: Path) -> None:
    """The callback raising (a Cancel button) stops the report; no file, no temporary file."""
    class Cancelled(Exception):
        pass

    def cancel_half_way(done: int, total: int) -> None:
        if done > total // 2:
            raise Cancelled()

    with pytest.raises(Cancelled):
        shop_crm.reports.render("contacts", tmp_path / "x.pdf", progress=cancel_half_way)
    assert leftovers(tmp_path) == []
