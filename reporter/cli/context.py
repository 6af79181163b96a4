"""What every CLI command gets: where the vault is, how to ask for the passphrase, how to print.

Command modules expose ``register(subparsers)``; each handler is ``handler(args, ctx) -> int``
and raises ``TestigoError`` for anything that goes wrong (``main`` turns it into one line).
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from reporter import preferences
from reporter.errors import FormatError, InvalidInput, TestigoError, UsageError
from reporter.i18n import translator
from reporter.places import Place, enter_portable, locate

if TYPE_CHECKING:
    from reporter.vault.vault import Vault

Handler = Callable[[argparse.Namespace, "CliContext"], int]

# What a terminal would act on instead of showing: C0 controls but newline and tab, DEL, C1
# (ESC [ … rewrites the screen, OSC 52 writes the clipboard) and the bidirectional overrides,
# isolates and marks that make a line read differently from what it holds.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with every unsafe character shown as a visible escape (\\x1b, \\u202e).

    Titles and error texts can come from other devices and from the relay: they must not
    drive the reader's terminal. Every human-readable line the CLI prints goes through here.
    """
    return _UNSAFE.sub(lambda m: _escape(m.group()), text)


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


@dataclass
class CliContext:
    home: Path
    json_output: bool = False
    lang: str = "en"
    passphrase_file: str | None = None
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)
    place: Place | None = None
    args: argparse.Namespace | None = None  # the parsed command line, for --proxy's default

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> CliContext:
        place = locate(getattr(args, "home", None), getattr(args, "portable", None))
        try:
            enter_portable(place)  # before anything writes a temp or cache file
        except TestigoError as exc:  # the command then fails with it, in one line
            args.handler = _fails_with(exc)
        warning = None
        try:
            warning = check_proxy_flag(args)
        except TestigoError as exc:  # before the vault is opened or anything is written
            args.handler = _fails_with(exc)
        lang = language_of(args, place)
        ctx = cls(
            place=place,
            home=place.home,
            json_output=bool(getattr(args, "json", False)),
            lang=lang,
            passphrase_file=getattr(args, "passphrase_file", None),
            args=args,
        )
        if warning is not None:
            ctx.say(ctx.tr(warning))
        return ctx

    # -- passphrases ---------------------------------------------------------------------
    def passphrase(self, prompt: str = "Passphrase: ") -> str:
        """--passphrase-file, else TESTIGO_PASSPHRASE, else a no-echo prompt."""
        if self.passphrase_file:
            return read_passphrase_file(self.passphrase_file)
        env = os.environ.get("TESTIGO_PASSPHRASE")
        if env is not None:
            return env
        if not sys.stdin.isatty():
            raise UsageError("no passphrase: set TESTIGO_PASSPHRASE or use --passphrase-file")
        return getpass.getpass(self.tr(prompt))

    def new_vault_passphrase(self) -> str:
        """A new vault's: as given (--passphrase-file, TESTIGO_PASSPHRASE), else asked twice."""
        if self.passphrase_file or "TESTIGO_PASSPHRASE" in os.environ:
            return self.passphrase()
        return self.new_passphrase(env_var="TESTIGO_PASSPHRASE")

    def new_passphrase(self, env_var: str = "TESTIGO_NEW_PASSPHRASE") -> str:
        """A new passphrase (init uses the normal sources; passwd uses TESTIGO_NEW_PASSPHRASE)."""
        env = os.environ.get(env_var)
        if env is not None:
            return env
        if not sys.stdin.isatty():
            raise UsageError(f"no new passphrase: set {env_var}")
        first = getpass.getpass(self.tr("New passphrase: "))
        if getpass.getpass(self.tr("Repeat it: ")) != first:
            raise InvalidInput("the two passphrases differ")
        return first

    def open_vault(self) -> Vault:
        """The vault, with a network command's --proxy filled from its connection if not given."""
        from reporter.vault.vault import Vault

        vault = Vault.open(self.home, self.passphrase())
        try:
            self.route(vault)
        except BaseException:
            vault.close()
            raise
        return vault

    def route(self, vault: Vault) -> str | None:
        """The proxy this command uses: --proxy when given, else the vault's connection.

        A reporter who chose Tor in the app must not sync directly from a script, so the
        vault's choice is the default; ``args.proxy_from`` says which one it was.
        """
        args = self.args
        if args is None or not hasattr(args, "proxy"):
            return None  # not a network command
        if getattr(args, "proxy_from", None) is None:
            if args.proxy is None:
                from reporter.relay_client.connection import connection

                args.proxy, args.proxy_from = connection(vault).proxy, "vault"
            else:
                args.proxy_from = "flag"
        return args.proxy  # type: ignore[no-any-return]

    # -- output ---------------------------------------------------------------------------
    def tr(self, text: str) -> str:
        """``text`` (English, the catalogue's msgid) in this run's language."""
        return translator(self.lang)(text)

    # -- output --------------------------------------------------------------------------
    def emit(self, data: Any, text: str | None = None) -> None:
        """Print ``data`` as strict JSON with --json, else ``text`` with controls escaped.

        A network command's document also says which route it took and whose choice it was
        (``route``: --proxy, or the vault's connection).
        """
        came_from = getattr(self.args, "proxy_from", None)
        if came_from is not None and isinstance(data, dict) and "route" not in data:
            data = {
                **data,
                "route": {"proxy": getattr(self.args, "proxy", None), "from": came_from},
            }
        if self.json_output or text is None:
            self.stdout.write(strict_json(data) + "\n")
        else:
            safe = printable(text)
            self.stdout.write(safe if safe.endswith("\n") else safe + "\n")
        self.stdout.flush()

    def say(self, text: str) -> None:
        """Human progress/status lines go to stderr so stdout stays scriptable."""
        self.stderr.write(printable(text) + "\n")
        self.stderr.flush()


