"""`crm import`: a dry run shows each row, invalid rows stop the import unless accepted, undo works."""

from __future__ import annotations

from pathlib import Path

from tests.cli.support import Cli
from tests.core.import_support import fixture


def _csv(tmp_path: Path, text: str, encoding: str = "utf-8") -> str:
    path = tmp_path / "list.csv"
    path.write_bytes(text.encode(encoding))
    return str(path)


def _names(cli: Cli) -> set[str]:
    return {c["display_name"] for c in cli.json("contact", "list")}


def test_dry_run_reports_rows_and_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    """--dry-run --json gives the detected format, the counts and each row's action and reasons."""
    path = _csv(tmp_path, "姓名,手机\n王五,13800000005\n李娜,13912345678\n赵六,12\n", "gb18030")
    plan = cli.json("import", path, "--dry-run")
    assert (plan["format"], plan["encoding"], plan["written"]) == ("csv", "gb18030", False)
    assert plan["counts"] == {"create": 1, "update": 0, "skip": 1, "invalid": 1}
    assert [(r["line"], r["action"]) for r in plan["rows"]] == [(2, "create"), (3, "skip"), (4, "invalid")]
    assert "already here as 李娜 (same phone number)" in plan["rows"][1]["reasons"][0]
    assert "'12' is not a valid phone number." in plan["rows"][2]["reasons"]
    assert _names(cli) == {"李娜"}


def test_invalid_rows_stop_the_import_until_accepted(cli: Cli, tmp_path: Path) -> None:
    """With an invalid row nothing is written and the exit code is 1; --skip-invalid imports the rest."""
    path = _csv(tmp_path, "姓名,手机\n王五,13800000005\n赵六,12\n")
    refused = cli("import", path)
    assert refused.code == 1 and "--skip-invalid" in refused.err and "line" not in refused.err
    assert "Traceback" not in refused.err
    assert _names(cli) == {"李娜"}
    accepted = cli("import", path, "--skip-invalid")
    assert accepted.code == 0, accepted.err
    assert _names(cli) == {"李娜", "王五"}


def test_import_then_undo_by_batch_id(cli: Cli) -> None:
    """The batch id printed after an import undoes exactly that import."""
    done = cli.json("import", str(fixture("iphone-3.0.vcf")))
    assert done["written"] and _names(cli) == {"李娜", "黄小龙"}
    undone = cli.json("import", "undo", done["batch_id"])
    assert undone["batch_id"] == done["batch_id"]
    assert _names(cli) == {"李娜"}
    again = cli("import", "undo", done["batch_id"])
    assert again.code == 1 and "undone already" in again.err


def test_messages_in_chinese_and_a_bad_file_named(cli: Cli, tmp_path: Path) -> None:
    """A broken CSV gets one translated line naming the file and the line; exit 1, no traceback."""
    path = _csv(tmp_path, 'Name,Phone\n"Anna,1\n')
    result = cli("import", path, CRM_LANG="zh_CN")
    assert result.code == 1 and "Traceback" not in result.err
    assert "list.csv" in result.err and "2" in result.err
    assert "引号" in result.err


def test_saved_mapping_and_forced_encoding(cli: Cli, tmp_path: Path) -> None:
    """--save-mapping keeps the mapping; --mapping uses it; --encoding overrides detection."""
    path = _csv(tmp_path, "姓名,手机\n钱七,13800000077\n", "gb18030")
    wrong = cli("import", path, "--encoding", "utf-8", "--dry-run")
    assert wrong.code == 1 and "line 1" in wrong.err and "GB18030" in wrong.err
    assert cli("import", path, "--save-mapping", "店里的名单").code == 0
    plan = cli.json("import", path, "--mapping", "店里的名单", "--dry-run")
    assert plan["counts"]["skip"] == 1
    unknown = cli("import", path, "--mapping", "nope")
    assert unknown.code == 1 and "nope" in unknown.err


def test_own_json_export_is_recognised_and_matched_by_id(cli: Cli, tmp_path: Path) -> None:
    """`crm import` of our workspace JSON finds every contact already here (same id)."""
    out = tmp_path / "all.json"
    assert cli("export", "json", "--out", str(out)).code == 0
    plan = cli.json("import", str(out), "--dry-run")
    assert plan["format"] == "json"
    assert plan["counts"] == {"create": 0, "update": 0, "skip": 1, "invalid": 0}
    assert "(same record id)" in plan["rows"][0]["reasons"][0]
