"""The relay's two stores: what only PostgreSQL + S3 has to show, and the flags that pick one.

Expiry and orphan cleanup are safe to run on every process at once (SKIP LOCKED batches,
one bucket listing at a time); pieces are objects of their own that acknowledgement and
expiry remove; `relay serve` and `relay token create` name either store and refuse a wrong
or unreachable one in one line.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

import pytest

from reporter.errors import RelayRefused
from reporter.relay.serve import BackgroundRelay
from reporter.relay.storage import open_storage
from reporter.relay.storage.base import PostgresS3, Room, StorageConfig
from reporter.relay.storage.postgres_s3 import PostgresS3Store
from reporter.relay.storage.s3objects import Spooled
from reporter.relay_client.transport import RelayClient
from tests.sync.backends import (
    everything_stored,
    object_names,
    rows,
    store_flags,
    stored_bytes,
)
from tests.sync.clients import at_once, cli
from tests.sync.conftest import Mission

ROOM = Room(max_open_uploads=10_000, quota_bytes=2**40)


@pytest.fixture
def pg_store(pg_cluster: Any, s3_server: Any) -> PostgresS3:
    return PostgresS3(
        pg_cluster.new_database(), f"s3://{s3_server.new_bucket()}/relay", s3_server.endpoint
    )


def _open_uploads_with_a_piece(store: PostgresS3Store, count: int) -> list[str]:
    """Uploads as a device leaves them mid-way: a row and one stored piece each."""
    import asyncio

    async def body() -> Any:
        yield b"piece"

    ids = []
    for n in range(count):
        row = store.create_upload("device", f"{n:064x}", 10, ROOM)
        writer = store.writer(row["id"])
        try:
            received = asyncio.run(writer.write(0, 10, body(), None))
            assert writer.moved(row, received)
        finally:
            writer.close()
        ids.append(row["id"])
    return ids


def test_expiry_on_every_process_at_once_removes_each_upload_once(pg_store: PostgresS3) -> None:
    stores = [PostgresS3Store(pg_store) for _ in range(3)]
    try:
        ids = _open_uploads_with_a_piece(stores[0], 40)
        assert len(object_names(pg_store)) == 40
        removed = at_once([lambda s=s: s.expire(-3600) for s in stores])
        assert sum(removed) == 40  # each once, whoever took it
        assert rows(pg_store, "SELECT count(*) FROM uploads") == [(0,)]
        assert rows(pg_store, "SELECT count(*) FROM pieces") == [(0,)]
        assert object_names(pg_store) == []
        assert all(stored_bytes(pg_store, upload_id) is None for upload_id in ids)
    finally:
        for store in stores:
            store.close()


def test_orphan_objects_go_and_recorded_pieces_stay_with_every_process_cleaning(
    pg_store: PostgresS3,
) -> None:
    """An object whose PUT finished but whose row never committed (the process died)."""
    stores = [PostgresS3Store(pg_store) for _ in range(3)]
    try:
        kept = _open_uploads_with_a_piece(stores[0], 3)
        orphans = []
        for n in range(5):
            name = stores[0].objects.piece_name(f"{n:032x}", 0)
            with open(os.devnull, "rb") as empty:
                stores[0].objects.put(name, Spooled(0, empty))
            orphans.append(name)
        assert stores[1].remove_orphans(older_than_seconds=3600) == 0  # too young to tell
        removed = at_once([lambda s=s: s.remove_orphans(-60) for s in stores])
        assert sum(removed) == len(orphans)
        left = object_names(pg_store)
        assert not set(orphans) & set(left)
        assert len(left) == len(kept)
        assert all(stored_bytes(pg_store, upload_id) == b"piece" for upload_id in kept)
    finally:
        for store in stores:
            store.close()


def test_acknowledging_removes_every_piece_object(pg_store: PostgresS3) -> None:
    relay = BackgroundRelay(pg_store).start()
    store = relay.server.config.app.state.store
    try:
        device = RelayClient(relay.url)
        device.credential = device.enroll(store.create_token("device"))["credential"]
        data = os.urandom(300_000)
        upload_id = device.create_upload("aa" * 32, len(data))["upload_id"]
        for start in range(0, len(data), 100_000):  # three pieces, three objects
            device.append(
                upload_id,
                start,
                data[start : start + 100_000],
                hashlib.sha256(data).hexdigest() if start == 200_000 else None,
            )
        assert len(object_names(pg_store)) == 3
        assert stored_bytes(pg_store, upload_id) == data
        coordinator = RelayClient(relay.url)
        coordinator.credential = coordinator.enroll(store.create_token("coordinator"))["credential"]
        assert b"".join(coordinator.download(upload_id, len(data))) == data
        coordinator.acknowledge(upload_id)
        assert object_names(pg_store) == []
    finally:
        relay.stop()


def test_token_create_and_serve_name_the_same_store(tmp_path: Path, pg_store: PostgresS3) -> None:
    made = cli(tmp_path, "relay", "token", "create", *store_flags(pg_store))
    assert made.returncode == 0, made.stderr
    token = made.stdout.strip()
    assert token.startswith("tt1-")
    relay = BackgroundRelay(pg_store).start()
    try:
        assert RelayClient(relay.url).enroll(token)["role"] == "device"
    finally:
        relay.stop()
    assert open_storage(pg_store).query("SELECT count(*) FROM tokens") == [(0,)]


@pytest.mark.parametrize(
    ("flags", "code", "words"),
    [
        (["--objects", "s3://bucket/x"], 2, "--database"),
        (["--database", "mysql://x", "--objects", "s3://bucket/x"], 2, "postgresql://"),
        (["--database", "postgresql:///x", "--objects", "file:///etc"], 2, "s3://"),
        (["--database", "postgresql:///x", "--objects", "s3://a/../b"], 2, "s3://"),
        (
            ["--store", "x", "--database", "postgresql:///x", "--objects", "s3://bucket/x"],
            2,
            "not both",
        ),
    ],
)
def test_a_wrong_store_is_refused_in_one_line(
    tmp_path: Path, flags: list[str], code: int, words: str
) -> None:
    for command in (["relay", "serve", "--port", "0"], ["relay", "token", "create"]):
        result = cli(tmp_path, *command, *flags)
        assert result.returncode == code, result.stderr
        assert words in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


def test_an_unreachable_database_is_said_in_one_line_without_its_password(
    tmp_path: Path, s3_server: Any
) -> None:
    bucket = s3_server.new_bucket()
    url = f"postgresql://relay:s3cr3t-pw@/nowhere?host={tmp_path}&connect_timeout=2"
    result = cli(
        tmp_path,
        "relay",
        "token",
        "create",
        "--database",
        url,
        "--objects",
        f"s3://{bucket}/r",
        "--s3-endpoint",
        s3_server.endpoint,
    )
    assert result.returncode == 10
    assert "PostgreSQL" in result.stderr
    assert "s3cr3t" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.both_backends
def test_bytes_removed_between_the_row_and_the_download_are_gone_not_a_broken_stream(
    relay_store: StorageConfig,
) -> None:
    """Another process acknowledged it after this one read the row: a 410, not a 200 whose
    body breaks off."""
    relay = BackgroundRelay(relay_store).start()
    store = relay.server.config.app.state.store
    try:
        device = RelayClient(relay.url)
        device.credential = device.enroll(store.create_token("device"))["credential"]
        data = os.urandom(50_000)
        upload_id = device.upload_whole("bb" * 32, hashlib.sha256(data).hexdigest(), data)[
            "upload_id"
        ]
        coordinator = RelayClient(relay.url)
        coordinator.credential = coordinator.enroll(store.create_token("coordinator"))["credential"]
        assert [item["upload_id"] for item in coordinator.pending(0)] == [upload_id]
        if isinstance(relay_store, Path):
            (relay_store / "blobs" / upload_id).unlink()
        else:
            store.objects.delete([name for _, _, name in store.pieces(upload_id)])
        with pytest.raises(RelayRefused) as info:
            b"".join(coordinator.download(upload_id, len(data)))
        assert info.value.params["status"] == 410
    finally:
        relay.stop()


@pytest.mark.both_backends
def test_the_store_holds_ciphertext_only_while_a_bundle_waits(mission: Mission) -> None:
    """A canary in every field a reporter types is in no row and no object of the relay."""
    canary = "canario-" + os.urandom(6).hex()
    bundle_id = mission.add_and_share(f"Vigilancia {canary}", description=f"{canary} " * 50)
    engine = mission.engine()
    try:
        assert engine.run().uploaded == [bundle_id]
    finally:
        engine.close()
    stored = list(everything_stored(mission.store_dir))
    assert any(len(data) > 1000 for _, data in stored)  # the ciphertext is there
    for name, data in stored:
        assert canary.encode() not in data, name
