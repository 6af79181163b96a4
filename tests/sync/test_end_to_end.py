"""Reporter → relay → coordinator → receipt back, over real HTTP on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reporter.errors import NotFound, PinMismatch
from reporter.relay.serve import BackgroundRelay
from reporter.relay_client.transport import RelayClient
from reporter.share.outbox_store import OutboxStore
from reporter.sync.coordinator import pull
from reporter.sync.engine import SyncEngine, outbox_settled
from tests.sync.conftest import Mission, build_mission


def test_mission_end_to_end_with_receipt(mission: Mission) -> None:
    canaries = {"note": "CANARYNOTE77", "name": "Canarina Ruiz", "contact": "CANARYCONTACT77"}
    bundle_id = mission.add_and_share(
        f"Vigilancia a {canaries['name']}",
        private_notes=canaries["note"],
        targets=[{"names": [canaries["name"]], "contact": canaries["contact"]}],
    )
    events: list[dict[str, object]] = []
    engine = mission.engine()
    report = engine.run(progress=events.append)
    assert report.uploaded == [bundle_id]
    assert OutboxStore(mission.reporter).get(bundle_id)["state"] == "uploaded"
    assert [e["state"] for e in events][-1] == "uploaded"
    assert outbox_settled(mission.reporter)

    pulled = pull(mission.coordinator)
    assert [i["bundle_id"] for i in pulled.imported] == [bundle_id]
    assert pull(mission.coordinator).imported == []  # acknowledged: gone from relay
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


def test_a_relay_asking_to_slow_down_ends_the_pass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """429: what was sent is kept, the rest waits for its retry time, and we stop asking."""
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
        assert 1 <= len(refused) <= 4  # at most the requests already in flight
        assert all(i["next_attempt_at"] for i in refused)
        untouched = [i for i in items if i["state"] == "queued" and i["attempts"] == 0]
        assert len(untouched) == 12 - 5 - len(refused)
        mission.reporter.close()
        mission.coordinator.close()
    finally:
        relay.stop()


def test_pieces_grow_on_a_fast_link_and_never_on_a_slow_one(
    mission: Mission, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from reporter.share.sharing import share_incidents
    from reporter.sync import engine as engine_module

    mib = 1024 * 1024
    video = tmp_path / "video.bin"
    video.write_bytes(os.urandom(12 * mib))
    vault = mission.reporter

    def share_video() -> str:
        incident_id = vault.incidents.add({"title": "Video", "incident_types": ["HAR.THREAT"]})
        attachment_id = vault.attachments.add(incident_id, video)["id"]
        return share_incidents(vault, [incident_id], [attachment_id], ["share_attachments"])

    def pieces_of_one_sync() -> list[int]:
        engine = mission.engine()
        sizes: list[int] = []
        send = engine._send_piece  # noqa: SLF001 - observe the requests, change nothing

        def spy(upload_id: str, offset: int, block: bytes, sha256: str | None) -> dict[str, object]:
            sizes.append(len(block))
            return send(upload_id, offset, block, sha256)

        engine._send_piece = spy  # type: ignore[method-assign]  # noqa: SLF001
        assert len(engine.run().uploaded) == 1
        engine.close()
        return sizes

    share_video()
    fast = pieces_of_one_sync()  # loopback: every piece is quick
    assert fast[0] == mib
    assert max(fast) >= 4 * mib
    assert fast[:-1] == sorted(fast[:-1])  # growing (the last is what is left)

    monkeypatch.setattr(engine_module, "FAST_PIECE_SECONDS", -1.0)  # nothing counts as fast
    share_video()
    slow = pieces_of_one_sync()
    assert set(slow[:-1]) == {mib}
    assert sum(slow) == sum(fast)  # the same padded size, all of it sent
    assert len(pull(mission.coordinator).imported) == 2


def test_a_slow_piece_halves_the_next_ones(mission: Mission) -> None:
    from reporter.sync.engine import SLOW_PIECE_SECONDS

    engine = mission.engine()
    engine._piece = 8 * 1024 * 1024  # noqa: SLF001
    engine._adapt(SLOW_PIECE_SECONDS + 1)  # noqa: SLF001
    assert engine._piece == 4 * 1024 * 1024  # noqa: SLF001
    for _ in range(10):
        engine._adapt(SLOW_PIECE_SECONDS + 1)  # noqa: SLF001
    assert engine._piece == engine.chunk_size  # noqa: SLF001 - never below the first size
    engine.close()


def test_a_coordinator_asked_to_slow_down_stops_and_loses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "relay"
    relay = BackgroundRelay(store).start()
    mission = build_mission(tmp_path, relay, store)
    # More bundles than its 10 requests a minute can download: a pull imports in groups and
    # sends receipts after each commit, so the limit must fall among the downloads.
    sent = [mission.add_and_share(f"Amenaza {n}") for n in range(12)]
    assert sorted(mission.engine().run().uploaded) == sorted(sent)
    relay.stop()
    # The same store, served with a tight limit: a device 1 request a minute, a coordinator 10.
    strict = BackgroundRelay(store, requests_per_minute=1).start()
    try:
        first = pull(mission.coordinator, relay_url=strict.url)
    finally:
        strict.stop()
    assert first.throttled
    assert 1 <= len(first.imported) < 12  # it got somewhere, then stopped cleanly
    relaxed = BackgroundRelay(store).start()
    try:
        second = pull(mission.coordinator, relay_url=relaxed.url)
    finally:
        relaxed.stop()
    assert not second.throttled
    everything = [i["bundle_id"] for i in first.imported + second.imported] + second.duplicates
    assert sorted(set(everything)) == sorted(sent)  # each bundle once in the inbox
    assert len(mission.coordinator.query("SELECT bundle_id FROM inbox_bundles")) == 12
    mission.reporter.close()
    mission.coordinator.close()
