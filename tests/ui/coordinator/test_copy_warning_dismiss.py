"""The Coordination page's copied-identity warning has "I know, this is me": clicked, the
vault records the acknowledgment and the warning goes; a new decision made on the other
computer brings it back. Real vaults and relay (tests/coordination's pair), offscreen."""

from __future__ import annotations

from typing import Any

import pytest

from reporter.coordination import triaging
from reporter.coordination.status import coordination_status
from reporter.coordination.triaging import TriageChange
from reporter.vault.vault import Vault
from tests.coordination.conftest import Pair, pair, relay_limits  # noqa: F401
from tests.coordination.test_copy_acknowledged import laptop  # noqa: F401

pytestmark = pytest.mark.gui
WAIT = 20_000


def test_i_know_this_is_me_hides_the_warning_until_new_evidence(  # type: ignore[no-untyped-def]
    qtbot,
    pair: Pair,  # noqa: F811
    laptop: Vault,  # noqa: F811
) -> None:
    from ui.common.i18n import language
    from ui.common.session import Session
    from ui.coordinator.window import CoordinatorWindow

    language().set("en")
    a, _, _ = pair.incidents
    pair.ana.set_meta("auto_sync", "off")
    window: Any = CoordinatorWindow(Session(pair.ana))
    qtbot.addWidget(window)
    window.show()
    try:
        window.actions["coordination"].trigger()
        page = window.coordination
        warning = page.copy_warning
        qtbot.waitUntil(warning.isVisible, timeout=WAIT)
        assert "1 of your own decisions" in warning.text.text()
        assert "another computer" in warning.text.text()
        assert warning.button.text().replace("&", "") == "I know, this is me"

        warning.button.click()
        qtbot.waitUntil(lambda: not warning.isVisible(), timeout=WAIT)
        assert "will warn again" in page.message.text()
        status = coordination_status(pair.ana)
        assert status["elsewhere"] is None
        assert status["elsewhere_acknowledged"]["events"] == 1

        before = page.status
        with qtbot.waitSignal(page.synced, timeout=WAIT):
            page.sync_button.click()
        qtbot.waitUntil(lambda: page.status is not before, timeout=WAIT)
        assert not warning.isVisible()  # the same evidence, synced again: still quiet

        pair.sync(laptop)
        triaging.apply_triage(laptop, a, TriageChange(verification="corroborated"), "Ana")
        pair.sync(laptop)
        with qtbot.waitSignal(page.synced, timeout=WAIT):
            page.sync_button.click()
        qtbot.waitUntil(warning.isVisible, timeout=WAIT)
        assert "2 of your own decisions" in warning.text.text()
    finally:
        window.session.runner.close(10_000)
