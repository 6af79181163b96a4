"""`testigo`: the desktop app. First run or unlock, then the main window; lock returns here."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from reporter.fsutil import harden_process, resolve_home
from ui.common import preferences
from ui.i18n import language
from ui.unlock import UnlockWindow

if TYPE_CHECKING:
    from ui.first_run import FirstRunWizard
    from ui.main_window import MainWindow


class Controller:
    """Which screen is up: first run, unlock or the main window."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.window: MainWindow | None = None
        self.unlock: UnlockWindow | None = None
        self.wizard: FirstRunWizard | None = None

    def start(self) -> None:
        # The unlock screen comes up first; the rest of the app is imported while it waits.
        if (self.home / "vault.key").exists():
            self.show_unlock()
        else:
            from ui.first_run import FirstRunWizard

            self.wizard = FirstRunWizard(self.home)
            self.wizard.created.connect(self.open_session)
            self.wizard.show()

    def show_unlock(self) -> None:
        if self.window is not None:
            self.window.hide()
            self.window.deleteLater()
            self.window = None
        self.unlock = UnlockWindow(self.home)
        self.unlock.unlocked.connect(self.open_session)
        self.unlock.resize(460, 220)
        self.unlock.show()

    def open_session(self, vault: Any) -> None:
        if self.unlock is not None:
            self.unlock.hide()
            self.unlock.deleteLater()
            self.unlock = None
        from ui.main_window import MainWindow
        from ui.session import Session

        self.window = MainWindow(Session(vault))
        self.window.lockedOut.connect(self.show_unlock)
        self.window.wiped.connect(preferences.forget)     # first, then nothing rewrites them
        self.window.wiped.connect(QCoreApplication.quit)
        self.window.show()


def create_app(argv: list[str]) -> QApplication:
    """The process as `testigo` sets it up, before any window, setting or dialog exists."""
    harden_process()
    app = QApplication(argv)
    app.setOrganizationName("Testigo")
    app.setApplicationName("Testigo")
    preferences.confine()
    language().load_saved()
    return app


def main(argv: list[str] | None = None) -> int:
    app = create_app(sys.argv if argv is None else argv)
    home = resolve_home(None)
    controller = Controller(home)
    controller.start()
    app.aboutToQuit.connect(lambda: controller.window and controller.window.lock())
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
