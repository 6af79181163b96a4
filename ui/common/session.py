"""An unlocked vault and what runs against it; locking drops both."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QClipboard
from PySide6.QtWidgets import QApplication

from ui.common.tasks import TaskRunner

if TYPE_CHECKING:
    from reporter.vault.vault import Vault


class Session(QObject):
    locked = Signal()
    incidentsChanged = Signal(list)  # ids of incidents added, changed or deleted
    outboxChanged = Signal()

    def __init__(self, vault: Vault, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.vault: Vault | None = vault
        self.runner = TaskRunner(vault, self)

    @property
    def is_locked(self) -> bool:
        return self.vault is None

    def lock(self) -> None:
        """Cancel work, close the vault (its key leaves memory), clear clipboard and selection."""
        if self.vault is None:
            return
        self.runner.close(30000)
        clipboard = QApplication.clipboard()
        if clipboard is not None:
            clipboard.clear()
            # X11's selection holds whatever text was last selected; macOS's find buffer what
            # was searched: both are readable by any program and outlive the lock otherwise.
            if clipboard.supportsSelection():
                clipboard.clear(QClipboard.Mode.Selection)
            if clipboard.supportsFindBuffer():
                clipboard.clear(QClipboard.Mode.FindBuffer)
        self.vault.close()
        self.vault = None
        self.locked.emit()
