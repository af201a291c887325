"""`crm backup create|list|verify|restore|prune`: for people and for cron / Task Scheduler."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from crm_desktop.cli_commands import passphrases
from crm_desktop.cli_commands.context import CliError, Context
from crm_desktop.cli_commands.output import add_json_flag, as_json, fields, local_time, table
from crm_desktop.cli_commands.parsing import Subparsers
from crm_desktop.core.backup.config import load_config
from crm_desktop.core.backup.manifest import Manifest
from crm_desktop.core.backup.restore import apply_restore, discard_restore, prepare_restore
from crm_desktop.core.backup.service import backup_folder, list_backups, prune_backups
from crm_desktop.core.backup.verify import CHECK_LABELS, BackupKey, VerifyReport, read_backup, verify_backup
from crm_desktop.core.i18n import N_, _
from crm_desktop.core.storage.lock import WorkspaceLock

EXIT_FAILED_CHECK = 1


def register(commands: Subparsers) -> None:
    backup = commands.add_parser("backup", help=_("back up, list, verify, restore and prune backups"))
    actions = backup.add_subparsers(dest="action", required=True, metavar="ACTION")
    create = actions.add_parser("create", help=_("make and verify a backup now"))
    create.add_argument("--to", metavar="DIR", help=_("backup folder (default: the chosen one)"))
    create.add_argument("--prune", action="store_true", help=_("then delete backups the retention policy no longer keeps"))
    add_json_flag(create)
    create.set_defaults(handler=create_backup)
    listing = actions.add_parser("list", help=_("list the backups in a folder"))
    listing.add_argument("folder", nargs="?", metavar="DIR")
    add_json_flag(listing)
    listing.set_defaults(handler=list_folder)
    for name, handler, text in (("verify", verify, _("check a backup end to end")),
                                ("restore", restore, _("replace the workspace with a backup"))):
        parser = actions.add_parser(name, help=text)
        parser.add_argument("file", metavar="FILE")
        parser.add_argument("--recovery-key", action="store_true",
                            help=_("open the backup with its recovery key (CRM_RECOVERY_KEY or asked)"))
        parser.set_defaults(handler=handler)
        if name == "verify":
            add_json_flag(parser)
        else:
            parser.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))
    prune = actions.add_parser("prune", help=_("delete backups the retention policy no longer keeps"))
    prune.add_argument("folder", nargs="?", metavar="DIR")
    prune.set_defaults(handler=prune_folder)


def create_backup(ctx: Context, args: argparse.Namespace) -> None:
    with ctx.open(write=False) as crm:
        report = crm.backups.back_up(Path(args.to) if args.to else None, prune=args.prune,
                                     progress=_progress_printer())
    if args.json:
        as_json(_report_json(report))
        return
    print(_("Backup written and verified: {path}").format(path=report.path))


def list_folder(ctx: Context, args: argparse.Namespace) -> None:
    folder = backup_folder(load_config(ctx.paths.backup_config), _path(args.folder))
    entries = list_backups(folder)
    if args.json:
        as_json([{"file": str(e.path), "problem": e.problem,
                  "manifest": _manifest_json(e.manifest) if e.manifest else None} for e in entries])
        return
    table((_("Made"), _("Device"), _("Schema"), _("Contacts"), _("Size"), _("File")),
          ((local_time(e.manifest.created_at), e.manifest.device_name, e.manifest.schema_revision,
            e.manifest.counts.get("contacts", 0), _size(e.path), e.path.name) if e.manifest
           else ("", "", "", "", _size(e.path), f"{e.path.name}: {e.problem}") for e in entries))


def verify(ctx: Context, args: argparse.Namespace) -> int:
    path = Path(args.file)
    manifest, _slots = read_backup(path)
    report = verify_backup(path, _key(ctx, args, manifest), ctx.paths.backup_work,
                           progress=_progress_printer())
    if args.json:
        as_json(_report_json(report))
    else:
        for check in report.checks:
            mark = "✓" if check.ok else "✗"
            print(f"{mark} {_(CHECK_LABELS[check.name])}" + (f": {check.detail}" if check.detail else ""))
        print(_("The backup is sound.") if report.ok else _("The backup FAILED verification."))
    return 0 if report.ok else EXIT_FAILED_CHECK


def restore(ctx: Context, args: argparse.Namespace) -> None:
    path = Path(args.file)
    manifest, _slots = read_backup(path)
    _preview(manifest)
    if not args.yes:
        _confirm()
    lock = WorkspaceLock(ctx.paths.lock_file)
    ctx.paths.root.mkdir(parents=True, exist_ok=True)
    lock.acquire()  # before the long verification: another window holding it stops us at once
    try:
        plan = prepare_restore(ctx.paths, path, _key(ctx, args, manifest), _progress_printer())
        try:
            safety = apply_restore(ctx.paths, plan, held=lock)
        except BaseException:
            discard_restore(ctx.paths)
            raise
    finally:
        lock.release()
    print(_("Restored the backup of {date}. The previous workspace is kept in {folder}.").format(
        date=local_time(manifest.created_at), folder=safety))


def prune_folder(ctx: Context, args: argparse.Namespace) -> None:
    config = load_config(ctx.paths.backup_config)
    removed = prune_backups(backup_folder(config, _path(args.folder)), config.retention,
                            datetime.now(UTC))
    for path in removed:
        print(_("Deleted {file}").format(file=path.name))
    print(_("{count} backup(s) deleted by the retention policy.").format(count=len(removed)))


def _key(ctx: Context, args: argparse.Namespace, manifest: Manifest) -> BackupKey:
    """This computer's remembered key when it fits, else the backup's passphrase or recovery key."""
    if args.recovery_key:
        return BackupKey(recovery_key=passphrases.recovery_key())
    if ctx.paths.exists():
        remembered = ctx.vault().remembered_key()
        if remembered and manifest.signature_valid(remembered):
            return BackupKey(data_key=remembered)
    return BackupKey(passphrase=passphrases.current(ctx.passphrase_file))


def _preview(manifest: Manifest) -> None:
    fields(((_("Made"), local_time(manifest.created_at)), (_("Device"), manifest.device_name),
            (_("App version"), manifest.app_version), (_("Schema"), manifest.schema_revision),
            (_("Contacts"), manifest.counts.get("contacts", 0)),
            (_("Companies"), manifest.counts.get("companies", 0)),
            (_("Deals"), manifest.counts.get("deals", 0))))


def _confirm() -> None:
    if not sys.stdin.isatty():
        raise CliError(N_("Restoring replaces the workspace: add --yes to confirm."))
    answer = input(_("Replace the current workspace with this backup? [y/N] "))
    if answer.strip().lower() not in ("y", "yes", "是", "好"):
        raise CliError(N_("Nothing was restored."))


def _progress_printer() -> Callable[[int, int], None] | None:
    if not sys.stderr.isatty():
        return None
    return lambda done, total: print(f"\r{100 * done // max(total, 1):3d}%", end="", file=sys.stderr)


def _report_json(report: VerifyReport) -> dict[str, object]:
    return {"file": str(report.path), "ok": report.ok,
            "checks": [{"name": c.name, "ok": c.ok, "detail": c.detail} for c in report.checks],
            "manifest": _manifest_json(report.manifest) if report.manifest else None}


def _manifest_json(manifest: Manifest) -> dict[str, object]:
    return {"created_at": manifest.created_at.isoformat(), "app_version": manifest.app_version,
            "schema_revision": manifest.schema_revision, "device_id": manifest.device_id,
            "device_name": manifest.device_name, "counts": manifest.counts,
            "database_sha256": manifest.database_sha256, "database_bytes": manifest.database_bytes}


def _path(text: str | None) -> Path | None:
    return Path(text) if text else None


def _size(path: Path) -> str:
    return f"{path.stat().st_size / 1_048_576:.1f} MB"
