"""coordination …: this coordinator's card, the roster, the exchange of triage events.

Also ``coalition roster add/remove/show`` (``register_roster``): the admin who holds the
coalition keys signs the roster in the coalition directory. Thin callers of
reporter.coordination; every command has --json.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reporter.cli.commands import add_group, add_json_command
from reporter.cli.context import CliContext, add_proxy_flag
from reporter.cli.rotation_cmd import register_keys
from reporter.coordination.catchup import acknowledge_copy
from reporter.coordination.exchange import ExchangeReport, sync_with_relay
from reporter.coordination.identity import card, parse_card
from reporter.coordination.replay import accept_roster
from reporter.coordination.roster import (
    ROSTER_FILE,
    Roster,
    add_member,
    read_roster_file,
    remove_member,
)
from reporter.coordination.status import coordination_status, heads
from reporter.errors import Conflict, InvalidInput, NotFound
from reporter.fsutil import atomic_write, read_regular
from reporter.i18n import N_, Texts, translator
from reporter.share.coalition import PROFILE_FILE, CoalitionKeys, load_coalition_keys
from reporter.share.profile import parse_profile

_T = Texts(
    {
        "card": N_("card of {name} ({id}) written to {file}; give it to the coalition admin"),
        "exists": N_("the output file exists; nothing was replaced (use --force)"),
        "roster": N_("roster {serial} (epoch {epoch}): {members}"),
        "unchanged": N_("this vault already holds roster {serial}"),
        "removed": N_("removed"),
        "sync": N_(
            "sent {sent} object(s) ({events} event(s)); received {received}; applied {applied}, "
            "refused {refused}"
        ),
        "skipped": N_("nothing sent: {why}"),
        "no roster": N_("this vault has no roster yet (coordination roster import FILE)"),
        "not an active member of the roster": N_(
            "this coordinator is not an active member of the roster"
        ),
        "me": N_("me: {name} ({id}), {seq} event(s), {unsent} not sent yet"),
        "gap": N_("GAP in {author}'s events: {ranges} missing"),
        "fork": N_("FORK in {author}'s events at {seq}: {reason}"),
        "refused": N_("REFUSED {author} {seq}: {reason}"),
        "member": N_("  {name} ({id}){state}: {received} event(s) received"),
        "member me": N_("  {name} ({id}){state}: {sent} event(s) sent"),
        "clean": N_("no gaps, forks or refusals"),
        "no_file": N_("the coalition directory has no roster yet"),
        "adopted": N_("{adopted} of your own event(s) adopted from the relay"),
        "catching up with this vault's own events on the relay": N_(
            "your new events wait: this vault is catching up with your own decisions on the"
            " relay (sync again)"
        ),
        "catching up": N_(
            "restored from a backup: catching up with your own decisions on the relay"
            " ({adopted} adopted so far)"
        ),
        "caught up": N_(
            "restored from a backup: {adopted} of your own decisions adopted from the relay,"
            " {renumbered} numbered after them"
        ),
        "elsewhere": N_(
            "WARNING: {events} of your own events (from number {first_seq}) were made on"
            " another computer with this coordinator identity. If that was not you, tell the"
            " coalition admin: your identity may be copied."
        ),
        "elsewhere hint": N_(
            "if this is you (you moved to another computer on purpose):"
            " testigo-cli coordination acknowledge-copy"
        ),
        "acknowledged": N_(
            "acknowledged at {at}: {events} of your own events made on another computer are"
            " yours; new ones will warn again"
        ),
    }
)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    group = add_group(sub, "coordination", "several coordinators: card, roster, shared triage")
    p = add_json_command(
        group,
        "card",
        "write this coordinator's public card (for the coalition admin's roster)",
        "testigo-cli coordination card --name 'Ana (Red TDT)' --out ana.testigo-card",
        cmd_card,
    )
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--name", help="the name the other coordinators see")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    roster = add_group(group, "roster", "the coordinator roster this vault trusts")
    p = add_json_command(
        roster,
        "import",
        "verify a roster signed by the coalition key and keep it if newer",
        "testigo-cli coordination roster import coordinators.testigo-roster",
        cmd_roster_import,
    )
    p.add_argument("file")
    p = add_json_command(
        group,
        "sync",
        "send this vault's triage events and receive the others' (through the relay)",
        "testigo-cli coordination sync --json",
        cmd_sync,
    )
    p.add_argument("--relay", metavar="URL", help="default: the relay this vault enrolled at")
    add_proxy_flag(p)
    add_json_command(
        group,
        "status",
        "members, this vault's events, gaps, forks and refusals",
        "testigo-cli coordination status --json",
        cmd_status,
    )
    p = add_json_command(
        group,
        "acknowledge-copy",
        "I know, this is me: stop the warning about own events made on another computer",
        "testigo-cli coordination acknowledge-copy --events 3",
        cmd_acknowledge_copy,
    )
    p.add_argument(
        "--events",
        type=int,
        metavar="N",
        help="acknowledge only the N events status showed (default: all counted so far)",
    )
    register_keys(group)  # coordination keys import (rotation_cmd, H3)


def register_roster(
    coalition: argparse._SubParsersAction,  # type: ignore[type-arg]
    keys_passphrase: Callable[[argparse.Namespace, CliContext], str],
) -> None:
    """``coalition roster …``, added to the coalition group by coalition_cmd (which passes
    how it reads the coalition keys' passphrase)."""
    group = add_group(coalition, "roster", "the coordinator roster, signed by the coalition key")
    p = add_json_command(
        group,
        "add",
        "add a coordinator's card to the roster in the coalition directory",
        "testigo-cli coalition roster add --dir ./coalicion --card ana.testigo-card",
        cmd_roster_add,
    )
    p.add_argument("--dir", required=True)
    p.add_argument("--card", required=True, metavar="FILE")
    p.add_argument("--keys-passphrase-file", help="passphrase for the coalition keys file")
    p.set_defaults(read_keys_passphrase=keys_passphrase)
    p = add_json_command(
        group,
        "remove",
        "remove a coordinator: their events up to their chain's head stay valid",
        "testigo-cli coalition roster remove --dir ./coalicion --member 3f2c… --vault-knowledge",
        cmd_roster_remove,
    )
    p.add_argument("--dir", required=True)
    p.add_argument("--member", required=True, metavar="ID")
    head = p.add_mutually_exclusive_group(required=True)
    head.add_argument(
        "--vault-knowledge",
        action="store_true",
        help="their last valid event is the newest this coordinator vault holds",
    )
    head.add_argument("--last-seq", type=int, metavar="N", help="their last valid event")
    p.add_argument("--last-hash", metavar="HEX", help="that event's hash (with --last-seq)")
    p.add_argument("--keys-passphrase-file", help="passphrase for the coalition keys file")
    p.set_defaults(read_keys_passphrase=keys_passphrase)
    p = add_json_command(
        group,
        "show",
        "the roster in the coalition directory",
        "testigo-cli coalition roster show --dir ./coalicion",
        cmd_roster_show,
    )
    p.add_argument("--dir", required=True)


def _read(path: str, what: str) -> bytes:
    try:
        return read_regular(Path(path))
    except OSError:
        raise InvalidInput(f"cannot read the {what} file") from None


def _roster_text(roster: Roster, lang: str) -> str:
    t = _T[lang]
    members = ", ".join(
        f"{m.name} ({m.id})" + ("" if m.active else f" [{t['removed']}]") for m in roster.members
    )
    return t["roster"].format(serial=roster.serial, epoch=roster.epoch, members=members or "—")


def _roster_json(roster: Roster) -> dict[str, Any]:
    return {**roster.body(), "file": ROSTER_FILE}


def cmd_card(args: argparse.Namespace, ctx: CliContext) -> int:
    out = Path(args.out)
    if out.exists() and not args.force:
        raise Conflict(reason=_T["en"]["exists"])
    with ctx.open_vault() as vault:
        data = card(vault, args.name)
    found = parse_card(data)
    atomic_write(out, data)
    ctx.emit(
        {**found.to_json(), "file": str(out)},
        _T[ctx.lang]["card"].format(name=found.name, id=found.id, file=out),
    )
    return 0


def cmd_roster_import(args: argparse.Namespace, ctx: CliContext) -> int:
    data = _read(args.file, "roster")
    with ctx.open_vault() as vault:
        roster, status = accept_roster(vault, data, forward=True)
    text = (
        _roster_text(roster, ctx.lang)
        if status == "imported"
        else _T[ctx.lang]["unchanged"].format(serial=roster.serial)
    )
    ctx.emit({"status": status, **_roster_json(roster)}, text)
    return 0


def sync_summary(report: ExchangeReport, lang: str) -> str:
    t = _T[lang]
    text = t["sync"].format(
        sent=report.sent,
        events=report.events_sent,
        received=report.received,
        applied=report.outcomes.get("applied", 0),
        refused=report.outcomes.get("refused", 0),
    )
    if report.outcomes.get("adopted"):
        text += "\n" + t["adopted"].format(adopted=report.outcomes["adopted"])
    if report.skipped:
        text += "\n" + t["skipped"].format(why=t.get(report.skipped, report.skipped))
    return text


def cmd_sync(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_vault() as vault:
        report = sync_with_relay(vault, args.relay, args.proxy)
    ctx.emit(report.to_json(), sync_summary(report, ctx.lang))
    return 0


def _reason(reason: str, lang: str) -> str:
    """The core records its reasons in English, the msgids of the catalogue."""
    return translator(lang)(reason)


def _member_line(t: dict[str, str], member: dict[str, Any]) -> str:
    """What came from another member; for this vault's own, what it sent."""
    state = "" if member["active"] else f" [{t['removed']}]"
    if member["received"] is None:
        return t["member me"].format(
            name=member["name"], id=member["id"], state=state, sent=member["sent"] or 0
        )
    return t["member"].format(
        name=member["name"], id=member["id"], state=state, received=member["received"]
    )


def status_text(status: dict[str, Any], lang: str) -> str:
    t = _T[lang]
    me = status["me"]
    lines = [t["me"].format(**me)]
    restore, elsewhere = status["restore"], status["elsewhere"]
    if restore is not None:
        key = "catching up" if restore["catching_up"] else "caught up"
        lines.append(t[key].format(**restore))
    if elsewhere is not None:
        lines.append(t["elsewhere"].format(**elsewhere))
        lines.append(t["elsewhere hint"])
    elif status.get("elsewhere_acknowledged") is not None:
        lines.append(t["acknowledged"].format(**status["elsewhere_acknowledged"]))
    roster = status["roster"]
    names = {m["id"]: m["name"] for m in roster["members"]} if roster else {}
    if roster is None:
        lines.append(t["no roster"])
    else:
        lines.append(t["roster"].format(serial=roster["serial"], epoch=roster["epoch"], members=""))
        lines += [_member_line(t, m) for m in roster["members"]]
    for gap in status["gaps"]:
        ranges = ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in gap["missing"])
        lines.append(t["gap"].format(author=names.get(gap["author"], gap["author"]), ranges=ranges))
    for kind in ("forks", "refusals"):
        for p in status[kind]:
            author = names.get(p["author"], p["author"] or "?")
            key = "fork" if kind == "forks" else "refused"
            lines.append(
                t[key].format(author=author, seq=p["seq"] or "", reason=_reason(p["reason"], lang))
            )
    busy = (restore or {}).get("catching_up") or elsewhere
    if not (status["gaps"] or status["forks"] or status["refusals"] or busy):
        lines.append(t["clean"])
    return "\n".join(lines)


def cmd_status(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_vault() as vault:
        status = coordination_status(vault)
    ctx.emit(status, status_text(status, ctx.lang))
    return 0


def cmd_acknowledge_copy(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.events is not None and args.events < 1:
        raise InvalidInput("--events must be a positive number")
    with ctx.open_vault() as vault:
        ack = acknowledge_copy(vault, args.events)
    ctx.emit(ack, _T[ctx.lang]["acknowledged"].format(**ack))
    return 0


# -- the admin's side -------------------------------------------------------------------------
def _admin_keys(args: argparse.Namespace, ctx: CliContext) -> CoalitionKeys:
    return load_coalition_keys(Path(args.dir), args.read_keys_passphrase(args, ctx))


def cmd_roster_add(args: argparse.Namespace, ctx: CliContext) -> int:
    found = parse_card(_read(args.card, "card"))
    keys = _admin_keys(args, ctx)
    roster = add_member(Path(args.dir), keys.signing_key, found)
    ctx.emit(_roster_json(roster), _roster_text(roster, ctx.lang))
    return 0


def cmd_roster_remove(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.vault_knowledge:
        with ctx.open_vault() as vault:
            head = heads(vault).get(args.member.strip().lower(), {"seq": 0, "hash": None})
        last_seq, last_hash = int(head["seq"]), head["hash"]
    else:
        last_seq, last_hash = args.last_seq, args.last_hash
    keys = _admin_keys(args, ctx)
    roster = remove_member(
        Path(args.dir), keys.signing_key, args.member.strip().lower(), last_seq, last_hash
    )
    ctx.emit(_roster_json(roster), _roster_text(roster, ctx.lang))
    return 0


def cmd_roster_show(args: argparse.Namespace, ctx: CliContext) -> int:
    directory = Path(args.dir)
    try:
        profile = parse_profile((directory / PROFILE_FILE).read_bytes())
    except OSError:
        raise NotFound(what=f"{PROFILE_FILE} in the coalition directory") from None
    roster = read_roster_file(directory, profile.signing_public_key)
    if roster is None:
        raise NotFound(what=_T["en"]["no_file"])
    ctx.emit(_roster_json(roster), _roster_text(roster, ctx.lang))
    return 0
