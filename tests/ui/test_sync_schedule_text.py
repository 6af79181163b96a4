"""The status bar's next-try sentence (issue 19): said only when there is something to try,
and in the UI's language.

A device with no coalition yet (no profile, not enrolled) has nothing to try: the status bar
says "Not connected to a coalition yet" and nothing about a next try. An enrolled one says
when the next try is, in Spanish under Spanish.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.sync.conftest import Mission, mission, relay_backend, relay_store  # noqa: F401

pytestmark = pytest.mark.gui
WAIT = 20_000


def _window(qtbot: Any, vault: Any, lang: str) -> Any:
    from ui.common.i18n import language
    from ui.common.session import Session
    from ui.reporter.main_window import MainWindow

    language().set(lang)
    window = MainWindow(Session(vault))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.auto_sync.enabled, timeout=WAIT)
    qtbot.waitUntil(lambda: window.sync_status is not None, timeout=WAIT)
    return window


def test_no_next_try_is_said_before_the_device_joins_a_coalition(qtbot: Any, vault: Any) -> None:
    from ui.common.i18n import language

    window = _window(qtbot, vault, "en")
    assert window.auto_sync.text().startswith("Next try at")  # the schedule runs
    assert window.sync_status.state == "not_connected"
    assert "Not connected to a coalition yet" in window.sync_state.text()
    assert window.sync_schedule.text() == ""
    assert window.outbox_page.sync_button.toolTip() == ""  # the outbox says no next try either
    language().set("es")
    assert window.sync_schedule.text() == ""
    window.session.runner.close(10_000)
    language().set("en")


def test_the_next_try_is_said_in_spanish(qtbot: Any, mission: Mission) -> None:  # noqa: F811
    from ui.common.i18n import language

    window = _window(qtbot, mission.reporter, "es")
    qtbot.waitUntil(lambda: window.sync_status.state != "not_connected", timeout=WAIT)
    qtbot.waitUntil(lambda: bool(window.sync_schedule.text()), timeout=WAIT)
    assert window.sync_schedule.text().startswith("Próximo intento a las")
    assert window.outbox_page.sync_button.toolTip() == window.sync_schedule.text()
    language().set("en")
    assert window.sync_schedule.text().startswith("Next try at")
    window.session.runner.close(10_000)
