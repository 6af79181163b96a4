"""The device's sync: walk the outbox state machine against the relay, durably, once.

queued → uploading (offset saved after every acknowledged chunk) → uploaded (the relay's
receipt) → received (the coordinator's signed receipt). Every transition is saved before the
next network call, so a crash or a kill resumes where it stopped; the relay's idempotency
key (a hash of the bundle id) makes a retried upload find the same upload, never a copy.
Failures keep the item with its last error and a retry time (exponential backoff, jitter).
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from reporter.errors import Cancelled, NetworkError, NotFound, RelayRefused, TestigoError
from reporter.share.device import device_identity
from reporter.share.outbox_store import OutboxStore
from reporter.share.profile import current_profile
from reporter.share.receipts import open_receipt
from reporter.sync.transport import RelayClient
from reporter.vault.vault import Vault

Progress = Callable[[dict[str, Any]], None]
CancelCheck = Callable[[], bool]
CHUNK = 1024 * 1024
KEY_CONTEXT = b"testigo relay idempotency key v1"


def upload_key(bundle_id: str) -> str:
    """What the relay sees instead of the bundle id: retries match, the id stays private."""
    return hashlib.sha256(KEY_CONTEXT + bytes.fromhex(bundle_id)).hexdigest()


@dataclass
class Backoff:
    base: float = 5.0          # seconds before the first retry
    cap: float = 3600.0
    jitter: float = 0.5        # up to ±50 %

    def delay(self, attempts: int) -> float:
        raw = min(self.cap, self.base * 2 ** max(0, attempts - 1))
        return float(raw * (1 + random.uniform(-self.jitter, self.jitter)))  # noqa: S311


@dataclass
class SyncReport:
    uploaded: list[str] = field(default_factory=list)
    received: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    waiting: list[str] = field(default_factory=list)     # retry later (backoff)
    offline: bool = False

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


def relay_settings(vault: Vault) -> tuple[str, str | None, str | None]:
    """(relay URL, TLS pin, credential) from enrollment and the coalition profile."""
    url = vault.get_meta("relay_url")
    profile = current_profile(vault)
    if url is None:
        if profile is None:
            raise NotFound(what="relay (import a coalition profile, then enroll)")
        url = profile.relays[0]
    pin = profile.tls_pin if profile is not None else vault.get_meta("relay_pin")
    return url, pin, vault.get_meta("relay_credential")


def enroll(vault: Vault, token: str, relay_url: str | None = None,
           proxy: str | None = None, tls_pin: str | None = None) -> dict[str, str]:
    url, pin, _ = (relay_url, tls_pin, None) if relay_url else relay_settings(vault)
    if relay_url and tls_pin is None:
        profile = current_profile(vault)
        pin = profile.tls_pin if profile is not None else None
    assert url is not None  # noqa: S101 - relay_settings never returns None
    client = RelayClient(url, tls_pin=pin, proxy=proxy)
    try:
        answer = client.enroll(token)
    finally:
        client.close()
    vault.set_meta("relay_url", url)
    vault.set_meta("relay_credential", answer["credential"])
    vault.set_meta("relay_role", answer["role"])
    if pin:
        vault.set_meta("relay_pin", pin)
    vault.audit("relay_enrolled")
    return {"relay": url, "role": answer["role"]}


def _now() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


class SyncEngine:
    def __init__(self, vault: Vault, proxy: str | None = None,
                 backoff: Backoff | None = None, chunk_size: int = CHUNK) -> None:
        self.vault = vault
        self.outbox = OutboxStore(vault)
        self.backoff = backoff or Backoff()
        self.chunk_size = chunk_size
        url, pin, credential = relay_settings(vault)
        if credential is None:
            raise NotFound(what="relay credential (run 'testigo-cli enroll TOKEN' first)")
        self.client = RelayClient(url, tls_pin=pin, proxy=proxy, credential=credential)

    def close(self) -> None:
        self.client.close()

    def run(self, progress: Progress | None = None, cancel: CancelCheck | None = None,
            force: bool = False) -> SyncReport:
        """One pass over the outbox. ``force`` ignores retry times (a person pressed Sync)."""
        report = SyncReport()
        now = _iso(_now())
        for item in self.outbox.list(["queued", "uploading", "failed"]):
            if cancel is not None and cancel():
                raise Cancelled()
            if not force and item["next_attempt_at"] and item["next_attempt_at"] > now:
                report.waiting.append(item["bundle_id"])
                continue
            try:
                self._upload(item, progress, cancel)
                report.uploaded.append(item["bundle_id"])
            except Cancelled:
                self.outbox.transition(item["bundle_id"], state="queued", last_error="cancelled")
                raise
            except NetworkError as exc:
                self._failed(item, exc, report)
                if not isinstance(exc, RelayRefused):
                    report.offline = True
                    break                    # the network is down: stop this pass
        if not report.offline:
            self._collect_receipts(report, progress)
        return report

    def _emit(self, progress: Progress | None, bundle_id: str, state: str, sent: int,
              total: int) -> None:
        if progress is not None:
            progress({"bundle_id": bundle_id, "state": state, "sent": sent, "total": total})

    def _upload(self, item: dict[str, Any], progress: Progress | None,
                cancel: CancelCheck | None) -> None:
        bundle_id, size = item["bundle_id"], item["size"]
        self.outbox.transition(bundle_id, state="uploading", attempts=item["attempts"] + 1)
        status = self.client.create_upload(upload_key(bundle_id), size)
        offset = int(status["offset"])
        self.outbox.transition(bundle_id, upload_id=status["upload_id"], upload_offset=offset)
        self._emit(progress, bundle_id, "uploading", offset, size)
        if not status["complete"]:
            buffer = bytearray()
            position = offset
            chunks = self.outbox.ciphertext_chunks(bundle_id, offset)
            while position < size:
                for piece in chunks:
                    buffer += piece
                    if len(buffer) >= self.chunk_size:
                        break
                block = bytes(buffer[:self.chunk_size])
                del buffer[:len(block)]
                if not block:
                    raise NetworkError(reason="stored bundle shorter than recorded")
                if cancel is not None and cancel():
                    raise Cancelled()
                answer = self.client.append(status["upload_id"], position, block)
                position = int(answer["offset"])
                self.outbox.transition(bundle_id, upload_offset=position)
                self._emit(progress, bundle_id, "uploading", position, size)
            status = self.client.finish(status["upload_id"], item["sha256"])
        self.outbox.transition(bundle_id, state="uploaded", upload_offset=size,
                               relay_receipt=json.dumps(status.get("relay_receipt")),
                               last_error=None, next_attempt_at=None)
        self._emit(progress, bundle_id, "uploaded", size, size)

    def _failed(self, item: dict[str, Any], exc: TestigoError, report: SyncReport) -> None:
        attempts = item["attempts"] + 1
        status = exc.params.get("status")
        permanent = isinstance(exc, RelayRefused) and status in (401, 403, 413)
        retry = _iso(_now() + timedelta(seconds=self.backoff.delay(attempts)))
        self.outbox.transition(item["bundle_id"], state="failed" if permanent else "queued",
                               last_error=exc.message("en")[:300], attempts=attempts,
                               next_attempt_at=None if permanent else retry)
        if permanent:
            report.failed[item["bundle_id"]] = exc.code
        else:
            report.waiting.append(item["bundle_id"])

    def _collect_receipts(self, report: SyncReport, progress: Progress | None) -> None:
        device_id = device_identity(self.vault).device_id
        for item in self.outbox.list(["uploaded"]):
            if not item["upload_id"]:
                continue
            try:
                data = self.client.receipt(item["upload_id"])
            except NetworkError:
                report.offline = True
                return
            if data is None:
                continue
            try:
                receipt = open_receipt(self.vault, data, device_id)
            except TestigoError as exc:       # forged or garbled: keep waiting, say why
                self.outbox.transition(item["bundle_id"], last_error=exc.message("en")[:300])
                continue
            if receipt["bundle_id"] != item["bundle_id"]:
                self.outbox.transition(item["bundle_id"],
                                       last_error="a receipt for another bundle was refused")
                continue
            self.outbox.transition(item["bundle_id"], state="received",
                                   coordinator_receipt=json.dumps(receipt), last_error=None)
            report.received.append(item["bundle_id"])
            self._emit(progress, item["bundle_id"], "received", item["size"], item["size"])


def outbox_settled(vault: Vault) -> bool:
    """True when nothing waits to be sent (only, perhaps, for coordinator receipts)."""
    return not OutboxStore(vault).list(["queued", "uploading", "failed"])
