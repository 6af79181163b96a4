"""Issue 16, test 2: two coordinators change the same report offline in opposite orders;
after exchanging through a real loopback relay both vaults hold identical triage state, and
replaying the union of their events in any order, with duplicates, gives that same state."""

from __future__ import annotations

import random
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reporter.coordination import claims, linking, triaging
from reporter.coordination.replay import receive_events
from reporter.coordination.triaging import TriageChange
from reporter.inbox import triage
from reporter.vault.vault import Vault
from tests.coordination.conftest import Pair, event_docs, snapshot


def _offline_work(pair: Pair) -> None:
    """The same report's fields, changed by both, in opposite orders; plus tags, links, notes."""
    a, b, c = pair.incidents
    ana_steps: list[Any] = [
        lambda v: triaging.apply_triage(v, a, TriageChange(review="in-review"), "Ana"),
        lambda v: triaging.apply_triage(v, a, TriageChange(verification="corroborated"), "Ana"),
        lambda v: triaging.apply_triage(
            v, a, TriageChange(counting="excluded", reason="duplicate"), "Ana"
        ),
        lambda v: triaging.apply_triage(v, a, TriageChange(tags=("pegasus",)), "Ana"),
        lambda v: linking.link(v, a, b, "same-event", "Ana"),
        lambda v: triaging.apply_triage(
            v, a, TriageChange(note="Llamé; confirma.", shared=True), "Ana"
        ),
        lambda v: claims.claim(v, b, hours=2),
    ]
    beto_steps: list[Any] = [
        lambda v: claims.claim(v, b, hours=3),
        lambda v: linking.link(v, a, b, "same-event", "Beto"),
        lambda v: linking.unlink(v, a, b, "same-event", "Beto"),
        lambda v: triaging.apply_triage(v, a, TriageChange(tags=("pegasus", "urgente")), "Beto"),
        lambda v: triaging.apply_triage(v, a, TriageChange(untags=("pegasus",)), "Beto"),
        lambda v: triaging.apply_triage(v, a, TriageChange(counting="counted"), "Beto"),
        lambda v: triaging.apply_triage(
            v, a, TriageChange(verification="forensically-confirmed"), "Beto"
        ),
        lambda v: triaging.apply_triage(v, a, TriageChange(review="in-review"), "Beto"),
        lambda v: triaging.apply_triage(v, c, TriageChange(assignee="Carla"), "Beto"),
        lambda v: triaging.apply_triage(
            v, a, TriageChange(note="Visto también.", shared=True), "Beto"
        ),
        lambda v: triaging.apply_triage(v, a, TriageChange(note="solo mío"), "Beto"),
    ]
    for step in ana_steps:
        step(pair.ana)
    for step in beto_steps:
        step(pair.beto)


def test_opposite_orders_offline_converge_after_exchange(pair: Pair) -> None:
    _offline_work(pair)
    assert snapshot(pair.ana) != snapshot(pair.beto)  # offline, they disagree
    pair.sync(pair.ana)
    pair.sync(pair.beto)
    pair.sync(pair.ana)
    assert snapshot(pair.ana) == snapshot(pair.beto)
    a, _, c = pair.incidents
    state = snapshot(pair.ana)
    # the assignee only Beto set reached Ana, named after Beto in Ana's history
    assert (c, "new", "Carla", "unverified", "pending", None) in state["triage"]
    assert ("Beto", "assignee", None, "Carla") in [
        (h["author"], h["field"], h["from"], h["to"]) for h in triage.history(pair.ana, c)
    ]
    # both shared notes everywhere; the private one stayed with Beto
    assert sorted(n[1] for n in state["notes"]) == ["Llamé; confirma.", "Visto también."]
    assert "solo mío" not in [n["text"] for n in triage.notes(pair.ana, a)]
    assert "solo mío" in [n["text"] for n in triage.notes(pair.beto, a)]
    # nothing was refused, no gap, no fork
    from reporter.coordination.status import coordination_status

    for vault in (pair.ana, pair.beto):
        status = coordination_status(vault)
        assert (status["gaps"], status["forks"], status["refusals"]) == ([], [], [])


def _reset(vault: Vault) -> None:
    """Forget every event and what they set (the received reports stay)."""
    with vault.transaction() as conn:
        for table in (
            "coord_events",
            "coord_problems",
            "coord_held",
            "coord_claims",
            "inbox_tags",
            "inbox_links",
            "inbox_notes",
            "inbox_history",
        ):
            conn.execute(f"DELETE FROM {table}")  # noqa: S608 - the names above
        conn.execute(
            "UPDATE inbox_triage SET review = 'new', assignee = NULL,"
            " verification = 'unverified', counting = 'pending', exclusion = NULL"
        )


def test_any_interleaving_with_duplicates_gives_the_same_state(pair: Pair) -> None:
    _interleavings(pair, 60)


@pytest.mark.slow
def test_many_more_interleavings_give_the_same_state(pair: Pair) -> None:
    _interleavings(pair, 600)


def _interleavings(pair: Pair, examples: int) -> None:
    _offline_work(pair)
    docs = event_docs(pair.ana) + event_docs(pair.beto)
    pair.sync(pair.ana)
    pair.sync(pair.beto)
    pair.sync(pair.ana)
    expected = snapshot(pair.ana)
    carla = pair.new_coordinator("carla")
    runs = 0

    @settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(
        order=st.permutations(docs),
        extra=st.lists(st.sampled_from(docs), max_size=8),
        seed=st.integers(0, 2**32 - 1),
    )
    def replay(order: list[Any], extra: list[Any], seed: int) -> None:
        nonlocal runs
        runs += 1
        _reset(carla)
        rng = random.Random(seed)
        stream = list(order)
        for doc in extra:  # duplicates, anywhere
            stream.insert(rng.randrange(len(stream) + 1), doc)
        cuts = sorted(rng.sample(range(1, len(stream)), 3))
        for start, end in zip([0, *cuts], [*cuts, len(stream)], strict=True):
            receive_events(carla, stream[start:end])
        assert snapshot(carla) == expected

    try:
        replay()
    finally:
        carla.close()
    assert runs >= examples
