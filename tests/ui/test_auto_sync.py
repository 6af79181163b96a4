"""Bundles leave by themselves once the relay can be reached (issue 19, test 1's second half).

The app starts enrolled with a relay whose loopback port has nothing listening; the shared
incident waits. Then the real relay starts on that port, and the bundle leaves with no
click: once by the schedule's retries (Qt's network information says online all along),
once by the probe a platform without a reachability backend uses (the retry is then far
off, so only the probe can bring it). Timings are shortened; the mechanism is the app's.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reporter.relay.serve import BackgroundRelay
from reporter.share.outbox_store import OutboxStore
from reporter.sync.schedule import SyncSchedule
from tests.sync.conftest import Mission, build_mission

pytestmark = pytest.mark.gui


@pytest.fixture
def relay_down(tmp_path: Path) -> Iterator[tuple[Mission, int]]:
    """An enrolled reporter with a shared incident, and the relay's port now closed."""
    store = tmp_path / "relay"
    relay = BackgroundRelay(store).start()
    mission = build_mission(tmp_path, relay, store)
    relay.stop()
    mission.add_and_share("Amenaza en la plaza")
    yield mission, relay.port
    mission.coordinator.close()
    mission.reporter.close()


def sent(mission: Mission) -> bool:
    return bool(OutboxStore(mission.reporter).list(["uploaded", "received"]))


def start_window(qtbot, mission: Mission):  # type: ignore[no-untyped-def]
    from ui.common.i18n import language
    from ui.common.session import Session
    from ui.reporter.main_window import MainWindow

    language().set("en")
    window = MainWindow(Session(mission.reporter))
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.mark.parametrize("watch", ["reachability", "probe"])
def test_a_shared_incident_leaves_by_itself_once_the_relay_comes_up(
    qtbot, relay_down, monkeypatch, watch
) -> None:  # type: ignore[no-untyped-def]
    from ui.common import auto_sync

    mission, port = relay_down
    retry = 0.3 if watch == "reachability" else 600.0  # the probe's case: retries far off
    monkeypatch.setattr(
        auto_sync,
        "new_schedule",
        lambda: SyncSchedule(period=600.0, soon=(0.05, 0.2), base=retry, cap=2 * retry),
    )
    monkeypatch.setattr(auto_sync, "USE_REACHABILITY", watch == "reachability")
    monkeypatch.setattr(auto_sync, "PROBE_MS", 200)
    window = start_window(qtbot, mission)
    auto = window.auto_sync
    assert (auto.network is None) == (watch == "probe")
    failures: list[str] = []
    auto.failed.connect(failures.append)

    qtbot.waitUntil(lambda: failures == ["network"], timeout=20_000)  # tried, nobody clicked
    if watch == "probe":
        qtbot.waitUntil(lambda: auto.reachable is False, timeout=10_000)  # the probe saw it down
    assert not sent(mission)
    assert "Next try at" in window.sync_schedule.text()
    assert "no connection" in window.sync_schedule.text()
    assert window.outbox_page.sync_button.toolTip() == window.sync_schedule.text()
    relay = BackgroundRelay(mission.store_dir, port=port).start()
    try:
        qtbot.waitUntil(lambda: sent(mission), timeout=30_000)
        qtbot.waitUntil(lambda: not auto.running, timeout=10_000)
        assert auto.schedule.last_error is None
        assert failures == ["network"] if watch == "probe" else failures
        assert "Next try at" in window.sync_schedule.text()
        assert "failed" not in window.sync_schedule.text()
    finally:
        window.lock()
        relay.stop()


def test_turned_off_nothing_is_scheduled_and_the_vault_remembers(qtbot, vault) -> None:  # type: ignore[no-untyped-def]
    from ui.common.i18n import language
    from ui.common.session import Session
    from ui.reporter.main_window import MainWindow

    language().set("en")
    window = MainWindow(Session(vault))
    qtbot.addWidget(window)
    auto, box = window.auto_sync, window.settings_page.auto_sync
    qtbot.waitUntil(lambda: auto.enabled, timeout=10_000)  # on by default
    assert box.isChecked()
    assert auto.timer.isActive()
    box.setChecked(False)
    assert not auto.enabled
    assert not auto.timer.isActive()
    assert auto.next_try() is None
    assert window.sync_schedule.text() == "Sending by itself is off."
    qtbot.waitUntil(lambda: vault.get_meta("auto_sync") == "off", timeout=10_000)
    again = MainWindow(Session(vault))  # the next unlock, say
    qtbot.addWidget(again)
    qtbot.waitUntil(
        lambda: again.sync_schedule.text() == "Sending by itself is off.", timeout=10_000
    )
    assert not again.auto_sync.enabled
    assert not again.settings_page.auto_sync.isChecked()
    assert not again.auto_sync.timer.isActive()


def test_the_coordinators_app_pulls_by_itself(qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from reporter.inbox.query import count_reports
    from tests.ui.coordinator.conftest import send
    from ui.common import auto_sync
    from ui.common.i18n import language
    from ui.common.session import Session
    from ui.coordinator.window import CoordinatorWindow

    store = tmp_path / "relay"
    relay = BackgroundRelay(store).start()
    mission = build_mission(tmp_path, relay, store)
    try:
        send(mission, {"title": "Vigilancia afuera de la radio"})
        monkeypatch.setattr(
            auto_sync, "new_schedule", lambda: SyncSchedule(period=600.0, soon=(0.05, 0.2))
        )
        language().set("en")
        window = CoordinatorWindow(Session(mission.coordinator))
        qtbot.addWidget(window)
        ended: list[str] = []
        window.inbox.pull.pulled.connect(ended.append)
        qtbot.waitUntil(lambda: ended == [""], timeout=30_000)  # one pull, nobody pressed F5
        assert count_reports(mission.coordinator, include_all=True) == 1
        assert "1 new report" in window.inbox.pull.status.text()
        assert "Next try at" in window.inbox.pull.status.toolTip()
        window.lock()
    finally:
        relay.stop()
        mission.coordinator.close()
        mission.reporter.close()
