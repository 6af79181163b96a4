"""doctor: check that this laptop is ready and safe, and say what to fix, in en or es."""

from __future__ import annotations

import argparse
import os
import sys

from reporter.cli.commands import add_command
from reporter.cli.context import CliContext, add_json_flag, add_proxy_flag
from reporter.doctor import FAIL, Context, Result, run

MARKS = {"ok": "ok", "warn": "!!", "fail": "XX", "skipped": "--"}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = add_command(
        sub,
        "doctor",
        "check this laptop: permissions, vault, profile, relay, "
        "pin, clock, disk, encryption, crash dumps, swap, program files "
        "(exit 1 if a check fails)",
        "testigo-cli doctor --lang es   (or --json)",
    )
    add_json_flag(p)
    add_proxy_flag(p)
    p.add_argument(
        "--no-passphrase",
        action="store_true",
        help="do not ask for the passphrase (vault, profile and relay are skipped)",
    )
    p.set_defaults(handler=cmd_doctor)


def _can_ask(ctx: CliContext) -> bool:
    return bool(ctx.passphrase_file) or "TESTIGO_PASSPHRASE" in os.environ or sys.stdin.isatty()


def cmd_doctor(args: argparse.Namespace, ctx: CliContext) -> int:
    from reporter.vault.vault import Vault

    context = Context(home=ctx.home, proxy=args.proxy)
    vault = None
    if not args.no_passphrase and (ctx.home / "vault.key").exists() and _can_ask(ctx):
        vault = Vault.open(ctx.home, ctx.passphrase())
        context.vault, context.passphrase_missing = vault, False
        context.proxy = ctx.route(vault)  # --proxy, else the vault's connection
    try:
        results = run(context)
    finally:
        if vault is not None:
            vault.close()
    report(ctx, results)
    return 1 if any(r.status == FAIL for r in results) else 0


def report(ctx: CliContext, results: list[Result]) -> None:
    lang = ctx.lang
    bad = sum(r.status == FAIL for r in results)
    lines = [ctx.tr("Testigo doctor: {n} checks, {bad} to fix.").format(n=len(results), bad=bad)]
    for r in results:
        lines.append(f"[{MARKS[r.status]}] {r.id}: {r.message.in_(lang)}")
        if r.status in ("warn", "fail") and r.fix.in_(lang):
            lines.append(f"     {ctx.tr('fix')}: {r.fix.in_(lang)}")
    ctx.emit({"checks": [r.to_json(lang) for r in results]}, "\n".join(lines))
