"""add, edit, show, list, search, history, delete."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from reporter.cli.commands import add_command
from reporter.cli.context import CliContext, add_json_flag
from reporter.cli.record_flags import add_record_flags, apply_flags, read_json_arg
from reporter.errors import InvalidInput, UsageError
from reporter.i18n import translator
from reporter.incidents.record import READ_ONLY_KEYS, record_labels
from reporter.incidents.vocab import vocabulary
from reporter.vault.incident_store import SORTABLE, IncidentFilter
from reporter.vault.vault import Vault


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = add_command(
        sub,
        "add",
        "record a new incident and print its id",
        "testigo-cli add --title 'Seguimiento' --type SURV.PHYSICAL --state 09 "
        "--date 2026-11-02 --target-name 'Ana' --private-note '…'",
    )
    add_record_flags(p)
    add_json_flag(p)
    p.set_defaults(handler=cmd_add)

    p = add_command(
        sub,
        "edit",
        "change an incident (only the fields given); keeps a revision",
        "testigo-cli edit 3f2c… --status COMPLETE --type SURV.SPYWARE",
    )
    p.add_argument("id")
    add_record_flags(p)
    add_json_flag(p)
    p.set_defaults(handler=cmd_edit)

    p = add_command(sub, "show", "show one incident", "testigo-cli show 3f2c… --json")
    p.add_argument("id")
    add_json_flag(p)
    p.set_defaults(handler=cmd_show)

    for name, text, example in (
        ("list", "list incidents, newest first, with filters", "testigo-cli list --state 09"),
        (
            "search",
            "full-text search (title, description, notes, tags, places) with filters",
            "testigo-cli search 'mensaje embajada' --type SURV.SPYWARE --json",
        ),
    ):
        p = add_command(sub, name, text, example)
        if name == "search":
            p.add_argument("query")
        p.add_argument("--type", dest="f_types", action="append", metavar="CODE")
        p.add_argument("--state", dest="f_states", action="append", metavar="CODE")
        p.add_argument("--perpetrator", dest="f_perps", action="append", metavar="CODE")
        p.add_argument("--status", dest="f_status")
        p.add_argument("--from", dest="f_from", metavar="YYYY-MM-DD")
        p.add_argument("--to", dest="f_to", metavar="YYYY-MM-DD")
        p.add_argument("--sort", choices=sorted(SORTABLE), default="updated")
        p.add_argument("--limit", type=int, default=1000)
        p.add_argument("--offset", type=int, default=0)
        add_json_flag(p)
        p.set_defaults(handler=cmd_list)

    p = add_command(
        sub,
        "history",
        "show an incident's revisions: what changed, when",
        "testigo-cli history 3f2c… --json",
    )
    p.add_argument("id")
    add_json_flag(p)
    p.set_defaults(handler=cmd_history)

    p = add_command(
        sub,
        "delete",
        "delete an incident and its attachments for good",
        "testigo-cli delete 3f2c… --yes",
    )
    p.add_argument("id")
    p.add_argument("--yes", action="store_true", help="confirm without a prompt")
    p.set_defaults(handler=cmd_delete)


def present(vault: Vault, record: dict[str, Any]) -> dict[str, Any]:
    """The JSON form of an incident: the record, its attachments and its labels (en/es)."""
    out = dict(record)
    out["attachments"] = [
        {k: a[k] for k in ("id", "name", "size", "media_type", "sha256", "added_at")}
        for a in vault.attachments.list(record["id"])
    ]
    out["labels"] = record_labels(record)
    return out


def render(record: dict[str, Any], lang: str) -> str:
    v = vocabulary()

    def label(kind: str, code: str | None) -> str:
        return v.label(kind, code, lang) if code else "—"

    tr = translator(lang)
    lines = [
        record["title"] or tr("(untitled)"),  # a draft kept before it had a title
        f"  id: {record['id']}   {label('status', record['status'])}   "
        + tr("rev {revision}").format(revision=record["revision"]),
        f"  {tr('Types')}: "
        + (", ".join(label("incident_type", c) for c in record["incident_types"]) or "—"),
        f"  {tr('Date')}: {record['when']['date'] or '—'}"
        f" ({label('date_precision', record['when']['precision'])})",
        f"  {tr('State')}: {label('mx_state', record['where']['state'])}",
    ]
    if record["perpetrators"]:
        names = ", ".join(label("perpetrator", p["code"]) for p in record["perpetrators"])
        lines.append(f"  {tr('Suspected perpetrators')}: {names}")
    if record["description"]:
        lines += ["", record["description"]]
    return "\n".join(lines)


def _record_input(args: argparse.Namespace, base: dict[str, Any]) -> dict[str, Any]:
    if args.from_json:
        data = read_json_arg(args.from_json)
        if not isinstance(data, dict):
            raise InvalidInput("the JSON must be one object (an incident)")
        base = {**base, **{k: v for k, v in data.items() if k not in READ_ONLY_KEYS}}
    return apply_flags(args, base)


def cmd_add(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_vault() as vault:
        incident_id = vault.incidents.add(_record_input(args, {}))
    ctx.emit({"id": incident_id}, incident_id)
    return 0


def cmd_edit(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_vault() as vault:
        current = vault.incidents.get(args.id)
        base = {k: v for k, v in current.items() if k not in READ_ONLY_KEYS}
        revision = vault.incidents.update(args.id, _record_input(args, base))
    text = ctx.tr("{id} revision {revision}").format(id=args.id, revision=revision)
    ctx.emit({"id": args.id, "revision": revision}, text)
    return 0


def cmd_show(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_vault() as vault:
        record = present(vault, vault.incidents.get(args.id))
    ctx.emit(record, None if ctx.json_output else render(record, ctx.lang))
    return 0


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    flt = IncidentFilter(
        query=getattr(args, "query", "") or "",
        types=args.f_types or [],
        states=args.f_states or [],
        perpetrators=args.f_perps or [],
        status=args.f_status,
        date_from=args.f_from,
        date_to=args.f_to,
    )
    if args.limit < 0 or args.offset < 0:
        raise UsageError("--limit and --offset must not be negative")
    with ctx.open_vault() as vault:
        records = [
            present(vault, r)
            for r in vault.incidents.find(
                flt, limit=args.limit, offset=args.offset, order=args.sort
            )
        ]
    if ctx.json_output:
        ctx.emit(records)
    else:
        v = vocabulary()
        rows = [
            f"{r['id']}  {r['when']['date'] or '----------':10}  "
            f"{v.label('status', r['status'], ctx.lang):9}  {r['title'] or ctx.tr('(untitled)')}"
            for r in records
        ]
        ctx.emit(records, "\n".join(rows) if rows else ctx.tr("(none)"))
    return 0


def cmd_history(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_vault() as vault:
        revisions = vault.incidents.history(args.id)
    text = "\n".join(
        ctx.tr("rev {revision}").format(revision=r["revision"])
        + f"  {r['at']}  {ctx.tr(r['action'])}: {', '.join(ctx.tr(f) for f in r['fields'])}"
        for r in revisions
    )
    ctx.emit(revisions, text)
    return 0


def cmd_delete(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_vault() as vault:
        record = vault.incidents.get(args.id)
        if not args.yes:
            if not sys.stdin.isatty():
                raise UsageError("confirm deletion with --yes")
            answer = input(
                ctx.tr(
                    "Delete '{title}' and its attachments for good? Type 'delete' to confirm: "
                ).format(title=record["title"])
            )
            if answer.strip().lower() not in ("delete", "borrar"):
                ctx.say(ctx.tr("Nothing deleted."))
                return 1
        vault.incidents.delete(args.id)
    ctx.say(ctx.tr("Deleted."))
    return 0
