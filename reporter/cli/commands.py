"""How a command module adds its commands: the only thing `*_cmd` modules need from the CLI.

``main`` imports every command module; they import this leaf, never ``main`` (no cycle).
"""

from __future__ import annotations

import argparse


class Parser(argparse.ArgumentParser):
    """argparse that raises instead of printing usage and exiting with status 2 itself."""

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
        epilog=f"example:\n  {example}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
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
