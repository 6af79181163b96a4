"""Claims: visible to every coordinator, ending at their time, released by their holder,
broken by anyone else with the break kept in every vault's history."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from reporter.coordination import claims
from reporter.errors import Conflict, InvalidField, NotFound
from reporter.inbox import triage
from tests.coordination.conftest import Pair, snapshot


def test_a_claim_is_seen_by_the_other_coordinator_and_expires(pair: Pair) -> None:
    a = pair.incidents[0]
    now = datetime.now(UTC)
    made = claims.claim(pair.ana, a, hours=2, now=now)
    pair.sync(pair.ana)
    pair.sync(pair.beto)
    seen = claims.claim_of(pair.beto, a, now=now)
    assert seen is not None
    assert (seen.name, seen.until, seen.mine) == ("Ana", made.until, False)
    assert claims.claim_of(pair.beto, a, now=now + timedelta(hours=2, minutes=30)) is None
    # while it holds, Beto cannot take it without breaking it; once expired he can
    with pytest.raises(Conflict):
        claims.claim(pair.beto, a, hours=1, now=now)
    later = now + timedelta(hours=3)
    assert claims.claim(pair.beto, a, hours=1, now=later).name == "Beto"


def test_release_is_the_holders_and_bad_hours_are_refused(pair: Pair) -> None:
    a = pair.incidents[0]
    with pytest.raises(InvalidField):
        claims.claim(pair.ana, a, hours=0)
    with pytest.raises(InvalidField):
        claims.claim(pair.ana, a, hours=73)
    claims.claim(pair.ana, a, hours=1)
    pair.sync(pair.ana)
    pair.sync(pair.beto)
    with pytest.raises(NotFound):
        claims.release(pair.beto, a)
    claims.release(pair.ana, a)
    assert claims.claim_of(pair.ana, a) is None
    claims.claim(pair.ana, a, hours=1)
    with pytest.raises(Conflict):  # one's own claim is released, not broken
        claims.break_claim(pair.ana, a)


def test_a_broken_claim_is_recorded_in_both_vaults(pair: Pair) -> None:
    a = pair.incidents[0]
    claims.claim(pair.ana, a, hours=4)
    pair.sync(pair.ana)
    pair.sync(pair.beto)
    broken = claims.break_claim(pair.beto, a)
    assert broken.name == "Ana"
    assert claims.claim_of(pair.beto, a) is None
    pair.sync(pair.beto)
    pair.sync(pair.ana)
    assert claims.claim_of(pair.ana, a) is None
    assert claims.claim_breaks(pair.ana, a) == claims.claim_breaks(pair.beto, a)
    assert [(b["by"], b["of"]) for b in claims.claim_breaks(pair.ana, a)] == [("Beto", "Ana")]
    assert ("Beto", "claim-broken", "Ana") in [
        (h["author"], h["field"], h["from"]) for h in triage.history(pair.ana, a)
    ]
    assert snapshot(pair.ana) == snapshot(pair.beto)
