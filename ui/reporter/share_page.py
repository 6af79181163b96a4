"""Share: every field as recorded beside what the coalition would receive; Send puts it in the
outbox.

The table reads the core's comparison of the record with its shared version, so it cannot
show something other than what leaves; "Exact record" shows the shared version itself, the
JSON that goes into the bundle, for whoever wants to check byte for byte. A draft is sealed
only after the person confirms it (sealing cannot be undone), as the CLI wants ``--yes``.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reporter.errors import TestigoError
from reporter.share.comparison import GENERALIZED, MAX_SHOWN, SHARED, WITHHELD, Row
from reporter.vault.vault import Vault
from ui.common.errors import error_text
from ui.common.field_names import field_names
from ui.common.i18n import language
from ui.common.session import Session
from ui.common.tasks import TaskControl

Index = QModelIndex | QPersistentModelIndex
FIELD, RECORDED, LEAVES, STATUS = range(4)
# record, its shared version, its attachments, INEGI's municipality names, what cleaning
# removes from each chosen attachment
Loaded = tuple[
    dict[str, Any], dict[str, Any], list[dict[str, Any]], dict[str, str], dict[str, list[str]]
]
STATUS_COLOURS = {SHARED: "#1b5e20", GENERALIZED: "#8a5300", WITHHELD: "#616161"}


class ComparisonModel(QAbstractTableModel):
    """Rows of the comparison; the status column says in words whether the field leaves."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Field"),
                self.tr("What you recorded (stays on this computer)"),
                self.tr("What the coalition receives"),
                self.tr("Leaves?"),
            )[section]
        return None

    def field_label(self, field: str) -> str:
        return field_names().label(field) or field

    def status_text(self, status: str) -> str:
        return {
            SHARED: self.tr("Leaves as it is"),
            GENERALIZED: self.tr("Leaves generalized"),
            WITHHELD: self.tr("Stays here"),
        }[status]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == FIELD:
                return self.field_label(row.field)
            if column == STATUS:
                return self.status_text(row.status)
            text = row.recorded if column == RECORDED else row.shared
            if column == LEAVES and row.status == WITHHELD:
                return self.tr("(nothing)")
            if role == Qt.ItemDataRole.DisplayRole and len(text) > MAX_SHOWN:
                return text[:MAX_SHOWN] + "…"
            return text
        if role == Qt.ItemDataRole.ForegroundRole and (
            column == STATUS or (column == LEAVES and row.status == WITHHELD)
        ):
            return QBrush(QColor(STATUS_COLOURS[row.status]))
        if role == Qt.ItemDataRole.FontRole and column in (LEAVES, STATUS):
            font = QFont()
            font.setItalic(column == LEAVES and row.status == WITHHELD)
            font.setBold(column == STATUS)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return row.status
        return None


class StatusFilter(QSortFilterProxyModel):
    """All fields, only what leaves, or only what stays."""

    def __init__(self) -> None:
        super().__init__()
        self.wanted: tuple[str, ...] = (SHARED, GENERALIZED, WITHHELD)

    def show(self, wanted: tuple[str, ...]) -> None:
        self.beginFilterChange()
        self.wanted = wanted
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        status = model.data(model.index(source_row, 0, source_parent), Qt.ItemDataRole.UserRole)
        return status in self.wanted


