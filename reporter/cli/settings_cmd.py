"""`settings connection`: how this vault reaches the relay, the same choice the app shows.

The settings group lives in backup_cmd; every network command's --proxy defaults to this.
"""

from __future__ import annotations

import argparse

from reporter.cli.commands import add_json_command
from reporter.cli.context import CliContext
from reporter.relay_client.connection import Connection, connection, set_connection


def register_connection(settings: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = add_json_command(
        settings,
        "connection",
        "how this vault reaches the relay: direct, Tor or a SOCKS proxy (none: show it)",
        "testigo-cli settings connection --socks socks5h://127.0.0.1:9050",
        cmd_connection,
    )
    way = p.add_mutually_exclusive_group()
    way.add_argument("--direct", action="store_true", help="straight to the relay (HTTPS)")
    way.add_argument("--tor", action="store_true", help="through Tor ($TESTIGO_TOR_SOCKS or 9050)")
    way.add_argument(
        "--socks",
        metavar="URL",
        help="through this SOCKS proxy: socks5h://host:port (the proxy resolves names)",
    )


def cmd_connection(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_vault() as vault:
        if args.direct:
            chosen = set_connection(vault, "direct")
        elif args.tor:
            chosen = set_connection(vault, "tor")
        elif args.socks is not None:
            chosen = set_connection(vault, "socks", args.socks)
        else:
            chosen = connection(vault)
    ctx.emit({**chosen.to_json(), "warning": chosen.warning}, describe(chosen, ctx))
    if chosen.warning and not ctx.json_output:
        ctx.say(ctx.tr(chosen.warning))
    return 0


def describe(chosen: Connection, ctx: CliContext) -> str:
    """One line in the run's language."""
    if chosen.kind == "tor":
        return ctx.tr("Connection: Tor ({proxy}).").format(proxy=chosen.proxy)
    if chosen.kind == "socks":
        return ctx.tr("Connection: SOCKS proxy {proxy}.").format(proxy=chosen.proxy)
    return ctx.tr("Connection: direct (HTTPS).")
