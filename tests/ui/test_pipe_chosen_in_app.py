"""The app's file pickers refuse a named pipe at once instead of hanging their worker.

A worker blocked in ``open()`` on a FIFO never ends: the page stays disabled and the lock
(which waits for the workers) would hang too. The page must say why, within a bound.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.gui,
    pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here"),
]


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "coalition.testigo-profile"
    os.mkfifo(path, 0o600)
    yield path
    with contextlib.suppress(OSError):  # release a worker a broken version left blocked
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))


def test_a_pipe_chosen_as_the_coalition_profile_is_refused(qtbot, window, vault, fifo) -> None:  # type: ignore[no-untyped-def]
    page = window.coalition_page
    page.load_profile(fifo)
    qtbot.waitUntil(lambda: "not a regular file" in page.profile_status.text(), timeout=10000)
    assert page.profile_button.isEnabled()
    from reporter.share.profile import current_profile

    assert current_profile(vault) is None


def test_a_pipe_chosen_as_the_token_image_is_refused(qtbot, window, fifo) -> None:  # type: ignore[no-untyped-def]
    from reporter.sync.token_image import token_from_qr_image

    done = []
    window.session.runner.run(
        lambda _v, _c: token_from_qr_image(fifo), on_done=done.append, on_error=done.append
    )
    qtbot.waitUntil(lambda: bool(done), timeout=10000)
    assert "not a regular file" in done[0].message("en")
