"""What every screenshot script shares: an offscreen app, throwaway vaults, PNGs named by language.

The scripts differ only in the vaults they build and the screens they visit; grabbing a widget,
waiting for a session's workers and switching language are done once here, so a new script
(``python -m ui.<something>_screenshots``) writes ``<out>/[prefix]<lang>-<name>.png`` as the
others do.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from reporter.vault import keyfile
from ui.common.i18n import language

PASS = "screenshot passphrase for samples 1"  # noqa: S105 - a throwaway vault
COALITION = "Red por la Libertad de Expresión"
LANGUAGES = ("es", "en")


@contextmanager
def studio() -> Iterator[tuple[Path, Path]]:
    """(out, root): --out parsed and made, an offscreen app, a temp root deleted afterwards.

    Sample vaults use the fast KDF (set in code: no variable can), and the app's preferences
    go under their own organisation name, never the person's.
    """
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="docs/screenshots")
    out = Path(parser.parse_args().out)
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    keyfile.FAST_KDF_FOR_TESTS = True
    app = QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName("TestigoScreenshots")
    try:
        with tempfile.TemporaryDirectory() as tmp:
            yield out, Path(tmp)
    finally:
        app.quit()


def each_language(codes: Iterable[str] = LANGUAGES) -> Iterator[str]:
    """Switch the app to each language in turn (the screens retranslate), yielding its code."""
    for code in codes:
        language().set(code)
        yield code


class Shots:
    """Saves into ``out`` as ``<prefix><lang>-<name>.png``, lang being the app's current one."""

    def __init__(self, out: Path, prefix: str = "", size: tuple[int, int] | None = None) -> None:
        self.out = out
        self.prefix = prefix
        self.size = size

    def path(self, name: str) -> Path:
        return self.out / f"{self.prefix}{language().code}-{name}.png"

    def grab(self, widget: QWidget, name: str, size: tuple[int, int] | None = None) -> None:
        """Show the widget at its size (or at least 1000x640) and save what it draws."""
        size = size or self.size
        if size is None:
            widget.resize(max(widget.width(), 1000), max(widget.height(), 640))
        else:
            widget.resize(*size)
        widget.show()
        settle()
        widget.grab().save(str(self.path(name)))

    def next_box(self, name: str) -> None:
        """Save the next message box a call opens (it runs its own loop), then answer No."""
        target = self.path(name)

        def shoot() -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                QTimer.singleShot(20, shoot)
                return
            settle()
            shot = box.grab()
            parent = box.parentWidget()
            window = parent.window() if parent is not None else None
            if window is not None:  # the box over the window it asks from, as a person sees it
                under = window.grab()
                painter = QPainter(under)
                painter.fillRect(under.rect(), QColor(0, 0, 0, 90))
                painter.drawPixmap(
                    (under.width() - shot.width()) // 2, (under.height() - shot.height()) // 3, shot
                )
                painter.end()
                shot = under
            shot.save(str(target))
            for button in box.buttons():  # "Not now": nothing is changed by a screenshot
                if box.buttonRole(button) == QMessageBox.ButtonRole.RejectRole:
                    button.click()

        QTimer.singleShot(0, shoot)


def settle() -> None:
    """Let layout and paint events run, so a grab shows the widget as drawn."""
    for _ in range(5):
        QApplication.processEvents()


def wait(session: Any) -> None:
    """Let the session's workers finish and their results reach the screens (~10 s at most)."""
    for _ in range(200):
        QApplication.processEvents()
        session.runner.wait(50)
    QApplication.processEvents()


def close(windows: Iterable[Any]) -> None:
    """Stop each window's auto-lock (its timer would outlive the vault) and hide it."""
    for window in windows:
        window.autolock.stop()
        window.hide()
