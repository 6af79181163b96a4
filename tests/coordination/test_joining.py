"""A coordinator who joins later gets the others' whole history (each vault sends its chain
again, sealed to the new roster), events that arrive before their report's bundle are kept
and shown once it comes, and the relay holds only padded ciphertext."""

from __future__ import annotations

from reporter.coordination import claims, linking, triaging
from reporter.coordination.replay import accept_roster
from reporter.coordination.status import coordination_status
from reporter.coordination.triaging import TriageChange
from reporter.inbox import links, triage
from tests.coordination.conftest import Pair, receive, snapshot


def test_a_late_coordinator_gets_the_history_before_the_bundles(pair: Pair) -> None:
    a, b, _ = pair.incidents
    triaging.apply_triage(
        pair.ana,
        a,
        TriageChange(review="in-review", tags=("pegasus",), note="Confirmado.", shared=True),
        "Ana",
    )
    linking.link(pair.ana, a, b, "same-event", "Ana")
    claims.claim(pair.ana, b, hours=4)
    pair.sync(pair.ana)
    carla = pair.new_coordinator("carla", with_roster=False, with_bundle=False)
    try:
        pair.admit(carla)
        roster = pair.roster_bytes()
        accept_roster(carla, roster, forward=False)
        pair.sync(carla)  # sealed to Ana and Beto only: nothing Carla can open yet
        accept_roster(pair.ana, roster, forward=True)
        report = pair.sync(pair.ana)
        assert report.events_sent == 5  # her whole chain again, now sealed to Carla too
        pulled = pair.sync(carla)
        assert pulled.outcomes.get("applied") == 5
        assert carla.query("SELECT count(*) FROM inbox_current")[0][0] == 0  # no bundle yet
        receive(carla, pair.bundle)  # the bundle comes after its triage
        state = triage.triage_of(carla, a)
        assert (state.review, state.tags) == ("in-review", ("pegasus",))
        assert [n["text"] for n in triage.notes(carla, a)] == ["Confirmado."]
        assert [x["incident_id"] for x in links.links_of(carla, a)] == [b]
        held = claims.claim_of(carla, b)
        assert held is not None
        assert held.name == "Ana"
        assert snapshot(carla) == snapshot(pair.ana)
        assert coordination_status(carla)["gaps"] == []
    finally:
        carla.close()


def test_the_relay_holds_only_padded_ciphertext(pair: Pair) -> None:
    a = pair.incidents[0]
    canary = "CANARIO-7f3e-nota-compartida"
    triaging.apply_triage(
        pair.ana, a, TriageChange(note=canary, shared=True, tags=("etiqueta-canario",)), "Ana"
    )
    pair.sync(pair.ana)
    stored = (pair.store_dir / "relay.sqlite").read_bytes()
    for name in ("relay.sqlite-wal",):
        path = pair.store_dir / name
        if path.exists():
            stored += path.read_bytes()
    for secret in (
        canary,
        "etiqueta-canario",
        a,
        "Ana",
        pair.ana.query("SELECT name FROM coord_identity")[0][0],
    ):
        assert secret.encode() not in stored
    # a one-line note and a 5000-character one travel in objects of one size
    triaging.apply_triage(pair.ana, a, TriageChange(note="x" * 5000, shared=True), "Ana")
    pair.sync(pair.ana)
    sizes = [len(pair.relay_object(object_id)) for object_id, _ in pair.relay_objects()]
    assert len(sizes) == 2
    assert sizes[0] == sizes[1] > 64 * 1024
