"""Issue 13, test 4: the coordinator's workspace against a real relay on 127.0.0.1.

Pull with progress and cancel, triage from the keyboard, the dashboard's one filter bar
changing every chart and the map, a number clicked through to the reports behind it, and
the app opening a coordinator vault in the coordinator's workspace.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from reporter.coordination.triaging import TriageChange, apply_triage
from reporter.inbox.query import ReportFilter, select_ids
from reporter.inbox.triage import triage_of
from reporter.stats import counts
from tests.ui.coordinator.conftest import send

pytestmark = pytest.mark.gui

MX = {"country": "MX"}


def _pull(qtbot: Any, window: Any) -> str:
    bar = window.inbox.pull
    assert bar.pull_now() is not None
    qtbot.waitUntil(lambda: bar.task is None, timeout=30_000)
    return str(bar.status.text())


def test_the_app_opens_a_coordinator_vault_in_the_coordinator_workspace(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    from reporter.vault.vault import Vault
    from tests.ui.conftest import PASSPHRASE
    from ui.app import Controller
    from ui.coordinator.window import CoordinatorWindow
    from ui.reporter.main_window import MainWindow

    opened = {}
    for role in ("coordinator", "reporter"):
        controller = Controller(tmp_path / role)
        controller.open_session(Vault.create(tmp_path / role, PASSPHRASE, role=role))
        assert controller.window is not None
        qtbot.addWidget(controller.window)
        opened[role] = type(controller.window)
        controller.window.lock()  # lock returns to the unlock screen
        assert controller.unlock is not None
        assert controller.unlock.isVisible()
        qtbot.addWidget(controller.unlock)
    assert opened == {"coordinator": CoordinatorWindow, "reporter": MainWindow}


def test_pull_shows_progress_and_cancel_stops_between_bundles(
    qtbot,
    mission,  # type: ignore[no-untyped-def]
    coordinator_window,
) -> None:
    window = coordinator_window
    send(mission, *({"title": f"Amenaza {i}"} for i in range(4)))
    bar = window.inbox.pull
    seen: list[int] = []
    original = bar._progress
    bar._progress = lambda done, total: (seen.append(done), original(done, total))  # type: ignore[method-assign]
    handle = bar.pull_now()
    assert handle is not None
    assert bar.cancel_button.isVisible()
    bar.cancel()  # lands before the first bundle's end
    qtbot.waitUntil(lambda: bar.task is None, timeout=30_000)
    assert bar.status.text().startswith("Cancelled after: 1 new report, 0 already here")
    assert len(select_ids(mission.coordinator, include_all=True)) == 1
    assert not bar.cancel_button.isVisible()
    assert bar.pull_button.isEnabled()
    text = _pull(qtbot, window)  # the rest comes at the next pass, once
    assert text.startswith("3 new reports, 0 already here, 0 refused")
    assert seen[-3:] == [1, 2, 3]  # progress per bundle handled
    qtbot.waitUntil(lambda: window.inbox.model.rowCount() == 4, timeout=10_000)
    assert window.inbox.count.text() == "4 reports"


def test_triage_with_the_keyboard(qtbot, mission, coordinator_window) -> None:  # type: ignore[no-untyped-def]
    window = coordinator_window
    (iid,) = send(mission, {"title": "Hackeo del teléfono"})
    _pull(qtbot, window)
    table = window.inbox.table
    qtbot.waitUntil(lambda: window.inbox.model.rowCount() == 1, timeout=10_000)
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Return)  # opens the report
    report = window.report
    qtbot.waitUntil(lambda: report.loaded is not None, timeout=10_000)
    assert window.stack.currentWidget() is report
    assert report.review.hasFocus()
    qtbot.keyClick(report.review, Qt.Key.Key_Down)  # new -> in review
    qtbot.keyClick(report.review, Qt.Key.Key_Tab)
    qtbot.keyClicks(report.assignee, "Ana")
    qtbot.keyClick(report.assignee, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: report.message.text() == "Saved.", timeout=10_000)
    now = triage_of(mission.coordinator, iid)
    assert (now.review, now.assignee) == ("in-review", "Ana")
    assert any("review" in report.history.item(i).text() for i in range(report.history.count()))
    # Excluding without a reason is the core's refusal, said here; nothing changes.
    report.counting.setFocus()
    qtbot.keyClick(report.counting, Qt.Key.Key_End)  # excluded
    assert report.counting.currentData() == "excluded"
    assert report.reason.isEnabled()
    qtbot.keyClick(report.counting, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "reason" in report.message.text(), timeout=10_000)
    assert triage_of(mission.coordinator, iid).counting == "pending"
    report.reason.setFocus()
    qtbot.keyClick(report.reason, Qt.Key.Key_Down)  # duplicate
    qtbot.keyClick(report.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: triage_of(mission.coordinator, iid).counting == "excluded", timeout=10_000
    )
    assert triage_of(mission.coordinator, iid).exclusion == "duplicate"


def _bars(window: Any) -> dict[str, dict[str, int]]:
    charts = {
        **window.dashboard.charts,
        **{f"spy:{k}": c for k, c in window.spyware.charts.items()},
    }
    return {key: chart.bars() for key, chart in charts.items()}


def test_dashboard_filters_change_every_chart_and_the_map_and_numbers_click_through(  # type: ignore[no-untyped-def]
    qtbot, mission, coordinator_window
) -> None:
    from ui.coordinator.map_page import state_colours

    window = coordinator_window
    ids = send(
        mission,
        {"title": "a", "where": {**MX, "state": "09"}, "when": {"date": "2026-03-02"}},
        {
            "title": "b",
            "where": {**MX, "state": "09"},
            "when": {"date": "2026-04-02"},
            "incident_types": ["SURV.SPYWARE"],
        },
        {
            "title": "c",
            "where": {**MX, "state": "14"},
            "when": {"date": "2026-05-02"},
            "incident_types": ["SURV.SPYWARE"],
        },
        {"title": "d", "where": {**MX, "state": "20"}},
    )
    _pull(qtbot, window)
    for iid in ids:
        apply_triage(mission.coordinator, iid, TriageChange(counting="counted"), "Ana")
    with qtbot.waitSignal(window.pictureShown, timeout=20_000):
        window.actions["dashboard"].trigger()
    before, colours = _bars(window), state_colours(window.map)
    assert before["state"] == counts(mission.coordinator, "state").counts
    assert window.dashboard.charts["state"].table.rowCount() == 3
    with qtbot.waitSignal(window.pictureShown, timeout=20_000):
        window.filters.set_choice("state", "09")
    after = _bars(window)
    changed = {key for key in before if before[key] != after[key]}
    assert changed == set(before), f"unchanged: {set(before) - changed}"
    assert (
        after["state"]
        == counts(mission.coordinator, "state", ReportFilter(states=("09",))).counts
        == {"09": 2}
    )
    assert state_colours(window.map) != colours
    assert state_colours(window.map)["14"] == "#f2f2f2"  # filtered out: empty
    # A number clicked: the inbox lists exactly the reports behind it.
    with qtbot.waitSignal(window.pictureShown, timeout=20_000):
        window.filters.reset()
    chart = window.dashboard.charts["type"]
    row = next(
        r
        for r in range(chart.table.rowCount())
        if chart.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == "SURV.SPYWARE"
    )
    assert chart.table.item(row, 1).text() == "2"
    chart.table.setCurrentCell(row, 1)
    qtbot.keyClick(chart.table, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.stack.currentWidget() is window.inbox and window.inbox.model.rowCount() == 2,
        timeout=10_000,
    )
    titles = {r.record["title"] for r in window.inbox.model.rows}
    assert titles == {"b", "c"}
    # Clicking a state on the map does the same.
    mexico = window.map.map
    window.actions["map"].trigger()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.map, timeout=5000)
    qtbot.mouseClick(mexico, Qt.MouseButton.LeftButton, pos=mexico.centre_of("14").toPoint())
    qtbot.waitUntil(
        lambda: (
            window.stack.currentWidget() is window.inbox
            and [r.record["title"] for r in window.inbox.model.rows] == ["c"]
        ),
        timeout=10_000,
    )
