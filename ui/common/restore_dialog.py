"""Restore from a backup, before any vault is open: at the first run, or from the unlock screen.

The same core call as ``testigo-cli restore`` (``restore_from_file``), in a worker that can be
cancelled: the core checks the whole file before it moves anything, so a tampered file, a
wrong passphrase or a cancel leave the vault that is here as it was. Over an existing vault
(the unlock screen) the person types a word to confirm, as ``--replace`` asks on purpose.
What crosses back from the worker is a count of files, never a vault.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reporter.errors import Cancelled, TestigoError
from reporter.vault.vault import vault_exists
from ui.common import file_dialogs
from ui.common.errors import show_error
from ui.common.i18n import language
from ui.common.tasks import TaskControl, TaskHandle, TaskRunner


class RestoreDialog(QDialog):
    restored = Signal(str)  # the data folder the backup's vault is now in
    progressed = Signal(int, int)  # bytes of the backup read, its size

    def __init__(self, home: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.home = home
        self.replacing = vault_exists(home)
        self.backup: Path | None = None
        self.identity: Path | None = None
        self.handle: TaskHandle | None = None
        self._closing = False
        self.setObjectName("restoreDialog")
        self.setMinimumWidth(520)
        self.heading = QLabel()
        self.heading.setObjectName("restoreHeading")
        self.heading.setWordWrap(True)
        self.choose_button = QPushButton()
        self.choose_button.setObjectName("restoreChoose")
        self.chosen = QLabel()
        self.chosen.setObjectName("restoreChosen")
        self.chosen.setWordWrap(True)
        self.by_passphrase, self.by_identity = QRadioButton(), QRadioButton()
        self.by_passphrase.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.by_passphrase)
        group.addButton(self.by_identity)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("restorePassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.identity_button = QPushButton()
        self.identity_button.setObjectName("restoreIdentity")
        self.identity_chosen = QLabel()
        self.identity_chosen.setWordWrap(True)
        self.note = QLabel()
        self.note.setObjectName("restoreNote")
        self.note.setWordWrap(True)
        self.warning = QLabel()
        self.warning.setObjectName("restoreWarning")
        self.warning.setWordWrap(True)
        self.confirm_label = QLabel()
        self.confirm_label.setWordWrap(True)
        self.confirm = QLineEdit()
        self.confirm.setObjectName("restoreConfirm")
        self.confirm_label.setBuddy(self.confirm)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("restoreStatus")
        self.status.setWordWrap(True)
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("restoreStart")
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("restoreCancel")
        self.cancel_button.setAutoDefault(False)
        self.choose_button.setAutoDefault(False)
        self.identity_button.setAutoDefault(False)
        self._layout()
        self.choose_button.clicked.connect(self.choose_backup)
        self.identity_button.clicked.connect(self.choose_identity)
        self.restore_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.reject)
        for field in (self.passphrase, self.confirm):
            field.textChanged.connect(self._update)
        self.by_passphrase.toggled.connect(self._update)
        self.runner = TaskRunner(None, self)
        language().changed.connect(self.retranslateUi)
        self.retranslateUi()

    def _layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        row = QHBoxLayout()
        row.addWidget(self.choose_button)
        row.addWidget(self.chosen, 1)
        layout.addLayout(row)
        layout.addWidget(self.by_passphrase)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.by_identity)
        row = QHBoxLayout()
        row.addWidget(self.identity_button)
        row.addWidget(self.identity_chosen, 1)
        layout.addLayout(row)
        layout.addWidget(self.note)
        for widget in (self.warning, self.confirm_label, self.confirm):
            layout.addWidget(widget)
            widget.setVisible(self.replacing)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addStretch()
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.heading.setText(
            self.tr("Choose the backup file and how it was protected when it was made.")
        )
        self.choose_button.setText(self.tr("Choose the &backup file…"))
        self.chosen.setText(self.backup.name if self.backup else self.tr("No file chosen yet."))
        self.by_passphrase.setText(self.tr("Protected with a &backup passphrase"))
        self.passphrase.setPlaceholderText(self.tr("Backup passphrase"))
        self.passphrase.setAccessibleName(self.tr("Backup passphrase"))
        self.by_identity.setText(self.tr("Sealed to the &coalition's key"))
        self.identity_button.setText(self.tr("Choose the &identity file…"))
        self.identity_chosen.setText(self.identity.name if self.identity else "")
        self.note.setText(
            self.tr(
                "The restored vault opens with its own passphrase: the one it had when the "
                "backup was made, not the backup passphrase."
            )
        )
        self.warning.setText(
            self.tr(
                "<b>This replaces the vault on this computer.</b> What it holds now and is "
                "not in the backup is lost for good."
            )
        )
        self.confirm_label.setText(
            self.tr("To replace it, type {word}:").format(word=self.confirm_word())
        )
        self.confirm.setAccessibleName(self.tr("Confirmation"))
        self.restore_button.setText(
            self.tr("&Replace with the backup") if self.replacing else self.tr("&Restore")
        )
        self.cancel_button.setText(self.tr("Cancel"))
        self._update()

    def confirm_word(self) -> str:
        return self.tr("REPLACE")

    def choose_backup(self) -> None:
        path = file_dialogs.open_file(
            self, self.tr("Backup file"), self.tr("Backups (*.age)") + ";;* (*)"
        )
        if path is not None:
            self.set_backup(path)

    def choose_identity(self) -> None:
        path = file_dialogs.open_file(self, self.tr("Identity file"), "* (*)")
        if path is not None:
            self.set_identity(path)

    def set_backup(self, path: Path) -> None:
        self.backup = path
        self.chosen.setText(path.name)
        self._update()

    def set_identity(self, path: Path) -> None:
        self.identity = path
        self.identity_chosen.setText(path.name)
        self.by_identity.setChecked(True)
        self._update()

    @property
    def busy(self) -> bool:
        return self.handle is not None

    def can_start(self) -> bool:
        if self.busy or self.backup is None:
            return False
        if self.by_identity.isChecked():
            key_ok = self.identity is not None
        else:
            key_ok = bool(self.passphrase.text())
        confirmed = not self.replacing or self.confirm.text().strip() == self.confirm_word()
        return key_ok and confirmed

    def _update(self) -> None:
        by_identity = self.by_identity.isChecked()
        self.passphrase.setEnabled(not by_identity and not self.busy)
        self.identity_button.setEnabled(by_identity and not self.busy)
        self.restore_button.setEnabled(self.can_start())

    def start(self) -> None:
        if not self.can_start() or self.backup is None:
            return
        backup, home, replace = self.backup, self.home, self.replacing
        identity = self.identity if self.by_identity.isChecked() else None
        secret = self.passphrase.text()

        def restore(_: Any, control: TaskControl) -> int:
            from reporter.age import Identity, ScryptIdentity
            from reporter.vault.backup import identities_from_file, restore_from_file

            identities: list[Identity] = (
                identities_from_file(identity) if identity else [ScryptIdentity(secret)]
            )
            return restore_from_file(
                backup, home, identities, replace, control.progress, control.cancelled
            )

        self.status.setText(self.tr("Checking and restoring the backup…"))
        self.progress.setValue(0)
        self.progress.show()
        for widget in (self.choose_button, self.by_passphrase, self.by_identity, self.confirm):
            widget.setEnabled(False)
        self.handle = self.runner.run(
            restore, on_done=self._done, on_error=self._failed, on_progress=self._progress
        )
        self._update()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setValue(int(done * 1000 / total) if total else 0)
        self.progressed.emit(done, total)

    def _finished(self) -> None:
        self.handle = None
        self.progress.hide()
        for widget in (self.choose_button, self.by_passphrase, self.by_identity, self.confirm):
            widget.setEnabled(True)
        self._update()

    def _done(self, _count: int) -> None:
        self._finished()
        self.passphrase.clear()
        self.confirm.clear()
        self.status.setText(self.tr("Restored."))
        self.restored.emit(str(self.home))
        self.accept()

    def _failed(self, exc: TestigoError) -> None:
        self._finished()
        if isinstance(exc, Cancelled):
            self.status.setText(self.tr("Cancelled: nothing was changed."))
            if self._closing:
                super().reject()
            return
        self._closing = False
        self.status.setText(self.tr("Nothing was changed."))
        show_error(self, exc)

    def reject(self) -> None:
        """Cancel stops a restore under way first; the window closes once it has stopped."""
        if self.handle is not None:
            self._closing = True
            self.status.setText(self.tr("Cancelling…"))
            self.handle.cancel()
            return
        super().reject()


class OffersRestore:
    """Mixed in before the widget by the first run and the unlock screen: one restore dialog
    at a time, over the window, never while its runner holds the vault (one being made, an
    unlock under way). Each says in ``_restored`` what a restore leads to."""

    restore_dialog: RestoreDialog | None = None
    home: Path
    runner: TaskRunner

    def restore_from_backup(self) -> None:
        if self.restore_dialog is not None:
            self.restore_dialog.raise_()
            return
        if self.runner.busy:
            return
        dialog = RestoreDialog(self.home, cast("QWidget", self))
        dialog.restored.connect(self._restored)
        dialog.finished.connect(self._restore_closed)
        self.restore_dialog = dialog
        dialog.open()

    def _restore_closed(self, _result: int) -> None:
        if self.restore_dialog is not None:
            self.restore_dialog.deleteLater()
        self.restore_dialog = None

    def _restored(self, home: str) -> None:
        raise NotImplementedError
