"""An incident's revisions: what changed and when (never who, never from where)."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPlainTextEdit, QVBoxLayout, QWidget


class HistoryDialog(QDialog):
    def __init__(self, revisions: list[dict[str, Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("history")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # not one more per click
        self.setWindowTitle(self.tr("History"))
        text = QPlainTextEdit()
        text.setReadOnly(True)
        lines = []
        for rev in revisions:
            changes = rev.get("changes") or {}
            fields = changes.get("fields") or sorted(changes)
            lines.append(
                self.tr("Revision {n} — {at} — {action}").format(
                    n=rev["revision"], at=rev["at"], action=rev["action"]
                )
            )
            lines.append("    " + ", ".join(str(f) for f in fields))
        text.setPlainText("\n".join(lines) or json.dumps(revisions))
        QVBoxLayout(self).addWidget(text)
        self.resize(600, 400)
