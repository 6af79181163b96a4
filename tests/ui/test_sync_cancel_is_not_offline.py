"""A sync pass the person cancelled, or one that failed for a reason other than the network,
is not reported as "Offline", and automatic sync does not back off as if the network were
down; a network failure still is and still does."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


@pytest.mark.parametrize(
    ("error", "state", "failures"), [("cancelled", "ok", 0), ("network", "offline", 1)]
)
def test_how_a_failed_pass_is_reported(
    qtbot, window, error: str, state: str, failures: int
) -> None:  # type: ignore[no-untyped-def]
    from reporter.errors import Cancelled, NetworkError

    outbox = window.outbox_page
    qtbot.waitUntil(lambda: window.auto_sync.enabled, timeout=20000)
    outbox._failed(Cancelled() if error == "cancelled" else NetworkError(reason="x"))
    assert window.last_attempt == state  # what the status bar is told
    assert window.auto_sync.schedule.failures == failures
