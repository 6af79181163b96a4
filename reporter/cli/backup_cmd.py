"""settings, backup, restore: surviving seizure, coercion and a lost laptop."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from reporter.cli.commands import add_command, add_group
from reporter.cli.context import CliContext, add_json_flag, read_passphrase_file
from reporter.cli.questions_cmd import register_settings
from reporter.cli.settings_cmd import register_connection
from reporter.errors import UsageError
from reporter.vault.vault import Vault

_BACKUP_ENV = "TESTIGO_BACKUP_PASSPHRASE"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    settings = add_group(sub, "settings", "protections against seizure and coercion")
    p = add_command(
        settings,
        "wipe-after",
        "wipe the vault after N wrong passphrases in a row (off by default)",
        "testigo-cli settings wipe-after 10",
    )
    p.add_argument("count", choices=["5", "10", "20", "off"], help="5, 10, 20 or off")
    p.set_defaults(handler=cmd_wipe_after)
    p = add_command(
        settings,
        "duress",
        "set a second passphrase that opens a decoy vault (new and empty: add its"
        " incidents by opening it with that passphrase)",
        "TESTIGO_DURESS_PASSPHRASE='…' testigo-cli settings duress --destroy-real",
    )
    p.add_argument(
        "--destroy-real",
        action="store_true",
        help="opening the decoy also destroys the real key, silently",
    )
    p.add_argument("--off", action="store_true", help="remove the duress passphrase and decoy")
    p.add_argument("--duress-passphrase-file", help="read the duress passphrase from this file")
    p.set_defaults(handler=cmd_duress)
    register_settings(settings)
    register_connection(settings)

    p = add_command(
        sub,
        "backup",
        "write the whole vault, encrypted, into one age file",
        "TESTIGO_BACKUP_PASSPHRASE='…' testigo-cli backup --out vault.age",
    )
    p.add_argument("--out", required=True, metavar="FILE", help="the backup file to write")
    p.add_argument(
        "--to-coalition",
        action="store_true",
        help="encrypt to the coalition's key instead of a backup passphrase",
    )
    p.add_argument("--backup-passphrase-file", help="read the backup passphrase from this file")
    add_json_flag(p)
    p.set_defaults(handler=cmd_backup)

    p = add_command(
        sub,
        "restore",
        "put a backup's vault back (refused if it was changed)",
        "TESTIGO_BACKUP_PASSPHRASE='…' testigo-cli restore vault.age",
    )
    p.add_argument("file", help="the backup file")
    p.add_argument(
        "--replace",
        action="store_true",
        help="replace the vault that is here (without it, an existing vault stays)",
    )
    p.add_argument("--backup-passphrase-file", help="read the backup passphrase from this file")
    p.add_argument(
        "--identity",
        metavar="KEYFILE",
        help="a backup to the coalition: open it with this age identity file"
        " (from 'coalition export-identity')",
    )
    p.set_defaults(handler=cmd_restore)


def cmd_wipe_after(args: argparse.Namespace, ctx: CliContext) -> int:
    count = 0 if args.count == "off" else int(args.count)
    secret = ctx.passphrase()
    with Vault.open(ctx.home, secret) as vault:
        vault.set_wipe_after(secret, count)
    ctx.say(
        ctx.tr("Wipe after {count} wrong passphrases: on.").format(count=count)
        if count
        else ctx.tr("Wipe after wrong passphrases: off.")
    )
    return 0


def cmd_duress(args: argparse.Namespace, ctx: CliContext) -> int:
    secret = ctx.passphrase()
    duress: str | None = None
    if args.off and args.destroy_real:
        raise UsageError("--off and --destroy-real do not go together")
    if not args.off:
        if args.duress_passphrase_file:
            duress = read_passphrase_file(args.duress_passphrase_file)
        else:
            duress = ctx.new_passphrase(env_var="TESTIGO_DURESS_PASSPHRASE")
    with Vault.open(ctx.home, secret) as vault:
        vault.set_duress(secret, duress, destroy_real=args.destroy_real)
    ctx.say(
        ctx.tr("Duress passphrase removed.")
        if args.off
        else ctx.tr("Duress passphrase set: it opens a new, empty decoy vault.")
    )
    return 0


def _backup_passphrase(args: argparse.Namespace, ctx: CliContext, new: bool) -> str:
    if args.backup_passphrase_file:
        return read_passphrase_file(args.backup_passphrase_file)
    if new:
        return ctx.new_passphrase(env_var=_BACKUP_ENV)
    env = os.environ.get(_BACKUP_ENV)
    return _prompt(ctx) if env is None else env


def _prompt(ctx: CliContext) -> str:
    import getpass
    import sys

    if not sys.stdin.isatty():
        raise UsageError(f"no backup passphrase: set {_BACKUP_ENV} or --backup-passphrase-file")
    return getpass.getpass(ctx.tr("Backup passphrase: "))


def cmd_backup(args: argparse.Namespace, ctx: CliContext) -> int:
    from reporter.age import Recipient, ScryptRecipient
    from reporter.vault.backup import backup_to_file

    out = Path(args.out)
    with ctx.open_vault() as vault:
        if args.to_coalition:
            from reporter.share.profile import current_profile

            profile = current_profile(vault)
            if profile is None:
                raise UsageError("no coalition profile: load one, or back up to a passphrase")
            recipients: list[Recipient] = list(profile.age_recipients())
        else:
            recipients = [ScryptRecipient(_backup_passphrase(args, ctx, new=True))]
        size = backup_to_file(vault, out, recipients)
    ctx.emit(
        {"out": str(out), "bytes": size},
        ctx.tr("Backup written to {path}.").format(path=out),
    )
    return 0


def cmd_restore(args: argparse.Namespace, ctx: CliContext) -> int:
    from reporter.age import Identity, ScryptIdentity
    from reporter.vault.backup import identities_from_file, restore_from_file

    identities: list[Identity]
    if args.identity:
        if args.backup_passphrase_file:
            raise UsageError("--identity and --backup-passphrase-file do not go together")
        identities = identities_from_file(Path(args.identity))
    else:
        identities = [ScryptIdentity(_backup_passphrase(args, ctx, new=False))]
    restore_from_file(Path(args.file), ctx.home, identities, replace=args.replace)
    ctx.say(ctx.tr("Vault restored in {path}.").format(path=ctx.home))
    return 0
