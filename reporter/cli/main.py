"""`testigo-cli`: everything the app does, for trainers, coordinators and scripts.

Errors are one line on stderr and a documented exit status, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

import reporter
from reporter import diagnostics
from reporter.cli.commands import ArgError, Parser, tr, use_language
from reporter.cli.context import CliContext, language_of, printable
from reporter.errors import EXIT_USAGE, TestigoError
from reporter.fsutil import harden_process

# Each module exposes register(subparsers); the order is the order of `--help`.
COMMAND_MODULES = [
    "reporter.cli.vault_cmd",
    "reporter.cli.backup_cmd",
    "reporter.cli.incident_cmd",
    "reporter.cli.attachment_cmd",
    "reporter.cli.vocab_cmd",
    "reporter.cli.coalition_cmd",
    "reporter.cli.share_cmd",
    "reporter.cli.questions_cmd",
    "reporter.cli.inbox_cmd",
    "reporter.cli.coordination_cmd",
    "reporter.cli.stats_cmd",
    "reporter.cli.export_cmd",
    "reporter.cli.sync_cmd",
    "reporter.cli.demo_cmd",
    "reporter.cli.provision_cmd",
    "reporter.cli.doctor_cmd",
    "reporter.cli.release_cmd",
]

EPILOG = """\
exit status: 0 ok, 1 other error, 2 usage, 3 wrong passphrase, 4 not found,
5 invalid input, 6 I/O or disk full, 7 conflict, 8 network, 9 integrity, 10 unavailable.
passphrase: --passphrase-file FILE, else $TESTIGO_PASSPHRASE, else a prompt.
data directory: --portable DIR or --home DIR, else $TESTIGO_HOME, else the user data
directory (a testigo-portable file beside a packaged program means portable there).
"""


def build_parser() -> argparse.ArgumentParser:
    # SUPPRESS: a subcommand must not reset what was given before the subcommand's name.
    common = Parser(add_help=False, argument_default=argparse.SUPPRESS)
    common.add_argument("--home", help="data directory (default: $TESTIGO_HOME or user dir)")
    common.add_argument("--portable", metavar="DIR", help="portable: data, temp, cache in DIR")
    common.add_argument("--passphrase-file", help="read the passphrase from this file")
    common.add_argument("--lang", choices=["en", "es"], help="language of messages and labels")
    parser = Parser(
        prog="testigo-cli",
        description="Testigo: document surveillance and harassment incidents safely.",
        epilog=EPILOG,
        parents=[common],
    )
    parser.add_argument(
        "--version", action="version", version=f"testigo-cli {reporter.__version__}"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    subparsers.required = True
    # Subcommands share the common options so they can be given after the command too.
    subparsers.common_parent = common  # type: ignore[attr-defined]
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def early_language(argv: Sequence[str] | None) -> str:
    """The language from --lang, TESTIGO_LANG or the saved preference, before the parser is
    built, so that its help and argparse's own words are already in that language."""
    words = list(sys.argv[1:] if argv is None else argv)
    found = argparse.Namespace()
    for index, word in enumerate(words):
        for option in ("--lang", "--home", "--portable"):
            key = option[2:]
            if word == option and index + 1 < len(words):
                setattr(found, key, words[index + 1])
            elif word.startswith(option + "="):
                setattr(found, key, word.split("=", 1)[1])
    try:
        return language_of(found)
    except TestigoError:  # an unusable folder: the command then says so, in English
        return "en"


def main(argv: Sequence[str] | None = None) -> int:
    harden_process()
    use_language(early_language(argv))
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except ArgError as exc:
        sys.stderr.write(printable(f"testigo-cli: {tr('usage error')}: {exc}") + "\n")
        return EXIT_USAGE
    ctx = CliContext.from_args(args)
    use_language(ctx.lang)
    try:
        status: int = args.handler(args, ctx)
        return status
    except TestigoError as exc:
        sys.stderr.write(printable(f"testigo-cli: {exc.code}: {exc.message(ctx.lang)}") + "\n")
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write(f"testigo-cli: {tr('cancelled')}\n")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the last line of defence: never a traceback to a user
        sys.stderr.write(
            "testigo-cli: internal_error: "
            + tr(
                "unexpected {kind}; nothing more is shown to keep data private "
                "(TESTIGO_DEBUG=1 shows where it happened)"
            ).format(kind=type(exc).__name__)
            + "\n"
        )
        if os.environ.get("TESTIGO_DEBUG") == "1":  # frames only: no message, no values
            sys.stderr.write(diagnostics.record(exc).text() + "\n")
        return 1


if __name__ == "__main__":
    sys.exit(main())
