"""The incident list: full-text search, filters, and the lazy table."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reporter.errors import InvalidField
from reporter.incidents.record import parse_date
from reporter.incidents.vocab import vocabulary
from reporter.vault.incident_store import IncidentFilter
from reporter.vault.vault import Vault
from ui.common.i18n import language
from ui.common.session import Session
from ui.common.tasks import TaskControl
from ui.reporter.incidents.model import IncidentTableModel


def fill_codes(combo: QComboBox, kind: str, any_text: str) -> None:
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(any_text, None)
    for term in vocabulary().terms(kind):
        combo.addItem(term.label(language().code), term.code)
    index = combo.findData(current)
    combo.setCurrentIndex(max(0, index))
    combo.blockSignals(False)


class IncidentListPage(QWidget):
    openIncident = Signal(str)
    newIncident = Signal()
    shareIncident = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.type_filter, self.state_filter = QComboBox(), QComboBox()
        self.perp_filter, self.status_filter = QComboBox(), QComboBox()
        self.date_from, self.date_to = QLineEdit(), QLineEdit()
        for field in (self.date_from, self.date_to):
            field.setInputMask("0000-00-00;_")
            field.setMinimumWidth(100)
        self.new_button, self.open_button = QPushButton(), QPushButton()
        self.share_button, self.delete_button = QPushButton(), QPushButton()
        self.model = IncidentTableModel(session)
        self.table = QTableView()
        self.table.setObjectName("incidentTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # title
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # types share it
        self.search.setMinimumWidth(260)
        for combo in (self.type_filter, self.state_filter, self.perp_filter, self.status_filter):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
        self.table.verticalHeader().setVisible(False)
        self.table.activated.connect(lambda _: self._open())  # Enter or double-click
        # Two rows, so the page still fits a laptop screen at 200 % scaling.
        filters = QGridLayout()
        filters.addWidget(self.search, 0, 0, 1, 2)
        self.from_label, self.to_label = QLabel(), QLabel()
        for column, (label, field) in enumerate(
            ((self.from_label, self.date_from), (self.to_label, self.date_to)), start=2
        ):
            label.setBuddy(field)
            pair = QHBoxLayout()
            pair.addWidget(label)
            pair.addWidget(field, 1)
            filters.addLayout(pair, 0, column)
        for column, combo in enumerate(
            (self.type_filter, self.state_filter, self.perp_filter, self.status_filter)
        ):
            filters.addWidget(combo, 1, column)
            filters.setColumnStretch(column, 1)
        buttons = QHBoxLayout()
        for widget in (self.new_button, self.open_button, self.share_button, self.delete_button):
            buttons.addWidget(widget)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(250)
        self.debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self.debounce.start)
        for combo in (self.type_filter, self.state_filter, self.perp_filter, self.status_filter):
            combo.currentIndexChanged.connect(self.debounce.start)
        for field in (self.date_from, self.date_to):
            field.editingFinished.connect(self.debounce.start)
        self.new_button.clicked.connect(self.newIncident)
        self.open_button.clicked.connect(self._open)
        self.share_button.clicked.connect(self._share)
        self.delete_button.clicked.connect(self._delete)
        session.incidentsChanged.connect(lambda _ids: self.model.reload())
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.search.setPlaceholderText(self.tr("Search title, description, notes, places…"))
        self.search.setAccessibleName(self.tr("Search incidents"))
        fill_codes(self.type_filter, "incident_type", self.tr("All types"))
        fill_codes(self.state_filter, "mx_state", self.tr("All states"))
        fill_codes(self.perp_filter, "perpetrator", self.tr("All perpetrators"))
        fill_codes(self.status_filter, "status", self.tr("Any status"))
        self.type_filter.setAccessibleName(self.tr("Filter by type"))
        self.state_filter.setAccessibleName(self.tr("Filter by state"))
        self.perp_filter.setAccessibleName(self.tr("Filter by perpetrator"))
        self.status_filter.setAccessibleName(self.tr("Filter by status"))
        self.from_label.setText(self.tr("&From"))
        self.to_label.setText(self.tr("&To"))
        self.date_from.setAccessibleName(self.tr("From date"))
        self.date_to.setAccessibleName(self.tr("To date"))
        self.date_from.setToolTip(self.tr("From date (YYYY-MM-DD)"))
        self.date_to.setToolTip(self.tr("To date (YYYY-MM-DD)"))
        self.new_button.setText(self.tr("&New incident"))
        self.open_button.setText(self.tr("&Open"))
        self.share_button.setText(self.tr("S&hare…"))
        self.delete_button.setText(self.tr("&Delete"))
        self.table.setAccessibleName(self.tr("Incidents"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 6)
        self.model.layoutChanged.emit()

    def _date(self, field: QLineEdit) -> str | None:
        text = field.text().strip("-_ ")
        if len(text) != 10 or not field.hasAcceptableInput():
            return None
        try:  # the mask lets '2026-99-01' through; the filter refuses it
            return parse_date(field.text(), "date")
        except InvalidField:
            return None

    def current_filters(self) -> IncidentFilter:
        def one(combo: QComboBox) -> list[str]:
            return [combo.currentData()] if combo.currentData() else []

        return IncidentFilter(
            query=self.search.text(),
            types=one(self.type_filter),
            states=one(self.state_filter),
            perpetrators=one(self.perp_filter),
            status=self.status_filter.currentData(),
            date_from=self._date(self.date_from),
            date_to=self._date(self.date_to),
        )

    def apply_filters(self) -> None:
        self.model.set_filters(self.current_filters())

    def selected_id(self) -> str | None:
        """The selected row, else the row with the keyboard cursor (focus alone sets it)."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.id_at((rows[0] if rows else self.table.currentIndex()).row())

    def _open(self) -> None:
        incident_id = self.selected_id()
        if incident_id:
            self.openIncident.emit(incident_id)

    def _share(self) -> None:
        incident_id = self.selected_id()
        if incident_id:
            self.shareIncident.emit(incident_id)

    def _delete(self) -> None:
        incident_id = self.selected_id()
        if not incident_id:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Delete"),
            self.tr("Delete this incident and its files for good? This cannot be undone."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("confirmDelete")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.accepted.connect(lambda: self.delete(incident_id))
        box.open()

    def delete(self, incident_id: str) -> None:
        def remove(vault: Vault, control: TaskControl) -> str:
            vault.incidents.delete(incident_id)
            return incident_id

        self.session.runner.run(
            remove, on_done=lambda i: self.session.incidentsChanged.emit([i]), durable=True
        )

    def activate(self) -> None:
        if not self.model.rows:
            self.model.reload()

    def clear(self) -> None:
        self.model.clear()
        self.search.clear()
