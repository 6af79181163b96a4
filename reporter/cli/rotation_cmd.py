"""coalition rotate / publish and coordination keys import: a new coalition key epoch.

Thin callers of reporter.coordination.rotation; ``coalition_cmd`` and ``coordination_cmd`` add
these to their groups (passing how the coalition keys' passphrase is read), so neither imports
the other.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reporter.cli.commands import add_command
from reporter.cli.context import CliContext, add_json_flag
from reporter.errors import Conflict, InvalidInput, UsageError
from reporter.fsutil import atomic_write, read_regular
from reporter.i18n import N_, Texts
from reporter.share.coalition import CoalitionKeys, load_coalition_keys

if TYPE_CHECKING:
    from reporter.vault.vault import Vault

KeysPassphrase = Callable[[argparse.Namespace, CliContext], str]


_ROTATION = Texts(
    {
        "rotated": N_(
            "The coalition's key is now epoch {epoch}; bundles sealed to epoch {old} are "
            "accepted until {until}."
        ),
        "written": N_("Epoch keys for {n} coordinator(s) written to {file}."),
        "published": N_("Profile published on the relay; epoch keys sent ({sent} object(s))."),
        "skipped": N_("Epoch keys not sent through the relay ({why}): use --out and --to."),
        "failed": N_("The relay could not be reached ({code}): run 'coalition publish' later."),
        "imported": N_("Epoch keys imported: this vault now opens epoch {epoch}."),
    }
)


def register_rotation(
    group: argparse._SubParsersAction,  # type: ignore[type-arg]
    keys_passphrase: KeysPassphrase,
) -> None:
    """``coalition rotate`` and ``coalition publish``."""
    p = add_command(
        group,
        "rotate",
        "a new coalition key epoch: new identity, new signed profile, sent to coordinators",
        "testigo-cli coalition rotate --dir ./coalicion --grace-days 30",
    )
    p.add_argument("--dir", required=True, help="the coalition folder (keys and profile)")
    p.add_argument(
        "--grace-days",
        type=int,
        default=30,
        help="days bundles sealed to the old key are still accepted (default 30; 0 to 365)",
    )
    _delivery_flags(p)
    p.set_defaults(handler=cmd_rotate, read_keys_passphrase=keys_passphrase)
    p = add_command(
        group,
        "publish",
        "send the current epoch's keys to the coordinators and its profile to the relay again",
        "testigo-cli coalition publish --dir ./coalicion",
    )
    p.add_argument("--dir", required=True, help="the coalition folder (keys and profile)")
    _delivery_flags(p)
    p.set_defaults(handler=cmd_publish, read_keys_passphrase=keys_passphrase)


def _delivery_flags(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", metavar="FILE", help="also write the epoch keys to FILE (offline)")
    p.add_argument(
        "--to",
        action="append",
        default=[],
        metavar="CARD",
        help="a coordinator card the --out file is sealed to (repeatable)",
    )
    p.add_argument(
        "--no-vault",
        action="store_true",
        help="only the coalition folder (and --out): do not open this computer's vault",
    )
    p.add_argument("--keys-passphrase-file", help="passphrase for the coalition keys file")
    add_json_flag(p)


def _cards(args: argparse.Namespace) -> list[Any]:
    """The --to cards, read and checked before anything changes."""
    from reporter.age import X25519Recipient
    from reporter.coordination.identity import parse_card

    if bool(args.out) != bool(args.to):
        raise UsageError("--out and --to go together")
    if args.out and Path(args.out).exists():
        raise Conflict(reason="the output file exists; nothing was replaced")
    recipients = []
    for name in args.to:
        try:
            data = read_regular(Path(name))
        except OSError:
            raise InvalidInput("cannot read the coordinator card") from None
        recipients.append(X25519Recipient.from_string(parse_card(data).recipient))
    return recipients


def _deliver(
    args: argparse.Namespace, ctx: CliContext, keys: CoalitionKeys, vault: Vault | None
) -> dict[str, Any]:
    from reporter.coordination.epoch_keys import epoch_keys_object
    from reporter.coordination.rotation import publish_epoch, seal_for

    t = _ROTATION[ctx.lang]
    info: dict[str, Any] = {"epoch": keys.profile.epoch, "profile_id": keys.profile.profile_id}
    if args.out:
        atomic_write(Path(args.out), seal_for(epoch_keys_object(keys), args.recipients))
        info["file"] = args.out
        ctx.say(t["written"].format(n=len(args.recipients), file=args.out))
    if vault is not None:
        report = publish_epoch(vault, keys)
        info["relay"] = report.to_json()
        if report.error:
            ctx.say(t["failed"].format(code=report.error))
        elif report.profile_published:
            ctx.say(t["published"].format(sent=report.objects_sent))
        if report.skipped and not args.out:
            ctx.say(t["skipped"].format(why=report.skipped))
    return info


def _coordinator_vault(args: argparse.Namespace, ctx: CliContext) -> Vault | None:
    from reporter.vault.vault import vault_exists

    if args.no_vault or not vault_exists(ctx.home):
        return None
    return ctx.open_vault()


def cmd_rotate(args: argparse.Namespace, ctx: CliContext) -> int:
    from reporter.coordination.rotation import check_same_coalition
    from reporter.share.coalition import rotate_coalition

    args.recipients = _cards(args)
    passphrase = args.read_keys_passphrase(args, ctx)
    vault = _coordinator_vault(args, ctx)
    try:
        if vault is not None:  # refuse before anything changes
            check_same_coalition(vault, load_coalition_keys(Path(args.dir), passphrase))
        keys = rotate_coalition(Path(args.dir), passphrase, args.grace_days)
        old, until = keys.profile.previous_epochs[0]
        info = _deliver(args, ctx, keys, vault)
    finally:
        if vault is not None:
            vault.close()
    text = _ROTATION[ctx.lang]["rotated"].format(epoch=keys.profile.epoch, old=old, until=until)
    ctx.emit({**info, "accepted_until": {str(old): until}}, text + f"\n{keys.profile.fingerprint}")
    return 0


def cmd_publish(args: argparse.Namespace, ctx: CliContext) -> int:
    args.recipients = _cards(args)
    keys = load_coalition_keys(Path(args.dir), args.read_keys_passphrase(args, ctx))
    vault = _coordinator_vault(args, ctx)
    try:
        info = _deliver(args, ctx, keys, vault)
    finally:
        if vault is not None:
            vault.close()
    said = ctx.tr("epoch {epoch}: {fingerprint}")
    ctx.emit(info, said.format(epoch=keys.profile.epoch, fingerprint=keys.profile.fingerprint))
    return 0


def register_keys(group: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """``coordination keys import``: the offline path of a new epoch's keys."""
    from reporter.cli.commands import add_group

    keys = add_group(group, "keys", "the coalition's key epochs this coordinator vault holds")
    p = add_command(
        keys,
        "import",
        "import a new coalition key epoch sealed to this coordinator (coalition rotate --out)",
        "testigo-cli coordination keys import epoch-2.testigo-keys",
    )
    p.add_argument("file")
    add_json_flag(p)
    p.set_defaults(handler=cmd_keys_import)


def cmd_keys_import(args: argparse.Namespace, ctx: CliContext) -> int:
    from reporter.coordination.rotation import import_file

    try:
        data = read_regular(Path(args.file))
    except OSError:
        raise InvalidInput("cannot read the epoch keys file") from None
    with ctx.open_vault() as vault:
        profile = import_file(vault, data)
    ctx.emit(
        {"epoch": profile.epoch, "profile_id": profile.profile_id},
        _ROTATION[ctx.lang]["imported"].format(epoch=profile.epoch),
    )
    return 0
