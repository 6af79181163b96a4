"""Answer the next modal message box a test's click opens (it runs its own event loop)."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox


def answer_next_box(button: str, timeout_ms: int = 10_000) -> list[str]:
    """Click the button whose text (without '&') starts with ``button`` once a box shows.

    Returns a list that receives the box's text and informative text, to assert on. Polls
    every 20 ms, at most ``timeout_ms``: a box that never shows leaves the list empty.
    """
    seen: list[str] = []
    clock = QElapsedTimer()
    clock.start()

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            for candidate in box.buttons():
                if candidate.text().replace("&", "").startswith(button):
                    seen.extend([box.text(), box.informativeText()])
                    candidate.click()
                    return
        if clock.elapsed() < timeout_ms:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def type_in_next_box(key: Qt.Key, modifier: Qt.KeyboardModifier, timeout_ms: int = 10_000) -> None:
    """Press ``key`` (e.g. Alt+S, a button's mnemonic) in the next box: the keyboard's answer."""
    clock = QElapsedTimer()
    clock.start()

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            box.activateWindow()  # a mnemonic is a shortcut of the active window
            if box.isActiveWindow():
                QTest.keyClick(box.focusWidget() or box, key, modifier)
                return
        if clock.elapsed() < timeout_ms:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
