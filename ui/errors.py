"""Errors become a dialog in the person's language, with what to do next; never a traceback."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from reporter.errors import TestigoError
from ui.i18n import language

NEXT_STEP = {
    "wrong_passphrase": ("Check the passphrase and try again.",
                         "Revise la frase de paso e inténtelo de nuevo."),
    "network": ("Testigo keeps it in the outbox and tries again later.",
                "Testigo lo guarda en la bandeja de salida y lo intentará más tarde."),
    "disk_full": ("Free some disk space, then try again.",
                  "Libere espacio en el disco y vuelva a intentarlo."),
}


def error_text(exc: TestigoError) -> str:
    lang = language().code
    text = exc.message(lang)
    hint = NEXT_STEP.get(exc.code)
    if hint:
        text += "\n\n" + (hint[1] if lang == "es" else hint[0])
    return text


def show_error(parent: QWidget | None, exc: TestigoError) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, "Testigo", error_text(exc),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorDialog")
    box.setAccessibleName("error")
    box.open()
