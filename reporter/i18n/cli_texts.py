"""Every help text of the CLI's parser, so a test (and a translator) can see what must exist
in every catalogue: descriptions, argument help, group titles, the command lists' help."""

from __future__ import annotations

import argparse
from collections.abc import Iterator


def parsers(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    """The parser and every subcommand's parser below it, with the words that reach each."""
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from parsers(child, (*path, name))


def help_texts(parser: argparse.ArgumentParser) -> set[str]:
    """The English texts one parser shows in its --help (examples and metavars excluded)."""
    texts = {parser.description or ""}
    for group in parser._action_groups:
        texts.add(group.title or "")
    for action in parser._actions:
        if action.help and action.help is not argparse.SUPPRESS:
            texts.add(action.help)
        if isinstance(action, argparse._SubParsersAction):
            texts.update(choice.help or "" for choice in action._choices_actions)
    texts.discard("")
    return texts
