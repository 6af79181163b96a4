"""`testigo`: the desktop app. First run or unlock, then the main window; lock returns here.

Locking ends the process that held the vault: once the session is closed, the program
executes itself afresh (``os.execv``: same PID, a new address space) and the new process shows
the unlock screen where the window was. Nothing the vault held survives a lock in memory,
neither Python's strings nor Qt's widgets nor SQLite's page cache nor freed heap blocks,
which no amount of clearing inside one process can promise.

``testigo --portable DIR`` keeps everything in DIR (see ``reporter.places``);
``testigo --smoke-test`` starts, shows the first window, and quits: the check that a build
or an install runs at all (offscreen where there is no display).
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QPoint, QSettings
from PySide6.QtWidgets import QApplication

from reporter import diagnostics
from reporter.errors import TestigoError
from reporter.fsutil import harden_process
from reporter.places import NEUTRAL_NAME, Place, default_home, enter_portable, locate
from ui.common import gui_gc, preferences
from ui.common.errors import report_unexpected
from ui.common.i18n import language
from ui.common.unlock import UnlockWindow

if TYPE_CHECKING:
    from reporter.vault.vault import Vault
    from ui.common.first_run import FirstRunWizard
    from ui.coordinator.window import CoordinatorWindow
    from ui.reporter.main_window import MainWindow


PR_SET_NAME = 15  # prctl(2)
# Across the exec of a lock: where the window's centre was ("x,y"), nothing else.
RELOCKED = "TESTIGO_RELOCKED_AT"


def program() -> tuple[str, list[str]]:
    """This program and its command line, to execute it again as it was started."""
    if getattr(sys, "frozen", False):  # a bundled executable: no interpreter options
        return sys.executable, [sys.executable, *sys.argv[1:]]
    script = sys.argv[0]
    if sys.orig_argv[1:2] == [script] and not script.endswith(".py") and os.access(script, os.X_OK):
        return script, list(sys.argv)  # the installed `testigo`: its process keeps its name
    return sys.executable, list(sys.orig_argv)


def restart_locked(window: Any) -> None:
    """The session has settled: replace this process by a fresh one showing the unlock screen.

    A task still running then (it ignored its cancel past the lock's grace) ends with this
    process, as in a crash: what it was doing is lost, the vault stays whole (SQLite's WAL).

    Returns only if the exec failed (then the caller shows the unlock screen in this
    process, as before: locked all the same, with what memory kept).
    """
    window.save_geometry()
    QSettings().sync()
    centre = window.frameGeometry().center()
    os.environ[RELOCKED] = f"{centre.x()},{centre.y()}"
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        os.execv(*program())  # noqa: S606 - ourselves, as we were started
    except OSError as exc:
        diagnostics.record(exc)
        os.environ.pop(RELOCKED, None)


class Controller:
    """Which screen is up: first run, unlock or the main window.

    ``fresh_process``: a lock executes the program again (the app does this; tests that
    drive a controller inside pytest's process keep the in-process unlock screen).
    """

    def __init__(self, home: Path, fresh_process: bool = False) -> None:
        self.home = home
        self.fresh_process = fresh_process
        self.quitting = False  # the app is quitting: a lock must not start it again
        self.window: MainWindow | CoordinatorWindow | None = None
        self.unlock: UnlockWindow | None = None
        self.wizard: FirstRunWizard | None = None
        self.relocked_at = _relocked_at()

    def start(self) -> None:
        # The unlock screen comes up first; the rest of the app is imported while it waits.
        if (self.home / "vault.key").exists():
            self.show_unlock()
        else:
            self.show_first_run()

    def show_first_run(self) -> None:
        from ui.common.first_run import FirstRunWizard

        self.wizard = FirstRunWizard(self.home)
        self.wizard.created.connect(self.open_session)
        self.wizard.restored.connect(self.show_restored)
        self.wizard.show()

    def show_restored(self, home: str) -> None:
        """Restored from a backup at the first run: the unlock screen of that vault."""
        if self.wizard is not None:
            self.wizard.deleteLater()  # it closes itself
            self.wizard = None
        self.home = Path(home)
        self.show_unlock()
        if self.unlock is not None:
            self.unlock.after_restore()

    def vault_gone(self) -> None:
        """Wiped by failed unlocks: a new vault can be made where the unlock screen was."""
        if self.unlock is not None:
            self.unlock.hide()
            self.unlock.deleteLater()
            self.unlock = None
        self.show_first_run()

    def show_unlock(self) -> None:
        """The window locked: the unlock screen where it was, at once or in a fresh process.

        The fresh process waits until the session has settled (its tasks ended, or the lock
        waited as long as it waits); meanwhile the locked window stays, empty and inert.
        """
        window = self.window
        if window is not None and self.fresh_process and not self.quitting:
            window.session.after_settled(lambda: self._restart(window))
            return
        self._replace_window()

    def _restart(self, window: MainWindow | CoordinatorWindow) -> None:
        if window is not self.window:
            return
        if not self.quitting:
            restart_locked(window)  # returns only if the exec failed
        self._replace_window()

    def _replace_window(self) -> None:
        if self.window is not None:
            self.window.hide()
            self.window.deleteLater()
            self.window = None
        self.unlock = UnlockWindow(self.home)
        self.unlock.unlocked.connect(self.open_session)
        self.unlock.gone.connect(self.vault_gone)
        self.unlock.resize(460, 220)
        if self.relocked_at is not None:  # where the locked window was
            frame = self.unlock.frameGeometry()
            frame.moveCenter(self.relocked_at)
            self.unlock.move(frame.topLeft())
            self.relocked_at = None
        self.unlock.show()

    def quit(self) -> None:
        """The app quits: lock what is open, and do not start again.

        No event loop runs any more to wait in: the tasks get a blocking grace, then the
        vault closes; one still running then is cut off when the process ends.
        """
        self.quitting = True
        if self.window is not None:
            self.window.lock()
        from ui.common.session import finish_all

        finish_all()

    def open_session(self, vault: Vault) -> None:
        self.home = vault.home  # a discreet first run may have made it in a folder it chose
        if self.unlock is not None:
            self.unlock.hide()
            self.unlock.deleteLater()
            self.unlock = None
        from ui.common.session import Session

        if getattr(vault, "role", "reporter") == "coordinator":  # the vault says whose it is
            from ui.coordinator.window import CoordinatorWindow

            self.window = CoordinatorWindow(Session(vault))
        else:
            from ui.reporter.main_window import MainWindow

            self.window = MainWindow(Session(vault))
        self.window.lockedOut.connect(self.show_unlock)
        self.window.wiped.connect(preferences.forget)  # first, then nothing rewrites them
        self.window.wiped.connect(QCoreApplication.quit)
        self.window.show()


def _relocked_at() -> QPoint | None:
    """Where the window was when the process before this one locked (read once)."""
    text = os.environ.pop(RELOCKED, "")
    try:
        x, y = (int(part) for part in text.split(","))
    except ValueError:
        return None
    return QPoint(x, y)


def create_app(argv: list[str], place: Place | None = None) -> QApplication:
    """The process as `testigo` sets it up, before any window, setting or dialog exists."""
    harden_process()
    place = place or locate()
    enter_portable(place)  # before Qt reads its cache and config folders
    app = QApplication(argv)
    gui_gc.install(app)  # cycles are collected on this thread only
    sys.excepthook = report_unexpected  # a bug in a slot: a dialog, not stderr
    app.setOrganizationName(place.app_name)  # a discreet install files nothing as Testigo
    app.setApplicationName(place.app_name)
    if place.discreet:  # the desktop shows the neutral menu entry's
        from reporter.desktop_entry import NEUTRAL_ENTRY

        app.setDesktopFileName(NEUTRAL_ENTRY)
    preferences.confine(place)
    if place.discreet or QSettings().value("discreet", "false") == "true":
        neutral_process_name()
    language().load_saved()
    return app


def neutral_process_name() -> None:
    """Discreet: the name process lists show (``ps``, ``top``; Linux) says nothing either."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_NAME, NEUTRAL_NAME.encode(), 0, 0, 0)


def _options(argv: list[str]) -> tuple[list[str], str | None, bool]:
    """Our two options out of ``argv`` (the rest is Qt's): --portable DIR, --smoke-test."""
    rest, portable, smoke = [argv[0]] if argv else ["testigo"], None, False
    items = iter(argv[1:])
    for item in items:
        if item == "--smoke-test":
            smoke = True
        elif item == "--portable":
            portable = next(items, None)
            if not portable:
                raise SystemExit("testigo: --portable needs a folder")
        elif item.startswith("--portable="):
            portable = item.split("=", 1)[1]
        else:
            rest.append(item)
    return rest, portable, smoke


def smoke_test(app: QApplication, controller: Controller) -> int:
    """First window up and painted; with $TESTIGO_PASSPHRASE, unlocked, locked; then quit."""
    controller.start()
    app.processEvents()
    first = controller.unlock or controller.wizard
    shown = first is not None and first.isVisible()
    secret = os.environ.get("TESTIGO_PASSPHRASE")
    if shown and secret is not None and controller.unlock is not None:
        from reporter.vault.vault import Vault

        controller.open_session(Vault.open(controller.home, secret))
        app.processEvents()
        assert controller.window is not None  # noqa: S101 - open_session made it
        shown = controller.window.isVisible()
        controller.window.lock()
        app.processEvents()
        shown = shown and controller.unlock is not None and controller.unlock.isVisible()
    for widget in app.topLevelWidgets():
        widget.close()
    app.processEvents()
    print(f"smoke test: {'ok' if shown else 'no window'}", flush=True)  # noqa: T201
    return 0 if shown else 1


def main(argv: list[str] | None = None) -> int:
    args, portable, smoke = _options(sys.argv if argv is None else argv)
    if smoke and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        place = locate(None, portable)
        if place.discreet and place.home == default_home():  # chosen, not yet moved
            from reporter.provisioning import settle_discreet

            place = settle_discreet(place)  # chosen in the app: the folder goes neutral
        app = create_app(args, place)
        controller = Controller(place.home, fresh_process=not smoke)
        if smoke:
            return smoke_test(app, controller)
    except TestigoError as exc:  # an unwritable stick, a wrong passphrase
        sys.stderr.write(f"testigo: {exc.code}: {exc.message('en')}\n")
        return exc.exit_code
    except Exception as exc:
        if not smoke:
            raise
        from reporter import diagnostics  # a build check that fails says where, never values

        sys.stderr.write(diagnostics.describe(exc).text() + "\n")
        return 1
    controller.start()
    app.aboutToQuit.connect(controller.quit)
    # The desktop session is ending (logout, shutdown): its closing of our windows locks,
    # and that lock must not start the app again.
    app.commitDataRequest.connect(lambda _manager: setattr(controller, "quitting", True))
    code = int(app.exec())
    from ui.common.session import still_running

    if still_running():  # a worker inside the vault: the interpreter must not unwind
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


if __name__ == "__main__":
    sys.exit(main())
