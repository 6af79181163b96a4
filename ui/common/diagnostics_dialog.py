"""Help → Diagnostics: what went wrong this session, for whoever helps the person.

It shows the in-memory buffer (reporter.diagnostics): error codes, exception types and code
locations, never what was recorded. Nothing is written unless the person presses Save… and
chooses a file; Copy puts the same text on the clipboard (cleared again when Testigo locks).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reporter import diagnostics
from reporter.errors import TestigoError
from reporter.fsutil import atomic_write
from ui.common.discretion import shown_name
from ui.common.errors import show_error
from ui.common.file_dialogs import save_file


class DiagnosticsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diagnostics")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.view = QPlainTextEdit()
        self.view.setObjectName("diagnosticsText")
        self.view.setReadOnly(True)
        self.view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("diagnosticsCopy")
        self.save_button = QPushButton()
        self.save_button.setObjectName("diagnosticsSave")
        for button in (self.copy_button, self.save_button):
            button.setAutoDefault(False)
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy)
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.view)
        layout.addWidget(self.buttons)
        self.resize(720, 420)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Diagnostics"))
        self.intro.setText(
            self.tr(
                "What went wrong since Testigo started, for whoever helps you: the kind of each "
                "error and where in Testigo's code it happened, never anything you recorded. It is "
                "kept in memory only and is gone when Testigo closes."
            )
        )
        self.view.setAccessibleName(self.tr("Diagnostics"))
        self.copy_button.setText(self.tr("&Copy"))
        self.save_button.setText(self.tr("&Save…"))
        self.refresh()

    def refresh(self) -> None:
        something = bool(diagnostics.entries())
        self.view.setPlainText(
            self.text() if something else self.tr("Nothing has gone wrong since Testigo started.")
        )
        self.copy_button.setEnabled(something)
        self.save_button.setEnabled(something)

    def text(self) -> str:
        return diagnostics.text()

    def copy(self) -> None:
        clipboard = QApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.text())

    def save(self) -> None:
        name = f"{shown_name().lower()}-diagnostics.txt"  # a discreet install: notes-…
        path = save_file(self, self.tr("Save diagnostics"), name)
        if path is None:
            return
        try:
            atomic_write(path, self.text().encode("utf-8"))
        except TestigoError as exc:
            show_error(self, exc)
