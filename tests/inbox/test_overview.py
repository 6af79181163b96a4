"""The dashboard's line above the charts and `stats --summary` are one computation.

Total, "one every N hours", the period before and the reports still pending triage are
computed here from the records the fixture sent, then compared with the CLI's JSON and its
words in Spanish; the app's dashboard shows the same dictionary (tests/ui/coordinator).
"""

from __future__ import annotations

from typing import Any

from reporter.coordination.triaging import TriageChange, apply_triage
from reporter.inbox.index import first_day
from reporter.inbox.query import ReportFilter
from reporter.stats import overview
from reporter.vault.vault import Vault
from tests.inbox.conftest import Cli, Received
from tests.share.conftest import PASSPHRASE


def _day(r: dict[str, Any]) -> str:
    return str(first_day(r["when"]["date"])[0])


def _count_every_other(received: Received) -> list[dict[str, Any]]:
    counted = received.records[::2]
    with Vault.open(received.home, PASSPHRASE) as vault:
        for r in counted:
            apply_triage(vault, r["id"], TriageChange(counting="counted"), "Ana")
    return counted


def test_summary_of_a_half_year_against_the_one_before(received: Received, cli: Cli) -> None:
    counted = _count_every_other(received)
    ids = {r["id"] for r in counted}

    def among(records: list[dict[str, Any]], first: str, last: str) -> list[dict[str, Any]]:
        return [r for r in records if first <= _day(r) <= last]

    this = among(counted, "2026-07-01", "2026-12-31")
    before = among(counted, "2026-01-01", "2026-06-30")
    waiting = [r for r in received.records if r["id"] not in ids]
    assert this
    assert before
    assert waiting

    status, got, _ = cli(
        received.home, "stats", "--summary", "--from", "2026-07", "--to", "2026-12", "--json"
    )
    assert status == 0
    hours = 184 * 24
    assert got["total"] == got["period_total"] == len(this)
    assert (got["from"], got["to"], got["hours"]) == ("2026-07-01", "2026-12-31", hours)
    assert got["every_hours"] == round(hours / len(this), 1)
    assert got["previous"]["from"] == "2026-01-01"
    assert got["previous"]["to"] == "2026-06-30"
    assert got["previous"]["total"] == len(before)
    assert got["previous"]["change"] == len(this) - len(before)
    assert got["previous"]["percent"] == round(100 * (len(this) - len(before)) / len(before), 1)
    assert got["pending"] == len(among(waiting, "2026-07-01", "2026-12-31"))

    status, words, _ = cli(
        received.home, "--lang", "es", "stats", "--summary", "--from", "2026-07", "--to", "2026-12"
    )
    assert status == 0
    assert f"uno cada {got['every_hours']} horas" in words
    assert f"{got['pending']} reporte(s) pendiente(s) de triaje" in words


def test_without_dates_the_period_is_the_span_of_the_reports(received: Received) -> None:
    counted = _count_every_other(received)
    days = sorted(_day(r) for r in counted)
    with Vault.open(received.home, PASSPHRASE) as vault:
        got = overview(vault, ReportFilter(), "reports")
        assert overview(vault, ReportFilter(), "events")["unit"] == "events"
    assert got["from"] == f"{days[0][:7]}-01"
    assert got["to"][:7] == days[-1][:7]
    assert got["total"] == got["period_total"] == len(counted)
    assert got["pending"] == len(received.records) - len(counted)


def test_an_empty_selection_says_nothing_of_a_period(received: Received) -> None:
    with Vault.open(received.home, PASSPHRASE) as vault:  # nothing counted yet
        got = overview(vault, ReportFilter())
    assert got["total"] == 0
    assert got["from"] is None
    assert got["previous"] is None
    assert got["pending"] == len(received.records)