class SharePage(QWidget):
    sent = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.incident_id: str | None = None
        self.preview: dict[str, Any] | None = None
        self._loaded: Loaded | None = None
        self.sealing = False  # a seal runs: a preview coming back must not offer Send again
        # One preview at a time (each cleans every ticked file in memory); what is asked
        # meanwhile runs once it ends, with the ticks as they are then.
        self._previewing = self._preview_again = False
        self.model = ComparisonModel()
        self.proxy = StatusFilter()
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("shareComparison")
        self.table.setModel(self.proxy)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(FIELD, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RECORDED, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(LEAVES, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(STATUS, QHeaderView.ResizeMode.ResizeToContents)
        self.shared = QPlainTextEdit()  # the exact shared version, as JSON
        self.shared.setObjectName("sharedVersion")
        self.shared.setReadOnly(True)
        self.views = QStackedWidget()
        self.views.addWidget(self.table)
        self.views.addWidget(self.shared)
        self.filter = QComboBox()
        self.filter.setObjectName("shareFilter")
        self.filter_label = QLabel()
        self.filter_label.setBuddy(self.filter)
        self.exact_button = QPushButton()
        self.exact_button.setObjectName("exactButton")
        self.exact_button.setCheckable(True)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        # Files are left out unless chosen here; their names stay on this computer.
        self.files_model = QStandardItemModel()
        self.files = QListView()
        self.files.setObjectName("shareFiles")
        self.files.setModel(self.files_model)
        self.files.setMaximumHeight(6 * self.fontMetrics().height())
        self.files_label = QLabel()
        self.files_label.setWordWrap(True)
        self.files_label.setBuddy(self.files)
        self.files_model.itemChanged.connect(self._files_changed)
        self.files.hide()
        self.files_label.hide()
        self.send_button = QPushButton()
        self.send_button.setObjectName("sendButton")
        self.status = QLabel()
        self.status.setObjectName("shareStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        top = QHBoxLayout()
        top.addWidget(self.filter_label)
        top.addWidget(self.filter)
        top.addStretch(1)
        top.addWidget(self.exact_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.files_label)
        layout.addWidget(self.files)
        layout.addLayout(top)
        layout.addWidget(self.views, 1)
        layout.addLayout(bottom)
        self.send_button.clicked.connect(self.send)
        self.send_button.setEnabled(False)
        self.exact_button.toggled.connect(self._show_exact)
        self.filter.currentIndexChanged.connect(self._filter_changed)
        language().changed.connect(self._language_changed)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.explain.setText(
            self.tr(
                "Names, contacts, private notes, the exact place and coordinates never leave. "
                "Free text, the exact date and the municipality leave only if you allowed it in "
                "the Consent tab."
            )
        )
        self.send_button.setText(self.tr("Send to the &outbox"))
        self.files_label.setText(
            self.tr(
                "&Files to send with it (none unless you tick them; names never leave, and each "
                "file leaves without its metadata: the table says what is removed):"
            )
        )
        self.files.setAccessibleName(self.tr("Files to send"))
        self.exact_button.setText(self.tr("Show the &exact record that leaves"))
        self.filter_label.setText(self.tr("S&how:"))
        current = max(self.filter.currentIndex(), 0)
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.addItems(
            [self.tr("every field"), self.tr("only what leaves"), self.tr("only what stays here")]
        )
        self.filter.setCurrentIndex(current)
        self.filter.blockSignals(False)
        self.table.setAccessibleName(self.tr("Recorded and shared, field by field"))
        self.shared.setAccessibleName(self.tr("The exact record that leaves"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)

    def _filter_changed(self, index: int) -> None:
        self.proxy.show(
            ((SHARED, GENERALIZED, WITHHELD), (SHARED, GENERALIZED), (WITHHELD,))[max(index, 0)]
        )
        self.table.resizeRowsToContents()

    def _show_exact(self, exact: bool) -> None:
        self.views.setCurrentWidget(self.shared if exact else self.table)
        self.filter.setEnabled(not exact)

    def _language_changed(self, code: str) -> None:
        if self._loaded is not None:
            self._fill(*self._loaded)

    def chosen_files(self) -> list[str]:
        return [
            str(item.data(Qt.ItemDataRole.UserRole))
            for row in range(self.files_model.rowCount())
            if (item := self.files_model.item(row)).checkState() == Qt.CheckState.Checked
        ]

    def show_incident(self, incident_id: str) -> None:
        self.incident_id = incident_id
        self.files_model.clear()
        self.exact_button.setChecked(False)
        self._load_preview()

    def _files_changed(self, _item: QStandardItem) -> None:
        self._load_preview()

    def _load_preview(self) -> None:
        incident_id, chosen = self.incident_id, self.chosen_files()
        if incident_id is None:
            return
        self.preview = None
        self.send_button.setEnabled(False)
        self.status.clear()
        if self._previewing:
            self._preview_again = True
            return
        self._previewing = True
        consents = ["share_attachments"] if chosen else []

        def load(vault: Vault, control: TaskControl) -> Loaded:
            from reporter.incidents.municipalities import catalogue
            from reporter.share.sharing import preview_and_cleaning

            shared, removed = preview_and_cleaning(vault, incident_id, chosen, consents)
            return (
                vault.incidents.get(incident_id),
                shared,
                vault.attachments.list(incident_id),
                catalogue(vault),
                removed,
            )

        def shown(result: Loaded) -> None:
            self._preview_ended()
            if incident_id != self.incident_id or chosen != self.chosen_files():
                return  # something else was asked meanwhile
            self._loaded = result
            self._fill(*result)
            self.send_button.setEnabled(not self.sealing and not self._previewing)

        self.session.runner.run(load, on_done=shown, on_error=self._preview_failed)

    def _preview_ended(self) -> None:
        self._previewing = False
        if self._preview_again:
            self._preview_again = False
            self._load_preview()

    def _preview_failed(self, exc: TestigoError) -> None:
        self._preview_ended()
        if not self._previewing:  # the newer preview says its own outcome
            self._failed(exc)

    def _list_files(self, attachments: list[dict[str, Any]]) -> None:
        self.files.setVisible(bool(attachments))
        self.files_label.setVisible(bool(attachments))
        if self.files_model.rowCount() == len(attachments):
            return  # listed already: keep the ticks
        for attachment in attachments:
            item = QStandardItem(
                f"{attachment['name']} ({attachment['media_type']}, {attachment['size']:,} B)"
            )
            item.setData(attachment["id"], Qt.ItemDataRole.UserRole)
            item.setCheckable(True)
            item.setEditable(False)
            self.files_model.appendRow(item)  # (a new row emits no itemChanged)

    def _fill(
        self,
        record: dict[str, Any],
        preview: dict[str, Any],
        attachments: list[dict[str, Any]],
        places: dict[str, str],
        removed: dict[str, list[str]],
    ) -> None:
        from reporter.share.comparison import compare

        self.preview = preview
        self._list_files(attachments)
        self.model.set_rows(
            compare(
                record,
                preview,
                language().code,
                attachments,
                municipalities=places,
                removed=removed,
            )
        )
        self.shared.setPlainText(json.dumps(preview, ensure_ascii=False, indent=2))
        self.table.resizeRowsToContents()

    def is_draft(self) -> bool:
        from reporter.share.confirmation import DRAFT

        record = self._loaded[0] if self._loaded is not None else {}
        return bool(record.get("status", DRAFT) == DRAFT)

    def confirm_draft(self) -> bool:
        box = QMessageBox(self)
        box.setObjectName("confirmDraftBox")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Share a draft?"))
        box.setText(
            self.tr(
                "This incident is still a draft. Once it is sealed and sent it cannot be "
                "called back. Share it as it is now?"
            )
        )
        share = box.addButton(self.tr("&Share it"), QMessageBox.ButtonRole.AcceptRole)
        later = box.addButton(self.tr("&Not now"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(later)
        box.exec()
        confirmed = box.clickedButton() is share
        box.deleteLater()
        self.window().activateWindow()  # the keyboard's focus comes back here
        return confirmed

    def send(self) -> None:
        incident_id = self.incident_id
        if incident_id is None:
            return
        asked = self.is_draft()
        confirmed = asked and self.confirm_draft()  # a draft the person said yes to
        if asked and not confirmed:
            self.status.setText(self.tr("Not shared: the draft stays here."))
            return
        self.send_button.setEnabled(False)
        self.sealing = True
        chosen = self.chosen_files()
        consents = ["share_attachments"] if chosen else []

        def seal(vault: Vault, control: TaskControl) -> str:
            from reporter.share.confirmation import require_confirmed
            from reporter.share.sharing import share_incidents

            # A record that became a draft since it was shown is refused, not sealed unasked.
            require_confirmed(vault, [incident_id], confirmed)
            return share_incidents(
                vault,
                [incident_id],
                chosen,
                consents,
                progress=control.progress,
                cancel=control.cancelled,
            )

        def done(bundle_id: str) -> None:
            self.sealing = False
            self.status.setText(self.tr("Sealed and waiting in the outbox."))
            self.session.outboxChanged.emit()
            self.session.incidentsChanged.emit([incident_id])
            self.sent.emit(bundle_id)

        self.session.runner.run(seal, on_done=done, on_error=self._seal_failed, durable=True)

    def _seal_failed(self, exc: TestigoError) -> None:
        self.sealing = False
        self._failed(exc)

    def _failed(self, exc: TestigoError) -> None:
        self.status.setText(error_text(exc))
        self.send_button.setEnabled(self.preview is not None and not self.sealing)

    def clear(self) -> None:
        self.incident_id, self.preview, self._loaded = None, None, None
        self._previewing = self._preview_again = False
        self.model.set_rows([])
        self.files_model.clear()
        self.shared.clear()
        self.status.clear()
