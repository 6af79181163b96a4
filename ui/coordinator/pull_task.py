"""Pull now, and import bundle files from a stick: in the session's task runner, cancellable.

Both are the core's own use cases (``sync.coordinator.pull``, which sends the receipts and
acknowledges, and ``inbox.received.import_bundle_files``); this bar only starts them, shows
their progress and says what the pass did. Cancelling stops between two bundles: each one
is imported and acknowledged on its own, so nothing done is lost or done twice.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QWidget,
)

from reporter.errors import Cancelled, TestigoError
from reporter.vault.vault import Vault
from ui.common import file_dialogs
from ui.common.errors import error_text
from ui.common.session import Session
from ui.common.tasks import TaskControl, TaskHandle


class PullBar(QWidget):
    finished = Signal()
    pulled = Signal(str)  # a pull ended: "", or the code of why it failed (ui.common.auto_sync)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pullBar")
        self.session = session
        self.task: TaskHandle | None = None
        self.proxy: str | None = None
        self.pull_button, self.import_button = QPushButton(), QPushButton()
        self.folder_button, self.cancel_button = QPushButton(), QPushButton()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.cancel_button.hide()
        self.status = QLabel()
        self.status.setObjectName("pullStatus")
        self.status.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (
            self.pull_button,
            self.import_button,
            self.folder_button,
            self.progress,
            self.cancel_button,
        ):
            layout.addWidget(widget)
        layout.addWidget(self.status, 1)
        self.pull_button.clicked.connect(self.pull_now)
        self.import_button.clicked.connect(self.choose_files)
        self.folder_button.clicked.connect(self.choose_folder)
        self.cancel_button.clicked.connect(self.cancel)
        self.words: dict[str, str] = {}

    def retranslateUi(self) -> None:
        self.pull_button.setText(self.tr("&Pull now"))
        self.pull_button.setToolTip(self.tr("Receive new reports from the relay (F5)"))
        self.import_button.setText(self.tr("Import &files…"))
        self.folder_button.setText(self.tr("Import a f&older…"))
        self.cancel_button.setText(self.tr("&Cancel"))
        self.progress.setAccessibleName(self.tr("Progress"))

    def _busy(self, busy: bool) -> None:
        for button in (self.pull_button, self.import_button, self.folder_button):
            button.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)
            self.cancel_button.setFocus()

    def pull_now(self) -> TaskHandle | None:
        if self.task is not None or self.session.is_locked:
            return None
        proxy = self.proxy
        self.status.setText(self.tr("Receiving…"))

        def run(vault: Vault, control: TaskControl) -> dict[str, Any]:
            from reporter.sync.coordinator import pull

            def progress(step: dict[str, Any]) -> None:
                run.done += 1  # type: ignore[attr-defined]
                control.progress(run.done, 0)  # type: ignore[attr-defined]
                if control.cancelled():
                    raise Cancelled()

            run.done = 0  # type: ignore[attr-defined]
            report = pull(vault, proxy=proxy, progress=progress)
            out = report.to_json()
            out["error_object"] = report.error
            return out

        self._busy(True)
        self.task = self.session.runner.run(
            run, on_done=self._pulled, on_error=self._failed, on_progress=self._progress
        )
        return self.task

    def _progress(self, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        self.status.setText(self.tr("%n bundle(s) handled so far…", "", done))

    def _pulled(self, report: dict[str, Any]) -> None:
        self.task = None
        self._busy(False)
        parts = [
            self.tr("%n new report(s)", "", len(report["imported"])),
            self.tr("%n already here", "", len(report["duplicates"])),
            self.tr("%n refused", "", len(report["rejected"])),
            self.tr("%n set aside to retry", "", len(report["set_aside"])),
        ]
        text = ", ".join(parts) + "."
        error = report.get("error_object")
        if isinstance(error, Cancelled):
            text = self.tr("Cancelled after: {what}").format(what=text)
        elif isinstance(error, TestigoError):
            text += " " + error_text(error)
        elif report.get("throttled"):
            text += " " + self.tr("The relay asked to wait: pull again later.")
        self.status.setText(text)
        self.finished.emit()
        failed = error.code if isinstance(error, TestigoError) else ""
        self.pulled.emit(failed or ("relay_refused" if report.get("throttled") else ""))

    def _failed(self, exc: TestigoError) -> None:
        self.task = None
        self._busy(False)
        self.status.setText(error_text(exc))
        self.finished.emit()
        self.pulled.emit(exc.code)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.status.setText(self.tr("Cancelling…"))

    def choose_files(self) -> None:
        path = file_dialogs.open_file(
            self, self.tr("Bundle file"), self.tr("Bundles (*.age *.testigo);;All files (*)")
        )
        if path is not None:
            self.import_paths([path])

    def choose_folder(self) -> None:
        dialog = QFileDialog(self, self.tr("Folder of bundles"))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setHistory([])
        try:
            if dialog.exec() and dialog.selectedFiles():
                self.import_paths([Path(dialog.selectedFiles()[0])])
        finally:
            dialog.deleteLater()

    def import_paths(self, paths: list[Path]) -> TaskHandle | None:
        if self.task is not None or self.session.is_locked:
            return None

        def run(vault: Vault, control: TaskControl) -> dict[str, Any]:
            from reporter.inbox.received import import_bundle_files

            return import_bundle_files(vault, paths, control.progress, control.cancelled)

        self._busy(True)
        self.status.setText(self.tr("Importing…"))
        self.task = self.session.runner.run(
            run, on_done=self._imported, on_error=self._failed, on_progress=self._progress
        )
        return self.task

    def _imported(self, outcome: dict[str, Any]) -> None:
        self.task = None
        self._busy(False)
        results = outcome["results"]
        new = sum(1 for r in results if r.get("status") == "imported")
        refused = sum(1 for r in results if r.get("status") == "rejected")
        text = (
            ", ".join(
                [
                    self.tr("%n new report(s)", "", new),
                    self.tr("%n already here", "", len(results) - new - refused),
                    self.tr("%n refused", "", refused),
                ]
            )
            + "."
        )
        if outcome["cancelled"]:
            text = self.tr("Cancelled after: {what}").format(what=text)
        self.status.setText(text)
        self.finished.emit()

    def clear(self) -> None:
        self.task = None
        self._busy(False)
        self.status.setText("")
