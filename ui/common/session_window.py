"""What both workspaces' main windows do with their session: auto-lock, lock, wipe, close.

The reporter's and the coordinator's windows mix this in before ``QMainWindow``; each keeps
its pages in ``self.pages`` (every page has ``clear()``), its ``autolock`` timer, and the
``lockedOut`` and ``wiped`` signals. ``tr()`` still uses each window's own translation context.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QInputDialog

from reporter.errors import TestigoError
from ui.errors import show_error


class SessionWindow:
    geometry_key = "geometry"     # a preference (window size), never content

    session: Any
    pages: list[Any]
    autolock: Any
    lockedOut: Any
    wiped: Any

    def before_lock(self) -> None:
        """Anything to keep before the views are cleared (a draft, say)."""

    def set_autolock_minutes(self, minutes: float) -> None:
        self.autolock.setInterval(int(minutes * 60_000))
        self.autolock.start()

    def lock(self) -> None:
        if self.session.is_locked:
            return
        self.before_lock()
        self.autolock.stop()
        for page in self.pages:
            page.clear()
        self.session.lock()
        self.lockedOut.emit()

    def ask_wipe(self) -> None:
        word = self.tr("DELETE")  # type: ignore[attr-defined]
        dialog = QInputDialog(self)  # type: ignore[call-overload]
        dialog.setObjectName("wipeConfirm")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)   # not one more per ask
        dialog.setLabelText(self.tr(  # type: ignore[attr-defined]
            "This destroys everything in Testigo on this computer. "
            "Type {word} to confirm.").format(word=word))
        dialog.textValueSelected.connect(lambda text: self.wipe(text == word))
        dialog.open()

    def wipe(self, confirmed: bool) -> None:
        if not confirmed:
            return
        from reporter.vault.vault import wipe

        home = self.session.vault.home if self.session.vault is not None else None
        for page in self.pages:
            page.clear()
        self.session.lock()
        try:
            if home is not None:
                wipe(home)
        except TestigoError as exc:
            show_error(self, exc)  # type: ignore[arg-type]
        self.wiped.emit()

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        QSettings().setValue(self.geometry_key, self.saveGeometry())  # type: ignore[attr-defined]
        self.lock()
        super().closeEvent(event)  # type: ignore[misc]
