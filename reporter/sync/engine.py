"""The device's sync: walk the outbox state machine against the relay, durably, once.

queued → uploading (offset saved as pieces are acknowledged) → uploaded (the relay's
receipt) → received (the coordinator's signed receipt). Every transition is saved before the
next network call, so a crash or a kill resumes where it stopped; the relay's idempotency
key (a hash of the bundle id) makes a retried upload find the same upload, never a copy.
Failures keep the item with its last error and a retry time (exponential backoff, jitter).

Small bundles go up in one request each, several at once (``streams``): over Tor a request
costs a second or more of round trips, and parallel streams hide that wait. Their outcomes
are recorded in groups (up to ``GROUP`` bundles or ``GROUP_SECONDS``), one durable transaction
each: a kill loses at most a group's records, and the retry (same idempotency key) finds the
relay's copies. Large bundles go up in resumable pieces, ``LARGE_STREAMS`` bundles at once:
while the relay makes one piece durable (fsync) it receives another bundle's. The vault is
touched only from the calling thread; the worker threads only send bytes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import random
import re
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable, Generator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from reporter.errors import (
    Cancelled,
    InvalidField,
    NetworkError,
    NotFound,
    PinMismatch,
    RelayRefused,
    TestigoError,
    WrongReceipt,
)
from reporter.relay_client.settings import relay_settings
from reporter.relay_client.transport import RelayClient
from reporter.share.device import device_identity
from reporter.share.device_questions import receive_questions
from reporter.share.outbox_store import OutboxStore, error_fields
from reporter.share.profile import current_profile
from reporter.share.profile_update import pull_profile_update
from reporter.share.receipt_files import mark_received
from reporter.share.receipts import open_receipt
from reporter.sync.pieces import cut_pieces, piece_buffers
from reporter.vault.vault import Vault

Progress = Callable[[dict[str, Any]], None]
CancelCheck = Callable[[], bool]
Upload = Generator["Future[dict[str, Any]]", None, None]  # a large bundle's, piece by piece
Large = dict["Future[dict[str, Any]]", Upload]
CHUNK = 1024 * 1024  # first piece of a large bundle; smaller ones go whole
MAX_PIECE = 16 * 1024 * 1024  # the relay's largest request
FAST_PIECE_SECONDS = 1.0  # a piece acknowledged faster than this: send bigger ones
SLOW_PIECE_SECONDS = 8.0  # slower than this (a bad Tor circuit): send smaller ones
STREAMS = 4
LARGE_STREAMS = 2  # large bundles on the wire at once, each one piece at a time
GROUP = 64  # finished small uploads recorded in one transaction, at most
RECORD_SECONDS = 1.0  # a large upload's offset is recorded at most this often (and at its end)
GROUP_SECONDS = 0.5  # ... or after this long, so the outbox view does not lag
KEY_CONTEXT = b"testigo relay idempotency key v1"


def upload_key(bundle_id: str) -> str:
    """What the relay sees instead of the bundle id: retries match, the id stays private."""
    return hashlib.sha256(KEY_CONTEXT + bytes.fromhex(bundle_id)).hexdigest()


@dataclass
class Backoff:
    base: float = 5.0  # seconds before the first retry
    cap: float = 3600.0
    jitter: float = 0.5  # up to ±50 %

    def delay(self, attempts: int) -> float:
        raw = min(self.cap, self.base * 2 ** max(0, attempts - 1))
        return float(raw * (1 + random.uniform(-self.jitter, self.jitter)))  # noqa: S311


@dataclass
class SyncReport:
    uploaded: list[str] = field(default_factory=list)
    received: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    waiting: list[str] = field(default_factory=list)  # retry later (backoff)
    offline: bool = False
    throttled: bool = False  # the relay asked us to slow down (429): try again later

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


TOKEN = re.compile(r"tt1-[A-Za-z0-9_-]{20,100}")
ENROLL_ATTEMPTS = 6
ENROLL_BACKOFF = Backoff(base=1.0, cap=20.0, jitter=0.25)


def transient(exc: NetworkError) -> bool:
    """A failure worth retrying: no answer, or the relay asked us to come back later."""
    if isinstance(exc, PinMismatch):
        return False
    if isinstance(exc, RelayRefused):
        status = exc.params.get("status")
        return (
            status in (408, 429)
            or (isinstance(status, int) and status >= 500)
            or (status == 409 and str(exc.params.get("reason", "")).startswith("busy"))
        )
    return True


def check_token(token: str) -> str:
    """An enrollment token as typed (spaces around it dropped), or InvalidField."""
    token = token.strip()
    if not token:
        raise InvalidField(field="token", reason="is required")
    if not TOKEN.fullmatch(token):
        raise InvalidField(field="token", reason="not an enrollment token (tt1-...)")
    return token


def enroll(
    vault: Vault,
    token: str,
    relay_url: str | None = None,
    proxy: str | None = None,
    tls_pin: str | None = None,
    attempts: int = ENROLL_ATTEMPTS,
    backoff: Backoff = ENROLL_BACKOFF,
) -> dict[str, str]:
    """Redeem an enrollment token for this vault's relay credential.

    The credential is drawn here and sent with the token, so a retry after a cut connection
    (the relay may have spent the token and lost only its answer) gets the same credential;
    transient failures are retried ``attempts`` times with backoff.
    """
    token = check_token(token)
    url, pin, _ = (relay_url, tls_pin, None) if relay_url else relay_settings(vault)
    if relay_url and tls_pin is None:
        profile = current_profile(vault)
        pin = profile.tls_pin if profile is not None else None
    assert url is not None  # noqa: S101 - relay_settings never returns None
    credential = "tc1-" + secrets.token_urlsafe(32)
    client = RelayClient(url, tls_pin=pin, proxy=proxy)
    try:
        for attempt in range(1, attempts + 1):
            try:
                answer = client.enroll(token, credential)
                break
            except NetworkError as exc:
                if attempt == attempts or not transient(exc):
                    raise
            time.sleep(backoff.delay(attempt))
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
    def __init__(
        self,
        vault: Vault,
        proxy: str | None = None,
        backoff: Backoff | None = None,
        chunk_size: int = CHUNK,
        streams: int = STREAMS,
        max_piece: int = MAX_PIECE,
        large_streams: int = LARGE_STREAMS,
    ) -> None:
        self.vault = vault
        self.outbox = OutboxStore(vault)
        self.backoff = backoff or Backoff()
        self.chunk_size = chunk_size
        self.max_piece = max(chunk_size, max_piece)
        self._piece = chunk_size  # the current piece size, adapted to the network
        self.streams = max(1, streams)
        self.large_streams = max(1, min(large_streams, self.streams))
        self._buffers: list[list[memoryview]] = []  # two piece buffers per large upload
        url, pin, credential = relay_settings(vault)
        if credential is None:
            raise NotFound(what="relay credential (run 'testigo-cli enroll TOKEN' first)")
        self._relay = (url, pin, proxy, credential)
        self.client = self._connect()
        self._local = threading.local()
        self._clients = [self.client]
        self._finished: list[tuple[dict[str, Any], dict[str, Any]]] = []
        self._finished_since = 0.0

    def close(self) -> None:
        for client in self._clients:
            client.close()

    def _connect(self) -> RelayClient:
        url, pin, proxy, credential = self._relay
        return RelayClient(url, tls_pin=pin, proxy=proxy, credential=credential)

    def _thread_client(self) -> RelayClient:
        """One HTTP session per worker thread (requests sessions are not thread-safe)."""
        client: RelayClient | None = getattr(self._local, "client", None)
        if client is None:
            client = self._local.client = self._connect()
            self._clients.append(client)
        return client

    def run(
        self,
        progress: Progress | None = None,
        cancel: CancelCheck | None = None,
        force: bool = False,
    ) -> SyncReport:
        """One pass over the outbox. ``force`` ignores retry times (a person pressed Sync)."""
        report = SyncReport()
        now = _iso(_now())
        due = []
        for item in self.outbox.list(["queued", "uploading", "failed"]):
            if not force and item["next_attempt_at"] and item["next_attempt_at"] > now:
                report.waiting.append(item["bundle_id"])
            else:
                due.append(item)
        in_flight: deque[tuple[dict[str, Any], Future[dict[str, Any]]]] = deque()
        large: Large = {}  # the large uploads on the wire, by their piece in flight
        self._finished = []
        self._piece = self.chunk_size  # a pass starts small; its large bundles share what it learns
        with ThreadPoolExecutor(self.streams, thread_name_prefix="sync") as pool:
            self._pool = pool
            try:
                for item in due:
                    if report.offline or report.throttled:
                        break  # the network is down: stop this pass
                    if cancel is not None and cancel():
                        raise Cancelled()
                    if item["size"] <= self.chunk_size and not item["upload_id"]:
                        self._drive(large, 0)  # in outbox order: the large ones first
                        if report.offline or report.throttled:
                            break
                        try:
                            data = self._whole(item, progress)
                        except NetworkError as exc:
                            self._failed(item, exc, report, progress)
                            continue
                        in_flight.append((item, pool.submit(self._send_whole, item, data)))
                        while len(in_flight) >= self.streams:
                            self._settle(*in_flight.popleft(), report, progress)
                        continue
                    while in_flight:  # large ones go without small ones, piece by piece
                        self._settle(*in_flight.popleft(), report, progress)
                    self._record_finished(progress)
                    if report.offline or report.throttled:
                        break
                    self._step(large, self._large(item, report, progress, cancel))
                    self._drive(large, self.large_streams - 1)
                self._drive(large, 0)
            except BaseException:
                for upload in large.values():  # each goes back to the queue, resumable
                    with contextlib.suppress(Cancelled, StopIteration):
                        upload.throw(Cancelled())
                raise
            finally:
                while in_flight:  # what was sent is recorded, even on cancel
                    self._settle(*in_flight.popleft(), report, progress)
                self._record_finished(progress)
                self._buffers = []
        if not (report.offline or report.throttled):
            pull_profile_update(self.vault, self.client)  # first: receipts use its service key
            self._collect_receipts(report, progress)
            receive_questions(self.vault, self.client)  # the coalition's questions (issue 16)
        return report

    def _whole(self, item: dict[str, Any], progress: Progress | None) -> bytes:
        data = b"".join(self.outbox.ciphertext_chunks(item["bundle_id"]))
        if len(data) != item["size"]:
            raise NetworkError(reason="stored bundle shorter than recorded")
        self._emit(progress, item["bundle_id"], "uploading", 0, item["size"])
        return data

    def _send_whole(self, item: dict[str, Any], data: bytes) -> dict[str, Any]:
        """In a worker: one request creates, sends and finishes it. A crash before the answer
        leaves the item queued, and the retry (same key) finds the relay's copy."""
        return self._thread_client().upload_whole(
            upload_key(item["bundle_id"]), item["sha256"], data
        )

    def _settle(
        self,
        item: dict[str, Any],
        future: Future[dict[str, Any]],
        report: SyncReport,
        progress: Progress | None,
    ) -> None:
        """Keep a finished small upload for the next group record (or record its failure)."""
        try:
            status = future.result()
        except NetworkError as exc:
            self._failed(item, exc, report, progress)
            return
        if not self._finished:
            self._finished_since = time.monotonic()
        self._finished.append((item, status))
        report.uploaded.append(item["bundle_id"])
        if len(self._finished) >= GROUP or time.monotonic() - self._finished_since >= GROUP_SECONDS:
            self._record_finished(progress)

    def _record_finished(self, progress: Progress | None) -> None:
        """The kept uploads in one durable transaction; only then shown as uploaded."""
        finished, self._finished = self._finished, []
        if not finished:
            return
        self.outbox.transition_many(
            [(i["bundle_id"], self._uploaded_fields(i, s)) for i, s in finished]
        )
        for item, _ in finished:
            self._emit(progress, item["bundle_id"], "uploaded", item["size"], item["size"])

    def _large(
        self,
        item: dict[str, Any],
        report: SyncReport,
        progress: Progress | None,
        cancel: CancelCheck | None,
    ) -> Upload:
        """One large bundle's upload, yielding each piece in flight so the pass can send
        another bundle's meanwhile (``_drive``); its outcome is recorded as it ends."""
        buffers = self._buffers.pop() if self._buffers else piece_buffers(self.max_piece)
        try:
            status = yield from self._upload_pieces(item, progress, cancel, buffers)
            self._uploaded(item, status, progress)
            report.uploaded.append(item["bundle_id"])
        except Cancelled:
            self.outbox.transition(
                item["bundle_id"],
                state="queued",
                upload_offset=item["upload_offset"],  # what the relay has said it holds
                **error_fields(Cancelled()),
            )
            raise
        except NetworkError as exc:
            self._failed(item, exc, report)
        finally:
            self._buffers.append(buffers)  # no piece of it is on the wire any more

    @staticmethod
    def _step(large: Large, upload: Upload) -> None:
        """Run ``upload`` on to its next piece in flight (or to its end)."""
        with contextlib.suppress(StopIteration):
            large[next(upload)] = upload

    def _drive(self, large: Large, until: int) -> None:
        """Move the large uploads on as their pieces are answered, until ``until`` remain."""
        while len(large) > until:
            done, _ = wait(list(large), return_when=FIRST_COMPLETED)
            for piece in done:
                self._step(large, large.pop(piece))

    def _emit(
        self, progress: Progress | None, bundle_id: str, state: str, sent: int, total: int
    ) -> None:
        if progress is not None:
            progress({"bundle_id": bundle_id, "state": state, "sent": sent, "total": total})

    def _uploaded(
        self, item: dict[str, Any], status: dict[str, Any], progress: Progress | None
    ) -> None:
        bundle_id, size = item["bundle_id"], item["size"]
        self.outbox.transition(bundle_id, **self._uploaded_fields(item, status))
        self._emit(progress, bundle_id, "uploaded", size, size)

    @staticmethod
    def _uploaded_fields(item: dict[str, Any], status: dict[str, Any]) -> dict[str, Any]:
        return {
            "state": "uploaded",
            "upload_id": status["upload_id"],
            "upload_offset": item["size"],
            "attempts": item["attempts"] + 1,
            "relay_receipt": json.dumps(status.get("relay_receipt")),
            "next_attempt_at": None,
            **error_fields(None),
        }

    def _upload_pieces(
        self,
        item: dict[str, Any],
        progress: Progress | None,
        cancel: CancelCheck | None,
        buffers: list[memoryview],
    ) -> Generator[Future[dict[str, Any]], None, dict[str, Any]]:
        """A large bundle in resumable pieces; the relay makes each durable before it answers.

        The next piece is read from the vault while the previous one is on the wire, and the
        previous one's offset recorded once the next is sent (at most every ``RECORD_SECONDS``:
        on a fast link a commit per piece cost more than the piece, and a resume starts from
        the relay's offset anyway); it yields each piece in flight before it needs the answer.
        Pieces start at ``chunk_size`` and grow while the relay acknowledges them quickly
        (fewer requests and fsyncs on a good link), and halve when they are slow (less to
        resend when a slow Tor circuit breaks).
        """
        bundle_id, size = item["bundle_id"], item["size"]
        status = self.client.create_upload(upload_key(bundle_id), size)  # a retry: the same
        upload_id, position = status["upload_id"], int(status["offset"])
        self.outbox.transition(  # one commit: a crash before it only loses the attempt's count
            bundle_id,
            state="uploading",
            attempts=item["attempts"] + 1,
            upload_id=upload_id,
            upload_offset=position,
        )
        item["upload_offset"] = position
        self._emit(progress, bundle_id, "uploading", position, size)
        sending: Future[dict[str, Any]] | None = None
        sent_at = recorded_at = time.monotonic()
        try:
            chunks = self.outbox.ciphertext_chunks(bundle_id, position)
            blocks = cut_pieces(chunks, lambda: self._piece, buffers)
            for block in [] if status["complete"] else blocks:
                acked = None
                if sending is not None:
                    yield sending
                    acked = self._checked(sending.result(), position)
                    self._adapt(time.monotonic() - sent_at)
                if cancel is not None and cancel():
                    raise Cancelled()
                last = position + len(block) >= size
                sent_at = time.monotonic()
                sending = self._pool.submit(
                    self._send_piece, upload_id, position, block, item["sha256"] if last else None
                )
                if acked is not None:  # recorded while the next piece is on the wire
                    durable = time.monotonic() - recorded_at >= RECORD_SECONDS
                    status = self._acknowledged(acked, item, progress, durable)
                    recorded_at = time.monotonic() if durable else recorded_at
                position += len(block)
            if sending is not None:
                yield sending
                status = self._checked(sending.result(), position)  # the caller records the end
                self._acknowledged(status, item, progress, not status["complete"])
        finally:
            if sending is not None:
                wait([sending])  # never leave a piece in flight behind us
        if not status["complete"]:
            if position < size:
                raise NetworkError(reason="stored bundle shorter than recorded")
            status = self.client.finish(upload_id, item["sha256"])  # sent by an earlier run
        return status

    def _adapt(self, seconds: float) -> None:
        if seconds < FAST_PIECE_SECONDS:  # fourfold if answered at once (a fast link)
            grow = 4 if seconds < FAST_PIECE_SECONDS / 4 else 2
            self._piece = min(self.max_piece, self._piece * grow)
        elif seconds > SLOW_PIECE_SECONDS:
            self._piece = max(self.chunk_size, self._piece // 2)

    def _send_piece(
        self, upload_id: str, offset: int, block: memoryview, sha256: str | None
    ) -> dict[str, Any]:
        return self._thread_client().append(upload_id, offset, block, sha256)

    @staticmethod
    def _checked(status: dict[str, Any], expected: int) -> dict[str, Any]:
        """The relay's answer to a piece, if it is at the offset we sent up to."""
        if int(status["offset"]) != expected and not status["complete"]:
            raise NetworkError(reason="the relay answered another offset")
        return status

    def _acknowledged(
        self,
        status: dict[str, Any],
        item: dict[str, Any],
        progress: Progress | None,
        durable: bool = True,
    ) -> dict[str, Any]:
        """Note a piece the relay has (in the vault if ``durable``). The record may lag the
        wire: a resumed upload starts from the offset the relay says, never from it alone."""
        offset = item["upload_offset"] = int(status["offset"])
        if durable:
            self.outbox.transition_many([(item["bundle_id"], {"upload_offset": offset})])
        self._emit(progress, item["bundle_id"], "uploading", offset, item["size"])
        return status

    def _failed(
        self,
        item: dict[str, Any],
        exc: TestigoError,
        report: SyncReport,
        progress: Progress | None = None,
    ) -> None:
        """Record the failure; a network failure or a 429 also ends this pass."""
        self._record_finished(progress)  # those before it first, in order
        if not isinstance(exc, RelayRefused):
            report.offline = True
        elif exc.params.get("status") == 429:
            report.throttled = True
        attempts = item["attempts"] + 1
        status = exc.params.get("status")
        permanent = isinstance(exc, RelayRefused) and status in (401, 403, 413)
        retry = _iso(_now() + timedelta(seconds=self.backoff.delay(attempts)))
        self.outbox.transition(
            item["bundle_id"],
            state="failed" if permanent else "queued",
            upload_offset=item["upload_offset"],  # a large one's, as far as the relay said
            attempts=attempts,
            next_attempt_at=None if permanent else retry,
            **error_fields(exc),
        )
        if permanent:
            report.failed[item["bundle_id"]] = exc.code
        else:
            report.waiting.append(item["bundle_id"])

    def _collect_receipts(self, report: SyncReport, progress: Progress | None) -> None:
        device_id = device_identity(self.vault).device_id
        waiting = [item for item in self.outbox.list(["uploaded"]) if item["upload_id"]]
        if not waiting:
            return
        try:
            found = self.client.receipts([item["upload_id"] for item in waiting])
        except RelayRefused as exc:
            report.throttled = exc.params.get("status") == 429
            return
        except NetworkError:
            report.offline = True
            return
        for item in waiting:
            data = found.get(item["upload_id"])
            if data is None:
                continue
            try:
                receipt = open_receipt(self.vault, data, device_id)
            except TestigoError as exc:  # forged or garbled: keep waiting, say why
                self.outbox.transition(item["bundle_id"], **error_fields(exc))
                continue
            if receipt["bundle_id"] != item["bundle_id"]:
                self.outbox.transition(item["bundle_id"], **error_fields(WrongReceipt()))
                continue
            mark_received(self.outbox, item["bundle_id"], receipt)  # as a receipt file does
            report.received.append(item["bundle_id"])
            self._emit(progress, item["bundle_id"], "received", item["size"], item["size"])


def outbox_settled(vault: Vault) -> bool:
    """True when nothing waits to be sent (only, perhaps, for coordinator receipts)."""
    return not OutboxStore(vault).list(["queued", "uploading", "failed"])
