"""`crm export`: the real program writes each format, warns that the file is not encrypted, and
explains bad input in one line without leaving a file."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import icalendar
import vobject

from tests.cli.support import Cli


def test_csv_export_counts_warns_and_writes_the_seeded_contact(cli: Cli, tmp_path: Path) -> None:
    """stdout says how many; stderr warns the file is not encrypted; 李娜 is in the file."""
    out = tmp_path / "客户.csv"
    done = cli("export", "csv", "--out", str(out))
    assert done.code == 0, done.err
    assert "1 record(s) written" in done.out and "not encrypted" in done.err
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["display_name"], r["phones"]) for r in rows] == [("李娜", "'+8613912345678")]


def test_json_flag_filters_and_gbk(cli: Cli, tmp_path: Path) -> None:
    """--json reports format, file and count; --tag narrows; --encoding gbk writes GBK."""
    assert cli("contact", "add", "--name", "王芳", "--tag", "展会").code == 0
    out = tmp_path / "tagged.csv"
    report = cli.json("export", "csv", "--out", str(out), "--tag", "展会", "--encoding", "gbk")
    assert report == {"format": "csv", "file": str(out.resolve()), "count": 1}
    assert "王芳" in out.read_bytes().decode("gbk")


def test_every_format_is_written_and_parses(cli: Cli, tmp_path: Path) -> None:
    """xlsx, vcard, ics and json all land and parse with their readers."""
    assert cli("reminder", "add", "--title", "回访", "--due", "2026-05-01 09:00").code == 0
    files = {kind: tmp_path / f"out.{kind}" for kind in ("xlsx", "vcard", "ics", "json")}
    results = cli.parallel(*(("export", kind, "--out", str(path)) for kind, path in files.items()))
    assert [r.code for r in results] == [0, 0, 0, 0], [r.err for r in results]
    assert files["xlsx"].read_bytes().startswith(b"PK")
    card = next(vobject.readComponents(files["vcard"].read_text("utf-8")))
    assert card.fn.value == "李娜"
    event = icalendar.Calendar.from_ical(files["ics"].read_bytes()).walk("VEVENT")[0]
    assert str(event["summary"]) == "回访"
    document = json.loads(files["json"].read_text("utf-8"))
    assert document["format"] == "crm-desktop-workspace" and len(document["contacts"]) == 1


def test_bad_input_is_one_line_exit_1_and_no_file(cli: Cli, tmp_path: Path) -> None:
    """An unknown format, a missing folder, a filter json cannot take, a name GBK cannot write."""
    unknown = cli("export", "pdf", "--out", str(tmp_path / "x.pdf"))
    assert unknown.code == 1 and "pdf" in unknown.err and len(unknown.err_lines) == 1
    missing = cli("export", "csv", "--out", str(tmp_path / "nope" / "x.csv"))
    assert missing.code == 1 and "nope" in missing.err and len(missing.err_lines) == 1
    filtered = cli("export", "json", "--out", str(tmp_path / "w.json"), "--tag", "x")
    assert filtered.code == 1 and "whole workspace" in filtered.err
    assert cli("contact", "add", "--name", "𠮷野家").code == 0
    gbk = cli("export", "csv", "--out", str(tmp_path / "g.csv"), "--encoding", "gbk")
    assert gbk.code == 1 and "𠮷野家" in gbk.err and "GB18030" in gbk.err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["workspace"]
