"""The coordinator's pull: download new bundles, import them, send receipts, acknowledge.

A bundle is acknowledged (and so deleted from the relay) only after it was imported or
recognised as a duplicate and its receipt was stored on the relay. A bundle that fails
verification is acknowledged too, so it cannot block the queue, and reported as rejected.
The download goes into the vault's encrypted blob store, never into a plaintext temp file.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from reporter.errors import NetworkError, RelayRefused, TestigoError
from reporter.inbox.inbox import Inbox, coalition_signing_key
from reporter.share.receipts import make_receipt
from reporter.sync.engine import relay_settings
from reporter.sync.transport import RelayClient
from reporter.vault.blob_store import BlobStore
from reporter.vault.vault import Vault


@dataclass
class PullReport:
    imported: list[dict[str, Any]] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    rejected: list[dict[str, str]] = field(default_factory=list)
    throttled: bool = False    # the relay asked us to slow down (429): pull again later

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


class _ChunkReader(io.RawIOBase):
    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._buffer = b""

    def readable(self) -> bool:
        return True

    def readinto(self, target: Any) -> int:
        while not self._buffer:
            piece = next(self._chunks, None)
            if piece is None:
                return 0
            self._buffer = piece
        size = min(len(target), len(self._buffer))
        target[:size] = self._buffer[:size]
        self._buffer = self._buffer[size:]
        return size


def pull(vault: Vault, relay_url: str | None = None, proxy: str | None = None,
         progress: Callable[[dict[str, Any]], None] | None = None) -> PullReport:
    url, pin, credential = relay_settings(vault)
    client = RelayClient(relay_url or url, tls_pin=pin, proxy=proxy, credential=credential)
    inbox, blobs = Inbox(vault), BlobStore(vault)
    signing_key = coalition_signing_key(vault)
    report = PullReport()
    cursor = int(vault.get_meta("relay_cursor") or 0)
    try:
        while True:
            items = client.pending(cursor)
            if not items:
                break
            for item in items:
                _one(client, inbox, blobs, signing_key, item, report)
                cursor = max(cursor, int(item["cursor"]))
                vault.set_meta("relay_cursor", str(cursor))
                if progress is not None:
                    progress({"upload_id": item["upload_id"], "cursor": cursor})
    except RelayRefused as exc:
        if exc.params.get("status") != 429:
            raise
        # Each bundle is imported and acknowledged on its own, so stopping here loses
        # nothing: one imported but not yet acknowledged comes again and is a duplicate.
        report.throttled = True
    finally:
        client.close()
    return report


def _one(client: RelayClient, inbox: Inbox, blobs: BlobStore, signing_key: Any,
         item: dict[str, Any], report: PullReport) -> None:
    upload_id = item["upload_id"]
    with blobs.sink() as sink:           # ciphertext, encrypted again at rest
        for chunk in client.download(upload_id, int(item["size"])):
            sink.write(chunk)
        stored = sink.commit()
    try:
        if stored.size != item["size"] or stored.sha256 != item["sha256"]:
            raise NetworkError(reason="the download was incomplete")
        try:
            reader = io.BufferedReader(_ChunkReader(blobs.chunks(stored.name, stored.key)))
            result = inbox.import_bundle(reader)
        except NetworkError:
            raise
        except TestigoError as exc:
            report.rejected.append({"upload_id": upload_id, "error": exc.code})
            client.acknowledge(upload_id)
            return
    finally:
        blobs.remove([stored.name])
    receipt = make_receipt(signing_key, result.bundle_id, result.device_id,
                           result.receipt_recipient)
    client.put_receipt(upload_id, receipt)
    inbox.mark_receipt_sent(result.bundle_id)
    client.acknowledge(upload_id)
    if result.status == "duplicate":
        report.duplicates.append(result.bundle_id)
    else:
        report.imported.append(result.to_json())


__all__ = ["PullReport", "pull"]
