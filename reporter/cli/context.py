"""What every CLI command gets: where the vault is, how to ask for the passphrase, how to print.

Command modules expose ``register(subparsers)``; each handler is ``handler(args, ctx) -> int``
and raises ``TestigoError`` for anything that goes wrong (``main`` turns it into one line).
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from reporter.errors import InvalidInput, UsageError
from reporter.fsutil import resolve_home

if TYPE_CHECKING:
    from reporter.vault.vault import Vault

Handler = Callable[[argparse.Namespace, "CliContext"], int]


@dataclass
class CliContext:
    home: Path
    json_output: bool = False
    lang: str = "en"
    passphrase_file: str | None = None
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> CliContext:
        lang = getattr(args, "lang", None) or os.environ.get("TESTIGO_LANG") or "en"
        return cls(
            home=resolve_home(getattr(args, "home", None)),
            json_output=bool(getattr(args, "json", False)),
            lang="es" if lang.startswith("es") else "en",
            passphrase_file=getattr(args, "passphrase_file", None),
        )

    # -- passphrases ---------------------------------------------------------------------
    def passphrase(self, prompt: str = "Passphrase: ") -> str:
        """--passphrase-file, else TESTIGO_PASSPHRASE, else a no-echo prompt."""
        if self.passphrase_file:
            try:
                text = Path(self.passphrase_file).read_text(encoding="utf-8")
            except OSError:
                raise InvalidInput("cannot read the passphrase file") from None
            return text.rstrip("\r\n")
        env = os.environ.get("TESTIGO_PASSPHRASE")
        if env is not None:
            return env
        if not sys.stdin.isatty():
            raise UsageError(
                "no passphrase: set TESTIGO_PASSPHRASE or use --passphrase-file"
            )
        return getpass.getpass(prompt)

    def new_passphrase(self, env_var: str = "TESTIGO_NEW_PASSPHRASE") -> str:
        """A new passphrase (init uses the normal sources; passwd uses TESTIGO_NEW_PASSPHRASE)."""
        env = os.environ.get(env_var)
        if env is not None:
            return env
        if not sys.stdin.isatty():
            raise UsageError(f"no new passphrase: set {env_var}")
        first = getpass.getpass("New passphrase: ")
        if getpass.getpass("Repeat it: ") != first:
            raise InvalidInput("the two passphrases differ")
        return first

    def open_vault(self) -> Vault:
        from reporter.vault.vault import Vault

        return Vault.open(self.home, self.passphrase())

    # -- output --------------------------------------------------------------------------
    def emit(self, data: Any, text: str | None = None) -> None:
        """Print ``data`` as JSON with --json, else ``text`` (or a readable rendering)."""
        if self.json_output or text is None:
            json.dump(data, self.stdout, ensure_ascii=False, indent=2, sort_keys=False)
            self.stdout.write("\n")
        else:
            self.stdout.write(text if text.endswith("\n") else text + "\n")
        self.stdout.flush()

    def say(self, text: str) -> None:
        """Human progress/status lines go to stderr so stdout stays scriptable."""
        self.stderr.write(text + "\n")
        self.stderr.flush()


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="machine-readable JSON output")


def add_proxy_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--proxy", metavar="URL",
                        help="socks5h://host:port, e.g. Tor's socks5h://127.0.0.1:9050 "
                             "(names are resolved by the proxy, never locally)")
