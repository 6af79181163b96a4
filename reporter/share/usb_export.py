"""Bundles carried by hand: the outbox's sealed bundles written as files, e.g. to a USB stick.

One use case for `bundle export` and the app's "Save to a USB stick…". A file is complete on
the stick (written whole, fsynced, renamed into place) before its bundle is marked carried,
so a stick pulled out mid-copy leaves no half file that looks like a bundle, and nothing is
marked that is not there. Names are random: no titles, dates or bundle ids on the stick.
A carried bundle still waits for its coalition receipt, which may come back through the
relay or as a receipt file; until then it is also sent when a connection is there.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reporter.errors import Cancelled, InvalidField
from reporter.fsutil import ensure_private_dir, replacing
from reporter.share.outbox_store import OutboxStore
from reporter.vault.vault import Vault, utc_now

EXPORTABLE = ("queued", "uploading", "failed")  # not yet on the relay
BUNDLE_SUFFIX = ".age"

Progress = Callable[[int, int], None]


def carried_by_hand(item: dict[str, Any]) -> bool:
    """Written to a file for someone to carry, and not yet confirmed by the coalition."""
    return bool(item.get("exported_at")) and item["state"] in EXPORTABLE


def to_carry(vault: Vault, again: bool = False) -> list[dict[str, Any]]:
    """The outbox items a USB export writes: not yet sent, and not yet written unless again."""
    items = OutboxStore(vault).list(list(EXPORTABLE))
    return [item for item in items if again or not item["exported_at"]]


def export_bundles(
    vault: Vault,
    out: Path,
    again: bool = False,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
) -> list[dict[str, str]]:
    """Write each bundle to carry into ``out`` and mark it carried; [{bundle_id, file}]."""
    if not out.is_dir():  # an existing folder (a USB stick) keeps the mode it has
        if out.exists():
            raise InvalidField(field="out", reason="not a folder")
        ensure_private_dir(out)
    outbox = OutboxStore(vault)
    items = to_carry(vault, again)
    total, done = sum(int(item["size"]) for item in items), 0
    written: list[dict[str, str]] = []
    for item in items:
        path = _new_name(out)
        with replacing(path) as handle:
            for chunk in outbox.ciphertext_chunks(item["bundle_id"]):
                if cancel is not None and cancel():
                    raise Cancelled()  # the half-written file goes with the temp name
                handle.write(chunk)
                done += len(chunk)
                if progress is not None:
                    progress(done, total)
        outbox.transition(item["bundle_id"], exported_at=utc_now())
        written.append({"bundle_id": item["bundle_id"], "file": str(path)})
    return written


def _new_name(out: Path) -> Path:
    while True:
        path = out / f"{secrets.token_hex(8)}{BUNDLE_SUFFIX}"
        if not path.exists():
            return path
