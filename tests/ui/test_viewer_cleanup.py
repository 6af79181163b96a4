"""A viewer holding a decrypted file is emptied and deleted when it closes, and on lock."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import shiboken6
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialog, QLabel, QPlainTextEdit

MARKER = "PLACAS-ABC-123"


def open_viewer(qtbot, window, source: Path) -> QDialog:  # type: ignore[no-untyped-def]
    vault = window.session.vault
    incident_id = vault.incidents.add({"title": "Visto", "incident_types": ["HAR.THREAT"]})
    vault.attachments.add(incident_id, source)
    window.open_incident(incident_id)
    panel = window.editor.attachments
    qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=10000)
    panel.list.setCurrentRow(0)
    panel.view()
    qtbot.waitUntil(lambda: panel.findChild(QDialog, "attachmentViewer") is not None, timeout=10000)
    dialog = panel.findChild(QDialog, "attachmentViewer")
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    return dialog


@contextmanager
def deleted(qtbot, dialog: QDialog) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """What the block does must destroy the dialog: its C++ object is gone afterwards."""
    gone: list[bool] = []
    dialog.destroyed.connect(lambda: gone.append(True))
    yield
    qtbot.waitUntil(lambda: bool(gone), timeout=5000)
    assert not shiboken6.isValid(dialog)


def test_closing_a_text_viewer_drops_the_text_and_deletes_it(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "notas.txt"
    source.write_text(f"Auto sin placas: {MARKER}\n", encoding="utf-8")
    dialog = open_viewer(qtbot, window, source)
    text = dialog.findChild(QPlainTextEdit)
    assert MARKER in text.toPlainText()
    left: list[str] = []
    dialog.finished.connect(lambda _: left.append(text.toPlainText()))  # after the app's own
    with deleted(qtbot, dialog):
        dialog.close()
    assert left == [""]
    assert not shiboken6.isValid(text)
    assert window.editor.attachments.findChildren(QDialog, "attachmentViewer") == []


def test_closing_an_image_viewer_drops_the_picture_and_deletes_it(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("darkred"))
    source = tmp_path / "auto.png"
    assert image.save(str(source))
    dialog = open_viewer(qtbot, window, source)
    label = next(lbl for lbl in dialog.findChildren(QLabel) if not lbl.pixmap().isNull())
    assert label.pixmap().width() == 40
    left: list[bool] = []
    dialog.finished.connect(lambda _: left.append(label.pixmap().isNull()))
    with deleted(qtbot, dialog):
        dialog.reject()  # Escape, or the window's close
    assert left == [True]
    assert not shiboken6.isValid(label)


def test_locking_closes_an_open_viewer(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "notas.txt"
    source.write_text(MARKER, encoding="utf-8")
    dialog = open_viewer(qtbot, window, source)
    with deleted(qtbot, dialog):
        window.lock()
    assert window.session.is_locked
