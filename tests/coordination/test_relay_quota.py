"""The relay bounds the bytes of coordination objects it keeps (issue 17 leftover).

Coordination objects are opaque to the relay and kept until the retention time; without a
total bound one enrolled coordinator, or a stolen coordinator credential, could fill the
relay's database. The bound is for all the coalition's objects together (a relay serves one
coalition), checked in the transaction that adds an object, on both storage backends; past it
the relay answers 507 and the coordinator's app says so plainly, losing nothing.
"""

from __future__ import annotations

import os
from typing import Any

import pytest

from reporter.coordination import triaging
from reporter.coordination.exchange import sync_with_relay
from reporter.coordination.roster import SENT_META
from reporter.coordination.triaging import TriageChange
from reporter.errors import RelayFull, RelayRefused
from reporter.inbox import triage
from reporter.relay.serve import BackgroundRelay
from reporter.relay.storage.base import StorageConfig
from reporter.relay_client.transport import RelayClient
from tests.coordination.conftest import Pair

KIB = 1024


@pytest.mark.both_backends
def test_coordination_objects_stop_at_the_relay_quota_and_make_room_when_they_expire(
    relay_store: StorageConfig,
) -> None:
    relay = BackgroundRelay(relay_store, coordination_quota_bytes=250 * KIB).start()
    store = relay.server.config.app.state.store
    try:
        client = RelayClient(relay.url)
        client.credential = client.enroll(store.create_token("coordinator"))["credential"]
        first = client.post_coordination(os.urandom(100 * KIB))
        client.post_coordination(os.urandom(100 * KIB))
        with pytest.raises(RelayRefused) as info:
            client.post_coordination(os.urandom(100 * KIB))
        assert info.value.params["status"] == 507
        assert "coordination_full" in str(info.value.params["reason"])
        listed = client.list_coordination(0, 100)
        assert len(listed) == 2  # the refused one left nothing behind, not even a cursor
        assert listed[0]["id"] == first["id"]
        client.post_coordination(os.urandom(40 * KIB))  # bytes count, not objects
        with pytest.raises(RelayRefused):
            client.post_coordination(os.urandom(20 * KIB))
        # A store from before the total was counted counts its objects once, then goes on.
        with store._tx() as conn:
            store._run(conn, "DELETE FROM counters WHERE name = %s", ("coordination_bytes",))
        with pytest.raises(RelayRefused):
            client.post_coordination(os.urandom(20 * KIB))
        client.post_coordination(os.urandom(10 * KIB))
        with pytest.raises(RelayRefused):
            client.post_coordination(os.urandom(1 * KIB))
        store.expire(-3600.0)  # the retention time has passed for all of them
        assert client.list_coordination(0, 100) == []
        for _ in range(2):  # the room expiry freed is counted as free
            client.post_coordination(os.urandom(100 * KIB))
        assert len(client.list_coordination(0, 100)) == 2
    finally:
        relay.stop()


@pytest.fixture
def relay_limits() -> dict[str, Any]:
    return {"coordination_quota_bytes": 1}


def test_a_full_relay_is_said_plainly_and_the_decision_goes_at_a_later_sync(pair: Pair) -> None:
    report = pair.incidents[0]
    triaging.apply_triage(pair.ana, report, TriageChange(review="in-review"), "Ana")
    sent_before = pair.ana.get_meta(SENT_META)
    with pytest.raises(RelayFull) as info:
        sync_with_relay(pair.ana)
    assert info.value.params["status"] == 507
    message = info.value.message("en")
    assert "no room" in message
    assert "Nothing was lost" in message
    assert info.value.message("es") != message
    assert pair.ana.get_meta(SENT_META) == sent_before
    assert pair.relay_objects() == []
    # The operator gives the relay room (here: the same store, the default quota).
    pair.relay.stop()
    roomy = BackgroundRelay(pair.store_dir).start()
    pair.relay = roomy
    assert sync_with_relay(pair.ana, relay_url=roomy.url).events_sent == 1
    received = sync_with_relay(pair.beto, relay_url=roomy.url)
    assert received.outcomes.get("applied") == 1
    assert triage.triage_of(pair.beto, report).review == "in-review"
