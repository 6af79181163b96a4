"""provision: a laptop made ready by a trainer: vault, profile, language, discreet, relay."""

from __future__ import annotations

import argparse
from pathlib import Path

from reporter.cli.commands import add_command
from reporter.cli.context import CliContext, add_json_flag, add_proxy_flag
from reporter.errors import InvalidInput
from reporter.fsutil import read_regular
from reporter.i18n import N_, Texts
from reporter.places import Place
from reporter.provisioning import provision

TEXT = Texts(
    {
        "home": N_("Data folder: {home}"),
        "created": N_("A new vault was created."),
        "moved": N_("The data folder now has a neutral name (discreet mode)."),
        "profile": N_("Coalition profile '{name}' imported."),
        "fingerprint": N_("Fingerprint to compare: {fp}"),
        "enrolled": N_("Enrolled with the relay {relay}."),
        "next": N_("Check next:"),
        "menu": N_("Menu entry: 'Notes' (Testigo's is hidden for this user)."),
    }
)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = add_command(
        sub,
        "provision",
        "prepare this laptop: vault, coalition profile, "
        "language, discreet mode and relay enrollment, then what to check",
        "testigo-cli provision --profile coalicion.testigo-profile --lang es "
        "--discreet --token tt1-…",
    )
    p.add_argument(
        "--profile", required=True, metavar="FILE", help="the coalition's signed profile"
    )
    p.add_argument(
        "--discreet",
        action="store_true",
        help="neutral name and icon; the data folder gets a neutral name",
    )
    p.add_argument("--token", help="an enrollment token from the relay (tt1-…)")
    p.add_argument(
        "--replace",
        action="store_true",
        help="accept a profile signed by a different coalition key",
    )
    add_proxy_flag(p)
    add_json_flag(p)
    p.set_defaults(handler=cmd_provision)


def cmd_provision(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        data = read_regular(Path(args.profile))
    except OSError:
        raise InvalidInput("cannot read the profile file") from None

    done = provision(
        ctx.place or Place(ctx.home),
        data,
        passphrase=ctx.passphrase,
        new_passphrase=ctx.new_vault_passphrase,
        language=getattr(args, "lang", None),
        discreet=args.discreet,
        token=args.token,
        proxy=args.proxy,
        replace=args.replace,
    )
    if done.enrolled is not None:  # the JSON says which way it went, as sync's does
        args.proxy_from = "vault" if args.proxy is None else "flag"
        args.proxy = done.route
    words = TEXT[ctx.lang]
    lines = [words["home"].format(home=done.home)]
    lines += [words["created"]] if done.created else []
    lines += [words["moved"]] if done.moved else []
    lines += [
        words["profile"].format(name=done.profile.name),
        words["fingerprint"].format(fp=done.profile.fingerprint),
    ]
    if done.enrolled:
        lines.append(words["enrolled"].format(relay=done.enrolled["relay"]))
    if done.menu_entry:
        lines.append(words["menu"])
    lines.append(words["next"])
    lines += [f"  {i}. {step.in_(ctx.lang)}" for i, step in enumerate(done.next_steps(), 1)]
    ctx.emit(done.to_json(ctx.lang), "\n".join(lines))
    return 0
