"""The spyware funnel in reports and in events equals counts made from the fixture itself.

A same-event group is one event: it is a target, an attempt or an infection when any of its
reports is, and ``suspected`` never becomes confirmed. The funnel counts in SQL (no id set in
Python) and folds only the linked reports; this pins both units against an independent count.
"""

from __future__ import annotations

from typing import Any

import pytest

from reporter.coordination.linking import link
from reporter.coordination.triaging import TriageChange, apply_triage
from reporter.inbox.query import ReportFilter
from reporter.stats import spyware_funnel
from reporter.vault.vault import Vault
from tests.inbox.conftest import Received, receive
from tests.share.conftest import PASSPHRASE

ATTEMPT = ("ATTEMPT_CONFIRMED", "INFECTION_CONFIRMED")


def _target(r: dict[str, Any]) -> bool:
    return "SURV.SPYWARE" in r["incident_types"] or bool(r["digital"]["compromise_status"])


def _expected(records: list[dict[str, Any]], pairs: list[tuple[str, str]]) -> dict[str, int]:
    event = {r["id"]: r["id"] for r in records}

    def root(x: str) -> str:
        while event[x] != x:
            x = event[x]
        return x

    for a, b in pairs:
        ra, rb = root(a), root(b)
        event[max(ra, rb)] = min(ra, rb)
    status = {r["id"]: r["digital"]["compromise_status"] for r in records}

    def units(keep: Any) -> int:
        return len({root(r["id"]) for r in records if keep(r)})

    return {
        "targets": units(_target),
        "attempts": units(lambda r: status[r["id"]] in ATTEMPT),
        "infections": units(lambda r: status[r["id"]] == "INFECTION_CONFIRMED"),
        "suspected": units(lambda r: status[r["id"]] == "SUSPECTED"),
        "total": units(lambda r: True),
    }


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Received, list[tuple[str, str]]]:
    received = receive(tmp_path_factory.mktemp("funnel"), bundles_per_device=6, seed=4)
    records = received.records
    by_status: dict[Any, list[str]] = {}
    for r in records:
        by_status.setdefault(r["digital"]["compromise_status"], []).append(r["id"])
    plain = [r["id"] for r in records if not _target(r)]
    # A group of three (suspected + infection + attempt), a pair of a target and a report
    # that is none, and a pair of two suspected.
    pairs = [
        (by_status["SUSPECTED"][0], by_status["INFECTION_CONFIRMED"][0]),
        (by_status["INFECTION_CONFIRMED"][0], by_status["ATTEMPT_CONFIRMED"][0]),
        (by_status["ATTEMPT_CONFIRMED"][1], plain[0]),
        (by_status["SUSPECTED"][1], by_status["SUSPECTED"][2]),
    ]
    with Vault.open(received.home, PASSPHRASE) as vault:
        for r in records:
            apply_triage(vault, r["id"], TriageChange(counting="counted"), "Ana")
        for a, b in pairs:
            link(vault, a, b, "same-event", "Ana")
    return received, pairs


@pytest.mark.parametrize("unit", ["reports", "events"])
def test_the_funnel_in_each_unit_equals_the_fixture(
    linked: tuple[Received, list[tuple[str, str]]], unit: str
) -> None:
    received, pairs = linked
    expected = _expected(received.records, pairs if unit == "events" else [])
    with Vault.open(received.home, PASSPHRASE) as vault:
        got = spyware_funnel(vault, unit=unit)
    assert {k: got[k] for k in expected} == expected
    assert got["unit"] == unit


def test_a_filter_applies_to_the_funnel_and_its_folding(
    linked: tuple[Received, list[tuple[str, str]]],
) -> None:
    received, pairs = linked
    states = ("09", "12")
    kept = [r for r in received.records if r["where"]["state"] in states]
    inside = {r["id"] for r in kept}
    expected = _expected(kept, [(a, b) for a, b in pairs if a in inside and b in inside])
    with Vault.open(received.home, PASSPHRASE) as vault:
        got = spyware_funnel(vault, ReportFilter(states=states), unit="events")
    assert {k: got[k] for k in expected} == expected
