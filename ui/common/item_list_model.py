"""A read-only list model over rows given whole (dicts), relabelled on a language change."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QWidget

Index = QModelIndex | QPersistentModelIndex


class ItemListModel(QAbstractListModel):
    """Subclasses say how a row reads (``data``); the rows come from a worker's result."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[dict[str, Any]] = []

    def set_items(self, items: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def relabel(self) -> None:
        """The same rows in the new language (the selection stays)."""
        if self.items:
            self.dataChanged.emit(self.index(0), self.index(len(self.items) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's names
        return 0 if parent.isValid() else len(self.items)
