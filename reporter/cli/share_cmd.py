"""share, bundle export: what leaves a device (a coordinator's inbox is in inbox_cmd)."""

from __future__ import annotations

import argparse
import secrets
from pathlib import Path
from typing import Any

from reporter.cli.commands import add_command, add_group
from reporter.cli.context import CliContext, add_json_flag
from reporter.fsutil import ensure_private_dir
from reporter.incidents.record import CONSENTS
from reporter.share.cleaning import removed_labels
from reporter.share.outbox_store import OutboxStore
from reporter.share.sharing import preview_and_cleaning, share_incidents
from reporter.vault.vault import utc_now


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = add_command(
        sub,
        "share",
        "seal incidents into a bundle for the coalition (or preview)",
        "testigo-cli share 3f2c… --consent share_free_text --preview --json",
    )
    p.add_argument("ids", nargs="+", metavar="ID")
    p.add_argument(
        "--preview", action="store_true", help="print exactly what would leave, change nothing"
    )
    p.add_argument(
        "--attach",
        action="append",
        default=[],
        metavar="ATTACHMENT_ID",
        help="include this attachment (its metadata is removed; a file whose"
        " metadata Testigo cannot remove is refused)",
    )
    p.add_argument(
        "--consent",
        action="append",
        default=[],
        choices=CONSENTS,
        help="grant another consent while sharing (repeatable)",
    )
    add_json_flag(p)
    p.set_defaults(handler=cmd_share)

    group = add_group(sub, "bundle", "bundles as files, for USB or other offline transfer")
    p = add_command(
        group,
        "export",
        "write the outbox's bundles as *.age files",
        "testigo-cli bundle export --out /media/usb",
    )
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--all", action="store_true", help="also bundles exported before")
    add_json_flag(p)
    p.set_defaults(handler=cmd_export)


def cmd_share(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_vault() as vault:
        if args.preview:
            both = [preview_and_cleaning(vault, i, args.attach, args.consent) for i in args.ids]
            shown = [record for record, _ in both]
            removed = {k: v for _, cleaned in both for k, v in cleaned.items()}
            ctx.emit(shown if len(shown) > 1 else shown[0], None)
            _say_removed(ctx, removed)
            return 0
        bundle_id = share_incidents(vault, args.ids, args.attach, args.consent)
        item = OutboxStore(vault).get(bundle_id)
    ctx.emit(
        {"bundle_id": bundle_id, "size": item["size"], "state": item["state"]},
        f"Bundle {bundle_id} is in the outbox ({item['size']} bytes, sealed).",
    )
    return 0


_REMOVED_SAID = {
    "en": ("Attachment {id}, removed: {what}.", "Attachment {id}: no metadata to remove."),
    "es": ("Adjunto {id}, se quitó: {what}.", "Adjunto {id}: no tiene metadatos que quitar."),
}


def _say_removed(ctx: CliContext, removed: dict[str, list[str]]) -> None:
    """What cleaning takes out of each attachment, on stderr: stdout stays the record."""
    removed_from, nothing = _REMOVED_SAID[ctx.lang]
    for attachment_id, codes in removed.items():
        labels = removed_labels(codes, ctx.lang)
        ctx.say(
            removed_from.format(id=attachment_id, what="; ".join(labels))
            if labels
            else nothing.format(id=attachment_id)
        )


def cmd_export(args: argparse.Namespace, ctx: CliContext) -> int:
    out = Path(args.out)
    if not out.is_dir():  # an existing folder (a USB stick) keeps the mode it has
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
