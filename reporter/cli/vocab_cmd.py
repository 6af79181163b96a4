"""vocab: the codes the record accepts, with English and Spanish labels. Needs no vault."""

from __future__ import annotations

import argparse

from reporter.cli.context import CliContext, add_json_flag
from reporter.cli.main import add_command
from reporter.incidents.vocab import vocabulary


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = add_command(sub, "vocab", "list vocabulary codes and labels (all kinds, or one)",
                    "testigo-cli vocab incident_type --lang es")
    p.add_argument("kind", nargs="?", help="e.g. incident_type, perpetrator, mx_state")
    add_json_flag(p)
    p.set_defaults(handler=cmd_vocab)


def cmd_vocab(args: argparse.Namespace, ctx: CliContext) -> int:
    v = vocabulary()
    doc = v.to_json(args.kind)
    if ctx.json_output:
        ctx.emit(doc)
        return 0
    lines = [f"vocabulary {v.version}"]
    for kind, terms in doc["kinds"].items():
        lines.append(f"\n{kind}:")
        lines += [f"  {t['code']:24} {t[ctx.lang]}" for t in terms]
    ctx.emit(doc, "\n".join(lines))
    return 0
