"""Concurrent and overlapping writes to one upload never make the relay vouch for bytes it
does not hold (issue 12, test 3).

Raw HTTP on sockets, from threads: several requests write the same upload at once with
different bodies, some slowly (half, wait for the others, then the rest), some cut off
mid-body. Whatever the interleaving, a "complete" upload holds exactly the bytes one client
sent in full, and the SHA-256 in the relay receipt is the SHA-256 of the bytes stored (a
file, or S3 piece objects: every test runs on both stores).
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator

import pytest

from reporter.errors import RelayRefused
from reporter.relay.serve import BackgroundRelay
from reporter.relay.storage.base import StorageConfig
from reporter.relay_client.transport import RelayClient
from reporter.share.outbox_store import OutboxStore
from reporter.sync.engine import upload_key
from tests.sync.backends import rows, stored_bytes, stored_upload_ids, write_lock_held
from tests.sync.clients import at_once, send_by_hand
from tests.sync.conftest import Mission, token

pytestmark = pytest.mark.both_backends
SIZE = 192 * 1024
WRITERS = 6


@pytest.fixture
def relay(relay_store: StorageConfig) -> Iterator[BackgroundRelay]:
    server = BackgroundRelay(relay_store).start()
    yield server
    server.stop()


def _device(relay: BackgroundRelay, store_dir: StorageConfig) -> RelayClient:
    client = RelayClient(relay.url)
    client.credential = client.enroll(token(store_dir))["credential"]
    return client


def _race(
    port: int, target: str, credential: str, bodies: list[bytes], cuts: set[int] = frozenset()
) -> list[int | None]:  # type: ignore[assignment]
    halfway = threading.Barrier(len(bodies))
    return at_once(
        [
            lambda i=i: send_by_hand(  # type: ignore[misc]
                port,
                "PUT",
                target.format(sha=hashlib.sha256(bodies[i]).hexdigest()),
                credential,
                bodies[i],
                halfway,
                i in cuts,
            )
            for i in range(len(bodies))
        ],
        start_together=False,
    )


def _assert_holds(
    store_dir: StorageConfig, client: RelayClient, upload_id: str, candidates: list[bytes]
) -> bool:
    """A complete upload holds one candidate exactly and its receipt hashes the file."""
    status = client.upload_status(upload_id)
    if not status["complete"]:
        return False
    stored = stored_bytes(store_dir, upload_id)
    assert stored in candidates
    assert status["relay_receipt"]["sha256"] == hashlib.sha256(stored).hexdigest()
    assert status["relay_receipt"]["size"] == len(stored)
    return True


def _bodies(seed: int, count: int, size: int) -> list[bytes]:
    return [hashlib.sha256(f"{seed}-{i}".encode()).digest() * (size // 32) for i in range(count)]


def test_concurrent_appends_at_offset_zero_never_complete_mixed_bytes(
    relay: BackgroundRelay, relay_store: StorageConfig
) -> None:
    store_dir = relay_store
    client = _device(relay, store_dir)
    completed = busy_rounds = 0
    for round_ in range(6):
        bodies = _bodies(round_, WRITERS, SIZE)
        upload_id = client.create_upload(f"{round_:064x}", SIZE)["upload_id"]
        statuses = _race(
            relay.port,
            f"/v1/uploads/{upload_id}?offset=0&sha256={{sha}}",
            str(client.credential),
            bodies,
            cuts={0} if round_ % 2 else set(),
        )
        assert all(s is None or s < 500 for s in statuses)
        completed += _assert_holds(store_dir, client, upload_id, bodies)
        # The others were told to retry, unless a loaded machine let one writer finish
        # before the server even read the others' headers (they then see it complete).
        busy_rounds += 409 in statuses
    assert busy_rounds >= 3
    assert completed >= 3  # and the race really completed uploads


def test_concurrent_last_pieces_at_another_offset(
    relay: BackgroundRelay, relay_store: StorageConfig
) -> None:
    store_dir = relay_store
    client = _device(relay, store_dir)
    first = b"\x01" * (SIZE // 2)
    for round_ in range(4):
        upload_id = client.create_upload(f"{round_ + 100:064x}", SIZE)["upload_id"]
        client.append(upload_id, 0, first)
        tails = _bodies(round_, WRITERS, SIZE // 2)
        whole = [first + tail for tail in tails]
        # Each sends its tail with the hash of the whole it would make.
        halfway = threading.Barrier(WRITERS)

        def one(
            i: int,
            uid: str = upload_id,
            tails: list[bytes] = tails,
            whole: list[bytes] = whole,
            halfway: threading.Barrier = halfway,
        ) -> int | None:
            sha = hashlib.sha256(whole[i]).hexdigest()
            return send_by_hand(
                relay.port,
                "PUT",
                f"/v1/uploads/{uid}?offset={SIZE // 2}&sha256={sha}",
                str(client.credential),
                tails[i],
                halfway,
                cut=i == 1,
            )

        results = at_once(
            [lambda i=i: one(i) for i in range(WRITERS)],  # type: ignore[misc]
            start_together=False,
        )
        assert all(s is None or s < 500 for s in results)
        if not _assert_holds(store_dir, client, upload_id, whole):
            # nobody finished: the upload resumes where the relay says, and finishes right
            offset = client.upload_status(upload_id)["offset"]
            assert offset in (0, SIZE // 2)
            data = whole[0]
            status = client.append(
                upload_id, offset, data[offset:], hashlib.sha256(data).hexdigest()
            )
            assert status["complete"]
            assert _assert_holds(store_dir, client, upload_id, whole)


def test_racing_whole_uploads_of_one_key_keep_one_verified_copy(
    relay: BackgroundRelay, relay_store: StorageConfig
) -> None:
    """A client that times out and retries while the first attempt is still being written."""
    store_dir = relay_store
    client = _device(relay, store_dir)
    body = _bodies(7, 1, SIZE)[0]
    sha = hashlib.sha256(body).hexdigest()
    key = "ab" * 32
    statuses = _race(
        relay.port,
        f"/v1/uploads?key={key}&size={SIZE}&sha256={{sha}}",
        str(client.credential),
        [body] * WRITERS,
        cuts={2},
    )
    assert all(s is None or s < 500 for s in statuses)
    assert 200 in statuses
    found = rows(store_dir, "SELECT id, sha256 FROM uploads")
    assert len(found) == 1
    assert found[0][1] == sha
    assert _assert_holds(store_dir, client, found[0][0], [body])
    assert stored_upload_ids(store_dir) == [found[0][0]]  # the losers' copies are gone


def test_a_started_upload_finished_whole_while_a_piece_is_written(
    relay: BackgroundRelay, relay_store: StorageConfig
) -> None:
    store_dir = relay_store
    client = _device(relay, store_dir)
    bodies = _bodies(9, WRITERS, SIZE)
    key = "cd" * 32
    upload_id = client.create_upload(key, SIZE)["upload_id"]
    halfway = threading.Barrier(WRITERS)

    def one(i: int) -> int | None:
        sha = hashlib.sha256(bodies[i]).hexdigest()
        target = (
            f"/v1/uploads?key={key}&size={SIZE}&sha256={sha}"
            if i % 2
            else f"/v1/uploads/{upload_id}?offset=0&sha256={sha}"
        )
        return send_by_hand(relay.port, "PUT", target, str(client.credential), bodies[i], halfway)

    results = at_once(
        [lambda i=i: one(i) for i in range(WRITERS)],  # type: ignore[misc]
        start_together=False,
    )
    assert all(s is None or s < 500 for s in results)
    assert _assert_holds(store_dir, client, upload_id, bodies)


def test_finish_while_another_request_writes_is_told_to_retry(
    relay: BackgroundRelay, relay_store: StorageConfig
) -> None:
    """The lock is the store's (a flock, an advisory lock), so another process holding it
    counts."""
    store_dir = relay_store
    client = _device(relay, store_dir)
    data = b"z" * 1000
    upload_id = client.create_upload("ef" * 32, len(data))["upload_id"]
    with write_lock_held(store_dir, upload_id):
        for call in (
            lambda: client.append(upload_id, 0, data),
            lambda: client.finish(upload_id, hashlib.sha256(data).hexdigest()),
        ):
            with pytest.raises(RelayRefused) as info:
                call()
            assert info.value.params["status"] == 409
            assert info.value.params["reason"].startswith("busy")
    status = client.append(upload_id, 0, data, hashlib.sha256(data).hexdigest())
    assert status["complete"]


def test_a_device_told_busy_keeps_the_bundle_and_sends_it_later(mission: Mission) -> None:
    bundle_id = mission.add_and_share("Grande", description="x" * 4000)
    item = OutboxStore(mission.reporter).get(bundle_id)
    client = RelayClient(
        mission.relay.url, credential=mission.reporter.get_meta("relay_credential")
    )
    upload_id = client.create_upload(upload_key(bundle_id), item["size"])["upload_id"]
    engine = mission.engine(chunk_size=512)
    try:
        with write_lock_held(mission.store_dir, upload_id):
            report = engine.run(force=True)
        assert report.waiting == [bundle_id]
        assert not report.failed
        stored = OutboxStore(mission.reporter).get(bundle_id)
        assert stored["state"] == "queued"
        assert stored["last_error_code"] == "relay_refused"
        assert "busy" in stored["last_error_params"]["reason"]
        assert engine.run(force=True).uploaded == [bundle_id]
    finally:
        engine.close()
