"""Large bundles: several on the wire at once, each still resumable piece by piece."""

from __future__ import annotations

import io
import os
import threading
import time

from reporter.share.outbox_store import OutboxStore
from reporter.share.sharing import share_incidents
from reporter.sync.coordinator import pull
from reporter.sync.engine import SyncEngine
from tests.sync.conftest import Mission

KIB = 1024
WAIT_S = 10.0  # bounded: with one large bundle at a time the second never starts


def share_large(mission: Mission, count: int, size: int = 900 * KIB) -> list[str]:
    vault = mission.reporter
    iid = vault.incidents.add({"title": "Video", "incident_types": ["HAR.THREAT"]})
    att = vault.attachments.add(iid, io.BytesIO(os.urandom(size)), "video.bin")
    return [share_incidents(vault, [iid], [att["id"]], ["share_attachments"]) for _ in range(count)]


def small_pieces(mission: Mission) -> SyncEngine:
    return mission.engine(chunk_size=128 * KIB, max_piece=128 * KIB)


def test_two_large_bundles_are_sent_at_once_and_arrive_whole(mission: Mission) -> None:
    """While one bundle's piece is on the wire, another bundle's piece goes too."""
    sent = share_large(mission, 3)
    engine = small_pieces(mission)
    send = engine._send_piece  # noqa: SLF001 - observe the requests, change nothing
    lock = threading.Lock()
    uploads: set[str] = set()
    two_at_once = threading.Event()
    overlapped: list[bool] = []

    def spy(
        upload_id: str, offset: int, block: memoryview, sha256: str | None
    ) -> dict[str, object]:
        with lock:
            first = not uploads
            uploads.add(upload_id)
            if len(uploads) >= 2:
                two_at_once.set()
        if first:  # the first piece waits until another upload's piece is sent
            overlapped.append(two_at_once.wait(WAIT_S))
        return send(upload_id, offset, block, sha256)

    engine._send_piece = spy  # type: ignore[method-assign]  # noqa: SLF001
    report = engine.run()
    engine.close()
    assert sorted(report.uploaded) == sorted(sent)
    assert overlapped == [True]
    assert len(uploads) == 3
    items = OutboxStore(mission.reporter).list()
    assert {i["state"] for i in items} == {"uploaded"}
    assert sorted(i["bundle_id"] for i in pull(mission.coordinator).imported) == sorted(sent)


def test_cancelled_with_two_large_bundles_on_the_wire_both_resume(mission: Mission) -> None:
    """Cancel mid-way: every bundle in flight goes back to the queue, then arrives once."""
    sent = share_large(mission, 2)
    engine = small_pieces(mission)
    pieces = 0
    send = engine._send_piece  # noqa: SLF001

    def counting(
        upload_id: str, offset: int, block: memoryview, sha256: str | None
    ) -> dict[str, object]:
        nonlocal pieces
        pieces += 1
        return send(upload_id, offset, block, sha256)

    engine._send_piece = counting  # type: ignore[method-assign]  # noqa: SLF001
    from reporter.errors import Cancelled

    try:
        engine.run(cancel=lambda: pieces >= 5)
    except Cancelled:
        pass
    else:
        raise AssertionError("the pass was not cancelled")
    engine.close()
    items = OutboxStore(mission.reporter).list()
    assert [i["state"] for i in items] == ["queued", "queued"]
    assert all(i["upload_id"] for i in items)  # both had started
    assert all(0 < i["upload_offset"] < i["size"] for i in items)  # recorded part-way
    engine = mission.engine()
    assert sorted(engine.run().uploaded) == sorted(sent)
    engine.close()
    assert sorted(i["bundle_id"] for i in pull(mission.coordinator).imported) == sorted(sent)


