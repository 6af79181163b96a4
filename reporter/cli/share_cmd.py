"""share, bundle export, inbox …: what leaves a device and what a coordinator receives."""

from __future__ import annotations

import argparse
import secrets
from pathlib import Path
from typing import Any

from reporter.cli.context import CliContext, add_json_flag, add_proxy_flag
from reporter.cli.main import add_command, add_group
from reporter.errors import InvalidInput, NetworkError, TestigoError
from reporter.fsutil import ensure_private_dir
from reporter.inbox.inbox import Inbox, bundle_files
from reporter.inbox.rejections import rejections
from reporter.incidents.record import CONSENTS
from reporter.share.outbox_store import OutboxStore
from reporter.share.sharing import preview, share_incidents
from reporter.vault.vault import utc_now


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = add_command(sub, "share", "seal incidents into a bundle for the coalition (or preview)",
                    "testigo-cli share 3f2c… --consent share_free_text --preview --json")
    p.add_argument("ids", nargs="+", metavar="ID")
    p.add_argument("--preview", action="store_true",
                   help="print exactly what would leave, change nothing")
    p.add_argument("--attach", action="append", default=[], metavar="ATTACHMENT_ID",
                   help="include this attachment (images lose their metadata)")
    p.add_argument("--consent", action="append", default=[], choices=CONSENTS,
                   help="grant another consent while sharing (repeatable)")
    add_json_flag(p)
    p.set_defaults(handler=cmd_share)

    group = add_group(sub, "bundle", "bundles as files, for USB or other offline transfer")
    p = add_command(group, "export", "write the outbox's bundles as *.age files",
                    "testigo-cli bundle export --out /media/usb")
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--all", action="store_true", help="also bundles exported before")
    add_json_flag(p)
    p.set_defaults(handler=cmd_export)

    group = add_group(sub, "inbox", "the coordinator's received bundles")
    p = add_command(group, "import", "verify and import bundle files (or directories of them)",
                    "testigo-cli inbox import /media/usb/*.age")
    p.add_argument("paths", nargs="+", metavar="PATH")
    add_json_flag(p)
    p.set_defaults(handler=cmd_inbox_import)
    p = add_command(group, "pull", "download new bundles from the relay, import, send receipts",
                    "testigo-cli inbox pull --json")
    p.add_argument("--relay", metavar="URL", help="default: the relay this vault enrolled at")
    add_proxy_flag(p)
    add_json_flag(p)
    p.set_defaults(handler=cmd_inbox_pull)
    p = add_command(group, "rejected", "bundles refused, with the reason and the device",
                    "testigo-cli inbox rejected --lang es --json")
    add_json_flag(p)
    p.set_defaults(handler=cmd_inbox_rejected)
    p = add_command(group, "list", "received incidents (newest revision of each)",
                    "testigo-cli inbox list --json")
    add_json_flag(p)
    p.set_defaults(handler=cmd_inbox_list)
    p = add_command(group, "show", "one received incident", "testigo-cli inbox show 3f2c… --json")
    p.add_argument("id")
    add_json_flag(p)
    p.set_defaults(handler=cmd_inbox_show)
    p = add_command(group, "devices", "devices that sent bundles, verified or not",
                    "testigo-cli inbox devices --json")
    add_json_flag(p)
    p.set_defaults(handler=cmd_inbox_devices)
    p = add_command(group, "trust", "mark a device verified after comparing its fingerprint",
                    "testigo-cli inbox trust '12345 67890 …'")
    p.add_argument("fingerprint")
    add_json_flag(p)
    p.set_defaults(handler=cmd_inbox_trust)


_PULL_TEXT = {
    "en": "imported {imported}, duplicates {duplicates}, rejected {rejected}, set aside"
          " {set_aside} (retried at the next pull)",
    "es": "importados {imported}, duplicados {duplicates}, rechazados {rejected}, apartados"
          " {set_aside} (se reintentan en la próxima descarga)",
}
_THROTTLED = {
    "en": "the relay asked to slow down; run inbox pull again in a minute (nothing was lost)",
    "es": "el servidor de relevo pidió ir más despacio; repita inbox pull en un minuto (no se"
          " perdió nada)",
}


