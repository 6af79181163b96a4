"""What the coordinator's pages share: vocabulary labels, named-column tables, the filter bar.

The filter bar builds a ``ReportFilter``, the same selection the CLI's flags build, so a
chart, the map, the spyware view and the list behind a number all show the same reports.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from reporter.errors import TestigoError
from reporter.inbox.query import VERIFICATION_STATES, ReportFilter, check_filter
from reporter.incidents.vocab import vocabulary
from reporter.stats.figures import LABEL_KINDS, NONE
from ui.common.i18n import language


def code_label(kind: str, code: str | None) -> str:
    """A vocabulary code in the UI's language (the code itself when it is not one)."""
    if code is None or code == NONE:
        return "—"
    try:
        return vocabulary().label(kind, code, language().code)
    except Exception:  # not a code of this vocabulary (a newer device's): show it as sent
        return code


def key_label(key: str, code: str) -> str:
    """A value of a statistics key (a code, a month, a state) as a person reads it."""
    kind = LABEL_KINDS.get(key)
    return code_label(kind, code) if kind else ("—" if code == NONE else code)


def headings_read_from_start(view: QTableView) -> None:
    """A heading wider than its column reads from its start and ends in "…" (its tooltip is
    whole), instead of losing both ends around the centre; so do the cells."""
    header = view.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)


class NamedColumnsModel(QAbstractTableModel):
    """A table whose columns are named: headers by name, a row's id under ``UserRole``, one
    column's whole value as its tooltip, and the text a subclass gives for the others."""

    COLUMNS: tuple[str, ...] = ()
    TOOLTIP_COLUMN = ""
    headers: dict[str, str]

    def row_at(self, row: int) -> Any:
        raise NotImplementedError

    def row_id(self, item: Any) -> str:
        raise NotImplementedError

    def tooltip(self, item: Any) -> str:
        raise NotImplementedError

    def text(self, item: Any, column: str) -> str:
        raise NotImplementedError

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        shown = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
        if orientation == Qt.Orientation.Horizontal and role in shown:
            return self.headers.get(self.COLUMNS[section], "")  # the tooltip says it whole
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        item = self.row_at(index.row())
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return self.row_id(item)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TOOLTIP_COLUMN:
            return self.tooltip(item)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.text(item, column)


class FilterBar(QWidget):
    """Date range, type, state, perpetrator, verification: one selection for every view."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coordFilterBar")
        self.date_from, self.date_to = QLineEdit(), QLineEdit()
        for edit in (self.date_from, self.date_to):
            edit.setMinimumWidth(72)
            edit.setMaximumWidth(140)
            edit.editingFinished.connect(self._edited)
        self.type, self.state = QComboBox(), QComboBox()
        self.perpetrator, self.verification = QComboBox(), QComboBox()
        self.clear_button = QPushButton()
        self.clear_button.setAutoDefault(False)
        self.clear_button.clicked.connect(self.reset)
        self.problem = QLabel()
        self.labels = [QLabel() for _ in range(6)]
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for i, (label, widget) in enumerate(
            zip(
                self.labels,
                (
                    self.date_from,
                    self.date_to,
                    self.type,
                    self.state,
                    self.perpetrator,
                    self.verification,
                ),
                strict=True,
            )
        ):
            label.setBuddy(widget)
            layout.addWidget(label, i // 3, 2 * (i % 3))
            layout.addWidget(widget, i // 3, 2 * (i % 3) + 1)
        layout.addWidget(self.clear_button, 0, 6)
        layout.addWidget(self.problem, 1, 6)
        layout.setColumnStretch(7, 1)
        self.problem.setWordWrap(True)
        for combo in (self.type, self.state, self.perpetrator, self.verification):
            combo.setMaximumWidth(140)
            combo.setMinimumContentsLength(6)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.currentIndexChanged.connect(lambda _: self.changed.emit())
        self._last = ReportFilter()

    def retranslateUi(self) -> None:
        texts = (
            self.tr("&From"),
            self.tr("&To"),
            self.tr("T&ype"),
            self.tr("&State"),
            self.tr("&Perpetrator"),
            self.tr("&Verification"),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.date_from.setPlaceholderText(self.tr("YYYY-MM"))
        self.date_to.setPlaceholderText(self.tr("YYYY-MM"))
        self.date_from.setAccessibleName(self.tr("From date"))
        self.date_to.setAccessibleName(self.tr("To date"))
        self.clear_button.setText(self.tr("Clear filters"))
        v = vocabulary()
        self._fill(
            self.type, [(c, code_label("incident_type", c)) for c in v.codes("incident_type")]
        )
        self._fill(self.state, [(c, code_label("mx_state", c)) for c in v.codes("mx_state")])
        self._fill(
            self.perpetrator,
            [("STATE", self.tr("State actors")), ("NON_STATE", self.tr("Non-state actors"))]
            + [(c, code_label("perpetrator", c)) for c in v.codes("perpetrator")],
        )
        names = {
            "unverified": self.tr("Unverified"),
            "corroborated": self.tr("Corroborated"),
            "forensically-confirmed": self.tr("Forensically confirmed"),
        }
        self._fill(self.verification, [(s, names[s]) for s in VERIFICATION_STATES])

    def _fill(self, combo: QComboBox, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("All"), None)
        for code, text in items:
            combo.addItem(text, code)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def _edited(self) -> None:
        if self.report_filter() != self._last:
            self.changed.emit()

    def set_choice(self, which: str, code: str | None) -> None:
        combo = {
            "type": self.type,
            "state": self.state,
            "perpetrator": self.perpetrator,
            "verification": self.verification,
        }[which]
        combo.setCurrentIndex(max(0, combo.findData(code)))

    def reset(self) -> None:
        self.blockSignals(True)
        self.date_from.clear()
        self.date_to.clear()
        for combo in (self.type, self.state, self.perpetrator, self.verification):
            combo.setCurrentIndex(0)
        self.blockSignals(False)
        self.changed.emit()

    def report_filter(self) -> ReportFilter:
        """The selection; a date that is not one is left out and said beside the bar."""

        def one(combo: QComboBox) -> tuple[str, ...]:
            return (combo.currentData(),) if combo.currentData() else ()

        flt = ReportFilter(
            date_from=self.date_from.text().strip() or None,
            date_to=self.date_to.text().strip() or None,
            types=one(self.type),
            states=one(self.state),
            perpetrators=one(self.perpetrator),
            verification=one(self.verification),
        )
        try:
            check_filter(flt)
            from reporter.inbox.query import filter_sql

            filter_sql(flt)  # the dates are checked where they are parsed
            self.problem.setText("")
        except TestigoError as exc:
            from ui.common.errors import error_text

            self.problem.setText(error_text(exc))
            flt = ReportFilter(
                types=flt.types,
                states=flt.states,
                perpetrators=flt.perpetrators,
                verification=flt.verification,
            )
        self._last = flt
        return flt
