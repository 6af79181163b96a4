"""What a coordinator holds as evidence: the received files, the original bundles, the gaps.

- ``extract_attachment`` writes one received evidence file where the coordinator says, and
  only there (no temp file beside it, no copy anywhere else), checked against its hash.
- ``original_chunks`` gives back a bundle's ciphertext exactly as it arrived (the device's
  signature intact inside), for issue 14's evidence packet.
- ``device_gaps`` says, per device, which ``device_seq`` numbers never arrived: something
  that device sealed is missing (lost, held back by the relay, or not yet pulled).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path
from typing import Any

from reporter.errors import Conflict, IntegrityError, NotFound
from reporter.fsutil import storage_error
from reporter.inbox.originals import original_chunks as original_chunks
from reporter.vault.attachment_store import prefix_of
from reporter.vault.blob_store import BlobStore
from reporter.vault.vault import Vault

MAX_RANGES = 50  # missing ranges shown per device (the count is always exact)


def _ranges(seqs: list[int]) -> tuple[list[list[int]], int]:
    """Missing numbers of 1..max(seqs) as [first, last] ranges, and how many are missing."""
    missing: list[list[int]] = []
    count = 0
    expected = 1
    for seq in seqs:
        if seq > expected:
            missing.append([expected, seq - 1])
            count += seq - expected
        expected = max(expected, seq + 1)
    return missing[:MAX_RANGES], count


def device_gaps(vault: Vault) -> dict[str, dict[str, Any]]:
    """device_id -> {"missing": [[first, last], ...], "missing_count": n, "last_seq": m}.

    A device numbers its bundles 1, 2, 3…; a number below the highest received one that
    never arrived is a gap. Only devices with a gap are in the result.
    """
    per_device: dict[str, list[int]] = {}
    for device_id, seq in vault.query(
        "SELECT device_id, device_seq FROM inbox_bundles ORDER BY device_id, device_seq"
    ):
        per_device.setdefault(device_id, []).append(int(seq))
    out = {}
    for device_id, seqs in per_device.items():
        ranges, count = _ranges(seqs)
        if count:
            out[device_id] = {"missing": ranges, "missing_count": count, "last_seq": seqs[-1]}
    return out


def original(vault: Vault, bundle_id: str) -> dict[str, Any]:
    rows = vault.query(
        "SELECT size, sha256, via, upload_id, file_name FROM inbox_originals WHERE bundle_id = ?",
        (bundle_id,),
    )
    if not rows:
        raise NotFound(what="original of that bundle")
    size, sha256, via, upload_id, file_name = rows[0]
    return {
        "bundle_id": bundle_id,
        "size": size,
        "sha256": sha256,
        "via": via,
        "upload_id": upload_id,
        "file_name": file_name,
    }


def read_received_prefix(vault: Vault, attachment_id: str, limit: int) -> bytearray:
    """A received file's first ``limit`` bytes, the rest never decrypted (a text shown)."""
    rows = vault.query(
        "SELECT a.blob, a.blob_key, a.size FROM inbox_attachments a JOIN inbox_bundles b"
        " USING (bundle_id) WHERE lower(a.id) = ? ORDER BY b.received_at DESC LIMIT 1",
        (attachment_id.strip().lower(),),
    )
    if not rows:
        raise NotFound(what="received attachment")
    blob, key, size = rows[0]
    return prefix_of(BlobStore(vault).chunks(blob, bytes(key)), min(limit, size))


def extract_attachment(
    vault: Vault, attachment_id: str, out: Path, force: bool = False
) -> dict[str, Any]:
    """Write a received evidence file to ``out`` (an existing one only with ``force``)."""
    rows = vault.query(
        "SELECT a.blob, a.blob_key, a.size, a.sha256, a.media_type,"
        " a.incident_id FROM inbox_attachments a JOIN inbox_bundles b"
        " USING (bundle_id) WHERE lower(a.id) = ? ORDER BY b.received_at DESC"
        " LIMIT 1",
        (attachment_id.strip().lower(),),
    )
    if not rows:
        raise NotFound(what="received attachment")
    blob, key, size, sha256, media_type, incident_id = rows[0]
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= os.O_TRUNC if force else os.O_EXCL
    try:
        fd = os.open(out, flags, 0o600)
    except FileExistsError:
        raise Conflict(reason="the file exists; use --force to replace it") from None
    except OSError as exc:
        raise storage_error(exc) from None
    digest = hashlib.sha256()
    written = 0
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in BlobStore(vault).chunks(blob, bytes(key)):
                digest.update(chunk)
                written += len(chunk)
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        if written != size or digest.hexdigest() != sha256:
            raise IntegrityError(reason="stored content does not match its hash")
    except BaseException as exc:
        with contextlib.suppress(OSError):
            out.unlink()
        if isinstance(exc, OSError):
            raise storage_error(exc) from None
        raise
    vault.audit("inbox_attachment_extracted", None)
    return {
        "attachment_id": attachment_id.strip().lower(),
        "incident_id": incident_id,
        "file": str(out),
        "size": written,
        "media_type": media_type,
        "sha256": sha256,
    }
