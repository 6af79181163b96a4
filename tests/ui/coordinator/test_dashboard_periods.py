"""The dashboard counts by month, half-year or year, and says what `stats --summary` says.

Bundles of three devices with a known distribution (tests/inbox/conftest.py) are imported,
half of the reports counted; the dashboard's time chart, its rate, the period before and
the note on reports pending triage must be the core's overview and counts, and a half-year
clicked lists exactly its reports.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from reporter.coordination.triaging import TriageChange, apply_triage
from reporter.inbox.query import ReportFilter
from reporter.stats import counts, overview
from reporter.stats.behind import ids_behind
from reporter.vault.vault import Vault
from tests.inbox.conftest import receive
from tests.share.conftest import PASSPHRASE

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: Any, tmp_path: Path) -> Iterator[Any]:
    from ui.common.i18n import language
    from ui.common.session import Session
    from ui.coordinator.window import CoordinatorWindow

    received = receive(tmp_path)
    vault = Vault.open(received.home, PASSPHRASE)
    for r in received.records[::2]:
        apply_triage(vault, r["id"], TriageChange(counting="counted"), "Ana")
    language().set("en")
    shown = CoordinatorWindow(Session(vault))
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    shown.session.runner.close(10_000)
    vault.close()


def test_the_time_chart_counts_by_month_half_year_and_year(qtbot: Any, window: Any) -> None:
    vault = window.session.vault
    with qtbot.waitSignal(window.pictureShown, timeout=20_000):
        window.actions["dashboard"].trigger()
    chart = window.dashboard.charts["month"]
    assert chart.bars() == counts(vault, "month").counts
    for period in ("half-year", "year"):
        combo = window.dashboard.period
        combo.setCurrentIndex(combo.findData(period))
        qtbot.waitUntil(lambda p=period: chart.bars() == counts(vault, p).counts, timeout=5000)
        assert chart.key == period
    # A half-year clicked: the inbox lists exactly the reports it counts.
    window.dashboard.period.setCurrentIndex(window.dashboard.period.findData("half-year"))
    qtbot.waitUntil(lambda: chart.key == "half-year", timeout=5000)
    row = next(
        r
        for r in range(chart.table.rowCount())
        if chart.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == "2026-H2"
    )
    chart.table.setCurrentCell(row, 1)
    qtbot.keyClick(chart.table, Qt.Key.Key_Return)
    wanted = set(ids_behind(vault, "half-year", "2026-H2"))
    assert len(wanted) == counts(vault, "half-year").counts["2026-H2"]
    qtbot.waitUntil(
        lambda: {r.incident_id for r in window.inbox.model.rows} == wanted, timeout=10_000
    )


def test_the_rate_the_period_before_and_pending_reports_are_said(qtbot: Any, window: Any) -> None:
    vault = window.session.vault
    window.filters.date_from.setText("2026-07")
    window.filters.date_to.setText("2026-12")
    with qtbot.waitSignal(window.pictureShown, timeout=20_000):
        window.actions["dashboard"].trigger()
    assert window.dashboard.picture["filter"].date_from == "2026-07"
    got = overview(vault, ReportFilter(date_from="2026-07", date_to="2026-12"))
    assert got["pending"] > 0
    assert got["previous"]["total"] > 0
    rate, pending = window.dashboard.rate.text(), window.dashboard.pending.text()
    assert f"one every {got['every_hours']:g} hours" in rate
    assert "From 2026-07-01 to 2026-12-31" in rate
    assert f"The period before (2026-01-01 to 2026-06-30): {got['previous']['total']}" in rate
    assert f"{got['pending']} report" in pending
    assert "pending triage" in pending
