"""Attachments of one incident: add (dialog or drag and drop), view from memory, extract.

Viewing decrypts and decodes into memory only, in a worker (the shared evidence viewer);
nothing is written to a temp file and no thumbnail exists anywhere on disk. Extracting
writes one copy where the person says.
Deleting the original is opt-in for the next file only (the box clears after each one), and
happens in the core only once the vault's copy is verified.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reporter.errors import TestigoError
from reporter.vault.vault import Vault
from ui.common import file_dialogs
from ui.common.errors import show_error
from ui.common.evidence_viewer import EvidenceViewers, Source
from ui.common.session import Session
from ui.common.tasks import TaskControl, TaskHandle

VIEWER = "attachmentViewer"


class AttachmentPanel(QWidget):
    changed = Signal()

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.incident_id: str | None = None
        self.setAcceptDrops(True)
        self.list = QListWidget()
        self.add_button, self.remove_button = QPushButton(), QPushButton()
        self.view_button, self.extract_button = QPushButton(), QPushButton()
        self.cancel_button = QPushButton()
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.delete_original = QCheckBox()
        self.delete_warning = QLabel()
        self.delete_warning.setWordWrap(True)
        self.delete_original.toggled.connect(self.delete_warning.setVisible)
        self.delete_warning.setVisible(False)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.view_button, self.extract_button, self.remove_button):
            buttons.addWidget(button)
        progress = QHBoxLayout()
        progress.addWidget(self.progress)
        progress.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.delete_original)
        layout.addWidget(self.delete_warning)
        layout.addLayout(progress)
        self.add_button.clicked.connect(self.choose)
        self.remove_button.clicked.connect(self.remove)
        self.view_button.clicked.connect(self.view)
        self.extract_button.clicked.connect(lambda: self.extract())
        self.cancel_button.clicked.connect(self.cancel)
        self.task: TaskHandle | None = None
        self.stop_adding = threading.Event()  # the person's Cancel of the add under way
        self.viewers = EvidenceViewers(self, session, VIEWER)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.hint.setText(
            self.tr(
                "Files are encrypted into the vault; their names stay "
                "private. Drop files here or use Add."
            )
        )
        self.add_button.setText(self.tr("&Add file…"))
        self.remove_button.setText(self.tr("Remove"))
        self.view_button.setText(self.tr("&View"))
        self.extract_button.setText(self.tr("E&xtract…"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.list.setAccessibleName(self.tr("Attachments"))
        self.progress.setAccessibleName(self.tr("Adding file"))
        self.delete_original.setText(
            self.tr("Delete the original once it is safely in the vault (this file on&ly)")
        )
        self.delete_warning.setText(
            self.tr(
                "The file is overwritten and removed only after its copy in the vault is checked. "
                "An SSD, a memory card, a snapshot or a backup may still keep copies of it."
            )
        )

    def set_incident(self, incident_id: str | None) -> None:
        self.incident_id = incident_id
        self.setEnabled(incident_id is not None)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        if self.incident_id is None or self.session.is_locked:
            return
        incident_id = self.incident_id
        self.session.runner.run(lambda v, c: v.attachments.list(incident_id), on_done=self._show)

    def _show(self, items: list[dict[str, Any]]) -> None:
        self.list.clear()
        for item in items:
            entry = QListWidgetItem(
                f"{item['name']}  ·  {item['media_type']}  ·  {item['size']:,} B"
            )
            entry.setData(Qt.ItemDataRole.UserRole, item)
            self.list.addItem(entry)

    def _selected(self) -> dict[str, Any] | None:
        item = self.list.currentItem()
        return dict(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    # -- adding --------------------------------------------------------------------------
    def choose(self) -> None:
        path = file_dialogs.open_file(self, self.tr("Add a file"))
        if path is not None:
            self.add(path)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and self.incident_id:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            if url.isLocalFile():
                self.add(Path(url.toLocalFile()))
                break

    def add(self, path: Path) -> TaskHandle | None:
        if self.incident_id is None or self.task is not None:
            return None
        incident_id = self.incident_id
        delete_original = self.delete_original.isChecked()
        self.delete_original.setChecked(False)  # opt-in per file
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.progress.setValue(0)
        # Only the person's Cancel stops it: a lock waits for the file (the add is durable).
        stop = self.stop_adding = threading.Event()

        def add(vault: Vault, control: TaskControl) -> dict[str, Any]:
            if delete_original:
                from reporter.vault.original_removal import attach_and_delete_original

                return dict(
                    attach_and_delete_original(
                        vault,
                        incident_id,
                        path,
                        progress=control.progress,
                        cancel=stop.is_set,
                    )
                )
            return dict(
                vault.attachments.add(
                    incident_id, path, progress=control.progress, cancel=stop.is_set
                )
            )

        self.task = self.session.runner.run(
            add,
            on_done=self._added,
            on_error=self._failed,
            on_progress=self._progress,
            durable=True,  # a file the person chose: a lock waits for it, never cancels it
        )
        return self.task

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setMaximum(1000)
            self.progress.setValue(int(done * 1000 / total))

    def _finished(self) -> None:
        self.task = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)

    def _added(self, _: Any) -> None:
        self._finished()
        self.refresh()
        self.changed.emit()

    def _failed(self, exc: TestigoError) -> None:
        self._finished()
        if exc.code != "cancelled":
            show_error(self, exc)

    def cancel(self) -> None:
        if self.task is not None:
            self.stop_adding.set()
            self.task.cancel()

    # -- the rest ------------------------------------------------------------------------
    def remove(self) -> None:
        item = self._selected()
        if item:
            self.session.runner.run(
                lambda v, c: v.attachments.delete(item["id"]),
                on_done=self._removed,
                on_error=lambda e: show_error(self, e),
                durable=True,
            )

    def _removed(self, _: object) -> None:
        self.refresh()
        self.changed.emit()

    def view(self) -> None:
        """Read and decoded in a worker (ui.common.evidence_viewer), shown from memory."""
        item = self._selected()
        if not item:
            return
        attachment_id = item["id"]
        source = Source(
            item["media_type"],
            item["size"],
            whole=lambda v, limit: v.attachments.read_bytes(attachment_id, limit),
            prefix=lambda v, limit: v.attachments.read_prefix(attachment_id, limit),
        )
        self.viewers.open(source, extract=lambda: self.extract(item))

    def close_viewers(self) -> None:
        self.viewers.close_all()

    def extract(self, item: dict[str, Any] | None = None) -> None:
        """The selected attachment's, or the one a viewer could not show."""
        item = item or self._selected()
        if not item:
            return
        path = file_dialogs.save_file(self, self.tr("Extract to"), item["name"])
        if path is not None:
            self.session.runner.run(
                lambda v, c: v.attachments.extract(item["id"], path, overwrite=True),
                on_error=lambda e: show_error(self, e),
                durable=True,  # cut, it would leave its plaintext .part file behind
            )

    def clear(self) -> None:
        """On lock too: an open viewer would keep a decrypted file on screen."""
        self.close_viewers()
        self.incident_id = None
        self.list.clear()
