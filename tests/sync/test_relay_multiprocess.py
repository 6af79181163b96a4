"""Several relay processes on one PostgreSQL database and one S3 bucket (issue 17, point 4).

Real `testigo-cli relay serve --database … --objects …` subprocesses on loopback ports.
What must hold across them is held by the database, not by any process's memory: one
writer per upload (busy for the rest), a token spent once, a device's quota, idempotent
creation; and a process killed with SIGKILL mid-upload leaves an upload another process
continues, its bytes checked when it finishes.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from reporter.errors import RelayRefused
from reporter.relay.storage.base import PostgresS3
from reporter.relay_client.transport import RelayClient
from tests.sync.backends import rows, store_flags, stored_bytes
from tests.sync.clients import at_once, send_by_hand
from tests.sync.conftest import token

SIZE = 192 * 1024


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Relays:
    """N relay processes on one store; ``kill(i)`` and ``start(i)`` one of them."""

    def __init__(self, root: Path, store: PostgresS3, count: int, *flags: str) -> None:
        self.root, self.store, self.flags = root, store, flags
        self.ports = [_free_port() for _ in range(count)]
        self.procs: list[subprocess.Popen[bytes] | None] = [None] * count
        for i in range(count):
            self.start(i)

    def url(self, i: int) -> str:
        return f"http://127.0.0.1:{self.ports[i]}"

    def start(self, i: int) -> None:
        self.procs[i] = subprocess.Popen(  # noqa: S603 - our own CLI
            [
                sys.executable,
                "-m",
                "tests.fast_cli",
                "--home",
                str(self.root / f"home{i}"),
                "relay",
                "serve",
                *store_flags(self.store),
                "--port",
                str(self.ports[i]),
                *self.flags,
            ],
            stdout=subprocess.DEVNULL,
            stderr=(self.root / f"relay{i}.err").open("ab"),
        )
        deadline = time.monotonic() + 60
        while True:
            assert time.monotonic() < deadline, "the relay did not start"
            try:
                requests.get(self.url(i) + "/v1/bundles", timeout=5)
                return
            except requests.ConnectionError:
                proc = self.procs[i]
                assert proc is not None
                with contextlib.suppress(subprocess.TimeoutExpired):
                    proc.wait(0.05)  # waits, and notices if it died
                assert proc.returncode is None, (self.root / f"relay{i}.err").read_text()

    def kill(self, i: int) -> None:
        proc = self.procs[i]
        assert proc is not None
        proc.send_signal(signal.SIGKILL)
        proc.wait(20)

    def stop(self) -> None:
        for proc in self.procs:
            if proc is not None and proc.poll() is None:
                proc.terminate()
                proc.wait(20)


@pytest.fixture
def pg_store(tmp_path: Path, pg_cluster: Any, s3_server: Any) -> PostgresS3:
    return PostgresS3(
        pg_cluster.new_database(), f"s3://{s3_server.new_bucket()}/relay", s3_server.endpoint
    )


@pytest.fixture
def relays(tmp_path: Path, pg_store: PostgresS3) -> Iterator[Callable[..., Relays]]:
    started: list[Relays] = []

    def make(count: int, *flags: str) -> Relays:
        started.append(Relays(tmp_path, pg_store, count, *flags))
        return started[-1]

    yield make
    for group in started:
        group.stop()


def _device(relays: Relays, i: int = 0) -> RelayClient:
    client = RelayClient(relays.url(i))
    client.credential = client.enroll(token(relays.store))["credential"]
    return client


def _at(client: RelayClient, relays: Relays, i: int) -> RelayClient:
    """The same device talking to another relay process."""
    return RelayClient(relays.url(i), credential=client.credential)


@contextlib.contextmanager
def _half_sent(
    group: Relays, i: int, credential: str, upload_id: str, offset: int, body: bytes
) -> Iterator[None]:
    """A piece half sent to process ``i``, held open once that process holds the upload."""
    head = (
        f"PUT /v1/uploads/{upload_id}?offset={offset} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"Authorization: Bearer {credential}\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    with socket.create_connection(("127.0.0.1", group.ports[i]), timeout=30) as sock:
        sock.sendall(head.encode() + body[: len(body) // 2])
        deadline = time.monotonic() + 20
        while rows(
            group.store,
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1",
        ) == [(0,)]:  # an upload's lock
            assert time.monotonic() < deadline, f"process {i} never took the upload"
            sock.settimeout(0.05)
            with contextlib.suppress(TimeoutError, OSError):
                sock.recv(1)
        yield


def test_writers_on_one_upload_from_different_processes_get_busy_and_never_mix(
    relays: Callable[..., Relays],
) -> None:
    group = relays(3)
    client = _device(group)
    completed = 0
    for round_ in range(4):
        bodies = [
            hashlib.sha256(f"{round_}-{i}".encode()).digest() * (SIZE // 32) for i in range(6)
        ]
        upload_id = client.create_upload(f"{round_:064x}", SIZE)["upload_id"]
        halfway = threading.Barrier(len(bodies))
        targets = [
            f"/v1/uploads/{upload_id}?offset=0&sha256={hashlib.sha256(body).hexdigest()}"
            for body in bodies
        ]
        statuses = at_once(
            [
                lambda i=i, t=targets, b=bodies, h=halfway: send_by_hand(  # type: ignore[misc]
                    group.ports[i % 3], "PUT", t[i], str(client.credential), b[i], h
                )
                for i in range(len(bodies))
            ],
            catch=True,
        )
        assert all(s is None or s < 500 for s in statuses)
        assert 409 in statuses  # the lock held across processes
        status = client.upload_status(upload_id)
        if status["complete"]:
            stored = stored_bytes(group.store, upload_id)
            assert stored in bodies  # one writer's bytes, never a mix
            assert status["relay_receipt"]["sha256"] == hashlib.sha256(stored).hexdigest()
            completed += 1
    assert completed >= 2
    # While process 0 holds an upload, process 1 refuses to write it, before any byte.
    upload_id = client.create_upload("77" * 32, SIZE)["upload_id"]
    body = bodies[0]
    with _half_sent(group, 0, str(client.credential), upload_id, 0, body):
        with pytest.raises(RelayRefused) as info:
            _at(client, group, 1).append(upload_id, 0, body, hashlib.sha256(body).hexdigest())
        assert info.value.params["status"] == 409
        assert info.value.params["reason"].startswith("busy")


def test_a_token_redeemed_on_two_processes_at_once_is_spent_once(
    relays: Callable[..., Relays],
) -> None:
    group = relays(2)
    tokens = [token(group.store) for _ in range(12)]
    for one in tokens:
        results = at_once(
            [
                lambda i=i, t=one: RelayClient(group.url(i)).enroll(t)  # type: ignore[misc]
                for i in range(2)
            ],
            catch=True,
        )
        won = [r for r in results if isinstance(r, dict)]
        lost = [r for r in results if isinstance(r, RelayRefused)]
        assert len(won) == 1, results
        assert len(lost) == 1
        assert lost[0].params["status"] == 403
    assert rows(group.store, "SELECT count(*) FROM credentials") == [(len(tokens),)]
    assert rows(group.store, "SELECT count(*) FROM tokens") == [(0,)]


def test_a_quota_and_idempotency_hold_across_processes(relays: Callable[..., Relays]) -> None:
    group = relays(3, "--max-open-uploads", "3")
    client = _device(group)
    others = [_at(client, group, i) for i in range(3)]
    results = at_once(
        [
            lambda i=i: others[i % 3].create_upload(  # type: ignore[misc]
                f"{i:064x}", 100
            )
            for i in range(30)
        ],
        catch=True,
    )
    made = [r for r in results if isinstance(r, dict)]
    refused = [r for r in results if isinstance(r, RelayRefused)]
    assert len(made) == 3  # not 3 per process
    assert len(refused) == 27
    assert all(r.params["status"] == 429 for r in refused)
    second = _device(group)
    both = [_at(second, group, i) for i in range(2)]
    same = at_once(
        [
            lambda i=i: both[i % 2].create_upload(  # type: ignore[misc]
                "ab" * 32, 100
            )
            for i in range(6)
        ],
        catch=True,
    )
    assert all(isinstance(r, dict) for r in same), same
    assert len({r["upload_id"] for r in same}) == 1  # one upload per key, whoever answers
    assert rows(group.store, "SELECT count(*) FROM uploads WHERE key = '" + "ab" * 32 + "'") == [
        (1,)
    ]


def test_a_process_killed_mid_upload_leaves_an_upload_another_continues(
    relays: Callable[..., Relays],
) -> None:
    group = relays(2)
    client = _device(group)
    data = os.urandom(3 * SIZE)
    sha = hashlib.sha256(data).hexdigest()
    upload_id = client.create_upload("ee" * 32, len(data))["upload_id"]
    client.append(upload_id, 0, data[:SIZE])  # first piece on process 0
    # The second piece is half sent to process 0 when it is killed.
    with _half_sent(group, 0, str(client.credential), upload_id, SIZE, data[SIZE : 2 * SIZE]):
        group.kill(0)
    other = _at(client, group, 1)
    deadline = time.monotonic() + 30  # PostgreSQL drops the dead one's lock
    for _ in range(10_000):
        try:
            status = other.upload_status(upload_id)
            assert status["offset"] == SIZE  # the half piece was never recorded
            status = other.append(upload_id, SIZE, data[SIZE:], sha)
            break
        except RelayRefused as exc:
            refused = exc
        assert "busy" in refused.params["reason"], refused  # only the lock, for a moment
        assert time.monotonic() < deadline, "the killed process's lock was never freed"
    else:
        pytest.fail("the upload never continued")
    assert status["complete"]
    assert status["relay_receipt"]["sha256"] == sha  # read back once: process 1 saw one piece
    assert stored_bytes(group.store, upload_id) == data
    group.start(0)  # and the restarted process serves it
    coordinator = RelayClient(group.url(0))
    coordinator.credential = coordinator.enroll(token(group.store, "coordinator"))["credential"]
    assert [item["upload_id"] for item in coordinator.pending(0)] == [upload_id]
    assert b"".join(coordinator.download(upload_id, len(data))) == data
