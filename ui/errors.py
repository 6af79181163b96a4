"""Errors become a dialog in the person's language, with what to do next; never a traceback."""

from __future__ import annotations

import re

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from reporter.errors import TestigoError
from ui.i18n import language


class ErrorWords(QObject):
    """What to do next, and the form's names for record fields (tr() needs a QObject)."""

    def next_step(self, code: str) -> str | None:
        steps = {
            "wrong_passphrase": self.tr("Check the passphrase and try again."),
            "network": self.tr("Testigo keeps it in the outbox and tries again later."),
            "disk_full": self.tr("Free some disk space, then try again."),
        }
        return steps.get(code)

    def field_label(self, path: str) -> str | None:
        """The form's name for a field path ('where.municipality', 'targets[0].names')."""
        labels = {
            "title": self.tr("Title"), "description": self.tr("Description"),
            "incident_types": self.tr("Types of incident"), "tags": self.tr("Tags"),
            "when.date": self.tr("Date"), "when.date_end": self.tr("End date"),
            "when.time": self.tr("Time"), "when.precision": self.tr("Date precision"),
            "where.state": self.tr("State"), "where.municipality": self.tr("Municipality"),
            "where.place": self.tr("Place"), "where.coordinates": self.tr("Coordinates"),
            "indicator": self.tr("Technical indicator"),
            "targets.names": self.tr("Names or aliases"), "targets.contact": self.tr("Contact"),
            "private_notes": self.tr("Private notes"),
        }
        return labels.get(re.sub(r"\[\d+\]", "", path))


_words: ErrorWords | None = None


def words() -> ErrorWords:
    global _words
    if _words is None:
        _words = ErrorWords()
    return _words


def error_text(exc: TestigoError) -> str:
    lang = language().code
    text = exc.message(lang)
    field = exc.params.get("field")
    label = words().field_label(field) if isinstance(field, str) else None
    if label:
        text = text.replace(f"'{field}'", f"'{label}'", 1)
    hint = words().next_step(exc.code)
    if hint:
        text += "\n\n" + hint
    return text


def show_error(parent: QWidget | None, exc: TestigoError) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, "Testigo", error_text(exc),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorDialog")
    box.setAccessibleName("error")
    box.open()
