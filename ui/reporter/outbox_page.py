"""The outbox: each bundle's way out, the Sync button, and carrying bundles by hand.

"Save to a USB stick…" writes the bundles not yet sent (the core's ``usb_export``, as
`bundle export`) and marks them carried; "Import receipt files…" applies the coalition's
receipts brought back the same way (``receipt_files``, as `bundle import-receipts`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reporter.errors import TestigoError
from reporter.share.outbox_store import OutboxStore, error_message
from reporter.share.usb_export import carried_by_hand
from reporter.vault.vault import Vault
from ui.common import file_dialogs
from ui.common.errors import error_text
from ui.common.i18n import language
from ui.common.session import Session
from ui.common.tasks import TaskControl, TaskHandle

Index = QModelIndex | QPersistentModelIndex


CREATED, INCIDENTS, STATE, PROGRESS, ERROR = range(5)


class OutboxModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.items: list[dict[str, Any]] = []

    def set_items(self, items: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Created"),
                self.tr("Incidents"),
                self.tr("State"),
                self.tr("Progress"),
                self.tr("Last error"),
            )[section]
        return None

    def state_text(self, state: str) -> str:
        return {
            "queued": self.tr("queued"),
            "uploading": self.tr("uploading"),
            "uploaded": self.tr("sent"),
            "received": self.tr("received by the coalition"),
            "carried": self.tr("carried by hand: waiting for the receipt"),
            "failed": self.tr("failed"),
            "cancelled": self.tr("cancelled"),
        }.get(state, state)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        column = index.column()
        percent = int(100 * item["upload_offset"] / max(1, item["size"]))
        if role == Qt.ItemDataRole.UserRole and column == PROGRESS:
            return percent
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == CREATED:
            return item["created_at"][:16].replace("T", " ")
        if column == INCIDENTS:
            titles = item.get("titles") or []
            return "; ".join(t or self.tr("(deleted)") for t in titles)
        if column == STATE:
            return self.state_text("carried" if carried_by_hand(item) else item["state"])
        if column == PROGRESS:
            return f"{percent} %"
        return error_message(item, language().code)


class ProgressDelegate(QStyledItemDelegate):
    """Draws the upload progress of a row as a bar; the text stays for screen readers."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.UserRole)
        if value is None:
            super().paint(painter, option, index)
            return
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(4, 4, -4, -4)
        bar.minimum, bar.maximum, bar.progress = 0, 100, int(value)
        bar.text = str(index.data(Qt.ItemDataRole.DisplayRole))
        bar.textVisible = True
        bar.textAlignment = Qt.AlignmentFlag.AlignCenter
        bar.state = option.state | QStyle.StateFlag.State_Horizontal
        QApplication.style().drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter)


