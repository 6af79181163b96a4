"""The key-change banner marks seen only the notices it showed (issue 16).

A notice the next sync pass recorded while the banner was up is still unseen after "Got it",
so the banner says it at its next read.
"""

from __future__ import annotations

from typing import Any

import pytest

from reporter.share.profile_update import KEY_CHANGED, notices
from reporter.vault.vault import utc_now

pytestmark = pytest.mark.gui
WAIT = 20_000


def _notice(vault: Any, epoch: int) -> None:
    with vault.transaction() as conn:
        conn.execute(
            "INSERT INTO profile_notices(kind, epoch, recorded_at) VALUES (?, ?, ?)",
            (KEY_CHANGED, epoch, utc_now()),
        )


def test_got_it_leaves_a_notice_that_came_meanwhile(qtbot: Any, vault: Any) -> None:
    from ui.common.i18n import language
    from ui.common.session import Session
    from ui.reporter.profile_notice import ProfileNotice

    language().set("en")
    _notice(vault, 2)
    session = Session(vault)
    banner = ProfileNotice(session)
    qtbot.addWidget(banner)
    banner.show()
    qtbot.waitUntil(lambda: bool(banner.found), timeout=WAIT)
    assert "(epoch 2)" in banner.text.text()

    _notice(vault, 3)  # recorded after the banner read, before the person dismissed it
    banner.dismiss_button.click()
    session.runner.wait(WAIT)
    assert [n["epoch"] for n in notices(vault)] == [3]

    banner.refresh()
    qtbot.waitUntil(lambda: bool(banner.found), timeout=WAIT)
    assert "(epoch 3)" in banner.text.text()
    session.runner.close(10_000)
