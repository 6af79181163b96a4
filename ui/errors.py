"""Errors become a dialog in the person's language, with what to do next; never a traceback."""

from __future__ import annotations

import functools

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from reporter.errors import TestigoError
from ui.field_names import field_names
from ui.i18n import language


class ErrorWords(QObject):
    """What to do next after an error (tr() needs a QObject)."""

    def next_step(self, code: str) -> str | None:
        steps = {
            "wrong_passphrase": self.tr("Check the passphrase and try again."),
            "network": self.tr("Testigo keeps it in the outbox and tries again later."),
            "disk_full": self.tr("Free some disk space, then try again."),
        }
        return steps.get(code)


@functools.cache
def words() -> ErrorWords:
    return ErrorWords()


def error_text(exc: TestigoError) -> str:
    field = exc.params.get("field")
    label = field_names().label(field) if isinstance(field, str) else None
    if label:                    # the same error, naming the field as the form does
        exc = type(exc)(exc.detail, **{**exc.params, "field": label})
    text = exc.message(language().code)
    hint = words().next_step(exc.code)
    if hint:
        text += "\n\n" + hint
    return text


_unparented: set[QMessageBox] = set()      # alive until closed, though no window owns them


def show_error(parent: QWidget | None, exc: TestigoError) -> QMessageBox:
    """A non-blocking dialog, deleted when closed (a parent must not collect them forever)."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Testigo", error_text(exc),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorDialog")
    box.setAccessibleName("error")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if parent is None:
        _unparented.add(box)
        box.finished.connect(lambda _: _unparented.discard(box))
    box.open()
    return box
