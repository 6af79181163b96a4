"""inbox …: what a coordinator receives, and its triage, links, history and evidence files.

Thin callers of reporter.inbox (the app calls the same functions); every command has --json.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from reporter.cli.commands import add_group, add_json_command
from reporter.cli.context import CliContext, add_proxy_flag
from reporter.cli.coordination_cmd import sync_summary
from reporter.cli.questions_cmd import register_inbox
from reporter.cli.report_filters import add_report_filter_flags, report_filter_from
from reporter.coordination import claims, linking, triaging
from reporter.errors import InvalidInput, NetworkError
from reporter.i18n import N_, Text, Texts
from reporter.inbox import evidence, links, triage
from reporter.inbox.group_commit import import_files
from reporter.inbox.inbox import ImportResult, Inbox, bundle_files
from reporter.inbox.query import (
    COUNTING_STATES,
    EXCLUSION_REASONS,
    REVIEW_STATES,
    VERIFICATION_STATES,
    select_reports,
)
from reporter.inbox.rejections import rejections

_T = Texts(
    {
        "verified": N_("verified"),
        "unverified": N_("unverified"),
        "nothing": N_("nothing received yet"),
        "gap": N_("MISSING {n} bundle(s): {ranges}"),
        "new_device": N_("NEW, unverified"),
        "no_devices": N_("no devices yet"),
        "no_history": N_("no changes recorded yet"),
        "no_links": N_("no links"),
        "no_suggestions": N_("no suggestions"),
        "linked": N_("linked ({kind})"),
        "unchanged": N_("already linked ({kind})"),
        "unlinked": N_("unlinked ({kinds})"),
        "written": N_("written to {file} ({size} bytes)"),
        "name": N_("changes are recorded as {name}"),
        "trusted": N_("Device {fp} is now verified."),
        "no_files": N_("no bundle files found"),
        "failed": N_("{n} bundle file(s) rejected; nothing of them was imported"),
        "claimed": N_("{id}: claimed by {name} until {until}"),
        "released": N_("{id}: claim released"),
        "broken": N_("{id}: {name}'s claim broken (recorded for every coordinator)"),
    }
)
_PULL_TEXT = Text(
    "imported {imported}, duplicates {duplicates}, rejected {rejected}, set aside {set_aside} "
    "(retried at the next pull)"
)
_THROTTLED = Text(
    "the relay asked to slow down; run inbox pull again in a minute (nothing was lost)"
)


def _author_flag(p: argparse.ArgumentParser, *names: str) -> None:
    p.add_argument(
        *names,
        dest="author",
        metavar="NAME",
        help="coordinator recorded as making the change (default: inbox name)",
    )


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    group = add_group(sub, "inbox", "the coordinator's received bundles, triage and links")
    p = add_json_command(
        group,
        "import",
        "verify and import bundle files (or directories of them)",
        "testigo-cli inbox import /media/usb/*.age",
        cmd_import,
    )
    p.add_argument("paths", nargs="+", metavar="PATH")
    p = add_json_command(
        group,
        "receipts",
        "write receipt files for bundles imported from files, to carry back by hand",
        "testigo-cli inbox receipts --out /media/usb/receipts",
        cmd_receipts,
    )
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the receipt files")
    p.add_argument("--all", action="store_true", help="write them again for every such bundle")
    p = add_json_command(
        group,
        "pull",
        "download new bundles from the relay, import, send receipts",
        "testigo-cli inbox pull --json",
        cmd_pull,
    )
    p.add_argument("--relay", metavar="URL", help="default: the relay this vault enrolled at")
    add_proxy_flag(p)
    add_json_command(
        group,
        "rejected",
        "bundles refused, with the reason and the device",
        "testigo-cli inbox rejected --lang es --json",
        cmd_rejected,
    )
    p = add_json_command(
        group,
        "list",
        "received reports (newest revision of each), filtered",
        "testigo-cli inbox list --review new --state 09 --json",
        cmd_list,
    )
    add_report_filter_flags(p, with_all=False)
    p.add_argument(
        "--counted-only",
        action="store_true",
        help="only counted reports, as stats and exports count by default",
    )
    p.add_argument("--limit", type=int, metavar="N")
    p = add_json_command(
        group,
        "show",
        "one received report, its triage, notes and links",
        "testigo-cli inbox show 3f2c… --json",
        cmd_show,
    )
    p.add_argument("id")
    add_json_command(
        group,
        "devices",
        "devices that sent bundles, verified or not, and missing bundles",
        "testigo-cli inbox devices --json",
        cmd_devices,
    )
    p = add_json_command(
        group,
        "trust",
        "mark a device verified after comparing its fingerprint",
        "testigo-cli inbox trust '12345 67890 …'",
        cmd_trust,
    )
    p.add_argument("fingerprint")
    p = add_json_command(
        group,
        "triage",
        "review, assign, verify, count or exclude a report; note, tag",
        "testigo-cli inbox triage 3f2c… --review in-review --assign Ana --json",
        cmd_triage,
    )
    p.add_argument("id")
    p.add_argument("--review", choices=REVIEW_STATES)
    p.add_argument("--assign", metavar="NAME", help="assignee ('' to remove)")
    p.add_argument("--verification", choices=VERIFICATION_STATES)
    p.add_argument("--count", choices=COUNTING_STATES)
    p.add_argument("--reason", choices=EXCLUSION_REASONS, help="why it is excluded")
    p.add_argument("--note", metavar="TEXT")
    p.add_argument(
        "--shared",
        action="store_true",
        help="share the note with the other coordinators (else it stays in this vault)",
    )
    p.add_argument("--tag", action="append", default=[], metavar="TAG")
    p.add_argument("--untag", action="append", default=[], metavar="TAG")
    _author_flag(p, "--as", "--by")
    p = add_json_command(
        group,
        "link",
        "link two reports (unlink undoes it)",
        "testigo-cli inbox link 3f2c… 9a1b… --as same-event",
        cmd_link,
    )
    p.add_argument("ids", nargs=2, metavar="ID")
    p.add_argument("--as", dest="kind", required=True, choices=links.LINK_KINDS)
    _author_flag(p, "--by")
    p = add_json_command(
        group,
        "unlink",
        "remove the link between two reports (link undoes it)",
        "testigo-cli inbox unlink 3f2c… 9a1b…",
        cmd_unlink,
    )
    p.add_argument("ids", nargs=2, metavar="ID")
    p.add_argument("--kind", choices=links.LINK_KINDS, help="default: every link of the pair")
    _author_flag(p, "--by")
    p = add_json_command(
        group,
        "claim",
        "say you are reviewing a report (every coordinator sees it; it expires)",
        "testigo-cli inbox claim 3f2c… --hours 4",
        cmd_claim,
    )
    p.add_argument("id")
    p.add_argument("--hours", type=int, default=claims.DEFAULT_HOURS, metavar="N")
    _author_flag(p, "--as", "--by")
    for name, help_text, handler in (
        ("release", "end your claim on a report", cmd_release),
        ("break-claim", "end another coordinator's claim (recorded for all)", cmd_break_claim),
    ):
        p = add_json_command(group, name, help_text, f"testigo-cli inbox {name} 3f2c…", handler)
        p.add_argument("id")
        _author_flag(p, "--as", "--by")
    p = add_json_command(
        group, "links", "the links of a report", "testigo-cli inbox links 3f2c…", cmd_links
    )
    p.add_argument("id")
    p = add_json_command(
        group,
        "suggest",
        "reports that may belong with this one, and why",
        "testigo-cli inbox suggest 3f2c… --json",
        cmd_suggest,
    )
    p.add_argument("id")
    p = add_json_command(
        group,
        "history",
        "changes of one report, or of all (the global log)",
        "testigo-cli inbox history --json",
        cmd_history,
    )
    p.add_argument("id", nargs="?")
    p.add_argument("--limit", type=int, default=1000, metavar="N")
    p = add_json_command(
        group,
        "extract",
        "write a received evidence file where you say",
        "testigo-cli inbox extract 5d0e… --out ~/caso/foto.jpg",
        cmd_extract,
    )
    p.add_argument("attachment_id")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p = add_json_command(
        group,
        "name",
        "the coordinator name changes are recorded under",
        "testigo-cli inbox name 'Ana (Red TDT)'",
        cmd_name,
    )
    p.add_argument("name", nargs="?")
    register_inbox(group)


def cmd_pull(args: argparse.Namespace, ctx: CliContext) -> int:
    """Print what the pass did, always; then the error that ended it early, if any."""
    from reporter.errors import error_from
    from reporter.sync.coordinator import pull

    with ctx.open_vault() as vault:
        report = pull(vault, args.relay, args.proxy)
    lines = [
        _PULL_TEXT[ctx.lang].format(
            imported=len(report.imported),
            duplicates=len(report.duplicates),
            rejected=len(report.rejected),
            set_aside=len(report.set_aside),
        )
    ]
    for item in report.rejected + report.set_aside:
        message = error_from(item["error"], item.get("params")).message(ctx.lang)
        device = item.get("device_fingerprint")
        lines.append(f"  {item['upload_id']}: {message}" + (f" [{device}]" if device else ""))
    if report.coordination is not None:
        lines.append(sync_summary(report.coordination, ctx.lang))
    ctx.emit(report.to_json(), "\n".join(lines))
    if report.error is not None:
        raise report.error
    if report.throttled:
        raise NetworkError(reason=_THROTTLED.english)
    return 0


def cmd_rejected(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_vault() as vault:
        rows = rejections(vault, ctx.lang)
    unknown = ctx.tr("unknown device")
    lines = [
        f"{r['rejected_at']}  {r['upload_id'] or r['file']}  "
        f"{r['device_fingerprint'] or unknown}: {r['message']}"
        for r in rows
    ]
    none = ctx.tr("no bundle was rejected")
    ctx.emit(rows, "\n".join(lines) or none)
    return 0


def cmd_import(args: argparse.Namespace, ctx: CliContext) -> int:
    results: list[dict[str, Any]] = []
    failed = 0
    with ctx.open_vault() as vault:
        files = list(bundle_files([Path(p) for p in args.paths]))
        for path, outcome in import_files(Inbox(vault), files):
            if isinstance(outcome, ImportResult):
                results.append({"file": path.name, **outcome.to_json()})
            else:
                exc = outcome
                if len(args.paths) == 1 and Path(args.paths[0]).is_file():
                    raise exc
                failed += 1
                results.append(
                    {
                        "file": path.name,
                        "status": "rejected",
                        "error": exc.code,
                        "message": exc.message(ctx.lang),
                    }
                )
    lines = [
        f"{r['file']}: {r['status']}" + (f" ({r.get('message')})" if r.get("message") else "")
        for r in results
    ]
    ctx.emit(results, "\n".join(lines) or _T[ctx.lang]["no_files"])
    if failed:
        raise InvalidInput(_T[ctx.lang]["failed"].format(n=failed))
    return 0


def _gap_text(gap: dict[str, Any] | None, lang: str) -> str:
    if not gap:
        return ""
    ranges = ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in gap["missing"])
    return "  " + _T[lang]["gap"].format(n=gap["missing_count"], ranges=ranges)


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    t = _T[ctx.lang]
    with ctx.open_vault() as vault:
        reports = select_reports(
            vault, report_filter_from(args), include_all=not args.counted_only, limit=args.limit
        )
        gaps = evidence.device_gaps(vault)
    items = [dict(r.to_json(), device_gap=gaps.get(r.device_id)) for r in reports]
    lines = [
        f"{r.incident_id}  {r.record.get('title') or '—'}  [{ctx.tr(r.triage.review)}/"
        f"{ctx.tr(r.triage.verification)}/{ctx.tr(r.triage.counting)}]  "
        f"({t['verified'] if r.device_verified else t['unverified']}){_gap_text(g, ctx.lang)}"
        for r, g in ((r, gaps.get(r.device_id)) for r in reports)
    ]
    ctx.emit(items, "\n".join(lines) or t["nothing"])
    return 0


def cmd_show(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_vault() as vault:
        item = Inbox(vault).show(args.id)
        wanted = item["record"]["id"]
        item["triage"] = triage.triage_of(vault, wanted).to_json()
        item["notes"] = triage.notes(vault, wanted)
        item["links"] = links.links_of(vault, wanted)
        held = claims.claim_of(vault, wanted)
        item["claim"] = held.to_json() if held else None
        item["device_gap"] = evidence.device_gaps(vault).get(item["device_id"])
    ctx.emit(item, None)
    return 0


def cmd_devices(args: argparse.Namespace, ctx: CliContext) -> int:
    t = _T[ctx.lang]
    with ctx.open_vault() as vault:
        devices = Inbox(vault).devices()
        gaps = evidence.device_gaps(vault)
    for d in devices:
        d["gap"] = gaps.get(d["device_id"])
    lines = [
        f"{d['fingerprint']}  {t['verified'] if d['verified'] else t['new_device']}  "
        + ctx.tr("{n} bundle(s)").format(n=d["bundles"])
        + _gap_text(d["gap"], ctx.lang)
        for d in devices
    ]
    ctx.emit(devices, "\n".join(lines) or t["no_devices"])
    return 0


def cmd_trust(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_vault() as vault:
        device = Inbox(vault).trust(args.fingerprint)
    ctx.emit(device, _T[ctx.lang]["trusted"].format(fp=device["fingerprint"]))
    return 0


def cmd_triage(args: argparse.Namespace, ctx: CliContext) -> int:
    change = triaging.TriageChange(
        review=args.review,
        assignee=args.assign,
        verification=args.verification,
        counting=args.count,
        reason=args.reason,
        note=args.note,
        tags=tuple(args.tag),
        untags=tuple(args.untag),
        shared=args.shared,
    )
    with ctx.open_vault() as vault:
        author = triage.coordinator_name(vault, args.author)
        state = triaging.apply_triage(vault, args.id, change, author)
    data = {"incident_id": args.id.strip().lower(), **state.to_json()}
    ctx.emit(
        data,
        f"{data['incident_id']}: {ctx.tr(state.review)} / {ctx.tr(state.verification)} / "
        f"{ctx.tr(state.counting)}"
        + (f" ({ctx.tr(state.exclusion)})" if state.exclusion else "")
        + (f" → {state.assignee}" if state.assignee else ""),
    )
    return 0


def cmd_claim(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_vault() as vault:
        held = claims.claim(vault, args.id, args.hours, args.author)
    text = _T[ctx.lang]["claimed"].format(id=held.incident_id, name=held.name, until=held.until)
    ctx.emit(held.to_json(), text)
    return 0


def cmd_release(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_vault() as vault:
        claims.release(vault, args.id, args.author)
    wanted = args.id.strip().lower()
    ctx.emit(
        {"incident_id": wanted, "status": "released"}, _T[ctx.lang]["released"].format(id=wanted)
    )
    return 0


def cmd_break_claim(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_vault() as vault:
        broken = claims.break_claim(vault, args.id, args.author)
    text = _T[ctx.lang]["broken"].format(id=broken.incident_id, name=broken.name)
    ctx.emit({**broken.to_json(), "status": "broken"}, text)
    return 0


def cmd_link(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_vault() as vault:
        done = linking.link(
            vault, args.ids[0], args.ids[1], args.kind, triage.coordinator_name(vault, args.author)
        )
    ctx.emit(done, _T[ctx.lang][done["status"]].format(kind=done["kind"]))
    return 0


def cmd_unlink(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_vault() as vault:
        done = linking.unlink(
            vault, args.ids[0], args.ids[1], args.kind, triage.coordinator_name(vault, args.author)
        )
    ctx.emit(done, _T[ctx.lang]["unlinked"].format(kinds=", ".join(done["removed"])))
    return 0


def cmd_links(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_vault() as vault:
        rows = links.links_of(vault, args.id)
    lines = [f"{r['kind']}  {r['incident_id']}  ({r['author']}, {r['at']})" for r in rows]
    ctx.emit(rows, "\n".join(lines) or _T[ctx.lang]["no_links"])
    return 0


def cmd_suggest(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_vault() as vault:
        rows = links.suggest(vault, args.id)
    lines = [
        f"{r['score']}  {r['incident_id']}  "
        + "; ".join(f"{w['reason']} {w['detail']}" for w in r["reasons"])
        for r in rows
    ]
    ctx.emit(rows, "\n".join(lines) or _T[ctx.lang]["no_suggestions"])
    return 0


def _value(ctx: CliContext, value: object) -> str:
    """A history value as the reader reads it: state codes by their label, absence as a dash."""
    if value is None:
        return "—"
    return ctx.tr(value) if isinstance(value, str) else str(value)


def cmd_history(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_vault() as vault:
        rows = triage.history(vault, args.id, args.limit)
    lines = [
        f"{r['at']}  {r['author']}  {r['incident_id']}  {ctx.tr(r['field'])}: "
        f"{_value(ctx, r['from'])} → {_value(ctx, r['to'])}"
        for r in rows
    ]
    ctx.emit(rows, "\n".join(lines) or _T[ctx.lang]["no_history"])
    return 0


def cmd_extract(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_vault() as vault:
        done = evidence.extract_attachment(vault, args.attachment_id, Path(args.out), args.force)
    ctx.emit(done, _T[ctx.lang]["written"].format(file=done["file"], size=done["size"]))
    return 0


def cmd_name(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_vault() as vault:
        name = (
            triage.set_coordinator_name(vault, args.name)
            if args.name is not None
            else triage.coordinator_name(vault)
        )
    ctx.emit({"name": name}, _T[ctx.lang]["name"].format(name=name))
    return 0


_RECEIPTS = Text("{n} receipt file(s) written to {out}; the reporter imports them in the Outbox")


def cmd_receipts(args: argparse.Namespace, ctx: CliContext) -> int:
    from reporter.inbox.receipt_files import write_receipt_files

    with ctx.open_vault() as vault:
        written = write_receipt_files(vault, Path(args.out), everything=args.all)
    ctx.emit(written, _RECEIPTS[ctx.lang].format(n=len(written), out=args.out))
    return 0
