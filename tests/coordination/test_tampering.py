"""Issue 16, test 3: the relay dropping or altering an event is seen by the other
coordinator (a gap, a refusal); an event signed by a coordinator after their removal from
the roster is refused while their earlier events stay valid and attributed; events from
someone outside the roster, or signed with another key, are refused."""

from __future__ import annotations

from typing import Any

from reporter.coordination import identity, triaging
from reporter.coordination.events import Event, sign
from reporter.coordination.exchange import seal
from reporter.coordination.replay import accept_roster, receive_events
from reporter.coordination.roster import current_roster, remove_member
from reporter.coordination.status import coordination_status, heads
from reporter.coordination.triaging import TriageChange
from reporter.inbox import triage
from reporter.relay_client.settings import relay_settings
from reporter.relay_client.transport import RelayClient
from reporter.share.coalition import load_coalition_keys
from tests.coordination.conftest import Pair, snapshot
from tests.sync.conftest import KEYS


def _three_objects(pair: Pair) -> list[str]:
    """Beto makes three decisions, one object each on the relay."""
    a = pair.incidents[0]
    for change in (
        TriageChange(review="in-review"),
        TriageChange(verification="corroborated"),
        TriageChange(tags=("pegasus",)),
    ):
        triaging.apply_triage(pair.beto, a, change, "Beto")
        assert pair.sync(pair.beto).events_sent == 1
    return [object_id for object_id, _ in pair.relay_objects()]


def _beto(pair: Pair) -> str:
    return identity.my_member_id(pair.beto)


def test_an_event_deleted_on_the_relay_shows_as_a_gap(pair: Pair) -> None:
    objects = _three_objects(pair)
    pair.relay_sql("DELETE FROM coordination WHERE id = ?", (objects[1],))
    pair.sync(pair.ana)
    status = coordination_status(pair.ana)
    assert status["gaps"] == [{"author": _beto(pair), "missing": [(2, 2)]}]
    state = triage.triage_of(pair.ana, pair.incidents[0])
    assert (state.review, state.verification, state.tags) == (
        "in-review",
        "unverified",
        ("pegasus",),
    )


def test_an_event_altered_on_the_relay_is_refused_and_leaves_a_gap(pair: Pair) -> None:
    objects = _three_objects(pair)
    stored = pair.relay_object(objects[1])
    altered = stored[:-40] + bytes(b ^ 0x5A for b in stored[-40:])
    pair.relay_sql("UPDATE coordination SET data = ? WHERE id = ?", (altered, objects[1]))
    pair.sync(pair.ana)
    status = coordination_status(pair.ana)
    assert [r["reason"] for r in status["refusals"]] == ["an unreadable coordination object"]
    assert status["gaps"] == [{"author": _beto(pair), "missing": [(2, 2)]}]
    assert triage.triage_of(pair.ana, pair.incidents[0]).verification == "unverified"


def test_a_removed_coordinator_is_refused_after_removal_and_kept_before(pair: Pair) -> None:
    a, b, _ = pair.incidents
    triaging.apply_triage(pair.beto, a, TriageChange(assignee="Beto"), "Beto")
    pair.sync(pair.beto)
    pair.sync(pair.ana)
    head = heads(pair.ana)[_beto(pair)]
    keys = load_coalition_keys(pair.coalition_dir, KEYS)
    remove_member(pair.coalition_dir, keys.signing_key, _beto(pair), head["seq"], head["hash"])
    roster, status = accept_roster(pair.ana, pair.roster_bytes(), forward=True)
    assert status == "imported"
    assert [m.name for m in roster.active_members()] == ["Ana"]
    # Beto, who has not seen the new roster, keeps working and sends
    triaging.apply_triage(pair.beto, b, TriageChange(review="in-review"), "Beto")
    assert pair.sync(pair.beto).events_sent == 1
    pair.sync(pair.ana)
    assert triage.triage_of(pair.ana, b).review == "new"
    assert triage.triage_of(pair.ana, a).assignee == "Beto"  # the earlier event stays
    assert ("Beto", "assignee", None, "Beto") in [
        (h["author"], h["field"], h["from"], h["to"]) for h in triage.history(pair.ana, a)
    ]
    refusals = coordination_status(pair.ana)["refusals"]
    assert [(r["author"], r["seq"], r["reason"]) for r in refusals] == [
        (_beto(pair), 2, "the author was removed from the roster before this event")
    ]
    # what Ana sends from now on is sealed to the active members only: Beto cannot read it
    triaging.apply_triage(pair.ana, a, TriageChange(review="in-review"), "Ana")
    assert pair.sync(pair.ana).sent == 1
    assert pair.sync(pair.beto).not_for_us == 2  # the roster Ana forwarded, her event
    assert triage.triage_of(pair.beto, a).review == "new"
    # once Beto's vault has the new roster, it sends nothing more
    accept_roster(pair.beto, pair.roster_bytes(), forward=False)
    assert pair.sync(pair.beto).skipped == "not an active member of the roster"


