"""Check this computer: the core's doctor, run in a worker, its findings in a list.

Each row is one check (``reporter.doctor``): its status, what was found and, for a warning
or a failure, what to do, in the app's language. The checks read files and the network, so
they run off the UI thread; the vault is the session's, if one is open.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel, QListView, QPushButton, QStyle, QVBoxLayout, QWidget

from reporter.doctor import FAIL, OK, SKIPPED, WARN, Context, Result, run
from reporter.errors import TestigoError
from reporter.vault.vault import Vault
from ui.common.errors import error_text
from ui.common.i18n import language
from ui.common.tasks import TaskControl, TaskHandle, TaskRunner

ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
ICONS = {
    OK: QStyle.StandardPixmap.SP_DialogApplyButton,
    WARN: QStyle.StandardPixmap.SP_MessageBoxWarning,
    FAIL: QStyle.StandardPixmap.SP_MessageBoxCritical,
    SKIPPED: QStyle.StandardPixmap.SP_MessageBoxInformation,
}


class DoctorPage(QWidget):
    def __init__(
        self,
        home: Path,
        vault: Vault | None = None,
        parent: QWidget | None = None,
        proxy: str | None = None,
        runner: TaskRunner | None = None,
    ) -> None:
        """``runner``: the session's, so a lock cancels the checks with the rest."""
        super().__init__(parent)
        self.setObjectName("doctorPage")
        self.home, self.proxy = home, proxy
        self.results: list[Result] = []
        self.task: TaskHandle | None = None
        self.runner = runner or TaskRunner(vault, self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = QStandardItemModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.run_button = QPushButton()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.run_button)
        self.run_button.clicked.connect(self.start)
        language().changed.connect(self.retranslateUi)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.run_button.setText(
            self.tr("&Check again") if self.results else self.tr("&Check this computer")
        )
        self.view.setAccessibleName(self.tr("Checks"))
        self._show()

    def start(self) -> None:
        if self.task is not None:
            return
        self.run_button.setEnabled(False)
        self.summary.setText(self.tr("Checking…"))
        home, proxy = self.home, self.proxy

        def check(vault: Vault | None, control: TaskControl) -> list[Result]:
            context = Context(home=home, vault=vault, passphrase_missing=vault is None, proxy=proxy)
            return run(context)

        self.task = self.runner.run(check, on_done=self._done, on_error=self._failed)

    def _done(self, results: list[Result]) -> None:
        self.task = None
        self.results = results
        self.run_button.setEnabled(True)
        self.retranslateUi()

    def _failed(self, exc: TestigoError) -> None:
        self.task = None
        self.run_button.setEnabled(True)
        self.summary.setText(error_text(exc))

    def _show(self) -> None:
        lang = language().code
        self.model.clear()
        for result in self.results:
            text = result.message.in_(lang)
            if result.status in (WARN, FAIL) and result.fix.in_(lang):
                text += "\n" + self.tr("What to do: %1").replace("%1", result.fix.in_(lang))
            item = QStandardItem(self.style().standardIcon(ICONS[result.status]), text)
            item.setData(result.id, ID_ROLE)
            item.setData(result.status, STATUS_ROLE)
            item.setToolTip(result.id)
            item.setAccessibleText(f"{self._status_word(result.status)}: {text}")
            self.model.appendRow(item)
        if self.results:
            failed = sum(r.status == FAIL for r in self.results)
            warned = sum(r.status == WARN for r in self.results)
            self.summary.setText(
                self.tr("%1 to fix, %2 to look at, of %3 checks.")
                .replace("%1", str(failed))
                .replace("%2", str(warned))
                .replace("%3", str(len(self.results)))
            )
        elif self.task is None:
            self.summary.setText(
                self.tr(
                    "Checks this computer's safety and the connection "
                    "to the coalition, and says what to fix."
                )
            )

    def _status_word(self, status: str) -> str:
        return {
            OK: self.tr("Fine"),
            WARN: self.tr("Look at this"),
            FAIL: self.tr("Fix this"),
            SKIPPED: self.tr("Not checked"),
        }[status]

    def rows(self) -> list[tuple[str, str]]:
        """(id, status) of each row shown: what a test or a screen reader reads."""
        return [
            (str(self.model.item(i).data(ID_ROLE)), str(self.model.item(i).data(STATUS_ROLE)))
            for i in range(self.model.rowCount())
        ]

    def clear(self) -> None:
        """Nothing here comes from the vault's content, but a lock forgets it anyway."""
        self.results = []
        self._show()
