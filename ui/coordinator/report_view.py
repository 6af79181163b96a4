"""One received report: its fields, the three triage questions, links, history, files.

Every change goes through ``coordination.triaging`` and ``coordination.linking`` in a worker,
the same calls as the CLI's, so a refused move (``new`` straight to ``done``, excluding
without a reason) is the core's error, said here in the UI's language. Ctrl+Return applies.
Evidence files open in memory in the shared evidence viewer (decoded in a worker, never a
temp file) or are saved where asked.
"""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reporter.coordination.linking import link, unlink
from reporter.errors import TestigoError
from reporter.inbox.links import LINK_KINDS
from reporter.inbox.query import (
    COUNTING_STATES,
    EXCLUSION_REASONS,
    REVIEW_STATES,
    VERIFICATION_STATES,
)
from reporter.vault.vault import Vault
from ui.common import file_dialogs
from ui.common.errors import error_text, show_error
from ui.common.evidence_viewer import EvidenceViewers, Source
from ui.common.session import Session
from ui.coordinator.claim_bar import ClaimBar, claim_history
from ui.coordinator.common import code_label
from ui.coordinator.inbox_page import pseudonym, state_words
from ui.coordinator.questions_panel import QuestionsPanel

VIEWER = "receivedViewer"


def load_report(vault: Vault, incident_id: str) -> dict[str, Any]:
    """Everything the view shows, read in one worker call."""
    from reporter.inbox import links, triage
    from reporter.inbox.evidence import device_gaps
    from reporter.inbox.query import reports_by_id
    from reporter.inbox.received import received_files

    report = reports_by_id(vault, [incident_id])[0]
    return {
        "report": report,
        "notes": triage.notes(vault, incident_id),
        "links": links.links_of(vault, incident_id),
        "suggestions": links.suggest(vault, incident_id, 10),
        "history": triage.history(vault, incident_id),
        "files": received_files(vault, incident_id, report.bundle_id),
        "gap": device_gaps(vault).get(report.device_id),
    }


