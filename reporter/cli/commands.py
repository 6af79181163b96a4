"""How a command module adds its commands: the only thing `*_cmd` modules need from the CLI.

``main`` imports every command module; they import this leaf, never ``main`` (no cycle).
Help texts are written in English and translated when the help is shown (``HelpFormatter``),
so every description, argument help and group title of every command, and argparse's own
words, pass through the one catalogue of the language in effect.
"""

from __future__ import annotations

import argparse
from typing import Any

from reporter.cli.context import add_json_flag
from reporter.i18n import translator

_language = {"lang": "en"}


def use_language(lang: str) -> None:
    """Set the language help, usage and argparse's errors are shown in (before parsing)."""
    _language["lang"] = lang
    argparse._ = tr  # type: ignore[attr-defined]  # argparse's words: "usage: ", "options", …
    argparse.ngettext = _ngettext  # type: ignore[attr-defined]


def language() -> str:
    return _language["lang"]


def tr(text: str) -> str:
    """``text`` in the CLI's language (English is the source)."""
    return translator(_language["lang"])(text)


def _ngettext(singular: str, plural: str, n: int) -> str:
    from reporter.i18n import catalogue

    return catalogue(_language["lang"]).ngettext(singular, plural, n)


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Shows descriptions, argument help and group titles in the CLI's language."""

    def _format_text(self, text: str) -> str:
        return super()._format_text(tr(text) if text else text)

    def _get_help_string(self, action: argparse.Action) -> str:
        return tr(action.help or "")

    def start_section(self, heading: str | None) -> None:
        super().start_section(tr(heading) if heading else heading)


class Parser(argparse.ArgumentParser):
    """argparse that raises instead of printing usage and exiting with status 2 itself."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["formatter_class"] = HelpFormatter
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        raise ArgError(message)


class ArgError(Exception):
    pass


def add_command(
    subparsers: argparse._SubParsersAction,  # type: ignore[type-arg]
    name: str,
    help_text: str,
    example: str,
) -> argparse.ArgumentParser:
    """Add a subcommand with the common options and an example in its --help."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name,
        help=help_text,
        description=help_text,
        epilog=f"{tr('example:')}\n  {example}",
        parents=[subparsers.common_parent],  # type: ignore[attr-defined]
    )
    return parser


def add_group(
    subparsers: argparse._SubParsersAction,  # type: ignore[type-arg]
    name: str,
    help_text: str,
) -> argparse._SubParsersAction:  # type: ignore[type-arg]
    """A command with subcommands of its own (`relay serve`, `inbox import`, ...)."""
    group = subparsers.add_parser(
        name,
        help=help_text,
        description=help_text,
        parents=[subparsers.common_parent],  # type: ignore[attr-defined]
    )
    nested: argparse._SubParsersAction = group.add_subparsers(  # type: ignore[type-arg]
        dest=f"{name}_command", metavar="COMMAND", parser_class=Parser
    )
    nested.required = True
    nested.common_parent = subparsers.common_parent  # type: ignore[attr-defined]
    return nested


def add_json_command(
    subparsers: argparse._SubParsersAction,  # type: ignore[type-arg]
    name: str,
    help_text: str,
    example: str,
    handler: Any,
) -> argparse.ArgumentParser:
    """A subcommand with --json and its handler: most of inbox, questions, coordination."""
    parser = add_command(subparsers, name, help_text, example)
    add_json_flag(parser)
    parser.set_defaults(handler=handler)
    return parser
