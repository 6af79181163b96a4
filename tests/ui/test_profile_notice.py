"""The reporter's window says once that the coalition changed its key (issue 16, rotation).

A real loopback relay: the coalition admin rotates the key and publishes the new profile;
the device's "Sync now" takes it (signed by the key it trusts), and a banner says so in the
UI's language until dismissed. Dismissed, it is marked seen in the vault and does not come
back after the next pass.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from reporter.coordination.rotation import publish_epoch
from reporter.share.coalition import rotate_coalition
from reporter.share.profile import current_profile
from reporter.share.profile_update import notices
from tests.sync.conftest import KEYS, Mission, mission, relay_backend, relay_store  # noqa: F401

pytestmark = pytest.mark.gui
WAIT = 20_000


@pytest.fixture
def reporter_window(qtbot: Any, mission: Mission) -> Iterator[Any]:  # noqa: F811
    from ui.common.i18n import language
    from ui.common.session import Session
    from ui.reporter.main_window import MainWindow

    language().set("en")
    mission.reporter.set_meta("auto_sync", "off")  # the pass is the one the test starts
    window = MainWindow(Session(mission.reporter))
    qtbot.addWidget(window)
    window.show()
    yield window
    window.session.runner.close(10_000)
    language().set("en")


def _sync(qtbot: Any, window: Any) -> None:
    with qtbot.waitSignal(window.outbox_page.syncStateChanged, timeout=WAIT) as ended:
        window.outbox_page.sync()
        qtbot.waitUntil(lambda: window.outbox_page.task is None, timeout=WAIT)
    assert ended.args


def test_the_key_change_is_said_once_in_the_reporters_window(  # type: ignore[no-untyped-def]
    qtbot,
    reporter_window,
    mission,  # noqa: F811
) -> None:
    from ui.common.i18n import language

    window, banner = reporter_window, reporter_window.profile_notice
    window.session.runner.wait(WAIT)
    assert not banner.isVisible()

    rotated = rotate_coalition(mission.coalition_dir, KEYS)
    assert publish_epoch(mission.coordinator, rotated).profile_published
    _sync(qtbot, window)
    qtbot.waitUntil(banner.isVisible, timeout=WAIT)
    assert "The coalition changed its key (epoch 2)." in banner.text.text()
    assert "nothing to do" in banner.text.text()
    assert current_profile(mission.reporter).epoch == 2  # type: ignore[union-attr]

    language().set("es")
    assert "La coalición cambió su clave (época 2)." in banner.text.text()
    assert banner.dismiss_button.text().replace("&", "") == "Entendido"
    language().set("en")

    banner.dismiss_button.click()
    assert not banner.isVisible()
    window.session.runner.wait(WAIT)
    assert notices(mission.reporter) == []
    _sync(qtbot, window)
    window.session.runner.wait(WAIT)
    qtbot.waitUntil(lambda: window.outbox_page.task is None, timeout=WAIT)
    assert not banner.isVisible()
    assert banner.found == []