class ReportView(QWidget):
    back = Signal()
    changed = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coordReport")
        self.session = session
        self.incident_id: str | None = None
        self.loaded: dict[str, Any] | None = None
        self.fields = QTextBrowser()
        self.fields.setObjectName("reportFields")
        self.review, self.verification = QComboBox(), QComboBox()
        self.counting, self.reason = QComboBox(), QComboBox()
        self.assignee, self.tags = QLineEdit(), QLineEdit()
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(60)
        self.apply_button, self.back_button = QPushButton(), QPushButton()
        self.message = QLabel()
        self.message.setObjectName("triageMessage")
        self.message.setWordWrap(True)
        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(7)]
        for label, widget in zip(
            self.labels,
            (
                self.review,
                self.assignee,
                self.verification,
                self.counting,
                self.reason,
                self.note,
                self.tags,
            ),
            strict=True,
        ):
            label.setBuddy(widget)
            self.form.addRow(label, widget)
        self.claim = ClaimBar(session)  # the claim, and the note's "shared" box below the note
        self.form.insertRow(6, "", self.claim.shared)
        self.form.insertRow(0, self.claim)
        self.claim.changed.connect(self.open)
        self.claim.changed.connect(self.changed.emit)
        self.links = QListWidget()
        self.suggestions = QListWidget()
        self.link_kind = QComboBox()
        self.link_button, self.unlink_button = QPushButton(), QPushButton()
        self.history = QListWidget()
        self.files = QListWidget()
        self.view_button, self.save_button = QPushButton(), QPushButton()
        self.viewers = EvidenceViewers(self, session, VIEWER)
        self.titles = [QLabel() for _ in range(4)]
        left = QVBoxLayout()
        left.addWidget(self.fields, 1)
        left.addWidget(self.titles[3])
        left.addWidget(self.files)
        row = QHBoxLayout()
        row.addWidget(self.view_button)
        row.addWidget(self.save_button)
        left.addLayout(row)
        right = QVBoxLayout()
        right.addLayout(self.form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.back_button)
        right.addLayout(buttons)
        right.addWidget(self.message)
        self.questions = QuestionsPanel(session)
        right.addWidget(self.questions)
        right.addWidget(self.titles[0])
        right.addWidget(self.links)
        right.addWidget(self.titles[1])
        right.addWidget(self.suggestions)
        link_row = QHBoxLayout()
        link_row.addWidget(self.link_kind)
        link_row.addWidget(self.link_button)
        link_row.addWidget(self.unlink_button)
        right.addLayout(link_row)
        right.addWidget(self.titles[2])
        right.addWidget(self.history)
        for lst in (self.links, self.suggestions, self.history, self.files):
            lst.setMaximumHeight(70)
        side = QWidget()
        side.setLayout(right)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(side)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(scroll, 1)
        self.apply_button.clicked.connect(self.apply)
        self.back_button.clicked.connect(self.back.emit)
        self.link_button.clicked.connect(self.link_suggested)
        self.unlink_button.clicked.connect(self.unlink_selected)
        self.view_button.clicked.connect(self.view_file)
        self.save_button.clicked.connect(lambda: self.save_file())
        self.counting.currentIndexChanged.connect(self._reason_enabled)
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(  # type: ignore[call-overload]  # activated=: PySide connects it
                QKeySequence(key),
                self,
                activated=self.apply,
                context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
            )
        QShortcut(  # type: ignore[call-overload]  # activated=: PySide connects it
            QKeySequence("Escape"),
            self,
            activated=self.back.emit,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )

    # -- text ----------------------------------------------------------------------------
    def retranslateUi(self) -> None:
        words = state_words()
        for combo, values in (
            (self.review, REVIEW_STATES),
            (self.verification, VERIFICATION_STATES),
            (self.counting, COUNTING_STATES),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for value in values:
                combo.addItem(words[value], value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
        current = self.reason.currentData()
        self.reason.clear()
        self.reason.addItem(self.tr("(no reason)"), None)
        for value in EXCLUSION_REASONS:
            self.reason.addItem(words[value], value)
        self.reason.setCurrentIndex(max(0, self.reason.findData(current)))
        kinds = {
            "same-event": self.tr("same event"),
            "same-campaign": self.tr("same campaign"),
            "same-target": self.tr("same target"),
        }
        self.link_kind.clear()
        for kind in LINK_KINDS:
            self.link_kind.addItem(kinds[kind], kind)
        texts = (
            self.tr("&Review"),
            self.tr("&Assignee"),
            self.tr("V&erification"),
            self.tr("C&ounting"),
            self.tr("Exclusion rea&son"),
            self.tr("&Note"),
            self.tr("&Tags (comma-separated)"),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.apply_button.setText(self.tr("Appl&y"))
        self.apply_button.setToolTip(self.tr("Apply the triage (Ctrl+Return)"))
        self.back_button.setText(self.tr("&Back to the inbox"))
        self.link_button.setText(self.tr("&Link"))
        self.unlink_button.setText(self.tr("&Unlink"))
        self.view_button.setText(self.tr("&Open"))
        self.save_button.setText(self.tr("Sa&ve as…"))
        self.link_kind.setAccessibleName(self.tr("Kind of link"))
        for title, text in zip(
            self.titles,
            (
                self.tr("Links"),
                self.tr("Suggested links"),
                self.tr("History"),
                self.tr("Evidence files"),
            ),
            strict=True,
        ):
            title.setText(f"<b>{text}</b>")
        for widget, name in (
            (self.fields, self.tr("Report")),
            (self.links, self.tr("Links")),
            (self.suggestions, self.tr("Suggested links")),
            (self.history, self.tr("History")),
            (self.files, self.tr("Evidence files")),
        ):
            widget.setAccessibleName(name)
        self.questions.retranslateUi()
        self.claim.retranslateUi()
        if self.loaded is not None:
            self._show(self.loaded)

    # -- loading -------------------------------------------------------------------------
    def open(self, incident_id: str) -> None:
        self.incident_id = incident_id
        self.message.setText("")
        self.questions.set_incident(incident_id)
        if self.claim.incident_id != incident_id:
            self.claim.set_incident(incident_id)
        self.session.runner.run(lambda v, c: load_report(v, incident_id), on_done=self._loaded)

    def _loaded(self, loaded: dict[str, Any]) -> None:
        if self.incident_id != loaded["report"].incident_id:
            return
        self.loaded = loaded
        self._show(loaded)

    def _show(self, loaded: dict[str, Any]) -> None:
        report = loaded["report"]
        t = report.triage
        for combo, value in (
            (self.review, t.review),
            (self.verification, t.verification),
            (self.counting, t.counting),
            (self.reason, t.exclusion),
        ):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.assignee.setText(t.assignee or "")
        self.tags.setText(", ".join(t.tags))
        self._reason_enabled()
        self.fields.setHtml(self._fields_html(report, loaded))
        words = state_words()
        self.links.clear()
        for item in loaded["links"]:
            entry = QListWidgetItem(f"{item['kind']}: {item['incident_id'][:8]}")
            entry.setData(Qt.ItemDataRole.UserRole, item)
            self.links.addItem(entry)
        self.suggestions.clear()
        kinds = {
            "same-event": self.tr("same event"),
            "same-campaign": self.tr("same campaign"),
            "same-target": self.tr("same target"),
        }
        reasons = {
            "shared-indicator": self.tr("shared indicator"),
            "same-spyware-family": self.tr("same spyware family"),
            "same-month-state-type": self.tr("same month, state and type"),
        }
        for item in loaded["suggestions"]:
            why = "; ".join(
                f"{reasons.get(r['reason'], r['reason'])} ({r['detail']})" for r in item["reasons"]
            )
            entry = QListWidgetItem(f"{item['incident_id'][:8]}: {why}")
            entry.setData(Qt.ItemDataRole.UserRole, item)
            self.suggestions.addItem(entry)
        self.history.clear()
        fields = {
            "review": self.tr("review"),
            "assignee": self.tr("assignee"),
            "verification": self.tr("verification"),
            "counting": self.tr("counting"),
            "exclusion": self.tr("exclusion reason"),
            "note": self.tr("note"),
            "tag": self.tr("tag"),
            **{f"link:{k}": v for k, v in kinds.items()},
        }
        for h in loaded["history"]:
            old = words.get(h["from"] or "", h["from"] or "—")
            new = words.get(h["to"] or "", h["to"] or "—")
            self.history.addItem(
                claim_history(h)
                or f"{h['at'][:16].replace('T', ' ')} {h['author']}: "
                f"{fields.get(h['field'], h['field'])} {old} → {new}"
            )
        self.files.clear()
        for f in loaded["files"]:
            entry = QListWidgetItem(f"{f['id'][:8]} · {f['media_type']} · {f['size']} B")
            entry.setData(Qt.ItemDataRole.UserRole, f)
            self.files.addItem(entry)

    def _device_html(self, report: Any) -> str:
        """The fingerprint once, its first groups (the inbox's name for the device) in bold."""
        from html import escape

        fingerprint = str(report.device_fingerprint)
        name = pseudonym(fingerprint)
        rest = fingerprint[len(name) :] if fingerprint.startswith(name) else f" {fingerprint}"
        state = self.tr("verified") if report.device_verified else self.tr("not verified")
        return f"<b>{escape(name)}</b>{escape(rest)} ({escape(state)})"

    def _fields_html(self, report: Any, loaded: dict[str, Any]) -> str:
        from html import escape

        r = report.record
        where, when, digital = r.get("where") or {}, r.get("when") or {}, r.get("digital") or {}
        rows = [
            (self.tr("Title"), escape(str(r.get("title") or "—"))),
            (
                self.tr("Type"),
                ", ".join(
                    escape(code_label("incident_type", c)) for c in r.get("incident_types") or []
                )
                or "—",
            ),
            (self.tr("When"), escape(str(when.get("date") or "—"))),
            (self.tr("State"), escape(code_label("mx_state", where.get("state")))),
            (
                self.tr("Perpetrators"),
                ", ".join(
                    escape(code_label("perpetrator", p.get("code") if isinstance(p, dict) else p))
                    for p in r.get("perpetrators") or []
                )
                or "—",
            ),
            (
                self.tr("Compromise"),
                escape(code_label("compromise_status", digital.get("compromise_status"))),
            ),
            (
                self.tr("Spyware family"),
                escape(code_label("spyware_family", digital.get("spyware_family"))),
            ),
            (self.tr("Device"), self._device_html(report)),
            (self.tr("Received"), escape(report.received_at[:16].replace("T", " "))),
        ]
        if loaded.get("gap"):
            rows.append(
                (
                    self.tr("Missing from this device"),
                    self.tr("%n bundle(s) never arrived", "", loaded["gap"]["missing_count"]),
                )
            )
        body = "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in rows)
        description = escape(str(r.get("description") or ""))
        shared = escape(self.tr("shared with the other coordinators"))
        notes = "".join(
            f"<p><i>{escape(n['author'])}</i>{f' [{shared}]' if n['shared'] else ''}: "
            f"{escape(n['text'])}</p>"
            for n in loaded["notes"]
        )
        return f"<table cellpadding='2'>{body}</table><p>{description}</p>{notes}"

    def _reason_enabled(self) -> None:
        self.reason.setEnabled(self.counting.currentData() == "excluded")

    # -- changes -------------------------------------------------------------------------
    def apply(self) -> None:
        if self.incident_id is None or self.loaded is None:
            return
        from reporter.coordination.triaging import TriageChange
        from reporter.inbox.triage import coordinator_name

        now = self.loaded["report"].triage
        tags = tuple(t.strip() for t in self.tags.text().split(",") if t.strip())
        counting = self.counting.currentData()
        change = TriageChange(
            review=self.review.currentData(),
            verification=self.verification.currentData(),
            counting=counting,
            assignee=self.assignee.text().strip(),
            reason=self.reason.currentData() if counting == "excluded" else None,
            note=self.note.toPlainText() if self.note.toPlainText().strip() else None,
            tags=tags,
            untags=tuple(t for t in now.tags if t not in tags),
            shared=self.claim.shared.isChecked(),
        )
        incident_id = self.incident_id

        def run(vault: Vault, _: Any) -> dict[str, Any]:
            from reporter.coordination.triaging import apply_triage

            apply_triage(vault, incident_id, change, coordinator_name(vault))
            return load_report(vault, incident_id)

        self.session.runner.run(run, on_done=self._applied, on_error=self._refused, durable=True)

    def _applied(self, loaded: dict[str, Any]) -> None:
        self.note.clear()
        self.claim.shared.setChecked(False)
        self.message.setText(self.tr("Saved."))
        self._loaded(loaded)
        self.changed.emit(loaded["report"].incident_id)

    def _refused(self, exc: TestigoError) -> None:
        self.message.setText(error_text(exc))

    def link_suggested(self) -> None:
        item = self.suggestions.currentItem()
        if item is None or self.incident_id is None:
            return
        other, kind, me = (
            item.data(Qt.ItemDataRole.UserRole)["incident_id"],
            self.link_kind.currentData(),
            self.incident_id,
        )
        self._links(lambda v: link(v, me, other, kind, _author(v)))

    def unlink_selected(self) -> None:
        item = self.links.currentItem()
        if item is None or self.incident_id is None:
            return
        data, me = item.data(Qt.ItemDataRole.UserRole), self.incident_id
        self._links(lambda v: unlink(v, me, data["incident_id"], data["kind"], _author(v)))

    def _links(self, action: Any) -> None:
        me = self.incident_id

        def run(vault: Vault, _: Any) -> dict[str, Any]:
            action(vault)
            return load_report(vault, str(me))

        self.session.runner.run(run, on_done=self._applied, on_error=self._refused, durable=True)

    # -- evidence files ------------------------------------------------------------------
    def _file(self) -> dict[str, Any] | None:
        item = self.files.currentItem()
        return cast(
            "dict[str, Any] | None",
            item.data(Qt.ItemDataRole.UserRole) if item is not None else None,
        )

    def view_file(self) -> None:
        """Read and decoded in a worker (ui.common.evidence_viewer), shown from memory."""
        item = self._file()
        if item is None:
            return
        from reporter.inbox.evidence import read_received_prefix
        from reporter.inbox.received import read_received_file

        file_id = item["id"]
        source = Source(
            item["media_type"],
            item["size"],
            whole=lambda v, limit: read_received_file(v, file_id, limit),
            prefix=lambda v, limit: read_received_prefix(v, file_id, limit),
        )
        self.viewers.open(source, extract=lambda: self.save_file(item))

    def save_file(self, item: dict[str, Any] | None = None) -> None:
        """The selected file's, or the one the viewer could not show."""
        item = item or self._file()
        if item is None:
            return
        path = file_dialogs.save_file(self, self.tr("Save the evidence file as"), item["id"])
        if path is not None:
            from reporter.inbox.evidence import extract_attachment

            self.session.runner.run(
                lambda v, c: extract_attachment(v, item["id"], path, force=True),
                on_done=lambda _: self.message.setText(
                    self.tr("Saved to {path}").format(path=str(path))
                ),
                on_error=lambda e: show_error(self, e),
                durable=True,  # cut, it would leave a partial copy behind
            )

    def clear(self) -> None:
        """On lock too: an open viewer would keep a decrypted file on screen."""
        self.viewers.close_all()
        self.incident_id, self.loaded = None, None
        self.questions.clear()
        self.claim.clear()
        self.fields.clear()
        for lst in (self.links, self.suggestions, self.history, self.files):
            lst.clear()
        self.note.clear()
        self.assignee.clear()
        self.tags.clear()


def _author(vault: Vault) -> str:
    from reporter.inbox.triage import coordinator_name

    return coordinator_name(vault)
