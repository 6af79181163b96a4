"""Text from a file, a stick or a relay is shown as text, never as HTML: a profile's name,
a receipt file's name or a relay's reason with markup could otherwise restyle the very dialog
where the person compares fingerprints, or hide what it says."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from reporter.errors import ReceiptFileRefused
from reporter.share.coalition import PROFILE_FILE, create_coalition
from tests.ui.coalition_setup import join_coalition

pytestmark = pytest.mark.gui
MARKUP = '<span style="font-size:1px">SAME KEY</span><h1>Red</h1>'


def _shown_labels(box: QMessageBox) -> list[QLabel]:
    return [label for label in box.findChildren(QLabel) if label.text()]


def test_a_new_profiles_name_is_plain_text_in_the_replace_dialog(
    qtbot, window, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    vault = window.session.vault
    join_coalition(vault, tmp_path)
    other = tmp_path / "other"
    create_coalition(other, MARKUP, ["https://relay.example.org"], "otra frase larga 22", "x25519")
    page = window.coalition_page
    formats: list[tuple[str, Qt.TextFormat]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.objectName() == "replaceProfileBox":
            formats.extend((label.text(), label.textFormat()) for label in _shown_labels(box))
            box.reject()
        else:
            QTimer.singleShot(20, answer)

    QTimer.singleShot(0, answer)
    page.load_profile(other / PROFILE_FILE)
    qtbot.waitUntil(lambda: "kept" in page.profile_status.text(), timeout=20000)
    named = [f for text, f in formats if MARKUP in text]
    assert named  # the name is shown, tags and all
    assert named == [Qt.TextFormat.PlainText] * len(named)


def test_an_error_naming_a_file_from_a_stick_is_plain_text(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from ui.common.errors import show_error

    said: list[tuple[str, Qt.TextFormat]] = []

    def look() -> None:  # while the dialog is open, as the person sees it
        for box in window.findChildren(QMessageBox, "errorDialog"):
            said.append((box.text(), box.textFormat()))
            box.close()

    QTimer.singleShot(0, look)
    show_error(window, ReceiptFileRefused(file=MARKUP + ".testigo-receipt", reason="x"))
    qtbot.waitUntil(lambda: bool(said), timeout=5000)
    ((text, shown_as),) = said
    assert MARKUP in text
    assert shown_as == Qt.TextFormat.PlainText
    # The outbox's status line says each refused receipt file by its name.
    assert window.outbox_page.status.textFormat() == Qt.TextFormat.PlainText
