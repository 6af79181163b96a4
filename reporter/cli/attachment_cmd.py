"""attach, attachments, extract, detach."""

from __future__ import annotations

import argparse
from pathlib import Path

from reporter.cli.commands import add_command
from reporter.cli.context import CliContext, add_json_flag
from reporter.vault.original_removal import attach_and_delete_original


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = add_command(
        sub,
        "attach",
        "add a file to an incident (streamed in, encrypted)",
        "testigo-cli attach 3f2c… captura.png",
    )
    p.add_argument("id", help="incident id")
    p.add_argument("file", type=Path)
    p.add_argument("--name", help="name to keep (private; default: the file's name)")
    p.add_argument(
        "--delete-original",
        action="store_true",
        help="once the vault's copy is verified by hash, overwrite and remove the"
        " file (SSDs, snapshots and backups may still keep copies)",
    )
    add_json_flag(p)
    p.set_defaults(handler=cmd_attach)

    p = add_command(
        sub, "attachments", "list an incident's attachments", "testigo-cli attachments 3f2c… --json"
    )
    p.add_argument("id", help="incident id")
    add_json_flag(p)
    p.set_defaults(handler=cmd_attachments)

    p = add_command(
        sub,
        "extract",
        "write an attachment out to a file you name",
        "testigo-cli extract 9b1e… --out ~/Escritorio/captura.png",
    )
    p.add_argument("attachment_id")
    p.add_argument("--out", type=Path, required=True, help="where to write it")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.set_defaults(handler=cmd_extract)

    p = add_command(sub, "detach", "delete an attachment for good", "testigo-cli detach 9b1e…")
    p.add_argument("attachment_id")
    p.set_defaults(handler=cmd_detach)


_DELETED = (
    "{id}\nThe original was overwritten and removed. An SSD, a snapshot or a backup"
    " may still keep copies of it."
)


def cmd_attach(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_vault() as vault:
        if args.delete_original:
            meta = attach_and_delete_original(vault, args.id, args.file, name=args.name)
        else:
            meta = vault.attachments.add(args.id, args.file, name=args.name)
    if args.delete_original:
        ctx.emit({**meta, "original_deleted": True}, ctx.tr(_DELETED).format(id=meta["id"]))
    else:
        ctx.emit(meta, meta["id"])
    return 0


def cmd_attachments(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_vault() as vault:
        vault.incidents.get(args.id)
        items = vault.attachments.list(args.id)
    text = "\n".join(
        f"{a['id']}  {a['size']:>12}  {a['media_type']:24}  {a['name']}" for a in items
    )
    ctx.emit(items, text or ctx.tr("(none)"))
    return 0


def cmd_extract(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_vault() as vault:
        vault.attachments.extract(args.attachment_id, args.out, overwrite=args.force)
    ctx.say(ctx.tr("Written to {path}").format(path=args.out))
    return 0


def cmd_detach(args: argparse.Namespace, ctx: CliContext) -> int:
    with ctx.open_vault() as vault:
        vault.attachments.delete(args.attachment_id)
    ctx.say(ctx.tr("Attachment deleted."))
    return 0