def test_a_fast_large_upload_is_not_one_commit_per_piece(mission: Mission) -> None:
    """The offset is recorded at most once a RECORD_SECONDS (and at the end), not per piece:
    the relay's offset decides a resume, and a commit per piece cost more than the piece."""
    from reporter.sync.engine import RECORD_SECONDS

    (bundle_id,) = share_large(mission, 1, size=2048 * KIB)
    engine = small_pieces(mission)
    outbox = engine.outbox
    offsets: list[int] = []
    pieces = 0
    record, send = outbox.transition_many, engine._send_piece  # noqa: SLF001

    def recording(changes: list[tuple[str, dict[str, object]]]) -> None:
        offsets.extend(int(f["upload_offset"]) for _, f in changes if set(f) == {"upload_offset"})  # type: ignore[call-overload]
        record(changes)

    def counting(
        upload_id: str, offset: int, block: memoryview, sha256: str | None
    ) -> dict[str, object]:
        nonlocal pieces
        pieces += 1
        return send(upload_id, offset, block, sha256)

    outbox.transition_many = recording  # type: ignore[method-assign]
    engine._send_piece = counting  # type: ignore[method-assign]  # noqa: SLF001
    started = time.monotonic()
    assert engine.run().uploaded == [bundle_id]
    took = time.monotonic() - started
    engine.close()
    assert pieces >= 16
    assert len(offsets) <= 1 + took / RECORD_SECONDS
    assert offsets == sorted(offsets)
    item = OutboxStore(mission.reporter).get(bundle_id)
    assert item["state"] == "uploaded"
    assert item["upload_offset"] == item["size"]


def test_pieces_acknowledged_at_once_grow_fourfold(mission: Mission) -> None:
    """On a fast link a 16 MiB bundle takes 3 pieces from the first size, not 5 (each piece is
    a request and an fsync on the relay); merely quick ones double, slow ones halve."""
    from reporter.sync.engine import FAST_PIECE_SECONDS, SLOW_PIECE_SECONDS

    engine = mission.engine()
    mib = 1024 * 1024
    assert engine._piece == mib  # noqa: SLF001
    engine._adapt(FAST_PIECE_SECONDS / 10)  # noqa: SLF001
    assert engine._piece == 4 * mib  # noqa: SLF001
    engine._adapt(FAST_PIECE_SECONDS / 2)  # noqa: SLF001
    assert engine._piece == 8 * mib  # noqa: SLF001
    engine._adapt(FAST_PIECE_SECONDS / 10)  # noqa: SLF001
    assert engine._piece == engine.max_piece  # noqa: SLF001 - never above the relay's limit
    engine._adapt(SLOW_PIECE_SECONDS + 1)  # noqa: SLF001
    assert engine._piece == 8 * mib  # noqa: SLF001
    engine.close()


def test_the_pass_progress_only_grows_while_two_large_bundles_interleave(
    mission: Mission,
) -> None:
    """Each event tells one bundle's progress; a single bar fed them would jump between the two
    bundles on the wire. The pass's progress only grows and ends at everything sent."""
    from reporter.sync.progress import PassProgress

    share_large(mission, 2)
    engine = small_pieces(mission)
    events: list[dict[str, object]] = []
    shown: list[tuple[int, int]] = []
    whole = PassProgress(lambda done, total: shown.append((done, total)))

    def both(event: dict[str, object]) -> None:
        events.append(event)
        whole(event)

    assert len(engine.run(progress=both).uploaded) == 2
    engine.close()
    done = [d for d, _ in shown]
    assert done == sorted(done)  # whether or not this run's pieces happened to interleave
    sizes = sum(i["size"] for i in OutboxStore(mission.reporter).list())
    assert shown[-1] == (sizes, sizes)


def test_the_pass_progress_only_grows_over_interleaved_bundles() -> None:
    """The events of two bundles on the wire, in the order the wire may give them: each one's
    own numbers go up and down between the two, the pass's never goes back."""
    from reporter.sync.progress import PassProgress

    shown: list[tuple[int, int]] = []
    whole = PassProgress(lambda done, total: shown.append((done, total)))
    mib = 1 << 20
    for bundle, sent in [("a", 1), ("b", 1), ("a", 2), ("b", 4), ("a", 8), ("b", 8), ("a", 8)]:
        whole({"bundle_id": bundle, "sent": sent * mib, "total": 8 * mib})
    assert [d // mib for d, _ in shown] == [1, 2, 3, 6, 12, 16, 16]
    assert shown[-1] == (16 * mib, 16 * mib)
