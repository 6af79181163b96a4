"""init, passwd, status, wipe: the life of a vault."""

from __future__ import annotations

import argparse
from pathlib import Path

from reporter.cli.commands import add_command
from reporter.cli.context import CliContext, add_json_flag, read_passphrase_file
from reporter.errors import UsageError, VaultNotFound
from reporter.i18n import N_
from reporter.vault import vault as vault_mod
from reporter.vault.vault import Vault


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = add_command(
        sub,
        "init",
        "create a new encrypted vault in the data directory",
        "TESTIGO_PASSPHRASE='…' testigo-cli --home ~/testigo init",
    )
    p.add_argument(
        "--role",
        choices=vault_mod.ROLES,
        default="reporter",
        help="reporter (default) or coordinator",
    )
    p.add_argument(
        "--coalition-dir",
        metavar="DIR",
        help="coordinator: the directory `coalition create` wrote (its keys move"
        " into the vault; their passphrase from $TESTIGO_COALITION_PASSPHRASE,"
        " --keys-passphrase-file or a prompt)",
    )
    p.add_argument("--keys-passphrase-file", help="passphrase of the coalition keys file")
    add_json_flag(p)
    p.set_defaults(handler=cmd_init)

    p = add_command(
        sub,
        "passwd",
        "change the passphrase (rewraps the key; data untouched)",
        "TESTIGO_PASSPHRASE=old TESTIGO_NEW_PASSPHRASE=new testigo-cli passwd",
    )
    p.add_argument("--new-passphrase-file", help="read the new passphrase from this file")
    p.set_defaults(handler=cmd_passwd)

    p = add_command(
        sub,
        "status",
        "show the vault's state (counts, key parameters, schema)",
        "testigo-cli status --check --json",
    )
    p.add_argument(
        "--check",
        action="store_true",
        help="also verify the database page by page (PRAGMA integrity_check)",
    )
    add_json_flag(p)
    p.set_defaults(handler=cmd_status)

    p = add_command(
        sub,
        "wipe",
        "destroy the vault: the key first, then all data (no undo)",
        "testigo-cli wipe --yes",
    )
    p.add_argument("--yes", action="store_true", help="confirm: this cannot be undone")
    p.set_defaults(handler=cmd_wipe)


def cmd_init(args: argparse.Namespace, ctx: CliContext) -> int:
    from reporter.onboarding import create_vault
    from reporter.share.device import device_identity

    keys_secret = None
    if args.coalition_dir:
        if args.role != "coordinator":
            raise UsageError("--coalition-dir goes with --role coordinator")
        from reporter.cli.coalition_cmd import keys_passphrase

        keys_secret = keys_passphrase(args, ctx)
    secret = ctx.new_vault_passphrase()
    coalition = Path(args.coalition_dir) if args.coalition_dir else None
    with create_vault(ctx.home, secret, args.role, coalition, keys_secret) as vault:
        device = device_identity(vault)
        info = {
            "home": str(ctx.home),
            "role": vault.role,
            "vault_id": vault.vault_id,
            "device_id": device.device_id,
            "device_fingerprint": device.fingerprint,
        }
    ctx.emit(
        info,
        ctx.tr("Vault created in {home} (role: {role}).\nDevice fingerprint: {fingerprint}").format(
            home=ctx.home, role=info["role"], fingerprint=device.fingerprint
        ),
    )
    return 0


def cmd_passwd(args: argparse.Namespace, ctx: CliContext) -> int:
    old = ctx.passphrase(N_("Current passphrase: "))
    if args.new_passphrase_file:
        new = read_passphrase_file(args.new_passphrase_file)
    else:
        new = ctx.new_passphrase()
    with Vault.open(ctx.home, old) as vault:
        vault.change_passphrase(old, new)
    ctx.say(ctx.tr("Passphrase changed."))
    return 0


def cmd_status(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_vault() as vault:
        info = {
            "home": str(ctx.home),
            "role": vault.role,
            "vault_id": vault.vault_id,
            "schema_version": vault.schema_version(),
            "incidents": vault.incidents.count(),
            "attachments": int(vault.query("SELECT count(*) FROM attachments")[0][0]),
            "wipe_after": vault.wipe_after or None,
            "last_backup_at": vault.get_meta("last_backup_at"),
            "kdf": {
                "name": "argon2id",
                "memory_kib": vault.kdf.memory_kib,
                "iterations": vault.kdf.iterations,
                "lanes": vault.kdf.lanes,
            },
        }
        if args.check:
            info["integrity"] = vault.integrity_check()
        from reporter.share.device import device_identity
        from reporter.share.profile import current_profile

        device = device_identity(vault)
        info["device_id"] = device.device_id
        info["device_fingerprint"] = device.fingerprint
        profile = current_profile(vault)
        info["coalition"] = (
            None if profile is None else {"name": profile.name, "fingerprint": profile.fingerprint}
        )
    lines = [
        f"{ctx.tr(k)}: {ctx.tr('None') if v is None else v}"  # keys are msgids
        for k, v in info.items()
        if not isinstance(v, dict)
    ]
    ctx.emit(info, "\n".join(lines))
    return 0


def cmd_wipe(args: argparse.Namespace, ctx: CliContext) -> int:
    if not args.yes:
        raise UsageError("wipe destroys everything; confirm with --yes")
    if not vault_mod.vault_exists(ctx.home):
        raise VaultNotFound()
    vault_mod.wipe(ctx.home)
    ctx.say(ctx.tr("Vault destroyed."))
    return 0