def _post_as(pair: Pair, signer: identity.CoordinatorIdentity, body: dict[str, Any]) -> None:
    """An object sealed to the roster, as anyone who read the roster could make it."""
    event = Event(**body)
    roster = current_roster(pair.ana)
    assert roster is not None
    url, pin, credential = relay_settings(pair.beto)
    client = RelayClient(url, tls_pin=pin, credential=credential)
    try:
        client.post_coordination(
            seal("events", {"events": [sign(event, signer)]}, roster.recipients())
        )
    finally:
        client.close()


def _body(author: str, incident_id: str, **extra: Any) -> dict[str, Any]:
    return {
        "author": author,
        "seq": 1,
        "prev": None,
        "lamport": 99,
        "incident_id": incident_id,
        "op": "set",
        "field": "review",
        "value": "done",
        "at": "2026-12-01T10:00:00Z",
        "by": "",
        **extra,
    }


def test_outsiders_and_forged_signatures_are_refused_until_the_roster_lists_them(
    pair: Pair,
) -> None:
    a, b, _ = pair.incidents
    carla = pair.new_coordinator("carla")
    me = identity.my_identity(carla)
    try:
        _post_as(pair, me, _body(me.member_id, a))  # not in the roster
        _post_as(pair, me, _body(_beto(pair), b, seq=7, prev="0" * 64))  # Beto's id, Carla's key
        pair.sync(pair.ana)
        before = snapshot(pair.ana)
        assert triage.triage_of(pair.ana, a).review == "new"
        assert sorted(
            (r["author"], r["reason"]) for r in coordination_status(pair.ana)["refusals"]
        ) == sorted(
            [
                (me.member_id, "the author is not in the roster"),
                (_beto(pair), "the signature does not verify"),
            ]
        )
        # the admin adds Carla: her held event now counts, the forged one never does
        pair.admit(carla)
        accept_roster(pair.ana, pair.roster_bytes(), forward=False)
        assert triage.triage_of(pair.ana, a).review == "done"
        assert triage.triage_of(pair.ana, b).review == "new"
        assert [r["reason"] for r in coordination_status(pair.ana)["refusals"]] == [
            "the signature does not verify"
        ]
        assert snapshot(pair.ana) != before
    finally:
        carla.close()


def test_a_fork_is_recorded_and_resolved_alike_in_every_order(pair: Pair) -> None:
    """Beto's vault signs two different events numbered 1 (a restored backup, or a lie):
    each vault records the fork and keeps the same one of the two, whatever came first."""
    a = pair.incidents[0]
    beto = identity.my_identity(pair.beto)
    first = Event(**_body(beto.member_id, a, value="in-review", lamport=5))
    second = Event(**_body(beto.member_id, a, value="needs-info", lamport=5))
    docs = [sign(first, beto), sign(second, beto)]
    carla = pair.new_coordinator("carla")
    try:
        receive_events(pair.ana, docs)
        receive_events(carla, docs[::-1])
        kept = min((first, second), key=lambda e: e.hash).value
        for vault in (pair.ana, carla):
            assert triage.triage_of(vault, a).review == kept
            forks = coordination_status(vault)["forks"]
            assert [(f["author"], f["seq"]) for f in forks] == [(beto.member_id, 1)]
        assert snapshot(pair.ana) == snapshot(carla)
    finally:
        carla.close()
