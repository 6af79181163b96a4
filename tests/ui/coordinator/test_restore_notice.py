"""The Coordination page of a vault restored from a backup says it is catching up with its own
decisions on the relay until a sync has done so, then how many it adopted; a copied identity
shows as a problem. Real vaults and relay (tests/coordination's pair)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reporter.coordination import triaging
from reporter.coordination.triaging import TriageChange
from tests.coordination.conftest import Pair, pair, relay_limits  # noqa: F401
from tests.coordination.test_restore import _backup, _restore

pytestmark = pytest.mark.gui
WAIT = 20_000


def test_the_page_shows_the_catch_up_and_then_what_was_adopted(  # type: ignore[no-untyped-def]
    qtbot,
    pair: Pair,  # noqa: F811
    tmp_path: Path,
) -> None:
    from ui.common.i18n import language
    from ui.common.session import Session
    from ui.coordinator.window import CoordinatorWindow

    language().set("en")
    a, b, _ = pair.incidents
    backup = tmp_path / "ana.age"
    _backup(pair.ana, backup)
    triaging.apply_triage(pair.ana, a, TriageChange(review="in-review"), "Ana")
    pair.sync(pair.ana)
    pair.ana = _restore(pair.ana, backup)
    triaging.apply_triage(pair.ana, b, TriageChange(review="in-review"), "Ana")
    pair.ana.set_meta("auto_sync", "off")
    window: Any = CoordinatorWindow(Session(pair.ana))
    qtbot.addWidget(window)
    window.show()
    try:
        window.actions["coordination"].trigger()
        page = window.coordination
        notice = page.restore_notice
        qtbot.waitUntil(lambda: "catching up" in notice.text(), timeout=WAIT)
        assert notice.isVisible()
        assert "Restored from a backup" in notice.text()
        with qtbot.waitSignal(page.synced, timeout=WAIT):
            page.sync_button.click()
        qtbot.waitUntil(lambda: "backup: caught up" in notice.text(), timeout=WAIT)
        assert "1 of your own decisions were adopted" in notice.text()
        assert page.problems.item(0).text().startswith("No gaps, forks or refusals")
    finally:
        window.session.runner.close(10_000)