def cmd_inbox_pull(args: argparse.Namespace, ctx: CliContext) -> int:
    """Print what the pass did, always; then the error that ended it early, if any."""
    from reporter.errors import error_from
    from reporter.sync.coordinator import pull

    with ctx.open_vault() as vault:
        report = pull(vault, args.relay, args.proxy)
    lines = [_PULL_TEXT[ctx.lang].format(
        imported=len(report.imported), duplicates=len(report.duplicates),
        rejected=len(report.rejected), set_aside=len(report.set_aside))]
    for item in report.rejected + report.set_aside:
        message = error_from(item["error"], item.get("params")).message(ctx.lang)
        device = item.get("device_fingerprint")
        lines.append(f"  {item['upload_id']}: {message}" + (f" [{device}]" if device else ""))
    ctx.emit(report.to_json(), "\n".join(lines))
    if report.error is not None:
        raise report.error
    if report.throttled:
        raise NetworkError(reason=_THROTTLED[ctx.lang])
    return 0


def cmd_inbox_rejected(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_vault() as vault:
        rows = rejections(vault, ctx.lang)
    unknown = "dispositivo desconocido" if ctx.lang == "es" else "unknown device"
    lines = [f"{r['rejected_at']}  {r['upload_id'] or r['file']}  "
             f"{r['device_fingerprint'] or unknown}: {r['message']}" for r in rows]
    none = "ningún paquete rechazado" if ctx.lang == "es" else "no bundle was rejected"
    ctx.emit(rows, "\n".join(lines) or none)
    return 0


def cmd_share(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_vault() as vault:
        if args.preview:
            shown = [preview(vault, i, args.attach, args.consent) for i in args.ids]
            ctx.emit(shown if len(shown) > 1 else shown[0], None)
            return 0
        bundle_id = share_incidents(vault, args.ids, args.attach, args.consent)
        item = OutboxStore(vault).get(bundle_id)
    ctx.emit({"bundle_id": bundle_id, "size": item["size"], "state": item["state"]},
             f"Bundle {bundle_id} is in the outbox ({item['size']} bytes, sealed).")
    return 0


def cmd_export(args: argparse.Namespace, ctx: CliContext) -> int:
    out = Path(args.out)
    if not out.is_dir():         # an existing folder (a USB stick) keeps the mode it has
        ensure_private_dir(out)
    written: list[dict[str, Any]] = []
    with ctx.open_vault() as vault:
        outbox = OutboxStore(vault)
        for item in outbox.list(["queued", "uploading", "failed"]):
            if item["exported_at"] and not args.all:
                continue
            # Random names: not titles, dates or bundle ids.
            path = out / f"{secrets.token_hex(8)}.age"
            with path.open("xb") as handle:
                for chunk in outbox.ciphertext_chunks(item["bundle_id"]):
                    handle.write(chunk)
            outbox.transition(item["bundle_id"], exported_at=utc_now())
            written.append({"bundle_id": item["bundle_id"], "file": str(path)})
    ctx.emit(written, f"{len(written)} bundle(s) written to {out}.")
    return 0


def cmd_inbox_import(args: argparse.Namespace, ctx: CliContext) -> int:
    results: list[dict[str, Any]] = []
    failed = 0
    with ctx.open_vault() as vault:
        inbox = Inbox(vault)
        for path in bundle_files([Path(p) for p in args.paths]):
            try:
                results.append({"file": path.name, **inbox.import_file(path).to_json()})
            except TestigoError as exc:
                if len(args.paths) == 1 and Path(args.paths[0]).is_file():
                    raise
                failed += 1
                results.append({"file": path.name, "status": "rejected", "error": exc.code,
                                "message": exc.message(ctx.lang)})
    lines = [f"{r['file']}: {r['status']}" + (f" ({r.get('message')})" if r.get("message")
                                                else "") for r in results]
    ctx.emit(results, "\n".join(lines) or "no bundle files found")
    if failed:
        raise InvalidInput(f"{failed} bundle file(s) rejected; nothing of them was imported")
    return 0


def cmd_inbox_list(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_vault() as vault:
        items = Inbox(vault).list()
    lines = [f"{i['record']['id']}  {i['record'].get('title') or '—'}  "
             f"({'verified' if i['device_verified'] else 'unverified'} device)" for i in items]
    ctx.emit(items, "\n".join(lines) or "nothing received yet")
    return 0


def cmd_inbox_show(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_vault() as vault:
        item = Inbox(vault).show(args.id)
    ctx.emit(item, None)
    return 0


def cmd_inbox_devices(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_vault() as vault:
        devices = Inbox(vault).devices()
    lines = [f"{d['fingerprint']}  {'verified' if d['verified'] else 'NEW, unverified'}  "
             f"{d['bundles']} bundle(s)" for d in devices]
    ctx.emit(devices, "\n".join(lines) or "no devices yet")
    return 0


def cmd_inbox_trust(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_vault() as vault:
        device = Inbox(vault).trust(args.fingerprint)
    ctx.emit(device, f"Device {device['fingerprint']} is now verified.")
    return 0
