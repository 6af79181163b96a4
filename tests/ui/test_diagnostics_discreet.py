"""A discreet install's diagnostics file is not named after Testigo: the name a chooser
suggests is what lands on the disk (or a stick) a checkpoint may look at."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from reporter import diagnostics
from reporter.places import NEUTRAL_APP_NAME
from tests.ui.test_diagnostics import fail_once, open_diagnostics

pytestmark = pytest.mark.gui


def test_a_discreet_install_suggests_a_neutral_file_name(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fail_once(qtbot, window)
    dialog = open_diagnostics(window)
    suggested: list[str] = []

    def answer() -> None:
        for chooser in [w for w in QApplication.allWidgets() if isinstance(w, QFileDialog)]:
            if chooser.isVisible():
                suggested.extend(e.text() for e in chooser.findChildren(QLineEdit) if e.text())
                chooser.reject()

    QCoreApplication.setApplicationName(NEUTRAL_APP_NAME)  # as create_app names a discreet one
    try:
        QTimer.singleShot(0, answer)
        dialog.save_button.click()
    finally:
        QCoreApplication.setApplicationName("TestigoTests")
        dialog.reject()
        diagnostics.clear()
    assert suggested
    assert not [name for name in suggested if "testigo" in name.lower()]
