"""vocab: the codes the record accepts (needs no vault); municipalities: INEGI's names."""

from __future__ import annotations

import argparse
from pathlib import Path

from reporter.cli.commands import add_command, add_group
from reporter.cli.context import CliContext, add_json_flag
from reporter.incidents.vocab import vocabulary


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = add_command(
        sub,
        "vocab",
        "list vocabulary codes and labels (all kinds, or one)",
        "testigo-cli vocab incident_type --lang es",
    )
    p.add_argument("kind", nargs="?", help="e.g. incident_type, perpetrator, mx_state")
    add_json_flag(p)
    p.set_defaults(handler=cmd_vocab)
    register_municipalities(sub)


def cmd_vocab(args: argparse.Namespace, ctx: CliContext) -> int:
    v = vocabulary()
    doc = v.to_json(args.kind)
    if ctx.json_output:
        ctx.emit(doc)
        return 0
    lines = [ctx.tr("vocabulary {version}").format(version=v.version)]
    for kind, terms in doc["kinds"].items():
        lines.append(f"\n{kind}:")
        lines += [f"  {t['code']:24} {t[ctx.lang]}" for t in terms]
    ctx.emit(doc, "\n".join(lines))
    return 0


def register_municipalities(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    group = add_group(
        sub, "municipalities", "municipality names from INEGI's catalogue (imported once per vault)"
    )
    p = add_command(
        group,
        "import",
        "load INEGI's municipality catalogue (CSV) into the vault",
        "testigo-cli municipalities import AGEEML_catalogo.csv",
    )
    p.add_argument(
        "file", metavar="FILE", help="CSV with CVE_ENT, CVE_MUN and NOM_MUN (or CVEGEO and NOM_MUN)"
    )
    add_json_flag(p)
    p.set_defaults(handler=cmd_municipalities_import)
    p = add_command(
        group,
        "list",
        "the imported municipalities, of one state or all",
        "testigo-cli municipalities list --state 12 --json",
    )
    p.add_argument("--state", metavar="CODE", help="two-digit INEGI state code, e.g. 12")
    add_json_flag(p)
    p.set_defaults(handler=cmd_municipalities_list)


def cmd_municipalities_import(args: argparse.Namespace, ctx: CliContext) -> int:
    from reporter.incidents.municipalities import import_catalogue

    with ctx.open_vault() as vault:
        count = import_catalogue(vault, Path(args.file))
    text = ctx.tr("imported {count} municipalities").format(count=count)
    ctx.emit({"municipalities": count}, text)
    return 0


def cmd_municipalities_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from reporter.incidents.municipalities import catalogue, of_state

    with ctx.open_vault() as vault:
        names = catalogue(vault)
    if args.state:
        names = of_state(names, vocabulary().validate("mx_state", args.state))
    ctx.emit(
        [{"code": c, "name": n} for c, n in names.items()],
        "\n".join(f"{c}  {n}" for c, n in names.items())
        or ctx.tr("no municipalities (import INEGI's catalogue with 'municipalities import FILE')"),
    )
    return 0
