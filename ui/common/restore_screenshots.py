"""Restore from a backup, es and en: python -m ui.common.restore_screenshots [--out DIR].

A throwaway vault backed up by the core, then restored through the app's own screens: at the
first run, and from the unlock screen over another vault (with its confirmation), a tampered
copy refused, and the unlock screen after. Every state shown is the core's; only PNGs are
written, as ``<lang>-restore-<screen>.png``.
"""

from __future__ import annotations

import io
import random
from pathlib import Path
from typing import Any

from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ui.common.screenshot_kit import PASS, SEED, Shots, each_language, settle, studio

BACKUP_PASS = "screenshot backup passphrase 2"  # noqa: S105 - a throwaway backup
DIALOG = (560, 0)  # as wide as this, as tall as it needs
BACKDROP = (760, 600)
UNLOCK = (460, 220)  # the size the app opens it at


def make_backup(root: Path) -> Path:
    from reporter.age import ScryptRecipient
    from reporter.vault.backup import backup_to_file
    from reporter.vault.vault import Vault

    backup = root / "copia-2026-03.age"
    with Vault.create(root / "source", PASS) as vault:
        iid = vault.incidents.add({"title": "Seguimiento", "incident_types": ["HAR.THREAT"]})
        photo = random.Random(SEED).randbytes(6 * 1024 * 1024)  # noqa: S311 - sample bytes
        vault.attachments.add(iid, io.BytesIO(photo), "foto.jpg")
        backup_to_file(vault, backup, [ScryptRecipient(BACKUP_PASS, work_factor=10)])
    return backup


def framed(dialog: QWidget) -> QPixmap:
    """A dialog with a plain title bar and border, as a window manager would draw it."""
    inner = dialog.grab()
    bar = 30
    shot = QPixmap(inner.width() + 2, inner.height() + bar + 1)
    shot.fill(QColor(60, 60, 60))
    painter = QPainter(shot)
    painter.drawPixmap(1, bar, inner)
    painter.setPen(QColor(240, 240, 240))
    painter.drawText(12, 0, inner.width() - 24, bar, 0x0081, dialog.windowTitle())  # vcenter
    painter.end()
    return shot


def over(window: QWidget, top: QWidget, y: int = 16, events: bool = True) -> QPixmap:
    """``top`` drawn over its window, dimmed, as a person sees a dialog.

    ``events`` False grabs as things are, without running the loop (a progress callback: the
    loop would deliver the end of the restore, and the dialog would be gone).
    """
    if events:
        settle()
    under, shot = window.grab(), framed(top)
    painter = QPainter(under)
    painter.fillRect(under.rect(), QColor(0, 0, 0, 90))
    painter.drawPixmap((under.width() - shot.width()) // 2, y, shot)
    painter.end()
    return under


def fit(dialog: QWidget) -> None:
    dialog.show()
    settle()
    dialog.resize(DIALOG[0], dialog.sizeHint().height())
    settle()


def until(condition: Any, rounds: int = 600) -> None:
    """Run the loop until ``condition()`` (bounded: ~30 s)."""
    for _ in range(rounds):
        if condition():
            return
        QApplication.processEvents()
        QApplication.instance().thread().msleep(50)  # type: ignore[union-attr]


def error_box() -> QMessageBox | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            return widget
    return None


def first_run(shots: Shots, home: Path, backup: Path) -> None:
    from PySide6.QtWidgets import QWizard

    from ui.common.first_run import FirstRunWizard

    wizard = FirstRunWizard(home)
    shots.grab(wizard, "restore-1-first-run", BACKDROP)
    wizard.button(QWizard.WizardButton.CustomButton1).click()
    dialog = wizard.restore_dialog
    assert dialog is not None  # noqa: S101 - the button opens it
    dialog.set_backup(backup)
    dialog.passphrase.setText(BACKUP_PASS)
    fit(dialog)
    over(wizard, dialog).save(str(shots.path("restore-2-choose")))
    grabbed: list[bool] = []

    def mid_way(done: int, total: int) -> None:
        if not grabbed and done * 4 > total:
            grabbed.append(True)
            over(wizard, dialog, events=False).save(str(shots.path("restore-3-progress")))

    dialog.progressed.connect(mid_way)
    dialog.start()
    until(lambda: wizard.restore_dialog is None)
    wizard.hide()
    wizard.deleteLater()


def from_unlock(shots: Shots, home: Path, backup: Path, tampered: Path) -> None:
    from ui.common.unlock import UnlockWindow

    unlock = UnlockWindow(home)
    shots.grab(unlock, "restore-4-unlock", UNLOCK)
    unlock.restore_button.click()
    dialog = unlock.restore_dialog
    assert dialog is not None  # noqa: S101 - the button opens it
    dialog.set_backup(tampered)
    dialog.passphrase.setText(BACKUP_PASS)
    dialog.confirm.setText(dialog.confirm_word())
    fit(dialog)
    unlock.resize(*BACKDROP)
    over(unlock, dialog).save(str(shots.path("restore-5-replace")))
    dialog.start()
    until(lambda: error_box() is not None)
    box = error_box()
    if box is not None:
        settle()
        shot = over(unlock, dialog)
        painter = QPainter(shot)
        top = framed(box)  # settled by over() above
        painter.drawPixmap((shot.width() - top.width()) // 2, shot.height() // 2, top)
        painter.end()
        shot.save(str(shots.path("restore-6-refused")))
        box.close()
    dialog.set_backup(backup)
    dialog.start()
    until(lambda: unlock.restore_dialog is None)
    shots.grab(unlock, "restore-7-restored", UNLOCK)
    unlock.hide()
    unlock.deleteLater()


def main() -> int:
    from reporter.vault.vault import Vault

    with studio() as (out, root):
        shots = Shots(out)
        backup = make_backup(root)
        tampered = root / "copia-2026-02.age"  # one byte changed since it was made
        data = bytearray(backup.read_bytes())
        data[-300] ^= 0x01
        tampered.write_bytes(bytes(data))
        for lang in each_language():
            first_run(shots, root / f"first-{lang}", backup)
            home = root / f"here-{lang}"
            Vault.create(home, PASS).close()
            from_unlock(shots, home, backup, tampered)
            settle()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
