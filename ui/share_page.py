"""Share: the full record and what would leave, side by side; Send puts it in the outbox."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reporter.errors import TestigoError
from ui.errors import error_text
from ui.session import Session
from ui.tasks import TaskControl

PRIVATE_KEYS = ("private_notes",)
PRIVATE_WHERE = ("place", "coordinates")
PRIVATE_TARGET = ("names", "contact")


def _full_view(record: dict[str, Any], not_shared: str) -> str:
    """The full record, with every private field visibly marked as staying here."""
    shown = {k: v for k, v in record.items() if k not in ("labels", "attachments")}
    text = json.dumps(shown, ensure_ascii=False, indent=2)
    for key in (*PRIVATE_KEYS, *PRIVATE_WHERE, *PRIVATE_TARGET):
        text = text.replace(f'"{key}":', f'"{key}" [{not_shared}]:')
    return text


class SharePage(QWidget):
    sent = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.incident_id: str | None = None
        self.preview: dict[str, Any] | None = None
        self.full, self.shared = QPlainTextEdit(), QPlainTextEdit()
        self.full.setObjectName("fullRecord")
        self.shared.setObjectName("sharedVersion")
        for view in (self.full, self.shared):
            view.setReadOnly(True)
        self.full_label, self.shared_label = QLabel(), QLabel()
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.send_button = QPushButton()
        self.send_button.setObjectName("sendButton")
        self.status = QLabel()
        self.status.setObjectName("shareStatus")
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self.full_label)
        left.addWidget(self.full)
        right.addWidget(self.shared_label)
        right.addWidget(self.shared)
        columns = QHBoxLayout()
        columns.addLayout(left)
        columns.addLayout(right)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addLayout(columns)
        layout.addLayout(bottom)
        self.send_button.clicked.connect(self.send)
        self.send_button.setEnabled(False)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.full_label.setText(self.tr("Everything you recorded (stays on this computer)"))
        self.shared_label.setText(self.tr("What the coalition will receive"))
        self.explain.setText(self.tr(
            "Names, contacts, private notes, the exact place and coordinates never leave. "
            "Free text, the exact date and the municipality leave only if you allowed it in "
            "the Consent tab."))
        self.send_button.setText(self.tr("Send to the &outbox"))
        self.full.setAccessibleName(self.full_label.text())
        self.shared.setAccessibleName(self.shared_label.text())

    def show_incident(self, incident_id: str) -> None:
        self.incident_id = incident_id
        self.preview = None
        self.send_button.setEnabled(False)
        self.status.clear()
        not_shared = self.tr("NOT SHARED")

        def load(vault: Any, control: TaskControl) -> tuple[dict[str, Any], dict[str, Any]]:
            from reporter.share.sharing import preview

            return vault.incidents.get(incident_id), preview(vault, incident_id)

        def shown(result: tuple[dict[str, Any], dict[str, Any]]) -> None:
            record, preview = result
            self.preview = preview
            self.full.setPlainText(_full_view(record, not_shared))
            self.shared.setPlainText(json.dumps(preview, ensure_ascii=False, indent=2))
            self.send_button.setEnabled(True)

        self.session.runner.run(load, on_done=shown, on_error=self._failed)

    def send(self) -> None:
        incident_id = self.incident_id
        if incident_id is None:
            return
        self.send_button.setEnabled(False)

        def seal(vault: Any, control: TaskControl) -> str:
            from reporter.share.sharing import share_incidents

            return share_incidents(vault, [incident_id], progress=control.progress,
                                   cancel=control.cancelled)

        def done(bundle_id: str) -> None:
            self.status.setText(self.tr("Sealed and waiting in the outbox."))
            self.session.outboxChanged.emit()
            self.session.incidentsChanged.emit([incident_id])
            self.sent.emit(bundle_id)

        self.session.runner.run(seal, on_done=done, on_error=self._failed)

    def _failed(self, exc: TestigoError) -> None:
        self.status.setText(error_text(exc))

    def clear(self) -> None:
        self.incident_id, self.preview = None, None
        self.full.clear()
        self.shared.clear()
        self.status.clear()
