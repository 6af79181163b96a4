"""Issue 13, test 1: `stats` equals counts computed independently from the fixture's data.

Bundles of three devices with a known (seeded) distribution are imported; every key is
counted through the real CLI in both units and compared with counts the test computes from
the records it sent. A same-event link counts once in events and twice in reports; an
excluded report disappears from the counts.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pytest

from reporter.coordination.triaging import TriageChange, apply_triage
from reporter.vault.vault import Vault
from tests.inbox.conftest import Cli, Received
from tests.share.conftest import PASSPHRASE

NONE = "NONE"


def _half(date: str) -> str:
    return f"{date[:4]}-H{1 if int(date[5:7]) <= 6 else 2}"


def values(key: str, r: dict[str, Any]) -> set[str]:
    """What the record says for ``key``, read straight from the shared version sent."""
    date, digital = r["when"]["date"], r["digital"]
    found: set[str | None] = {
        "state": lambda: {r["where"]["state"]},
        "month": lambda: {date[:7] if len(date) >= 7 else None},
        "half-year": lambda: {_half(date) if len(date) >= 7 else None},
        "year": lambda: {date[:4]},
        "type": lambda: set(r["incident_types"]),
        "perpetrator": lambda: {p["code"] for p in r["perpetrators"]},
        "perpetrator-class": lambda: {
            (
                "STATE"
                if p["code"].startswith("STATE.")
                else "UNKNOWN"
                if p["code"] == "UNKNOWN"
                else "NON_STATE"
            )
            for p in r["perpetrators"]
        },
        "level": lambda: {p["level"] for p in r["perpetrators"]},
        "target-profile": lambda: {c for t in r["targets"] for c in t["profiles"]},
        "gender": lambda: {t["gender"] for t in r["targets"]},
        "coverage-topic": lambda: {c for t in r["targets"] for c in t["coverage_topics"]},
        "compromise-status": lambda: {digital["compromise_status"]},
        "spyware-family": lambda: {digital["spyware_family"]},
        "vector": lambda: set(digital["vectors"]),
        "detection-source": lambda: {digital["detection_source"]},
    }[key]()
    clean = {v for v in found if v is not None}
    return clean or {NONE}


KEYS = (
    "state",
    "month",
    "half-year",
    "year",
    "type",
    "perpetrator",
    "perpetrator-class",
    "level",
    "target-profile",
    "gender",
    "coverage-topic",
    "compromise-status",
    "spyware-family",
    "vector",
    "detection-source",
)


def expected(
    records: list[dict[str, Any]], key: str, groups: dict[str, str], unit: str
) -> dict[str, int]:
    """Counts per code: reports, or events (a group has a value when any member has it)."""
    units: dict[str, set[str]] = defaultdict(set)
    for r in records:
        units[groups[r["id"]] if unit == "events" else r["id"]] |= values(key, r)
    counts: dict[str, int] = defaultdict(int)
    for codes in units.values():
        for code in codes - {NONE} or {NONE}:
            counts[code] += 1
    return dict(counts)


def _all_counted(received: Received) -> None:
    with Vault.open(received.home, PASSPHRASE) as vault:
        for r in received.records:
            apply_triage(vault, r["id"], TriageChange(counting="counted"), "Ana")


def test_stats_for_every_key_and_unit_equal_the_fixture(received: Received, cli: Cli) -> None:
    records = received.records
    assert len({received.device_of[r["id"]] for r in records}) == 3
    status, before, _ = cli(received.home, "stats", "--by", "state", "--json")
    assert (status, before["total"], before["counts"]) == (0, 0, {})  # none counted yet
    _all_counted(received)
    a, b, c, d = (r["id"] for r in records[:4])
    for first, second in ((a, b), (b, c)):  # one event reported three times
        assert (
            cli(received.home, "inbox", "link", first, second, "--as", "same-event", "--json")[0]
            == 0
        )
    assert cli(received.home, "inbox", "link", a, d, "--as", "same-campaign", "--json")[0] == 0
    excluded = records[5]["id"]
    assert (
        cli(
            received.home,
            "inbox",
            "triage",
            excluded,
            "--count",
            "excluded",
            "--reason",
            "duplicate",
            "--json",
        )[0]
        == 0
    )
    kept = [r for r in records if r["id"] != excluded]
    groups = {r["id"]: (a if r["id"] in (a, b, c) else r["id"]) for r in kept}
    for key in KEYS:
        for unit in ("reports", "events"):
            status, got, err = cli(received.home, "stats", "--by", key, "--unit", unit, "--json")
            assert status == 0, err
            assert got["by"] == key
            assert got["unit"] == unit
            assert got["counts"] == expected(kept, key, groups, unit), (key, unit)
            assert got["total"] == (len(kept) if unit == "reports" else len(kept) - 2)


def test_a_same_event_link_counts_once_in_events_twice_in_reports(
    received: Received, cli: Cli
) -> None:
    _all_counted(received)
    first, second = received.records[0], received.records[1]
    state = first["where"]["state"] or NONE

    def count(unit: str) -> tuple[int, int]:
        got = cli(received.home, "stats", "--by", "year", "--unit", unit, "--json")[1]
        return got["total"], got["counts"][first["when"]["date"][:4]]

    reports, events = count("reports"), count("events")
    assert reports == events
    assert (
        cli(
            received.home,
            "inbox",
            "link",
            first["id"],
            second["id"],
            "--as",
            "same-event",
            "--json",
        )[0]
        == 0
    )
    assert count("reports") == reports
    year_shared = first["when"]["date"][:4] == second["when"]["date"][:4]
    assert count("events") == (events[0] - 1, events[1] - (1 if year_shared else 0))
    by_state = cli(received.home, "stats", "--by", "state", "--unit", "events", "--json")[1][
        "counts"
    ]
    assert by_state[state] >= 1
    # unlinking undoes it
    assert cli(received.home, "inbox", "unlink", first["id"], second["id"], "--json")[0] == 0
    assert count("events") == events


def test_an_excluded_report_disappears_from_the_counts(received: Received, cli: Cli) -> None:
    _all_counted(received)
    gone = received.records[2]
    before = cli(received.home, "stats", "--by", "type", "--json")[1]
    assert (
        cli(
            received.home,
            "inbox",
            "triage",
            gone["id"],
            "--count",
            "excluded",
            "--reason",
            "out-of-scope",
            "--json",
        )[0]
        == 0
    )
    after = cli(received.home, "stats", "--by", "type", "--json")[1]
    assert after["total"] == before["total"] - 1
    for code in gone["incident_types"]:
        assert after["counts"].get(code, 0) == before["counts"][code] - 1
    everything = cli(received.home, "stats", "--by", "type", "--all", "--json")[1]
    assert everything == before  # --all counts it again
    listed = cli(received.home, "inbox", "list", "--counted-only", "--json")[1]
    assert gone["id"] not in {i["record"]["id"] for i in listed}


def test_filters_select_the_same_reports_in_list_and_stats(received: Received, cli: Cli) -> None:
    _all_counted(received)
    wanted = {
        r["id"]
        for r in received.records
        if r["where"]["state"] == "09" and "HAR.THREAT" in r["incident_types"]
    }
    args = ("--state", "09", "--type", "HAR.THREAT")
    listed = cli(received.home, "inbox", "list", *args, "--json")[1]
    assert {i["record"]["id"] for i in listed} == wanted
    assert cli(received.home, "stats", "--by", "state", *args, "--json")[1]["total"] == len(wanted)
    dated = {r["id"] for r in received.records if r["when"]["date"][:7] in ("2026-03", "2026-07")}
    got = cli(received.home, "inbox", "list", "--from", "2026-02", "--to", "2026-07", "--json")[1]
    assert {i["record"]["id"] for i in got} == dated


def test_the_spyware_funnel_never_counts_suspected_as_confirmed(
    received: Received, cli: Cli
) -> None:
    _all_counted(received)
    records = received.records
    spyware = [
        r
        for r in records
        if "SURV.SPYWARE" in r["incident_types"] or r["digital"]["compromise_status"]
    ]
    status_of = [r["digital"]["compromise_status"] for r in spyware]
    assert "SUSPECTED" in status_of
    assert "INFECTION_CONFIRMED" in status_of
    got = cli(received.home, "stats", "--funnel", "--json")[1]
    assert got["targets"] == len(spyware)
    assert got["attempts"] == sum(
        s in ("ATTEMPT_CONFIRMED", "INFECTION_CONFIRMED") for s in status_of
    )
    assert got["infections"] == status_of.count("INFECTION_CONFIRMED")
    assert got["suspected"] == status_of.count("SUSPECTED")


def test_data_quality_figures(received: Received, cli: Cli) -> None:
    _all_counted(received)
    records = received.records
    got = cli(received.home, "stats", "--quality", "--json")[1]
    assert got["total"] == len(records)
    assert got["month_only_dates"] == sum(r["when"]["precision"] == "month" for r in records)
    assert got["state_only_places"] == sum(r["where"]["state"] is not None for r in records)
    assert got["unknown_perpetrator"] == sum(
        all(p["code"] == "UNKNOWN" for p in r["perpetrators"]) for r in records
    )
    assert got["wording"] == "documented cases, not prevalence"


@pytest.mark.parametrize("args", [("--by", "colour"), ("--state", "99"), ("--from", "2026-13")])
def test_a_bad_key_or_filter_is_refused_clearly(
    received: Received, cli: Cli, args: tuple[str, ...]
) -> None:
    status, _, err = cli(received.home, "stats", *args, "--json")
    assert status in (2, 5)
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_one_every_n_hours_and_a_comparison_of_periods(received: Received, cli: Cli) -> None:
    _all_counted(received)
    march = [r for r in received.records if r["when"]["date"].startswith("2026-03")]
    july = [r for r in received.records if r["when"]["date"].startswith("2026-07")]
    assert march
    assert july
    rate = cli(received.home, "stats", "--rate", "--from", "2026-03", "--to", "2026-03", "--json")[
        1
    ]
    assert (rate["total"], rate["hours"]) == (len(march), 31 * 24)
    assert rate["every_hours"] == round(31 * 24 / len(march), 1)
    got = cli(
        received.home,
        "stats",
        "--by",
        "type",
        "--from",
        "2026-03",
        "--to",
        "2026-03",
        "--compare-from",
        "2026-07",
        "--compare-to",
        "2026-07",
        "--json",
    )[1]
    assert (got["this_total"], got["other_total"]) == (len(march), len(july))
    for code, row in got["rows"].items():
        assert row["this"] == sum(code in values("type", r) for r in march)
        assert row["other"] == sum(code in values("type", r) for r in july)
        assert row["change"] == row["this"] - row["other"]
    assert cli(received.home, "stats", "--rate", "--json")[0] == 2  # needs a period
