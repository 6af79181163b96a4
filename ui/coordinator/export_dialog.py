"""The export dialog: format, filters, language, a file, then the core's export in a worker.

Everything an export does is ``reporter.exports.run.run_export``, the one the CLI calls; this
dialog only gathers the choices and shows the progress and what was written. The selection
is ``ReportFilter`` as the inbox's filter bar builds it, so the file holds what the list shows.
The save dialog asks only about the main file: a companion beside it (a codebook, a template)
changed since Testigo wrote it is listed and the coordinator chooses what happens to it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reporter.errors import ExportCompanionsChanged, TestigoError
from reporter.exports.base import DEFAULT_K, MAX_K, MIN_K, ExportContext
from reporter.exports.companions import Mode
from reporter.exports.run import filters_of, run_export
from reporter.inbox.query import ReportFilter
from reporter.incidents.vocab import vocabulary
from reporter.share.profile import current_profile
from reporter.vault.vault import Vault
from ui.common.errors import error_text
from ui.common.file_dialogs import save_file
from ui.common.i18n import language
from ui.common.tasks import TaskControl, TaskHandle, TaskRunner

SUFFIXES = {
    "csv": ".csv",
    "json": ".json",
    "uwazi": ".csv",
    "stix": ".stix2",
    "pdf": ".pdf",
    "packet": ".zip",
}


class ExportDialog(QDialog):
    """``ids``: the cases chosen in the inbox (an evidence packet needs at least one)."""

    exported = Signal(dict)

    def __init__(
        self,
        runner: TaskRunner,
        parent: QWidget | None = None,
        flt: ReportFilter | None = None,
        ids: tuple[str, ...] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.runner, self.ids = runner, ids
        self.base = flt or ReportFilter()
        self.task: TaskHandle | None = None
        self.exported_files: dict[str, Any] | None = None  # not .result: QDialog.result()
        self.companions_box: QMessageBox | None = None  # open while it asks about companions
        self._job: Callable[[Mode], Callable[[Vault, TaskControl], dict[str, Any]]] | None = None
        # ^ the export asked for, to run again with the answer about the companions
        self.format = QComboBox()
        self.lang = QComboBox()
        self.date_from, self.date_to = QLineEdit(), QLineEdit()
        self.state, self.type = QComboBox(), QComboBox()
        self.everything = QCheckBox()
        self.with_notes = QCheckBox()
        self.public = QCheckBox()
        self.k = QSpinBox()
        self.k.setRange(MIN_K, MAX_K)  # below 3 "< k" would name the count
        self.k.setValue(DEFAULT_K)
        self.out = QLineEdit()
        self.choose = QPushButton()
        self.progress = QProgressBar()
        self.progress.setRange(0, 3)
        self.progress.setValue(0)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.export_button = QPushButton()
        self.export_button.setDefault(True)
        self.close_button = QPushButton()
        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(6)]
        for label, widget in zip(
            self.labels,
            (self.format, self.lang, self.date_from, self.date_to, self.state, self.type),
            strict=True,
        ):
            label.setBuddy(widget)
            self.form.addRow(label, widget)
        for widget in (self.everything, self.with_notes, self.public, self.k):
            self.form.addRow(widget)
        file_row = QHBoxLayout()
        file_row.addWidget(self.out, 1)
        file_row.addWidget(self.choose)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(file_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.choose.clicked.connect(self._choose)
        self.export_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.reject)
        self.public.toggled.connect(self._enable)
        self.format.currentIndexChanged.connect(self._enable)
        language().changed.connect(self.retranslateUi)
        self.retranslateUi()

    # -- text ------------------------------------------------------------------------------
    def retranslateUi(self) -> None:
        es = language().code == "es"
        self.setWindowTitle(self.tr("Export reports"))
        names = {
            "csv": self.tr("Spreadsheet (CSV) with its codebook"),
            "json": self.tr("JSON (HURIDOCS events)"),
            "uwazi": self.tr("Uwazi collection (CSV and template)"),
            "stix": self.tr("Spyware indicators (STIX 2.1, for MVT)"),
            "pdf": self.tr("Summary report (PDF)"),
            "packet": self.tr("Evidence packet for the chosen cases (zip)"),
        }
        _refill(self.format, [(names[f], f) for f in SUFFIXES])
        _refill(self.lang, [("Español", "es"), ("English", "en")])
        v = vocabulary()
        any_text = self.tr("Any")
        _refill(
            self.state,
            [(any_text, "")]
            + [(t.label("es" if es else "en"), t.code) for t in v.terms("mx_state")],
        )
        _refill(
            self.type,
            [(any_text, "")]
            + [(t.label("es" if es else "en"), t.code) for t in v.terms("incident_type")],
        )
        self.date_from.setPlaceholderText(self.tr("YYYY, YYYY-MM or YYYY-MM-DD"))
        self.date_to.setPlaceholderText(self.tr("YYYY, YYYY-MM or YYYY-MM-DD"))
        for label, text in zip(
            self.labels,
            (
                self.tr("&Format"),
                self.tr("&Language of the file"),
                self.tr("F&rom (incident date)"),
                self.tr("T&o (incident date)"),
                self.tr("&State"),
                self.tr("Incident &type"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.everything.setText(self.tr("Every received report, not only the counted ones"))
        self.with_notes.setText(self.tr("Include the coordinators' notes and tags"))
        self.public.setText(self.tr("For publication: counts only, hide counts below k"))
        self.k.setPrefix("k = ")
        self.k.setAccessibleName(self.tr("Smallest count shown"))
        self.out.setPlaceholderText(self.tr("File to write"))
        self.out.setAccessibleName(self.tr("File to write"))
        self.choose.setText(self.tr("&Choose…"))
        self.export_button.setText(self.tr("&Export"))
        self.close_button.setText(self.tr("Close"))
        self._enable()

    def _enable(self) -> None:
        fmt = self.format.currentData()
        self.public.setEnabled(fmt in ("csv", "pdf"))
        if fmt not in ("csv", "pdf"):
            self.public.setChecked(False)
        self.k.setEnabled(self.public.isChecked())
        idle = self.task is None
        self.export_button.setEnabled(idle and (fmt != "packet" or bool(self.ids)))

    def _choose(self) -> None:
        fmt = str(self.format.currentData())
        chosen = save_file(self, self.tr("Export to"), "testigo" + SUFFIXES[fmt])
        if chosen is not None:
            self.out.setText(str(chosen))

    # -- the export ------------------------------------------------------------------------
    def selection(self) -> ReportFilter:
        """The dialog's filter: the inbox's, narrowed by what was chosen here."""
        fields = dict(self.base.__dict__)
        for name, widget in (("date_from", self.date_from), ("date_to", self.date_to)):
            if widget.text().strip():
                fields[name] = widget.text().strip()
        if self.state.currentData():
            fields["states"] = (str(self.state.currentData()),)
        if self.type.currentData():
            fields["types"] = (str(self.type.currentData()),)
        if self.format.currentData() == "packet":
            fields["ids"] = self.ids
        return ReportFilter(**fields)

    def start(self) -> None:
        if self.task is not None:
            return
        if not self.out.text().strip():
            self.status.setText(self.tr("Choose the file to write first."))
            return
        fmt, out = str(self.format.currentData()), Path(self.out.text().strip())
        flt = self.selection()
        lang, everything = str(self.lang.currentData()), self.everything.isChecked()
        notes, public, k = self.with_notes.isChecked(), self.public.isChecked(), self.k.value()

        def job(companions: Mode) -> Callable[[Vault, TaskControl], dict[str, Any]]:
            def export(vault: Vault, control: TaskControl) -> dict[str, Any]:
                profile = current_profile(vault)
                ctx = ExportContext(
                    lang=lang,
                    filters=filters_of(flt),
                    include_all=everything,
                    with_notes=notes,
                    public=public,
                    k=k,
                    coalition=profile.name if profile else "",
                )
                return run_export(
                    vault,
                    fmt,
                    out,
                    ctx,
                    flt,
                    force=True,  # the save dialog asked about the main file
                    companions=companions,
                    progress=control.progress,
                ).to_json()

            return export

        self._job = job
        self._launch("refuse")

    def _launch(self, companions: Mode) -> None:
        if self._job is None:
            return
        self.progress.setValue(0)
        self.status.setText(self.tr("Exporting…"))
        self.task = self.runner.run(
            self._job(companions),
            on_done=self._done,
            on_error=self._failed,
            on_progress=self._progress,
        )
        self._enable()

    def _ask_companions(self, paths: list[str]) -> None:
        """Nothing was written yet: list the changed companions and ask, without blocking."""
        box = QMessageBox(self)
        box.setObjectName("exportCompanionsBox")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Replace the files beside the export?"))
        box.setText(
            self.tr(
                "These files beside the export were changed since Testigo wrote them,"
                " perhaps by hand. Replace them too?"
            )
        )
        box.setInformativeText("\n".join(paths))
        box.setTextFormat(Qt.TextFormat.PlainText)  # file names, never markup
        replace = box.addButton(
            self.tr("&Replace them too"), QMessageBox.ButtonRole.DestructiveRole
        )
        keep = box.addButton(
            self.tr("&Keep mine (write only the main file)"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        replace.setObjectName("replaceCompanions")
        keep.setObjectName("keepCompanions")

        def chosen(_result: int) -> None:  # a button, Escape or the window closed
            self.companions_box = None
            button = box.clickedButton()
            box.deleteLater()
            if button is replace:
                self._launch("replace")
            elif button is keep:
                self._launch("keep")
            else:
                self.status.setText(self.tr("Nothing was written."))

        box.finished.connect(chosen)
        self.companions_box = box
        box.open()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _done(self, result: dict[str, Any]) -> None:
        self.task, self.exported_files = None, result
        self.progress.setValue(self.progress.maximum())
        text = self.tr("Reports exported: {n}. Written:").format(n=result["reports"])
        text += "\n" + "\n".join(result["files"])
        if result.get("kept"):
            text += "\n" + self.tr("Kept as they were:") + "\n" + "\n".join(result["kept"])
        self.status.setText(text)
        self._enable()
        self.exported.emit(result)

    def _failed(self, exc: TestigoError) -> None:
        self.task = None
        self.progress.setValue(0)
        self._enable()
        if isinstance(exc, ExportCompanionsChanged):
            self.status.setText("")
            self._ask_companions(list(exc.params.get("paths", ())))
            return
        self.status.setText(error_text(exc))


def _refill(box: QComboBox, items: list[tuple[str, str]]) -> None:
    """Replace a combo's items in place, keeping the chosen code."""
    keep = box.currentData()
    box.blockSignals(True)
    box.clear()
    for text, code in items:
        box.addItem(text, code)
    index = box.findData(keep)
    box.setCurrentIndex(index if index >= 0 else 0)
    box.blockSignals(False)
