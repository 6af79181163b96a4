"""Issue 19: after the wipe by failed unlocks, the app shows the first run.

With "wipe after 5", five wrong passphrases in the unlock window destroy the vault; the
unlock screen of a vault that is gone would only answer "no vault" to every try, so the
first-run wizard comes up instead, ready to make a new one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import shiboken6

from tests.ui.conftest import PASSPHRASE

pytestmark = pytest.mark.gui
WAIT = 20_000
WRONG = "not the passphrase at all, sorry"


def test_n_wrong_passphrases_wipe_and_the_first_run_appears(
    qtbot: Any, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reporter.vault.vault import Vault
    from ui.app import Controller
    from ui.common.unlock import UnlockWindow

    with Vault.create(home, PASSPHRASE) as vault:
        vault.incidents.add({"title": "secreto", "incident_types": ["HAR.THREAT"]})
        vault.set_wipe_after(PASSPHRASE, 5)
    monkeypatch.setattr(UnlockWindow, "delay_unit_ms", 1)  # the waits between tries, short
    controller = Controller(home)
    controller.start()
    unlock = controller.unlock
    assert unlock is not None
    assert unlock.isVisible()
    for attempt in range(1, 5):
        qtbot.waitUntil(unlock.button.isEnabled, timeout=WAIT)
        unlock.field.setText(WRONG)
        unlock.try_unlock()
        qtbot.waitUntil(lambda n=attempt: unlock.failures == n, timeout=WAIT)
        assert controller.wizard is None
    assert (home / "vault.key").exists()  # four wrong: still there

    qtbot.waitUntil(unlock.button.isEnabled, timeout=WAIT)
    unlock.field.setText(WRONG)
    unlock.try_unlock()
    qtbot.waitUntil(lambda: controller.wizard is not None, timeout=WAIT)
    wizard = controller.wizard
    assert wizard is not None
    qtbot.addWidget(wizard)
    qtbot.waitUntil(wizard.isVisible, timeout=WAIT)
    assert controller.unlock is None
    assert not shiboken6.isValid(unlock) or not unlock.isVisible()
    assert not (home / "vault.key").exists()
    assert not (home / "vault.db").exists()


def test_a_wipe_that_fails_says_so_and_leads_to_the_unlock_screen(
    qtbot: Any, home: Path, vault: Any
) -> None:
    """The panic button must never fail in silence: the app quit on ``wiped`` even when the
    files could not be deleted, closing the error dialog with it. Now the person reads why,
    and after OK the unlock screen is there (the vault is still here, locked)."""
    from PySide6.QtWidgets import QMessageBox

    from ui.app import Controller
    from ui.common.i18n import language

    language().set("en")
    controller = Controller(home)
    controller.open_session(vault)
    window = controller.window
    assert window is not None
    qtbot.addWidget(window)
    wiped: list[bool] = []
    window.wiped.connect(lambda: wiped.append(True))
    key = home / "vault.key"
    kept = key.read_bytes()
    key.unlink()
    key.mkdir()  # nothing can overwrite it: the wipe fails at its first step
    window.wipe(True)

    def shown() -> list[QMessageBox]:
        return [b for b in window.findChildren(QMessageBox, "errorDialog") if b.isVisible()]

    qtbot.waitUntil(lambda: len(shown()) == 1, timeout=WAIT)
    (box,) = shown()
    assert box.isEnabled()  # readable and answerable over the inert window
    assert "Nothing was changed" in box.text(), box.text()
    assert wiped == []
    assert controller.unlock is None  # not yet: the person reads first
    key.rmdir()
    key.write_bytes(kept)
    box.accept()
    qtbot.waitUntil(lambda: controller.unlock is not None, timeout=WAIT)
    assert controller.unlock.isVisible()
    assert (home / "vault.db").exists()
