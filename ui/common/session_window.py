"""What both workspaces' main windows do with their session: auto-lock, lock, wipe, close.

The reporter's and the coordinator's windows mix this in before ``QMainWindow``; each keeps
its pages in ``self.pages`` (every page has ``clear()``) and the ``lockedOut`` and ``wiped``
signals, and calls ``watch_idle`` and ``restore_geometry`` once it is built. ``tr()``
still uses each window's own translation context.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog

from reporter.errors import TestigoError
from ui.common.errors import show_error
from ui.common.page import Page
from ui.common.session import Session

MOMENT_MS = 250  # a lock or a wipe that waits longer says so

INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    """Any keyboard or mouse input restarts the auto-lock timer.

    It filters the whole application, so it is the timer's child: deleted with it, and Qt
    drops a deleted filter. A filter that outlived its window touched a deleted timer, and an
    exception about a deleted object inside an event filter crashes PySide.
    """

    def __init__(self, timer: QTimer) -> None:
        super().__init__(timer)
        self.timer = timer

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS and self.timer.isActive():
            self.timer.start()
        return False


class SessionWindow:
    geometry_key = "geometry"  # a preference (window size), never content
    wiping = False  # confirmed, waiting for the tasks to end

    session: Session
    pages: list[Page]
    autolock: Any
    lockedOut: Any
    wiped: Any

    def before_lock(self) -> None:
        """Anything to keep before the views are cleared (a draft, say)."""

    def watch_idle(self, minutes: float) -> None:
        """The auto-lock timer, restarted by any input anywhere in the application."""
        self.autolock = QTimer(self)  # type: ignore[arg-type]
        self.autolock.setSingleShot(True)
        self.autolock.timeout.connect(self.lock)
        self.set_autolock_minutes(minutes)
        self.idle = IdleWatcher(self.autolock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)

    def restore_geometry(self) -> None:
        geometry = QSettings().value(self.geometry_key)
        if geometry is not None:
            self.restoreGeometry(geometry)  # type: ignore[attr-defined]
        else:
            self.resize(1100, 720)  # type: ignore[attr-defined]

    def set_autolock_minutes(self, minutes: float) -> None:
        self.autolock.setInterval(int(minutes * 60_000))
        self.autolock.start()

    def lock(self) -> None:
        """Locked on screen at once, whatever still runs: the views emptied, the window inert.

        ``lockedOut`` follows in the same turn; the session closes its vault when its tasks
        end (see ``ui.common.session``), and whoever shows the unlock screen waits for that
        only if it must (the app before it executes itself afresh).
        """
        if self.session.is_locked:
            return
        self.before_lock()
        self._go_inert()
        self.session.lock()
        self._say_if_waiting(
            self.tr("Locking…"),  # type: ignore[attr-defined]
            lambda: not self.session.is_settled,
        )
        self.lockedOut.emit()

    def _go_inert(self) -> None:
        self.autolock.stop()
        for page in self.pages:
            page.clear()
        self.setEnabled(False)  # type: ignore[attr-defined]

    def _say_if_waiting(self, text: str, waiting: Callable[[], bool]) -> None:
        """Said in the status bar only if the wait outlasts a moment (it usually ends at once)."""

        def say() -> None:
            if waiting():
                self.statusBar().showMessage(text)  # type: ignore[attr-defined]

        QTimer.singleShot(MOMENT_MS, self, say)  # type: ignore[call-overload]

    def ask_wipe(self) -> None:
        word = self.tr("DELETE")  # type: ignore[attr-defined]
        dialog = QInputDialog(self)  # type: ignore[arg-type]
        dialog.setObjectName("wipeConfirm")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # not one more per ask
        dialog.setLabelText(
            self.tr(  # type: ignore[attr-defined]
                "This destroys everything in Testigo on this computer. Type {word} to confirm."
            ).format(word=word)
        )
        dialog.textValueSelected.connect(lambda text: self.wipe(text == word))
        dialog.open()

    def wipe(self, confirmed: bool) -> None:
        """Locked at once; the files go once no task can still write among them."""
        if not confirmed or self.wiping:
            return
        self.wiping = True
        self._go_inert()
        self.session.lock()
        waits = not self.session.is_closed
        if waits:  # the window is inert meanwhile: say it works
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
            self._say_if_waiting(
                self.tr("Deleting everything…"),  # type: ignore[attr-defined]
                lambda: self.wiping,
            )
        self.session.after_closed(lambda: self._wipe_now(waits))

    def _wipe_now(self, busy_cursor: bool) -> None:
        from reporter.vault.vault import wipe

        if busy_cursor:
            QApplication.restoreOverrideCursor()
        window_alive = shiboken6.isValid(self)
        try:
            wipe(self.session.home)
        except TestigoError as exc:
            self._wipe_failed(exc, window_alive)
            return
        if window_alive:
            self.wiping = False
            self.wiped.emit()

    def _wipe_failed(self, exc: TestigoError, window_alive: bool) -> None:
        """Said, never lost: the app quits on ``wiped``, which would close the dialog with
        it. The vault is locked; once the person has read why, the unlock screen comes."""
        box = show_error(self if window_alive else None, exc)  # type: ignore[arg-type]
        if window_alive:
            self.wiping = False
            box.finished.connect(lambda _result: self.lockedOut.emit())

    def save_geometry(self) -> None:
        QSettings().setValue(self.geometry_key, self.saveGeometry())  # type: ignore[attr-defined]

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        """Closing locks; the window stays (inert) while the lock or a wipe still waits.

        Gone, it would leave no window, and the app would quit before executing itself
        afresh or wiping.
        """
        self.save_geometry()
        self.lock()
        if not self.session.is_settled or self.wiping:
            event.ignore()
            return
        super().closeEvent(event)  # type: ignore[misc]
