"""Settings → Back up now asks for the file through the app's own chooser, which remembers
nothing (no history, no recent files, never the platform's native dialog)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from reporter.vault.vault import Vault
from tests.core.conftest import PASSPHRASE

pytestmark = pytest.mark.gui


def test_the_backup_file_is_chosen_in_the_chooser_that_remembers_nothing(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path
) -> None:
    from ui.common.settings_page import SettingsPage
    from ui.common.tasks import TaskRunner

    vault = Vault.create(tmp_path / "v", PASSPHRASE)
    runner = TaskRunner(vault)
    page = SettingsPage(runner=runner)
    qtbot.addWidget(page)
    seen: list[tuple[str, bool, str]] = []

    def answer() -> None:  # runs inside the dialog's exec(): it exists by then
        open_ones = [
            w for w in QApplication.allWidgets() if isinstance(w, QFileDialog) and w.isVisible()
        ]
        for chooser in open_ones:
            seen.append(
                (
                    chooser.objectName(),
                    chooser.testOption(QFileDialog.Option.DontUseNativeDialog),
                    chooser.nameFilters()[0],
                )
            )
            chooser.reject()

    try:
        QTimer.singleShot(0, answer)
        page.backup_button.click()
        assert seen == [("fileDialog", True, "Backups (*.age)")]  # made by file_dialogs
        assert not [w for w in QApplication.allWidgets() if isinstance(w, QFileDialog)]
    finally:
        runner.close()
        vault.close()
