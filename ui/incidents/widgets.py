"""Small form widgets that follow the vocabulary: code pickers and checkable code lists."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QListWidget, QListWidgetItem

from reporter.incidents.vocab import vocabulary
from ui.i18n import language


class CodeCombo(QComboBox):
    """One code of a vocabulary kind, or none."""

    def __init__(self, kind: str, optional: bool = True) -> None:
        super().__init__()
        self.kind, self.optional = kind, optional
        self.relabel()

    def relabel(self) -> None:
        current = self.code()
        self.blockSignals(True)
        self.clear()
        if self.optional:
            self.addItem("—", None)
        for term in vocabulary().terms(self.kind):
            self.addItem(term.label(language().code), term.code)
        self.set_code(current)
        self.blockSignals(False)

    def code(self) -> str | None:
        data = self.currentData()
        return str(data) if data else None

    def set_code(self, code: str | None) -> None:
        index = self.findData(code)
        self.setCurrentIndex(max(0, index))


class CodeList(QListWidget):
    """Several codes of a kind, as checkboxes (keyboard: arrows + space)."""

    def __init__(self, kind: str) -> None:
        super().__init__()
        self.kind = kind
        self.setMinimumHeight(90)
        self.relabel()

    def relabel(self) -> None:
        checked = set(self.codes())
        self.clear()
        for term in vocabulary().terms(self.kind):
            item = QListWidgetItem(term.label(language().code))
            item.setData(Qt.ItemDataRole.UserRole, term.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if term.code in checked
                               else Qt.CheckState.Unchecked)
            self.addItem(item)

    def codes(self) -> list[str]:
        return [str(self.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.count())
                if self.item(i).checkState() == Qt.CheckState.Checked]

    def set_codes(self, codes: list[str]) -> None:
        wanted = set(codes)
        for i in range(self.count()):
            item = self.item(i)
            item.setCheckState(Qt.CheckState.Checked
                               if item.data(Qt.ItemDataRole.UserRole) in wanted
                               else Qt.CheckState.Unchecked)