class OutboxPage(QWidget):
    # syncing, then how the pass ended: up_to_date | offline | busy, or ok (it ended without
    # a network problem, e.g. cancelled or refused for a reason the status line says)
    syncStateChanged = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.proxy: str | None = None
        self.model = OutboxModel()
        self.table = QTableView()
        self.table.setObjectName("outboxTable")
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(INCIDENTS, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ERROR, QHeaderView.ResizeMode.Stretch)
        self.table.setItemDelegateForColumn(PROGRESS, ProgressDelegate(self.table))
        header.setSectionResizeMode(PROGRESS, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(PROGRESS, 8 * self.fontMetrics().averageCharWidth() * 2)
        self.table.verticalHeader().hide()
        self.sync_button, self.cancel_button = QPushButton(), QPushButton()
        self.sync_button.setObjectName("syncButton")
        self.usb_button, self.receipts_button = QPushButton(), QPushButton()
        self.usb_button.setObjectName("saveToUsbButton")
        self.receipts_button.setObjectName("importReceiptsButton")
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.status = QLabel()
        self.status.setObjectName("outboxStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # file names from a stick, relay reasons
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.progress, 1)
        by_hand = QHBoxLayout()
        by_hand.addWidget(self.usb_button)
        by_hand.addWidget(self.receipts_button)
        by_hand.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addLayout(by_hand)
        layout.addWidget(self.status)
        self.sync_button.clicked.connect(self.sync)
        self.cancel_button.clicked.connect(self.cancel)
        self.usb_button.clicked.connect(self.choose_usb_folder)
        self.receipts_button.clicked.connect(self.choose_receipt_files)
        self.task: TaskHandle | None = None
        # Progress arrives per piece and per bundle; the list is reread at most every 200 ms
        # and never twice at once, so a long sync does not flood the workers or the loop.
        self._refresh_later = QTimer(self)
        self._refresh_later.setSingleShot(True)
        self._refresh_later.setInterval(200)
        self._refresh_later.timeout.connect(self.refresh)
        self._listing = self._stale = False
        session.outboxChanged.connect(self.refresh)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.sync_button.setText(self.tr("S&ync now"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.usb_button.setText(self.tr("Save to a &USB stick…"))
        self.receipts_button.setText(self.tr("Import &receipt files…"))
        self.table.setAccessibleName(self.tr("Outbox"))
        self.progress.setAccessibleName(self.tr("Sync progress"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 4)
        self.model.layoutChanged.emit()

    def refresh(self) -> None:
        if self.session.is_locked:
            return
        if self._listing:
            self._stale = True
            return
        self._listing = True

        def items(vault: Vault, control: TaskControl) -> list[dict[str, Any]]:
            listed = OutboxStore(vault).list()
            titles = vault.incidents.titles(  # which incidents each bundle carries
                sorted({i for item in listed for i in item["incident_ids"]})
            )
            for item in listed:
                item["titles"] = [titles.get(i) for i in item["incident_ids"]]
            return listed

        self.session.runner.run(items, on_done=self._listed, on_error=self._list_failed)

    def _listed(self, items: list[dict[str, Any]]) -> None:
        self._listing = False
        if self.session.is_locked:
            return
        self.model.set_items(items)
        if self._stale:
            self._stale = False
            self.refresh()

    def _list_failed(self, _exc: TestigoError) -> None:
        self._listing = self._stale = False

    def _busy(self, busy: bool) -> None:
        for button in (self.sync_button, self.usb_button, self.receipts_button):
            button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)

    def sync(self) -> None:
        if self.task is not None or self.session.is_locked:
            return
        proxy = self.proxy
        self._busy(True)
        self.syncStateChanged.emit("syncing")

        def run(vault: Vault, control: TaskControl) -> dict[str, Any]:
            from reporter.sync.engine import SyncEngine
            from reporter.sync.progress import PassProgress

            progress = PassProgress(control.progress)  # two large bundles go at once
            engine = SyncEngine(vault, proxy=proxy)
            try:
                return engine.run(progress=progress, cancel=control.cancelled, force=True).to_json()
            finally:
                engine.close()

        self.task = self.session.runner.run(
            run, on_done=self._synced, on_error=self._failed, on_progress=self._progress
        )

    def _progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(1, total))
        self.progress.setValue(done)
        if not self._refresh_later.isActive():
            self._refresh_later.start()

    def _finish(self) -> None:
        self.task = None
        self._busy(False)
        self.refresh()

    def _synced(self, report: dict[str, Any]) -> None:
        self._finish()
        state = (
            "offline" if report["offline"] else "busy" if report.get("throttled") else "up_to_date"
        )
        self.status.setText(
            self.tr("Sent {sent}, confirmed by the coalition {received}.").format(
                sent=len(report["uploaded"]), received=len(report["received"])
            )
        )
        self.syncStateChanged.emit(state)

    def _failed(self, exc: TestigoError) -> None:
        from reporter.sync.status import attempt_outcome

        self._finish()
        self.status.setText(error_text(exc))
        # "offline" only for a network failure: a cancelled pass, or one that failed for
        # another reason (said above), is not a network down to back off from.
        self.syncStateChanged.emit(attempt_outcome(None, exc))

    # -- by hand ---------------------------------------------------------------------------
    def choose_usb_folder(self) -> None:
        folder = file_dialogs.open_folder(self, self.tr("Save the bundles to (a USB stick)"))
        if folder is not None:
            self.save_to_usb(folder)

    def save_to_usb(self, folder: Path) -> None:
        """Write the bundles not yet sent into ``folder`` and mark them carried by hand."""
        if self.task is not None or self.session.is_locked:
            return

        def export(vault: Vault, control: TaskControl) -> int:
            from reporter.share.usb_export import export_bundles

            written = export_bundles(
                vault, folder, progress=control.progress, cancel=control.cancelled
            )
            return len(written)

        self._busy(True)
        self.status.clear()
        self.task = self.session.runner.run(
            export,
            on_done=self._saved,
            on_error=self._save_failed,
            on_progress=self._progress,
            durable=True,
        )

    def _saved(self, count: int) -> None:
        self._finish()
        self.session.outboxChanged.emit()
        if count:
            self.status.setText(
                self.tr(
                    "%n bundle(s) saved. Give them to the coordinator; each shows "
                    "“received” once the coalition's receipt comes back.",
                    "",
                    count,
                )
            )
        else:
            self.status.setText(self.tr("Nothing to save: every bundle was saved or sent."))

    def _save_failed(self, exc: TestigoError) -> None:
        self._finish()
        self.status.setText(error_text(exc))

    def choose_receipt_files(self) -> None:
        paths = file_dialogs.open_files(
            self, self.tr("Receipt files"), "Testigo (*.testigo-receipt);;* (*)"
        )
        if paths:
            self.import_receipts(paths)

    def import_receipts(self, paths: list[Path]) -> None:
        """Apply the coalition's receipt files; each refusal is said with its file's name."""
        if self.task is not None or self.session.is_locked:
            return
        lang = language().code

        def apply(vault: Vault, control: TaskControl) -> list[dict[str, Any]]:
            from reporter.share.receipt_files import import_receipt_files

            return [o.to_json(lang) for o in import_receipt_files(vault, paths)]

        self._busy(True)
        self.status.clear()
        self.task = self.session.runner.run(
            apply, on_done=self._receipts_applied, on_error=self._save_failed, durable=True
        )

    def _receipts_applied(self, outcomes: list[dict[str, Any]]) -> None:
        self._finish()
        self.session.outboxChanged.emit()
        received = sum(o["status"] == "received" for o in outcomes)
        already = sum(o["status"] == "already_received" for o in outcomes)
        lines = [
            self.tr("Receipts: %1 received by the coalition, %2 already marked.")
            .replace("%1", str(received))
            .replace("%2", str(already))
        ]
        lines += [str(o["message"]) for o in outcomes if o["status"] == "refused"]
        if not outcomes:
            lines = [self.tr("No receipt files there.")]
        self.status.setText("\n".join(lines))

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def clear(self) -> None:
        self._refresh_later.stop()
        self.model.set_items([])
        self.status.clear()
