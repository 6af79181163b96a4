"""The incident editor: a form that follows the vocabulary, with draft autosave.

Private fields (place, names, contact, notes) are marked as such on screen. Indicators are
checked as they are typed. Saving goes through the core's validation in a worker; an invalid
record is never saved and the reason is shown.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reporter.errors import TestigoError
from reporter.incidents.indicators import normalize_indicator
from reporter.incidents.record import CONSENTS
from reporter.incidents.vocab import vocabulary
from reporter.vault.vault import Vault
from ui.common.errors import error_text
from ui.common.i18n import language
from ui.common.session import Session
from ui.common.tasks import TaskControl
from ui.reporter.incidents.attachments import AttachmentPanel
from ui.reporter.incidents.questions import QuestionsPanel
from ui.reporter.incidents.widgets import CodeCombo, CodeList, MunicipalityField

AUTOSAVE_MS = 20_000
PRIVATE_STYLE = "QLineEdit, QPlainTextEdit { background: #fff6e0; }"


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _form(tabs: QTabWidget) -> QFormLayout:
    page = QWidget()
    form = QFormLayout(page)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(page)
    tabs.addTab(scroll, "")
    return form


class FormSaves:
    """The saves of one opened form, applied in the order they were asked for.

    Each save runs in its own worker; without this, a new incident saved twice before the
    first came back (autosave, then Save) was added twice, and an older save finishing last
    put back older text. One per ``load``: a late answer for another form changes nothing.
    """

    def __init__(self, incident_id: str | None) -> None:
        self.incident_id = incident_id
        self.asked = 0  # UI thread
        self._applied = 0
        self._lock = threading.Lock()

    def ask(self) -> int:
        self.asked += 1
        return self.asked

    def store(self, vault: Vault, raw: dict[str, Any], number: int) -> str:
        """In a worker: add or update, unless a later save of this form got there first."""
        with self._lock:
            if number > self._applied:
                if self.incident_id is None:
                    self.incident_id = str(vault.incidents.add(raw))
                else:
                    vault.incidents.update(self.incident_id, raw)
                self._applied = number
            return str(self.incident_id)


class IncidentEditor(QWidget):
    saved = Signal(str)
    closed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.incident_id: str | None = None
        self.saves = FormSaves(None)
        self._municipalities_loaded = False
        self.record: dict[str, Any] = {}
        self._as_opened: dict[str, Any] | None = None  # the form as load() filled it
        self.indicators: list[dict[str, str]] = []
        self.tabs = QTabWidget()
        self._build()
        self.status = QLabel()
        self.status.setObjectName("editorStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.save_button, self.close_button = QPushButton(), QPushButton()
        self.history_button = QPushButton()
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for button in (self.history_button, self.close_button, self.save_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(lambda: self.save())
        self.close_button.clicked.connect(self.closed)
        self.history_button.clicked.connect(self.show_history)
        self.autosave = QTimer(self)
        self.autosave.setSingleShot(True)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(lambda: self.save(draft=True))
        for edit in (
            self.title,
            self.place,
            self.names,
            self.contact,
            self.tags,
            self.date,
            self.municipality,
        ):
            edit.textChanged.connect(self.autosave.start)
        for text in (self.description, self.notes):
            text.textChanged.connect(self.autosave.start)
        self.retranslateUi()

    # -- building the form ---------------------------------------------------------------
    def _build(self) -> None:
        self.title, self.description = QLineEdit(), QPlainTextEdit()
        self.title.setObjectName("title")
        self.types = CodeList("incident_type")
        self.sphere, self.status_code = CodeCombo("sphere"), CodeCombo("status", False)
        self.sensitivity = CodeCombo("sensitivity", False)
        self.tags = QLineEdit()
        form = _form(self.tabs)
        self.labels: dict[str, QLabel] = {}
        widget: QWidget  # each form's rows are widgets of several kinds
        for key, widget in (
            ("title", self.title),
            ("description", self.description),
            ("types", self.types),
            ("sphere", self.sphere),
            ("status", self.status_code),
            ("sensitivity", self.sensitivity),
            ("tags", self.tags),
        ):
            self._row(form, key, widget)
        self.date, self.time = QLineEdit(), QLineEdit()
        self.date.setInputMask("0000-00-00;_")
        self.time.setInputMask("00:00;_")
        self.date_precision = CodeCombo("date_precision")
        self.state, self.municipality_field = CodeCombo("mx_state"), MunicipalityField()
        self.municipality = self.municipality_field.code_edit
        self.state.currentIndexChanged.connect(
            lambda _: self.municipality_field.set_state(self.state.code())
        )
        self.place, self.location_type = QLineEdit(), CodeCombo("location_type")
        self.place.setStyleSheet(PRIVATE_STYLE)
        form = _form(self.tabs)
        for key, widget in (
            ("date", self.date),
            ("time", self.time),
            ("date_precision", self.date_precision),
            ("state", self.state),
            ("municipality", self.municipality_field),
            ("place", self.place),
            ("location_type", self.location_type),
        ):
            self._row(form, key, widget)
        self.labels["municipality"].setBuddy(self.municipality)
        self.target_profiles, self.gender = CodeList("target_profile"), CodeCombo("gender")
        self.names, self.contact = QLineEdit(), QLineEdit()
        for private in (self.names, self.contact):
            private.setStyleSheet(PRIVATE_STYLE)
        self.perpetrators, self.vectors = CodeList("perpetrator"), CodeList("vector")
        form = _form(self.tabs)
        for key, widget in (
            ("target_profiles", self.target_profiles),
            ("gender", self.gender),
            ("names", self.names),
            ("contact", self.contact),
            ("perpetrators", self.perpetrators),
        ):
            self._row(form, key, widget)
        self.compromise, self.spyware = CodeCombo("compromise_status"), CodeCombo("spyware_family")
        self.platform, self.detection = CodeCombo("platform"), CodeCombo("detection_source")
        self.indicator_type, self.indicator_value = CodeCombo("indicator_type", False), QLineEdit()
        self.indicator_value.setObjectName("indicatorValue")
        self.indicator_add, self.indicator_list = QPushButton(), QListWidget()
        self.indicator_error = QLabel()
        self.indicator_error.setObjectName("indicatorError")
        self.indicator_error.setTextFormat(Qt.TextFormat.PlainText)
        self.indicator_error.setStyleSheet("color: #a40000;")
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        for widget in (self.indicator_type, self.indicator_value, self.indicator_add):
            line.addWidget(widget)
        form = _form(self.tabs)
        for key, widget in (
            ("vectors", self.vectors),
            ("compromise", self.compromise),
            ("spyware", self.spyware),
            ("platform", self.platform),
            ("detection", self.detection),
            ("indicator", row),
            ("indicator_error", self.indicator_error),
            ("indicators", self.indicator_list),
        ):
            self._row(form, key, widget)
        self.indicator_value.textChanged.connect(self._check_indicator)
        self.indicator_type.currentIndexChanged.connect(self._check_indicator)
        self.indicator_add.clicked.connect(self._add_indicator)
        self.indicator_value.returnPressed.connect(self._add_indicator)
        self.consents: dict[str, QCheckBox] = {}
        form = _form(self.tabs)
        for name in CONSENTS:
            box = QCheckBox()
            self.consents[name] = box
            form.addRow(box)
        self.attachments = AttachmentPanel(self.session)
        self.tabs.addTab(self.attachments, "")
        self.notes = QPlainTextEdit()
        self.notes.setStyleSheet(PRIVATE_STYLE)
        form = _form(self.tabs)
        self._row(form, "notes", self.notes)
        self.questions = QuestionsPanel(self.session)
        self.questions.answered.connect(self._consent_from)
        self.tabs.addTab(self.questions, "")

    def _row(self, form: QFormLayout, key: str, widget: QWidget) -> None:
        label = QLabel()
        label.setBuddy(widget)
        self.labels[key] = label
        form.addRow(label, widget)

    def retranslateUi(self) -> None:
        private = self.tr("(private: never shared)")
        names = {
            "title": self.tr("&Title"),
            "description": self.tr("&Description"),
            "types": self.tr("T&ypes of incident"),
            "sphere": self.tr("Sphere"),
            "status": self.tr("Status"),
            "sensitivity": self.tr("Sensitivity"),
            "tags": self.tr("Tags (comma separated)"),
            "date": self.tr("Date"),
            "time": self.tr("Time"),
            "date_precision": self.tr("Date precision"),
            "state": self.tr("State"),
            "municipality": self.tr("Municipality (INEGI code)"),
            "place": self.tr("Place") + " " + private,
            "location_type": self.tr("Type of place"),
            "target_profiles": self.tr("Who was targeted"),
            "gender": self.tr("Gender"),
            "names": self.tr("Names or aliases") + " " + private,
            "contact": self.tr("Contact") + " " + private,
            "perpetrators": self.tr("Suspected perpetrators"),
            "vectors": self.tr("How it arrived"),
            "compromise": self.tr("Spyware status"),
            "spyware": self.tr("Spyware family"),
            "platform": self.tr("Platform"),
            "detection": self.tr("How it was detected"),
            "indicator": self.tr("Technical indicator"),
            "indicator_error": "",
            "indicators": self.tr("Indicators"),
            "notes": self.tr("Private notes") + " " + private,
        }
        for key, text in names.items():
            self.labels[key].setText(text)
            if key != "indicator_error":
                self.labels[key].buddy().setAccessibleName(text.replace("&", ""))
        for i, tab in enumerate(
            (
                self.tr("What happened"),
                self.tr("When and where"),
                self.tr("People"),
                self.tr("Digital"),
                self.tr("Consent"),
                self.tr("Files"),
                self.tr("Private notes"),
                self.tr("Questions"),
            )
        ):
            self.tabs.setTabText(i, tab)
        lang = language().code
        for name, box in self.consents.items():
            box.setText(vocabulary().label("consent", name, lang))
            box.setAccessibleName(box.text())
        for widget in self.findChildren(CodeCombo) + self.findChildren(CodeList):
            widget.relabel()
        self.indicator_add.setText(self.tr("Add"))
        self.save_button.setText(self.tr("&Save"))
        self.close_button.setText(self.tr("Close"))
        self.history_button.setText(self.tr("&History"))
        self.attachments.retranslateUi()
        self.questions.retranslateUi()
        self.municipality.setAccessibleName(self.tr("Municipality (INEGI code)"))
        self.municipality_field.by_name.setAccessibleName(self.tr("Municipality by name"))

    # -- indicators, checked as typed ----------------------------------------------------
    def _check_indicator(self) -> bool:
        value = self.indicator_value.text()
        if not value.strip():
            self.indicator_error.clear()
            return False
        try:
            normalize_indicator(str(self.indicator_type.code()), value)
        except TestigoError as exc:
            self.indicator_error.setText(error_text(exc))
            self.indicator_value.setStyleSheet("border: 2px solid #a40000;")
            return False
        self.indicator_error.clear()
        self.indicator_value.setStyleSheet("")
        return True

    def _add_indicator(self) -> None:
        if not self._check_indicator():
            return
        self.indicators.append(
            {"type": str(self.indicator_type.code()), "value": self.indicator_value.text()}
        )
        self.indicator_list.addItem(
            f"{self.indicator_type.currentText()}: {self.indicator_value.text()}"
        )
        self.indicator_value.clear()
        self.autosave.start()

    # -- loading and saving --------------------------------------------------------------
    def new(self) -> None:
        self._load_municipalities()
        self.load(None, {})

    def _load_municipalities(self) -> None:
        """The vault's INEGI catalogue, read once per unlock (names to pick from)."""
        if self._municipalities_loaded:
            return
        self._municipalities_loaded = True

        def read(vault: Vault, control: TaskControl) -> dict[str, str]:
            from reporter.incidents.municipalities import catalogue

            return catalogue(vault)

        self.session.runner.run(read, on_done=self.municipality_field.set_catalogue)

    def open(self, incident_id: str) -> None:
        self._load_municipalities()
        self.session.runner.run(
            lambda v, c: v.incidents.get(incident_id),
            on_done=lambda rec: self.load(incident_id, rec),
        )

    def load(self, incident_id: str | None, record: dict[str, Any]) -> None:
        self.autosave.stop()
        self.incident_id, self.record = incident_id, record
        self.saves = FormSaves(incident_id)
        when, where = record.get("when") or {}, record.get("where") or {}
        target = (record.get("targets") or [{}])[0]
        digital = record.get("digital") or {}
        self.title.setText(record.get("title", ""))
        self.description.setPlainText(record.get("description", ""))
        self.types.set_codes(record.get("incident_types", []))
        self.sphere.set_code(record.get("sphere"))
        self.status_code.set_code(record.get("status", "DRAFT"))
        self.sensitivity.set_code(record.get("sensitivity", "TLP:AMBER+STRICT"))
        self.tags.setText(", ".join(record.get("tags", [])))
        self.date.setText(when.get("date") or "")
        self.time.setText(when.get("time") or "")
        self.date_precision.set_code(when.get("precision"))
        self.state.set_code(where.get("state"))
        self.municipality.setText(where.get("municipality") or "")
        self.place.setText(where.get("place", ""))
        self.location_type.set_code(where.get("location_type"))
        self.target_profiles.set_codes(target.get("profiles", []))
        self.gender.set_code(target.get("gender"))
        self.names.setText(", ".join(target.get("names", [])))
        self.contact.setText(target.get("contact", ""))
        self.perpetrators.set_codes([p["code"] for p in record.get("perpetrators", [])])
        self.vectors.set_codes(digital.get("vectors", []))
        self.compromise.set_code(digital.get("compromise_status"))
        self.spyware.set_code(digital.get("spyware_family"))
        self.platform.set_code(digital.get("platform"))
        self.detection.set_code(digital.get("detection_source"))
        self.indicators = [
            {"type": i["type"], "value": i["value"], "role": i["role"]}
            for i in record.get("indicators", [])
        ]
        self.indicator_list.clear()
        for item in self.indicators:
            self.indicator_list.addItem(f"{item['type']}: {item['value']}")
        for name, box in self.consents.items():
            box.setChecked(bool((record.get("consent") or {}).get(name, {}).get("granted")))
        self.notes.setPlainText(record.get("private_notes", ""))
        self.attachments.set_incident(incident_id)
        self.questions.set_incident(incident_id)
        self.status.clear()
        self.autosave.stop()
        self._as_opened = self.collect()

    def worth_a_draft(self) -> bool:
        """A stored incident, or a new one with anything typed or chosen in it."""
        if self.incident_id is not None:
            return True
        return self._as_opened is not None and self.collect() != self._as_opened

    def collect(self) -> dict[str, Any]:
        date = self.date.text() if self.date.text().strip("-_ ") else None
        time = self.time.text() if self.time.text().strip(":_ ") else None
        consent = dict(self.record.get("consent") or {})
        for name, box in self.consents.items():
            old = consent.get(name) or {}
            if bool(old.get("granted")) != box.isChecked():
                consent[name] = {"granted": box.isChecked(), "method": "IN_APP"}
        return {
            "title": self.title.text(),
            "description": self.description.toPlainText(),
            "incident_types": self.types.codes(),
            "sphere": self.sphere.code(),
            "status": self.status_code.code(),
            "sensitivity": self.sensitivity.code(),
            "tags": _split(self.tags.text()),
            "when": {"date": date, "time": time, "precision": self.date_precision.code()},
            "where": {
                "state": self.state.code(),
                "municipality": self.municipality.text() or None,
                "place": self.place.text(),
                "location_type": self.location_type.code(),
            },
            "targets": [
                {
                    "profiles": self.target_profiles.codes(),
                    "gender": self.gender.code(),
                    "names": _split(self.names.text()),
                    "contact": self.contact.text(),
                }
            ],
            "perpetrators": [{"code": c} for c in self.perpetrators.codes()],
            "digital": {
                "vectors": self.vectors.codes(),
                "compromise_status": self.compromise.code(),
                "spyware_family": self.spyware.code(),
                "platform": self.platform.code(),
                "detection_source": self.detection.code(),
            },
            "indicators": self.indicators,
            "consent": consent,
            "private_notes": self.notes.toPlainText(),
        }

    def save(self, draft: bool = False) -> None:
        self.autosave.stop()
        if self.session.is_locked:
            return
        if draft and not self.worth_a_draft():
            return  # a new form as it was opened: nothing to keep
        raw = self.collect()
        if draft and not raw["title"].strip():  # untitled is only ever a draft (the core's rule)
            raw["status"] = "DRAFT"
            self.status_code.set_code("DRAFT")
        if self.indicator_value.text().strip() and not self._check_indicator():
            self.status.setText(self.indicator_error.text())
            return  # an invalid indicator is never saved
        saves = self.saves
        number = saves.ask()
        self.session.runner.run(
            lambda vault, _control: saves.store(vault, raw, number),
            on_done=lambda i: self._saved(saves, number, i, draft),
            on_error=lambda exc: self._failed(exc, saves),
            durable=True,  # a lock waits for it before the app starts afresh
        )

    def _saved(self, saves: FormSaves, number: int, incident_id: str, draft: bool) -> None:
        if saves is self.saves:  # else another incident is open now: its form stays
            if self.incident_id is None:
                self.incident_id = incident_id
                self.attachments.set_incident(incident_id)
            if number == saves.asked:  # the last one asked: what the form shows now
                self.status.setText(self.tr("Draft saved.") if draft else self.tr("Saved."))
                self.session.runner.run(
                    lambda v, c: v.incidents.get(incident_id),
                    on_done=lambda rec: self._reread(saves, rec),
                )
        self.session.incidentsChanged.emit([incident_id])
        self.saved.emit(incident_id)

    def _reread(self, saves: FormSaves, record: dict[str, Any]) -> None:
        if saves is self.saves:
            self.record = record

    def _failed(self, exc: TestigoError, saves: FormSaves | None = None) -> None:
        if saves is None or saves is self.saves:
            self.status.setText(error_text(exc))

    def _consent_from(self, record: dict[str, Any]) -> None:
        """An answer may grant a consent: keep the form's boxes and record in step with it."""
        self.record = {**self.record, "consent": record.get("consent") or {}}
        for name, box in self.consents.items():
            box.setChecked(bool(self.record["consent"].get(name, {}).get("granted")))

    def show_history(self) -> None:
        if self.incident_id is None:
            return
        from ui.reporter.incidents.history import HistoryDialog

        incident_id = self.incident_id
        self.session.runner.run(
            lambda v, c: v.incidents.history(incident_id),
            on_done=lambda rows: HistoryDialog(rows, self).open(),
        )

    def clear(self) -> None:
        self.autosave.stop()
        self.load(None, {})
        self._municipalities_loaded = False
        self.municipality_field.set_catalogue({})
        self.attachments.clear()
        self.questions.clear()
