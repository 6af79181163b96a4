"""Unlock: a wrong passphrase says so, and repeated tries wait longer and longer.

"Restore from a backup…" is here too, before any vault is open: it replaces the vault of
this data folder once the person confirms (``restore_dialog``), and this screen then opens
the restored one.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from reporter.errors import TestigoError, WrongPassphrase
from ui.common.discretion import discreet
from ui.common.errors import error_text
from ui.common.i18n import language
from ui.common.restore_dialog import OffersRestore
from ui.common.tasks import TaskControl, TaskRunner

if TYPE_CHECKING:
    from reporter.vault.vault import Vault


class UnlockWindow(OffersRestore, QWidget):
    unlocked = Signal(object)
    gone = Signal()  # the vault is no longer there (wiped by failed unlocks): nothing to unlock
    delay_unit_ms = 1000  # doubled after each wrong try from the second on

    def __init__(self, home: Path) -> None:
        super().__init__()
        self.home = home
        self.setObjectName("unlock")
        self.failures = 0
        self.title = QLabel()
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.button = QPushButton()
        self.message = QLabel()
        self.message.setObjectName("unlockMessage")
        self.message.setWordWrap(True)
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("unlockRestore")
        self.restore_button.setAutoDefault(False)
        self.restore_button.setFlat(True)
        layout = QVBoxLayout(self)
        for widget in (self.title, self.field, self.button, self.message):
            layout.addWidget(widget)
        layout.addStretch()
        layout.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignRight)
        self.restore_button.clicked.connect(self.restore_from_backup)
        self.button.clicked.connect(self.try_unlock)
        self.field.returnPressed.connect(self.try_unlock)
        self.runner = TaskRunner(None, self)
        self.wait_timer = QTimer(self)
        self.wait_timer.setSingleShot(True)
        self.wait_timer.timeout.connect(self._ready)
        language().changed.connect(self.retranslateUi)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        if discreet():  # says nothing of what it is
            self.setWindowTitle(self.tr("Notes"))
            self.title.setText(self.tr("Enter your passphrase."))
        else:
            self.setWindowTitle(self.tr("Testigo: locked"))
            self.title.setText(self.tr("Enter your passphrase to open Testigo."))
        self.button.setText(self.tr("&Unlock"))
        self.field.setAccessibleName(self.tr("Passphrase"))
        self.restore_button.setText(self.tr("Restore from a backup…"))

    def _restored(self, _home: str) -> None:
        self.after_restore()

    def after_restore(self) -> None:
        """The vault here is the backup's now: its own passphrase opens it, not the backup's."""
        self.failures = 0
        self.wait_timer.stop()
        self.field.clear()
        self.field.setEnabled(True)
        self.button.setEnabled(True)
        self.message.setText(
            self.tr(
                "Restored. Open it with the passphrase it had when the backup was made "
                "(not the backup passphrase)."
            )
        )
        self.field.setFocus()

    def try_unlock(self) -> None:
        if not self.button.isEnabled() or not self.field.text():
            return
        self.button.setEnabled(False)
        self.field.setEnabled(False)
        secret, home = self.field.text(), self.home

        def open_vault(_: Any, control: TaskControl) -> Any:
            from reporter.vault.vault import Vault

            # A Vault may cross to the UI thread (every call holds its lock, its connection is
            # not tied to a thread); if this window is gone by then, the runner closes it.
            return Vault.open(home, secret)

        self.runner.run(open_vault, on_done=self._opened, on_error=self._failed)

    def _opened(self, vault: Vault) -> None:
        self.field.clear()
        self.failures = 0
        self.message.clear()
        self.unlocked.emit(vault)

    def _failed(self, exc: TestigoError) -> None:
        if not (self.home / "vault.key").exists():
            self.field.clear()
            self.gone.emit()
            return
        self.field.setEnabled(True)
        self.field.selectAll()
        self.field.setFocus()
        if isinstance(exc, WrongPassphrase):
            self.failures += 1
            delay = self.delay_ms()
            text = self.tr("Wrong passphrase.")
            if delay:
                text += " " + self.tr("Wait {s} s before trying again.").format(
                    s=max(1, delay // 1000)
                )
                self.wait_timer.start(delay)
            else:
                self.button.setEnabled(True)
            self.message.setText(text)
        else:
            self.button.setEnabled(True)
            self.message.setText(error_text(exc))

    def delay_ms(self) -> int:
        if self.failures < 2:
            return 0
        return int(self.delay_unit_ms * min(2 ** (self.failures - 2), 64))

    def _ready(self) -> None:
        self.button.setEnabled(True)
