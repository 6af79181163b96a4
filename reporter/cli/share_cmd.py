"""share, bundle export, bundle import-receipts: what leaves a device and its receipts.

(A coordinator's inbox is in inbox_cmd.)
"""

from __future__ import annotations

import argparse
from pathlib import Path

from reporter.cli.commands import add_command, add_group
from reporter.cli.context import CliContext, add_json_flag
from reporter.errors import InvalidInput
from reporter.i18n import N_
from reporter.incidents.record import CONSENTS
from reporter.share.cleaning import removed_labels
from reporter.share.confirmation import require_confirmed
from reporter.share.outbox_store import OutboxStore
from reporter.share.receipt_files import import_receipt_files
from reporter.share.sharing import preview_and_cleaning, share_incidents
from reporter.share.usb_export import export_bundles


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
    p.add_argument(
        "--yes",
        action="store_true",
        help="share even an incident that is still a draft (sealing cannot be undone)",
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

    p = add_command(
        group,
        "import-receipts",
        "mark bundles received from coalition receipt files brought back by hand",
        "testigo-cli bundle import-receipts /media/usb",
    )
    p.add_argument(
        "paths", nargs="+", metavar="PATH", help="receipt files, or folders holding them"
    )
    add_json_flag(p)
    p.set_defaults(handler=cmd_import_receipts)


def cmd_share(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_vault() as vault:
        if args.preview:
            both = [preview_and_cleaning(vault, i, args.attach, args.consent) for i in args.ids]
            shown = [record for record, _ in both]
            removed = {k: v for _, cleaned in both for k, v in cleaned.items()}
            ctx.emit(shown if len(shown) > 1 else shown[0], None)
            _say_removed(ctx, removed)
            return 0
        require_confirmed(vault, args.ids, args.yes)
        bundle_id = share_incidents(vault, args.ids, args.attach, args.consent)
        item = OutboxStore(vault).get(bundle_id)
    ctx.emit(
        {"bundle_id": bundle_id, "size": item["size"], "state": item["state"]},
        ctx.tr("Bundle {id} is in the outbox ({size} bytes, sealed).").format(
            id=bundle_id, size=item["size"]
        ),
    )
    return 0


# What a receipt file's import says, by its outcome's status (msgids of the catalogue).
_RECEIPT_SAID = {
    "received": N_("{file}: received by the coalition (bundle {id})."),
    "already_received": N_("{file}: already marked received (bundle {id})."),
}


def _say_removed(ctx: CliContext, removed: dict[str, list[str]]) -> None:
    """What cleaning takes out of each attachment, on stderr: stdout stays the record."""
    removed_from = ctx.tr("Attachment {id}, removed: {what}.")
    nothing = ctx.tr("Attachment {id}: no metadata to remove.")
    for attachment_id, codes in removed.items():
        labels = removed_labels(codes, ctx.lang)
        ctx.say(
            removed_from.format(id=attachment_id, what="; ".join(labels))
            if labels
            else nothing.format(id=attachment_id)
        )


def cmd_export(args: argparse.Namespace, ctx: CliContext) -> int:
    out = Path(args.out)
    with ctx.open_vault() as vault:
        written = export_bundles(vault, out, again=args.all)
    said = ctx.tr("{n} bundle(s) written to {out}; they wait for the coalition's receipt.")
    ctx.emit(written, said.format(n=len(written), out=out))
    return 0


def cmd_import_receipts(args: argparse.Namespace, ctx: CliContext) -> int:
    given = [Path(p) for p in args.paths]
    with ctx.open_vault() as vault:
        outcomes = import_receipt_files(vault, given)
    if len(given) == 1 and len(outcomes) == 1 and outcomes[0].error and given[0].is_file():
        raise outcomes[0].error  # one file: its refusal is the one line
    lines = [
        o.error.message(ctx.lang)
        if o.error is not None
        else ctx.tr(_RECEIPT_SAID[o.status]).format(file=o.file, id=o.bundle_id)
        for o in outcomes
    ]
    ctx.emit(
        [o.to_json(ctx.lang) for o in outcomes],
        "\n".join(lines) or ctx.tr("No receipt files found."),
    )
    refused = sum(o.error is not None for o in outcomes)
    if refused:
        said = ctx.tr("{n} receipt file(s) refused; nothing was changed by them.")
        raise InvalidInput(said.format(n=refused))
    return 0
