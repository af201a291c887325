"""`crm report`: the real program writes PDFs, lists the reports, and explains bad input."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.cli.support import Cli
from tests.logo_support import pdf_images, picture


def _text(path: Path, *options: str) -> str:
    return subprocess.run(["pdftotext", *options, str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def _info(path: Path) -> str:
    return subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                          check=True).stdout


def test_list_names_every_report_and_its_options(cli: Cli) -> None:
    listed = cli("report", "--list")
    assert listed.code == 0, listed.err
    for name in ("contacts", "profile", "pipeline", "agenda", "service", "summary"):
        assert name in listed.out
    assert "--from/--to" in listed.out
    as_json = cli.json("report", "--list")
    assert {item["name"] for item in as_json} >= {"contacts", "summary"}


def test_contact_list_and_chinese_profile_on_letter_paper(cli: Cli, tmp_path: Path,
                                                          seeded_contact: str) -> None:
    """The seeded 李娜 is on the phone sheet; her profile prints in Chinese on Letter paper."""
    sheet, profile = tmp_path / "phones.pdf", tmp_path / "李娜.pdf"
    results = cli.parallel(("report", "contacts", "--out", str(sheet)),
                           ("report", "profile", "--contact", seeded_contact, "--out",
                            str(profile), "--lang", "zh_CN", "--paper", "letter"))
    assert [r.code for r in results] == [0, 0], [r.err for r in results]
    assert "Report written" in results[0].out
    assert "李娜" in _text(sheet) and "139 1234 5678" in _text(sheet)
    assert "李娜" in _text(profile) and "(letter)" in _info(profile)


def test_a_password_file_protects_the_pdf(cli: Cli, tmp_path: Path) -> None:
    secret = tmp_path / "password.txt"
    secret.write_text("芝麻开门\n", encoding="utf-8")
    out = tmp_path / "summary.pdf"
    made = cli("report", "summary", "--out", str(out), "--password-file", str(secret),
               "--from", "2026-01-01", "--to", "2026-12-31")
    assert made.code == 0, made.err
    assert "AES-256" in subprocess.run(["pdfinfo", "-upw", "芝麻开门", str(out)],
                                       capture_output=True, text=True, check=True).stdout
    missing = cli("report", "summary", "--out", str(out), "--password-file",
                  str(tmp_path / "nope.txt"))
    assert missing.code == 1 and "nope.txt" in missing.err


def test_bad_input_is_one_line_exit_1_and_no_file(cli: Cli, tmp_path: Path) -> None:
    """An unknown report or id, an inverted or half period, a folder that is not there."""
    folder = tmp_path / "reports"
    folder.mkdir()
    out = folder / "x.pdf"
    cases = (
        (("report", "forecast", "--out", str(out)), "no report called 'forecast'"),
        (("report", "profile", "--contact", "nobody", "--out", str(out)), "nobody"),
        (("report", "summary", "--from", "2026-03-01", "--to", "2026-02-01", "--out", str(out)),
         "before it starts"),
        (("report", "service", "--from", "2026-03-01", "--out", str(out)), "incomplete"),
        (("report", "contacts", "--out", str(folder / "gone" / "x.pdf")), "could not be written"),
        (("report", "summary", "--tag", "VIP", "--out", str(out)), "cannot be narrowed"),
        (("report", "contacts"), "--out FILE.pdf"),
    )
    results = cli.parallel(*(args for args, _message in cases))
    for (args, message), result in zip(cases, results, strict=True):
        assert result.code == 1, (args, result.err)
        assert message in result.err and "Traceback" not in result.err
        assert len(result.err_lines) == 1
    assert list(folder.iterdir()) == []


def test_settings_logo_is_printed_on_reports_until_removed(cli: Cli, tmp_path: Path,
                                                           seeded_contact: str) -> None:
    """`settings set --logo` puts the picture on the next report; --no-logo takes it off."""
    assert cli("settings", "set", "--logo", str(picture(tmp_path))).code == 0
    assert cli.json("settings", "show")["logo"] is True
    with_logo, without = tmp_path / "with.pdf", tmp_path / "without.pdf"
    made = cli("report", "profile", "--contact", seeded_contact, "--out", str(with_logo))
    assert made.code == 0, made.err
    assert len(pdf_images(with_logo)) == 1
    removed = cli("settings", "set", "--no-logo")
    assert removed.code == 0 and "Logo removed" in removed.out
    assert cli("report", "profile", "--contact", seeded_contact, "--out", str(without)).code == 0
    assert pdf_images(without) == []


def test_a_bad_logo_is_one_line_exit_1_and_nothing_changes(cli: Cli, tmp_path: Path) -> None:
    """A text file as the logo is refused by name; the business name given with it is not saved."""
    bad = tmp_path / "logo.txt"
    bad.write_text("hello")
    refused = cli("settings", "set", "--logo", str(bad), "--business-name", "Other")
    assert refused.code == 1 and "logo.txt" in refused.err and "PNG or JPEG" in refused.err
    assert len(refused.err.strip().splitlines()) == 1
    shown = cli.json("settings", "show")
    assert (shown["logo"], shown["business_name"]) == (False, "Test Shop")