def read_passphrase_file(path: str) -> str:
    """A passphrase kept in a file (``--…-passphrase-file``): the file's text, its line end cut."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError:
        raise InvalidInput("cannot read the passphrase file") from None
    return text.rstrip("\r\n")


def language_of(args: argparse.Namespace, place: Place | None = None) -> str:
    """--lang, else $TESTIGO_LANG, else the saved preference, else English."""
    lang = getattr(args, "lang", None) or os.environ.get("TESTIGO_LANG")
    if not lang:
        if place is None:
            place = locate(getattr(args, "home", None), getattr(args, "portable", None))
        lang = preferences.read(place.home).get("language") or "en"
    return "es" if lang.startswith("es") else "en"


def check_proxy_flag(args: argparse.Namespace) -> str | None:
    """--proxy checked as the vault's choice is (``check_proxy``) and kept in its clean form;
    returns the warning (a msgid) that socks5:// resolves names here, as settings says it.

    A typo or an http:// proxy must not mean "direct" or a confusing network error later.
    """
    given = getattr(args, "proxy", None)
    if given is None or getattr(args, "proxy_from", None) is not None:
        return None
    from reporter.relay_client.connection import Connection
    from reporter.relay_client.proxy_address import check_proxy

    args.proxy = check_proxy(given)
    return Connection("socks", args.proxy).warning


def _fails_with(error: TestigoError) -> Handler:
    def handler(args: argparse.Namespace, ctx: CliContext) -> int:
        raise error

    return handler


def strict_json(data: Any) -> str:
    """JSON that every parser reads: NaN and Infinity are not JSON, so they are refused.

    Rendered whole before anything is printed, so a refusal leaves no half document.
    """
    try:
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False, allow_nan=False)
    except ValueError:
        raise FormatError(
            what="JSON output", reason="holds a number that is not finite (NaN or Infinity)"
        ) from None


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="machine-readable JSON output")


def add_proxy_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--proxy",
        metavar="URL",
        default=None,
        help="socks5h://host:port, e.g. Tor's socks5h://127.0.0.1:9050 "
        "(names are resolved by the proxy, never locally); "
        "default: the vault's connection (settings connection)",
    )
