"""`crm init`, `passphrase change`, `unlock --recovery-key`, `key export`, `remember`, `forget`."""

from __future__ import annotations

import argparse

from crm_desktop.cli_commands import passphrases
from crm_desktop.cli_commands.context import Context
from crm_desktop.cli_commands.output import notice
from crm_desktop.cli_commands.parsing import Subparsers
from crm_desktop.core.errors import KeyringUnavailableError, WorkspaceExistsError
from crm_desktop.core.i18n import N_, _


def register(commands: Subparsers) -> None:
    init = commands.add_parser("init", help=_("create a new encrypted workspace"),
                               description=_("Create a new encrypted workspace and print its "
                                             "recovery key."))
    init.add_argument("--business-name", default="", help=_("your business's name"))
    init.add_argument("--currency", default="CNY", help=_("default currency (ISO 4217 code)"))
    init.add_argument("--region", default="CN",
                      help=_("default phone region (two-letter country code)"))
    init.add_argument("--remember", action="store_true",
                      help=_("remember the key on this computer's keyring"))
    init.set_defaults(handler=init_command)

    passphrase = commands.add_parser("passphrase", help=_("change the passphrase"))
    actions = passphrase.add_subparsers(dest="action", required=True, metavar="ACTION")
    change = actions.add_parser("change", help=_("set a new passphrase (asks for the current one)"),
                                description=_("Set a new passphrase. Scripts can give it in "
                                              "CRM_NEW_PASSPHRASE."))
    change.set_defaults(handler=change_passphrase)

    unlock = commands.add_parser("unlock", help=_("regain access with the recovery key"),
                                 description=_("Open the workspace with the recovery key "
                                               "(CRM_RECOVERY_KEY or a prompt) and set a new "
                                               "passphrase."))
    unlock.add_argument("--recovery-key", action="store_true", required=True,
                        help=_("use the recovery key printed by `crm init`"))
    unlock.set_defaults(handler=unlock_with_recovery_key)

    key = commands.add_parser("key", help=_("export the raw data key"))
    key_actions = key.add_subparsers(dest="action", required=True, metavar="ACTION")
    export = key_actions.add_parser("export", help=_("print the key that opens the file in any "
                                                     "SQLCipher 4 tool (asks for the passphrase)"))
    export.set_defaults(handler=export_key)

    remember = commands.add_parser("remember",
                                   help=_("remember the key on this computer's keyring"))
    remember.set_defaults(handler=remember_key)
    forget = commands.add_parser("forget", help=_("remove the remembered key from this computer"))
    forget.set_defaults(handler=forget_key)


def init_command(ctx: Context, args: argparse.Namespace) -> None:
    vault = ctx.vault()
    if args.remember and not vault.keystore.available():
        raise KeyringUnavailableError()
    if ctx.paths.key_slots.exists() or ctx.paths.database.exists():
        raise WorkspaceExistsError(path=str(ctx.paths.root))
    passphrase = passphrases.new_for_workspace(ctx.passphrase_file)
    from crm_desktop.core.setup import init_workspace  # heavy: keep `crm --help` fast

    created = init_workspace(ctx.paths, vault.keystore, passphrase, language=ctx.language,
                             business_name=args.business_name, currency=args.currency,
                             region=args.region)
    created.crm.close()
    print(_("Created a new workspace."))
    print(_("Recovery key: {key}").format(key=created.recovery_key))
    print(_("Write the recovery key down now and keep it away from this computer. It is shown "
            "only this once, and it is the only way back in if you forget your passphrase."))
    if args.remember:
        vault.remember(vault.unlock(passphrase))
        print(_("This computer remembers the key; crm will not ask for the passphrase here."))
    print(_("Your data is in {path}").format(path=ctx.paths.root))


def change_passphrase(ctx: Context, _args: argparse.Namespace) -> None:
    ctx.require_workspace()
    data_key = ctx.vault().unlock(passphrases.current(ctx.passphrase_file,
                                                      N_("Current passphrase: ")))
    ctx.vault().change_passphrase(data_key, passphrases.new_for_change())
    print(_("The passphrase has been changed; the old one no longer opens this workspace."))


def unlock_with_recovery_key(ctx: Context, _args: argparse.Namespace) -> None:
    ctx.require_workspace()
    data_key = ctx.vault().unlock_with_recovery_key(passphrases.recovery_key())
    ctx.vault().change_passphrase(data_key, passphrases.new_for_change())
    print(_("The recovery key was accepted and the new passphrase is set. "
            "The recovery key stays the same: keep it safe."))


def export_key(ctx: Context, _args: argparse.Namespace) -> None:
    hex_key = ctx.unlock_with_passphrase().hex()
    notice(_("Warning: this key opens all the data in {path}. Anyone who has it and the file "
           "can read everything. Never store it next to the file.")
         .format(path=ctx.paths.database))
    print(hex_key)
    print(_("To open the file with any SQLCipher 4 tool, run this first:"))
    print(f"PRAGMA key = \"x'{hex_key}'\";")
    print(_("The file uses the SQLCipher 4 default settings; with this raw key, no key "
            "derivation runs."))


def remember_key(ctx: Context, _args: argparse.Namespace) -> None:
    ctx.require_workspace()
    vault = ctx.vault()
    if not vault.keystore.available():
        raise KeyringUnavailableError()
    vault.remember(ctx.unlock_with_passphrase())
    print(_("This computer now remembers the key of {path}; crm will not ask for the passphrase "
            "here. Undo with `crm forget`.").format(path=ctx.paths.root))


def forget_key(ctx: Context, _args: argparse.Namespace) -> None:
    ctx.require_workspace()
    ctx.vault().forget()
    print(_("This computer no longer remembers the key of {path}.").format(path=ctx.paths.root))
