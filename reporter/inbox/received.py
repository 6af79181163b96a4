"""What the coordinator's app reads that the inbox modules do not give as such.

Received evidence files shown inside the app come back as bytes in memory (never a temp
file), bounded and checked against their hash; bundle files from a USB stick import in
group commits with progress and a cancel, each refusal kept with its reason like the CLI's.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reporter.errors import IntegrityError, InvalidField, NotFound, TestigoError
from reporter.inbox.group_commit import import_files
from reporter.inbox.inbox import Inbox, bundle_files
from reporter.vault.blob_store import BlobStore
from reporter.vault.vault import Vault

MAX_SHOWN = 32 * 1024 * 1024  # a file shown in the app is held in memory: bounded
MAX_FILES = 100_000  # bundle files taken from one folder


def received_files(vault: Vault, incident_id: str, bundle_id: str) -> list[dict[str, Any]]:
    """The evidence files that came with this revision of a received incident."""
    rows = vault.query(
        "SELECT id, size, media_type, sha256 FROM inbox_attachments"
        " WHERE incident_id = ? AND bundle_id = ? ORDER BY id",
        (incident_id.strip().lower(), bundle_id),
    )
    return [{"id": r[0], "size": r[1], "media_type": r[2], "sha256": r[3]} for r in rows]


def read_received_file(vault: Vault, attachment_id: str, limit: int = MAX_SHOWN) -> bytes:
    """A received evidence file's bytes, checked against its hash (``limit`` bounds it)."""
    rows = vault.query(
        "SELECT a.blob, a.blob_key, a.size, a.sha256 FROM inbox_attachments a"
        " JOIN inbox_bundles b USING (bundle_id) WHERE lower(a.id) = ?"
        " ORDER BY b.received_at DESC LIMIT 1",
        (attachment_id.strip().lower(),),
    )
    if not rows:
        raise NotFound(what="received attachment")
    blob, key, size, sha256 = rows[0]
    if size > limit:
        raise InvalidField(field="file", reason="too large to show; extract it")
    data = bytearray()
    for chunk in BlobStore(vault).chunks(blob, bytes(key)):
        data += chunk
        if len(data) > size:
            break
    if len(data) != size or hashlib.sha256(data).hexdigest() != sha256:
        raise IntegrityError(reason="stored content does not match its hash")
    return bytes(data)


def import_bundle_files(
    vault: Vault,
    paths: list[Path],
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> dict[str, Any]:
    """Import bundle files (or folders of them); one bad file never stops the others."""
    files = []
    for path in bundle_files(paths):
        files.append(path)
        if len(files) > MAX_FILES:
            raise InvalidField(field="paths", reason="more than {limit} items", limit=MAX_FILES)
    results: list[dict[str, Any]] = []
    for path, outcome in import_files(Inbox(vault), files, cancelled):
        if isinstance(outcome, TestigoError):
            results.append(
                {
                    "file": path.name,
                    "status": "rejected",
                    "error": outcome.code,
                    "params": dict(outcome.params),
                }
            )
        else:
            results.append({"file": path.name, **outcome.to_json()})
        if progress is not None:
            progress(len(results), len(files))
    return {"files": len(files), "results": results, "cancelled": len(results) < len(files)}
