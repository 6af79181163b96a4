"""Errors become a dialog in the person's language, with what to do next; never a traceback."""

from __future__ import annotations

import functools
import sys
from types import TracebackType

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from reporter import diagnostics
from reporter.errors import TestigoError
from ui.common.discretion import shown_name
from ui.common.field_names import field_names
from ui.common.i18n import language


class ErrorWords(QObject):
    """What to do next after an error (tr() needs a QObject)."""

    def next_step(self, code: str) -> str | None:
        steps = {
            "wrong_passphrase": self.tr("Check the passphrase and try again."),
            "network": self.tr("Testigo keeps it in the outbox and tries again later."),
            "disk_full": self.tr("Free some disk space, then try again."),
        }
        return steps.get(code)


class InternalError(TestigoError):
    """A bug, not a condition: what it carried stays out of the message (see diagnostics)."""

    code = "internal_error"
    en = "Something unexpected went wrong. Nothing was shown to keep your data private."


@functools.cache
def words() -> ErrorWords:
    return ErrorWords()


def error_text(exc: TestigoError) -> str:
    field = exc.params.get("field")
    label = field_names().label(field) if isinstance(field, str) else None
    if label:  # the same error, naming the field as the form does
        exc = type(exc)(exc.detail, **{**exc.params, "field": label})
    text = exc.message(language().code)
    hint = words().next_step(exc.code)
    if hint:
        text += "\n\n" + hint
    return text


_unparented: set[QMessageBox] = set()  # alive until closed, though no window owns them


def show_error(parent: QWidget | None, exc: TestigoError) -> QMessageBox:
    """A non-blocking dialog, deleted when closed (a parent must not collect them forever)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        shown_name(),
        error_text(exc),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("errorDialog")
    box.setTextFormat(Qt.TextFormat.PlainText)  # its values may come from a file or a relay
    box.setAccessibleName("error")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if parent is None:
        _unparented.add(box)
        box.finished.connect(lambda _: _unparented.discard(box))
    box.open()
    return box


def report_unexpected(
    kind: type[BaseException], exc: BaseException, _traceback: TracebackType | None
) -> None:
    """sys.excepthook of the app: an exception escaping a slot or event handler is shown.

    Python would print it to stderr, message included, where a desktop session may keep it in
    a file; here it becomes the error dialog and a diagnostics entry (type and frames only).
    """
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, _traceback)
        return
    diagnostics.record(exc)
    show_error(
        QApplication.activeWindow(), exc if isinstance(exc, TestigoError) else InternalError()
    )
