"""Issue 16: a member cannot push everyone's Lamport clock to its end.

An event signed with a Lamport value near 2**53 would make every vault's next local event
invalid (the clock must stay below 2**53), so nobody could triage again. A received event
may run ahead of the vault's own clock by at most MAX_LAMPORT_JUMP; beyond, it is refused
and recorded like any refusal, and this vault's own decisions keep working.
"""

from __future__ import annotations

from typing import Any

from reporter.coordination import identity, triaging
from reporter.coordination.events import Event, sign
from reporter.coordination.replay import MAX_LAMPORT_JUMP, receive_events
from reporter.coordination.status import coordination_status
from reporter.coordination.triaging import TriageChange
from reporter.inbox import triage
from tests.coordination.conftest import Pair


def _event(author: str, incident_id: str, seq: int, prev: str | None, lamport: int) -> Event:
    body: dict[str, Any] = {
        "author": author,
        "seq": seq,
        "prev": prev,
        "lamport": lamport,
        "incident_id": incident_id,
        "op": "set",
        "field": "review",
        "value": "done",
        "at": "2026-12-01T10:00:00Z",
        "by": "",
    }
    return Event(**body)


def _max_lamport(pair: Pair) -> int:
    return int(pair.ana.query("SELECT coalesce(max(lamport), 0) FROM coord_events")[0][0])


def test_an_event_far_ahead_of_the_clock_is_refused_and_local_triage_goes_on(
    pair: Pair,
) -> None:
    a, b, _ = pair.incidents
    beto = identity.my_identity(pair.beto)
    near_end = _event(beto.member_id, a, 1, None, 2**53 - 2)
    assert receive_events(pair.ana, [sign(near_end, beto)]) == {"refused": 1}
    refusals = coordination_status(pair.ana)["refusals"]
    assert [(r["author"], r["seq"]) for r in refusals] == [(beto.member_id, 1)]
    assert triage.triage_of(pair.ana, a).review != "done"

    triaging.apply_triage(pair.ana, b, TriageChange(review="in-review"), "Ana")
    assert triage.triage_of(pair.ana, b).review == "in-review"
    assert _max_lamport(pair) < MAX_LAMPORT_JUMP


def test_an_event_within_the_jump_is_applied(pair: Pair) -> None:
    a = pair.incidents[0]
    beto = identity.my_identity(pair.beto)
    ahead = _event(beto.member_id, a, 1, None, _max_lamport(pair) + MAX_LAMPORT_JUMP)
    assert receive_events(pair.ana, [sign(ahead, beto)]) == {"applied": 1}
    assert triage.triage_of(pair.ana, a).review == "done"
