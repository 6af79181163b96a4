"""The coordinator's pull: download new bundles, import them, send receipts, acknowledge.

No single bundle may stop the coalition's intake. Each relay item ends the pass in one of
three ways, and the cursor moves past it in all three:

- imported (or recognised as a duplicate): its receipt is stored on the relay, then it is
  acknowledged (and so deleted from the relay);
- refused because of the bundle itself (forged, malformed, a schema violation, a conflict, or
  a failure no check foresaw): recorded in the vault's rejections with the device when known,
  and acknowledged, so it never comes back;
- its download failed or did not match its size and hash: retried a few times, then set aside
  in the vault (not acknowledged). Set-aside items are retried first at each later pull and
  refused after ``SET_ASIDE_PASSES`` pulls.

Downloaded bundles are imported in group commits (``reporter.inbox.group_commit``): one
transaction for a group, whose receipts are stored and whose bundles are acknowledged only
once it is committed. A crash before the commit leaves the whole group on the relay to be
pulled again; after it, a bundle not yet acknowledged comes again as a duplicate and gets its
receipt then. The cursor moves past an item only once its fate is settled.

Anything that is not the bundle's fault (the vault's disk is full, the relay went away) ends
the pass; what was done until then is in ``PullReport`` and the error is in ``report.error``.
The download goes into the vault's encrypted blob store, never into a plaintext temp file;
an imported bundle's download stays there as its original, as received (issue 14's evidence).
A vault with a coordinator roster (several coordinators) then exchanges triage events through
the same client (``reporter.coordination.exchange``), so every pull, by hand or automatic,
brings the other coordinators' decisions too.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from reporter.coordination.exchange import ExchangeReport, exchange
from reporter.coordination.roster import current_roster
from reporter.errors import Cancelled, DownloadMismatch, NetworkError, RelayRefused, TestigoError
from reporter.inbox.group_commit import GroupCommit, Limits
from reporter.inbox.inbox import Arrival, ImportResult, Inbox, coalition_signing_key
from reporter.inbox.rejections import (
    Sender,
    forget_set_aside,
    is_bundles_fault,
    record_rejection,
    safe_params,
    set_aside,
    set_aside_items,
)
from reporter.relay_client.settings import relay_settings
from reporter.relay_client.transport import RelayClient
from reporter.share.receipts import make_receipt
from reporter.sync.engine import Backoff
from reporter.vault.blob_store import BlobInfo, BlobStore
from reporter.vault.vault import Vault

DOWNLOAD_ATTEMPTS = 3  # per item and pass
SET_ASIDE_PASSES = 3  # pulls a failing download is retried over before refusal
DOWNLOAD_BACKOFF = Backoff(base=0.5, cap=4.0, jitter=0.25)


@dataclass
class PullReport:
    imported: list[dict[str, Any]] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    rejected: list[dict[str, Any]] = field(default_factory=list)
    set_aside: list[dict[str, Any]] = field(default_factory=list)
    throttled: bool = False  # the relay asked us to slow down (429): pull again later
    error: TestigoError | None = None  # what ended the pass early, after the above
    coordination: ExchangeReport | None = None  # the triage events, with a roster

    def to_json(self) -> dict[str, Any]:
        out = {k: v for k, v in self.__dict__.items() if k not in ("error", "coordination")}
        out["coordination"] = None if self.coordination is None else self.coordination.to_json()
        out["error"] = (
            None
            if self.error is None
            else {"error": self.error.code, "message": self.error.message("en")}
        )
        return out


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


def _throttled(exc: BaseException) -> bool:
    return isinstance(exc, RelayRefused) and exc.params.get("status") == 429


def _gone(exc: BaseException) -> bool:
    """The relay no longer has the item (acknowledged or expired): retrying cannot help."""
    return isinstance(exc, RelayRefused) and exc.params.get("status") in (404, 410)


def pull(
    vault: Vault,
    relay_url: str | None = None,
    proxy: str | None = None,
    progress: Callable[[dict[str, Any]], None] | None = None,
    backoff: Backoff = DOWNLOAD_BACKOFF,
) -> PullReport:
    """One pass over the relay's queue; never raises a ``TestigoError`` (see ``error``)."""
    report = PullReport()
    try:
        url, pin, credential = relay_settings(vault)
        client = RelayClient(relay_url or url, tls_pin=pin, proxy=proxy, credential=credential)
    except TestigoError as exc:
        report.error = exc
        return report
    try:
        _Intake(vault, client, report, backoff).run(progress)
        if current_roster(vault) is not None:  # several coordinators: their decisions too
            report.coordination = exchange(vault, client)
    except TestigoError as exc:
        if _throttled(exc):
            # What was imported is committed; one not yet acknowledged comes again and is a
            # duplicate then, with its receipt: stopping here loses nothing.
            report.throttled = True
        else:
            report.error = exc
    finally:
        client.close()
    return report


