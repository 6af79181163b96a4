"""Reporter → relay → coordinator → receipt back, over real HTTP on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reporter.errors import NotFound, PinMismatch
from reporter.relay.serve import BackgroundRelay
from reporter.share.outbox_store import OutboxStore
from reporter.sync.coordinator import pull
from reporter.sync.engine import SyncEngine, outbox_settled
from reporter.sync.transport import RelayClient
from tests.sync.conftest import Mission, build_mission


def test_mission_end_to_end_with_receipt(mission: Mission) -> None:
    canaries = {"note": "CANARYNOTE77", "name": "Canarina Ruiz", "contact": "CANARYCONTACT77"}
    bundle_id = mission.add_and_share(
        f"Vigilancia a {canaries['name']}", private_notes=canaries["note"],
        targets=[{"names": [canaries["name"]], "contact": canaries["contact"]}])
    events: list[dict[str, object]] = []
    engine = mission.engine()
    report = engine.run(progress=events.append)
    assert report.uploaded == [bundle_id]
    assert OutboxStore(mission.reporter).get(bundle_id)["state"] == "uploaded"
    assert [e["state"] for e in events][-1] == "uploaded"
    assert outbox_settled(mission.reporter)

    pulled = pull(mission.coordinator)
    assert [i["bundle_id"] for i in pulled.imported] == [bundle_id]
    assert pull(mission.coordinator).imported == []          # acknowledged: gone from relay
    received = mission.coordinator.query("SELECT data FROM inbox_records")
    assert json.loads(received[0][0])["title"] == "Vigilancia a […]"

    report = engine.run()
    engine.close()
    assert report.received == [bundle_id]
    item = OutboxStore(mission.reporter).get(bundle_id)
    assert item["state"] == "received"
    assert json.loads(item["coordinator_receipt"])["bundle_id"] == bundle_id

    # The relay's store holds ciphertext only: no canary in any of its files.
    for path in mission.store_dir.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for value in canaries.values():
                assert value.encode() not in data, path


def test_sync_needs_enrollment(mission: Mission) -> None:
    mission.reporter.set_meta("relay_credential", "")
    mission.reporter.conn.execute("DELETE FROM meta WHERE key = 'relay_credential'")
    with pytest.raises(NotFound):
        SyncEngine(mission.reporter)


def test_https_relay_needs_a_pin() -> None:
    with pytest.raises(PinMismatch):
        RelayClient("https://relay.example.org")


def test_a_relay_asking_to_slow_down_ends_the_pass(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """429: what was sent is kept, the rest waits for its retry time, and we stop asking."""
    monkeypatch.setenv("TESTIGO_TEST_FAST_KDF", "1")
    relay = BackgroundRelay(tmp_path / "relay", requests_per_minute=5).start()
    try:
        mission = build_mission(tmp_path, relay, tmp_path / "relay")
        for n in range(12):
            mission.add_and_share(f"Amenaza {n}")
        report = mission.engine(streams=4).run(force=True)
        assert report.throttled
        assert not report.offline
        assert len(report.uploaded) == 5
        items = OutboxStore(mission.reporter).list()
        refused = [i for i in items if i["last_error"] and "rate_limited" in i["last_error"]]
        assert 1 <= len(refused) <= 4                # at most the requests already in flight
        assert all(i["next_attempt_at"] for i in refused)
        untouched = [i for i in items if i["state"] == "queued" and i["attempts"] == 0]
        assert len(untouched) == 12 - 5 - len(refused)
        mission.reporter.close()
        mission.coordinator.close()
    finally:
        relay.stop()
