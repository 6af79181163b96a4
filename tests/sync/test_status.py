"""The status bar's truth, computed from the outbox and the last attempt (Qt-free)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reporter.errors import NetworkError, PinMismatch, RelayRefused
from reporter.sync.status import attempt_outcome, check_connection, read_sync_status, sync_status
from tests.sync.conftest import Mission


def item(state: str = "queued", exported: bool = False, error: str | None = None) -> dict[str, Any]:
    return {
        "state": state,
        "exported_at": "2026-12-01T10:00:00Z" if exported else None,
        "last_error_code": error,
    }


def test_up_to_date_only_when_nothing_waits() -> None:
    assert sync_status([], True).state == "up_to_date"
    assert sync_status([item("uploaded"), item("received")], True).state == "up_to_date"
    waiting = sync_status([item(), item("failed"), item("uploading"), item("received")], True)
    assert (waiting.state, waiting.waiting, waiting.carried) == ("waiting", 3, 0)
    carried = sync_status([item(exported=True), item("received", exported=True)], True, "ok")
    assert (carried.state, carried.waiting, carried.carried) == ("waiting", 0, 1)


def test_not_connected_before_offline_or_waiting() -> None:
    status = sync_status([item()], connected=False, last_attempt="offline")
    assert (status.state, status.waiting) == ("not_connected", 1)
    assert sync_status([], connected=False).state == "not_connected"


def test_offline_from_the_last_attempt_or_the_items_own_errors() -> None:
    assert sync_status([item()], True, "offline").state == "offline"
    assert sync_status([], True, "offline").state == "offline"
    assert sync_status([item(error="network")], True).state == "offline"  # after a restart
    assert sync_status([item(error="network")], True, "ok").state == "waiting"  # it came back
    assert sync_status([item(error="relay_refused")], True).state == "waiting"
    assert sync_status([item()], True, "busy").state == "busy"
    assert sync_status([item()], False, syncing=True).state == "syncing"


def test_attempt_outcomes() -> None:
    assert attempt_outcome({"offline": True}) == "offline"
    assert attempt_outcome({"offline": False, "throttled": True}) == "busy"
    assert attempt_outcome({"offline": False}) == "ok"
    assert attempt_outcome(None, NetworkError(reason="timed out")) == "offline"
    assert attempt_outcome(None, PinMismatch()) == "offline"
    assert attempt_outcome(None, RelayRefused(reason="x", status=401)) == "ok"
    assert attempt_outcome(None, RelayRefused(reason="x", status=429)) == "busy"


def test_a_real_vault_and_relay(mission: Mission) -> None:
    assert read_sync_status(mission.reporter).state == "up_to_date"
    mission.add_and_share()
    assert read_sync_status(mission.reporter).to_json() == {
        "state": "waiting",
        "waiting": 1,
        "carried": 0,
    }
    assert check_connection(mission.reporter, None) == {
        "result": "reachable",
        "relay": mission.relay.url,
    }
    mission.relay.stop()
    offline = check_connection(mission.reporter, None)
    assert offline["result"] == "offline"
    mission.reporter.conn.execute("DELETE FROM meta WHERE key = 'relay_credential'")
    assert read_sync_status(mission.reporter).state == "not_connected"


def test_no_profile_is_not_connected(tmp_path: Path) -> None:
    from reporter.vault.vault import Vault

    vault = Vault.create(tmp_path / "v", "correct horse battery staple 42")
    try:
        assert read_sync_status(vault).state == "not_connected"
        assert check_connection(vault, None)["result"] == "not_connected"
    finally:
        vault.close()
