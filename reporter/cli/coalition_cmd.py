"""coalition create / export-identity (rotate / publish: rotation_cmd), profile import / show."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from reporter.cli.commands import add_command, add_group
from reporter.cli.context import CliContext, add_json_flag
from reporter.cli.coordination_cmd import register_roster
from reporter.cli.rotation_cmd import register_rotation
from reporter.errors import InvalidInput
from reporter.fsutil import read_regular
from reporter.i18n import N_
from reporter.share.coalition import (
    PROFILE_FILE,
    QR_FILE,
    create_coalition,
    export_identity,
    load_coalition_keys,
)
from reporter.share.fingerprint import qr_terminal
from reporter.share.policy import Policy
from reporter.share.profile import current_profile, import_profile, require_profile

KEYS_ENV = "TESTIGO_COALITION_PASSPHRASE"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    group = add_group(sub, "coalition", "make a coalition's keys and signed profile")
    p = add_command(
        group,
        "create",
        "create a coalition: keys (encrypted) + signed profile",
        "TESTIGO_COALITION_PASSPHRASE='…' testigo-cli coalition create --name "
        "'Red TDT' --relay https://relay.example.org --out ./coalicion",
    )
    p.add_argument("--name", required=True)
    p.add_argument(
        "--relay",
        action="append",
        required=True,
        metavar="URL",
        help="relay URL (repeatable; an http://….onion address too)",
    )
    p.add_argument("--tls-pin", help="the relay's TLS key pin, as `relay cert` prints it")
    p.add_argument(
        "--recipients",
        choices=["hybrid", "x25519"],
        default="hybrid",
        help="hybrid post-quantum (default) or classical x25519 for old age tools",
    )
    p.add_argument(
        "--date-precision",
        choices=["day", "week", "month"],
        default="day",
        help="finest date the coalition accepts (with the reporter's consent)",
    )
    p.add_argument(
        "--location-precision", choices=["municipality", "state"], default="municipality"
    )
    p.add_argument(
        "--no-free-text", action="store_true", help="never accept titles and descriptions"
    )
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--keys-passphrase-file", help="passphrase for the coalition keys file")
    add_json_flag(p)
    p.set_defaults(handler=cmd_create)

    p = add_command(
        group,
        "export-identity",
        "write the coalition's age identity file",
        "testigo-cli coalition export-identity --dir ./coalicion --type x25519 --out key.txt",
    )
    p.add_argument("--dir", required=True)
    p.add_argument("--type", required=True, choices=["x25519", "hybrid"])
    p.add_argument("--out", required=True)
    p.add_argument("--keys-passphrase-file", help="passphrase for the coalition keys file")
    p.set_defaults(handler=cmd_export_identity)

    register_rotation(group, keys_passphrase)

    register_roster(group, keys_passphrase)

    group = add_group(sub, "profile", "the coalition profile this vault trusts")
    p = add_command(
        group,
        "import",
        "verify a signed coalition profile and trust it",
        "testigo-cli profile import coalition.testigo-profile",
    )
    p.add_argument("file")
    p.add_argument(
        "--replace",
        action="store_true",
        help="accept a profile signed by a different coalition key (check the "
        "fingerprint out of band first)",
    )
    add_json_flag(p)
    p.set_defaults(handler=cmd_import)

    p = add_command(
        group,
        "show",
        "show the trusted profile and its fingerprint (and a QR)",
        "testigo-cli profile show --qr",
    )
    p.add_argument("--qr", action="store_true", help="draw the fingerprint's QR code")
    add_json_flag(p)
    p.set_defaults(handler=cmd_show)


def keys_passphrase(args: argparse.Namespace, ctx: CliContext, new: bool = False) -> str:
    path = getattr(args, "keys_passphrase_file", None)
    if path:
        try:
            return Path(path).read_text(encoding="utf-8").rstrip("\r\n")
        except OSError:
            raise InvalidInput("cannot read the keys passphrase file") from None
    if KEYS_ENV in os.environ:
        return os.environ[KEYS_ENV]
    return (
        ctx.new_passphrase(env_var=KEYS_ENV)
        if new
        else ctx.passphrase(N_("Coalition keys passphrase: "))
    )


def cmd_create(args: argparse.Namespace, ctx: CliContext) -> int:
    policy = Policy(args.date_precision, args.location_precision, not args.no_free_text, True)
    out = Path(args.out)
    profile = create_coalition(
        out,
        args.name,
        args.relay,
        keys_passphrase(args, ctx, True),
        args.recipients,
        args.tls_pin,
        policy,
    )
    info = {
        "profile": str(out / PROFILE_FILE),
        "fingerprint": profile.fingerprint,
        "qr": str(out / QR_FILE),
        "recipient_type": profile.recipient_type,
    }
    ctx.emit(
        info,
        ctx.tr("Coalition '{name}' created in {out}.\nProfile fingerprint: {fingerprint}").format(
            name=profile.name, out=out, fingerprint=profile.fingerprint
        ),
    )
    return 0


def cmd_export_identity(args: argparse.Namespace, ctx: CliContext) -> int:
    keys = load_coalition_keys(Path(args.dir), keys_passphrase(args, ctx))
    export_identity(keys, args.type, Path(args.out))
    said = ctx.tr("Identity written to {out}; keep it as secret as the coalition's data.")
    ctx.say(said.format(out=args.out))
    return 0


def cmd_import(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        data = read_regular(Path(args.file))
    except OSError:
        raise InvalidInput("cannot read the profile file") from None
    with ctx.open_vault() as vault:
        previous = current_profile(vault)
        profile = import_profile(vault, data, replace=args.replace)
    if previous is not None and previous.signing_public_key != profile.signing_public_key:
        ctx.say(ctx.tr("WARNING: this profile is signed by a different coalition key than before."))
    ctx.emit(
        profile.summary(),
        ctx.tr(
            "Imported coalition profile '{name}'.\nFingerprint: {fingerprint}\n"
            "Compare it with the coordinator's, by phone or in person."
        ).format(name=profile.name, fingerprint=profile.fingerprint),
    )
    return 0


def cmd_show(args: argparse.Namespace, ctx: CliContext) -> int:
    from reporter.share.profile_update import mark_seen, notice_text, notices

    with ctx.open_vault() as vault:
        profile = require_profile(vault)
        told = notices(vault)  # shown once: "the coalition changed its key (epoch N)"
        mark_seen(vault, [n["id"] for n in told])
    text = "".join(f"{notice_text(n, ctx.lang)}\n" for n in told) + (
        ctx.tr(
            "{name}\n  fingerprint: {fingerprint}\n  recipients: {kind} ({count})\n"
            "  relays: {relays}\n  created: {created}\n  epoch: {epoch}"
        ).format(
            name=profile.name,
            fingerprint=profile.fingerprint,
            kind=profile.recipient_type,
            count=len(profile.recipients),
            relays=", ".join(profile.relays),
            created=profile.created_at,
            epoch=profile.epoch,
        )
    )
    if args.qr:
        text += "\n" + qr_terminal(profile.fingerprint)
    ctx.emit({**profile.summary(), "notices": told}, text)
    return 0