def _check_item(item: Any) -> None:
    """The relay's list is input like any other: a malformed one ends the pass cleanly."""
    if not (
        isinstance(item, dict)
        and isinstance(item.get("upload_id"), str)
        and len(item["upload_id"]) <= 100
        and type(item.get("cursor")) is int
        and type(item.get("size")) is int
        and isinstance(item.get("sha256"), str)
    ):
        raise NetworkError(reason="the relay sent a malformed list of bundles")


class _Intake:
    def __init__(
        self, vault: Vault, client: RelayClient, report: PullReport, backoff: Backoff
    ) -> None:
        self.vault, self.client, self.report, self.backoff = vault, client, report, backoff
        self.inbox, self.blobs = Inbox(vault), BlobStore(vault)
        self.signing_key = coalition_signing_key(vault)
        self.limits = Limits()
        self.group: GroupCommit[str] = GroupCommit(vault, self.limits)
        # This group's items in order: (cursor or None for a retry, needs a receipt).
        self.batch: list[tuple[int | None, str]] = []
        self.retried: set[str] = set()  # set-aside items imported in this group
        self.handled: set[str] = set()  # set-aside items retried in this pass
        self.cursor = 0

    def run(self, progress: Callable[[dict[str, Any]], None] | None) -> None:
        self.cursor = int(self.vault.get_meta("relay_cursor") or 0)
        items = self.client.pending(self.cursor)  # the relay answers before we retry anything
        try:
            for item in set_aside_items(self.vault):
                self.handled.add(item["upload_id"])
                self.one(item, retry=True)
            while items:
                for item in items:
                    _check_item(item)
                    if item["upload_id"] in self.handled:
                        # Retried above; listed again if a receipt failed before its cursor.
                        self.batch.append((int(item["cursor"]), ""))
                        continue
                    self.one(item, retry=False)
                    if progress is not None:
                        progress({"upload_id": item["upload_id"], "cursor": item["cursor"]})
                self.flush()
                items = self.client.pending(self.cursor)
            self.flush()
        except Cancelled:
            # The person stopped it, the relay is still there: what was imported gets its
            # receipts and acknowledgements now, so none of it comes back as a duplicate.
            try:
                self.flush()
            except BaseException:
                self.salvage()
                raise
            raise
        except BaseException:
            self.salvage()
            raise
        finally:
            self.inbox.group = None
            self.group.deferred.close()

    def one(self, item: dict[str, Any], retry: bool) -> None:
        """Download and import one item into the open group (a large one alone)."""
        size = int(item["size"])
        alone = size > self.limits.alone
        if alone or self.group.due(size):
            self.flush()
        self.inbox.group = None if alone else self.group
        try:
            self._one(item, retry, size)
        finally:
            self.inbox.group = self.group
        if alone:
            self.flush()

    def _one(self, item: dict[str, Any], retry: bool, size: int) -> None:
        upload_id = item["upload_id"]
        cursor = None if retry else int(item["cursor"])
        try:
            stored = self.download(item)
        except NetworkError as exc:
            if _throttled(exc):
                raise
            self.group.commit()  # the set-aside is kept in a transaction of its own
            self.aside(item, exc)
            self.batch.append((cursor, ""))
            return
        kept = False
        try:
            reader = io.BufferedReader(_ChunkReader(self.blobs.chunks(stored.name, stored.key)))
            result = self.inbox.receive(reader, arrival=Arrival("relay", upload_id, None, stored))
            kept = result.kept_original
        except TestigoError as exc:
            if not is_bundles_fault(exc):
                raise  # ours (disk, vault): the bundle waits
            self.rejected(upload_id, exc, self.inbox.last_sender)
            self.client.acknowledge(upload_id)
            self.batch.append((cursor, ""))
            return
        finally:
            if not kept:  # an imported bundle's download is its original
                self.blobs.remove([stored.name])
        if retry:
            self.retried.add(upload_id)
        self.group.add((upload_id, result), size)
        self.batch.append((cursor, upload_id))

    def flush(self) -> None:
        """Commit the group, then its receipts and acknowledgements, then the cursor."""
        self.group.commit()
        results: dict[str, ImportResult] = {}
        for upload_id, outcome in self.group.take():
            if isinstance(outcome, TestigoError):
                self.batch = []
                raise outcome  # not committed: nothing acknowledged, all on the relay still
            results[upload_id] = outcome
            self._imported(outcome)
        batch, self.batch = self.batch, []
        sent: list[str] = []
        try:
            for cursor, upload_id in batch:
                if upload_id:
                    self.receipt(upload_id, results[upload_id])
                    sent.append(results[upload_id].bundle_id)
                if cursor is not None:
                    self.cursor = max(self.cursor, cursor)
        finally:  # what was settled, even when the relay went away midway
            self._settled(sent)

    def salvage(self) -> None:
        """The pass ends early: commit what the group imported, without its receipts."""
        try:
            self.group.commit()
        except BaseException:
            self.group.abandon()
            raise
        for _, outcome in self.group.take():
            if isinstance(outcome, ImportResult):
                self._imported(outcome)
        self.batch = []

    def _imported(self, result: ImportResult) -> None:
        if result.status == "duplicate":
            self.report.duplicates.append(result.bundle_id)
        else:
            self.report.imported.append(result.to_json())

    def _settled(self, sent: list[str]) -> None:
        """Receipts marked sent and the cursor moved, in one transaction."""
        retried, self.retried = self.retried, set()
        for upload_id in retried:
            forget_set_aside(self.vault, upload_id)
        with self.vault.transaction() as conn:
            conn.executemany(
                "UPDATE inbox_bundles SET receipt_state = 'sent' WHERE bundle_id = ?",
                [(b,) for b in sent],
            )
            conn.execute(
                "INSERT OR REPLACE INTO meta(key, value) VALUES ('relay_cursor', ?)",
                (str(self.cursor),),
            )

    def download(self, item: dict[str, Any]) -> BlobInfo:
        """The item's ciphertext into the blob store, checked; a few tries with backoff."""
        for attempt in range(1, DOWNLOAD_ATTEMPTS):
            try:
                return self._download_once(item)
            except NetworkError as exc:
                if _throttled(exc) or _gone(exc):
                    raise
            time.sleep(self.backoff.delay(attempt))
        return self._download_once(item)  # the last try says why it failed

    def _download_once(self, item: dict[str, Any]) -> BlobInfo:
        deferred = None if self.inbox.group is None else self.group.deferred
        with self.blobs.sink(deferred) as sink:  # ciphertext, encrypted again at rest
            for chunk in self.client.download(item["upload_id"], int(item["size"])):
                sink.write(chunk)
            stored = sink.commit()
        if stored.size != item["size"] or stored.sha256 != item["sha256"]:
            self.blobs.remove([stored.name])
            raise DownloadMismatch()
        return stored

    def aside(self, item: dict[str, Any], exc: NetworkError) -> None:
        passes = set_aside(self.vault, item, exc)
        if passes >= SET_ASIDE_PASSES or _gone(exc):
            # Not acknowledged: the relay may still hold good bytes for another coordinator.
            self.rejected(item["upload_id"], exc, None)
            return
        self.report.set_aside.append(
            {
                "upload_id": item["upload_id"],
                "error": exc.code,
                "params": safe_params(exc),
                "passes": passes,
                "message": exc.message("en"),
            }
        )

    def rejected(self, upload_id: str, exc: TestigoError, sender: Sender | None) -> None:
        if not is_bundles_fault(exc):  # receive() records the bundle's own faults
            record_rejection(self.vault, exc, upload_id=upload_id, sender=sender)
        self.report.rejected.append(
            {
                "upload_id": upload_id,
                "error": exc.code,
                "params": safe_params(exc),
                "message": exc.message("en"),
                "device_id": sender.device_id if sender else None,
                "device_fingerprint": sender.fingerprint if sender else None,
            }
        )

    def receipt(self, upload_id: str, result: ImportResult) -> None:
        receipt = make_receipt(
            self.signing_key, result.bundle_id, result.device_id, result.receipt_recipient
        )
        self.client.put_receipt(upload_id, receipt)
        self.client.acknowledge(upload_id)


__all__ = ["DOWNLOAD_ATTEMPTS", "SET_ASIDE_PASSES", "PullReport", "pull"]
