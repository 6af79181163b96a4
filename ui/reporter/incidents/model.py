"""The incident table: pages of rows fetched in a worker as the view scrolls (lazy)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from reporter.incidents.vocab import vocabulary
from reporter.vault.incident_store import IncidentFilter
from reporter.vault.vault import Vault
from ui.common.i18n import language
from ui.common.session import Session
from ui.common.tasks import TaskControl

PAGE = 200
COLUMNS = ("title", "status", "types", "state", "date", "shared", "updated")
SORT_KEYS = {0: "title", 1: "status", 3: "state", 4: "date", 6: "updated"}
Index = QModelIndex | QPersistentModelIndex


def _row(record: dict[str, Any], shared: str | None) -> dict[str, Any]:
    """Only what the table shows: plain values, no live database objects."""
    return {
        "id": record["id"],
        "title": record["title"],
        "status": record["status"],
        "types": list(record["incident_types"]),
        "state": record["where"]["state"],
        "date": record["when"]["date"] or "",
        "shared": shared or "",
        "updated": record["updated_at"][:16].replace("T", " "),
    }


class IncidentTableModel(QAbstractTableModel):
    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.rows: list[dict[str, Any]] = []
        self.total = 0
        self.filters = IncidentFilter()
        self.order, self.descending = "updated", True
        self._loading = False
        self._generation = 0

    # -- Qt model ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Title"),
            self.tr("Status"),
            self.tr("Types"),
            self.tr("State"),
            self.tr("Date"),
            self.tr("Shared"),
            self.tr("Updated"),
        )
        return titles[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        lang = language().code
        vocab = vocabulary()
        if column == "types":
            return " · ".join(vocab.labels("incident_type", c)[lang] for c in row["types"])
        if column == "status":
            return vocab.labels("status", row["status"])[lang]
        if column == "state" and row["state"]:
            return vocab.labels("mx_state", row["state"])[lang]
        if column == "shared":
            return self._shared_text(row["shared"])
        if column == "title" and not row["title"]:
            return self.tr("(untitled)")  # a draft kept before it had a title
        return row[column]

    def _shared_text(self, state: str) -> str:
        names = {
            "queued": self.tr("in the outbox"),
            "uploading": self.tr("sending"),
            "uploaded": self.tr("sent"),
            "received": self.tr("received by the coalition"),
            "failed": self.tr("failed"),
            "cancelled": self.tr("cancelled"),
        }
        return names.get(state, "")

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._loading and len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._load(len(self.rows))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column in SORT_KEYS:
            self.order = SORT_KEYS[column]
            self.descending = order == Qt.SortOrder.DescendingOrder
            self.reload()

    # -- loading -------------------------------------------------------------------------
    def set_filters(self, filters: IncidentFilter) -> None:
        self.filters = filters
        self.reload()

    def reload(self) -> None:
        self._generation += 1
        self.beginResetModel()
        self.rows, self.total = [], 0
        self.endResetModel()
        self._load(0)

    def clear(self) -> None:
        self._generation += 1
        self.beginResetModel()
        self.rows, self.total = [], 0
        self.endResetModel()

    def _load(self, offset: int) -> None:
        if self.session.is_locked:
            return
        self._loading = True
        generation = self._generation
        filters, order, descending = self.filters, self.order, self.descending

        def fetch(vault: Vault, control: TaskControl) -> tuple[int, int, list[dict[str, Any]]]:
            from reporter.share.outbox_store import OutboxStore

            records = vault.incidents.find(
                filters, limit=PAGE, offset=offset, order=order, descending=descending
            )
            shared = OutboxStore(vault).share_state([r["id"] for r in records])
            total = vault.incidents.count(filters) if offset == 0 else -1
            return generation, total, [_row(r, shared.get(r["id"])) for r in records]

        self.session.runner.run(fetch, on_done=self._loaded, on_error=self._failed)

    def _loaded(self, result: tuple[int, int, list[dict[str, Any]]]) -> None:
        generation, total, rows = result
        if generation != self._generation:
            return  # an old answer for an old query
        self._loading = False
        if total >= 0:
            self.total = total
        if rows:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()

    def _failed(self, _: Any) -> None:
        self._loading = False

    def id_at(self, row: int) -> str | None:
        return self.rows[row]["id"] if 0 <= row < len(self.rows) else None
