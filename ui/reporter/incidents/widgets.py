"""Small form widgets that follow the vocabulary: code pickers, checkable code lists, and the
municipality field."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from reporter.incidents.municipalities import of_state
from reporter.incidents.vocab import vocabulary
from ui.common.i18n import language


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
            item.setCheckState(
                Qt.CheckState.Checked if term.code in checked else Qt.CheckState.Unchecked
            )
            self.addItem(item)

    def codes(self) -> list[str]:
        return [
            str(self.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_codes(self, codes: list[str]) -> None:
        wanted = set(codes)
        for i in range(self.count()):
            item = self.item(i)
            item.setCheckState(
                Qt.CheckState.Checked
                if item.data(Qt.ItemDataRole.UserRole) in wanted
                else Qt.CheckState.Unchecked
            )


class MunicipalityField(QWidget):
    """The INEGI code, and — once a catalogue was imported — the state's municipalities by
    name: picking a name fills the code, typing a code shows its name."""

    def __init__(self) -> None:
        super().__init__()
        self.names: dict[str, str] = {}
        self.state: str | None = None
        self.code_edit = QLineEdit()
        self.code_edit.setMaxLength(5)
        self.code_edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,5}")))
        self.code_edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("000000") * 2)
        self.by_name = QComboBox()
        self.by_name.setObjectName("municipalityByName")
        self.by_name.setEditable(True)
        self.by_name.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.by_name.completer()
        if completer is not None:  # an editable combo box always has one
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.by_name.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.by_name, 1)
        layout.addWidget(self.code_edit)
        self.by_name.activated.connect(self._picked)
        self.code_edit.textChanged.connect(self._show_name)

    def set_catalogue(self, names: dict[str, str]) -> None:
        self.names = names
        self.set_state(self.state)

    def set_state(self, state: str | None) -> None:
        self.state = state
        self.code_edit.setPlaceholderText(f"{state}001" if state else "")
        mine = sorted(
            ((n, c) for c, n in of_state(self.names, state).items()),
            key=lambda pair: pair[0].casefold(),
        )
        self.by_name.blockSignals(True)
        self.by_name.clear()
        for name, code in mine:
            self.by_name.addItem(name, code)
        self.by_name.blockSignals(False)
        self.by_name.setVisible(bool(mine))
        self._show_name(self.code_edit.text())

    def _picked(self, index: int) -> None:
        code = self.by_name.itemData(index)
        if code:
            self.code_edit.setText(str(code))

    def _show_name(self, code: str) -> None:
        index = self.by_name.findData(code)
        self.by_name.blockSignals(True)
        self.by_name.setCurrentIndex(index)
        if index < 0:
            self.by_name.setEditText("")
        self.by_name.blockSignals(False)
