"""What the relay keeps about people is as little as it can be (issue 12, low).

Times to the hour; no trace of which token became which credential; an acknowledged upload
keeps only its owner and the sealed receipt; expiry runs while the relay runs; the API
description is served only when asked for.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
import requests

from reporter.relay.serve import BackgroundRelay
from reporter.relay.storage.base import StorageConfig
from reporter.relay.store import RelayStore
from reporter.relay_client.transport import RelayClient
from reporter.share.outbox_store import OutboxStore
from reporter.sync.coordinator import pull
from tests.sync.backends import rows as _rows
from tests.sync.backends import stored_bytes
from tests.sync.conftest import Mission, token

pytestmark = pytest.mark.both_backends  # those that take a relay store run on both


def test_api_docs_are_off_unless_asked_for(tmp_path: Path) -> None:
    for api_docs, expected in ((False, 404), (True, 200)):
        relay = BackgroundRelay(tmp_path / f"relay-{api_docs}", api_docs=api_docs).start()
        try:
            for path in ("/docs", "/redoc", "/openapi.json"):
                assert requests.get(relay.url + path, timeout=10).status_code == expected
        finally:
            relay.stop()


def test_times_are_hours_and_spent_tokens_leave_no_trace(mission: Mission) -> None:
    bundle_id = mission.add_and_share()
    engine = mission.engine()
    try:
        assert engine.run().uploaded == [bundle_id]
    finally:
        engine.close()
    relay_receipt = json.loads(OutboxStore(mission.reporter).get(bundle_id)["relay_receipt"])
    assert relay_receipt["received_at"] % 3600 == 0
    assert _rows(mission.store_dir, "SELECT * FROM tokens") == []  # both spent: deleted
    times = _rows(
        mission.store_dir,
        "SELECT created_at FROM credentials UNION ALL"
        " SELECT created_at FROM uploads UNION ALL"
        " SELECT completed_at FROM uploads",
    )
    assert len(times) == 4
    assert all(isinstance(t, int | float) and t % 3600 == 0 for (t,) in times)


def test_an_acknowledged_upload_keeps_only_what_the_device_still_needs(mission: Mission) -> None:
    bundle_id = mission.add_and_share()
    engine = mission.engine()
    try:
        assert engine.run().uploaded == [bundle_id]
        upload_id = OutboxStore(mission.reporter).get(bundle_id)["upload_id"]
        assert len(pull(mission.coordinator).imported) == 1
        row = _rows(
            mission.store_dir,
            "SELECT id, key, size, received, sha256, cursor,"
            " completed_at, acked_at, state, receipt IS NOT NULL"
            " FROM uploads",
        )
        assert row == [(upload_id, upload_id, 0, 0, None, None, None, None, "acked", 1)]
        assert stored_bytes(mission.store_dir, upload_id) is None
        assert engine.run().received == [bundle_id]  # the device still gets its receipt
    finally:
        engine.close()


def test_expiry_runs_while_the_relay_runs(relay_store: StorageConfig) -> None:
    store_dir = relay_store
    relay = BackgroundRelay(store_dir, retention_seconds=1e-3, expire_every_seconds=0.05)
    relay.start()
    try:
        client = RelayClient(relay.url)
        client.credential = client.enroll(token(store_dir))["credential"]
        upload_id = client.create_upload("ab" * 32, 10)["upload_id"]
        for _ in range(400):  # bounded: 20 s at most
            if not _rows(store_dir, "SELECT id FROM uploads"):
                break
            relay._thread.join(0.05)  # waits, unless the relay stopped
        assert _rows(store_dir, "SELECT id FROM uploads") == []
        assert stored_bytes(store_dir, upload_id) is None
    finally:
        relay.stop()


def test_a_store_from_before_forgets_what_it_no_longer_needs(tmp_path: Path) -> None:
    store_dir = tmp_path / "relay"
    RelayStore(store_dir).close()
    conn = sqlite3.connect(store_dir / "relay.sqlite")
    with conn:
        conn.execute("INSERT INTO tokens VALUES ('t1', 'device', 1000.5, 2000.25)")
        conn.execute("INSERT INTO tokens VALUES ('t2', 'device', 1000.5, NULL)")
        conn.execute("INSERT INTO credentials VALUES ('c1', 'device', 'p1', 7300.5)")
        sha = hashlib.sha256(b"x").hexdigest()
        conn.execute(
            "INSERT INTO uploads(id, owner, key, size, received, sha256, state,"
            " cursor, created_at, completed_at, acked_at, receipt) VALUES"
            " ('u1', 'p1', 'k1', 1, 1, ?, 'complete', 1, 7300.5, 7301.5, 7302.5,"
            " x'00')",
            (sha,),
        )
    conn.close()
    assert _rows(store_dir, "SELECT hash, created_at FROM tokens") == [("t2", 0)]
    assert _rows(store_dir, "SELECT created_at FROM credentials") == [(7200,)]
    assert _rows(store_dir, "SELECT key, sha256, state, acked_at, created_at FROM uploads") == [
        ("u1", None, "acked", None, 7200)
    ]
