"""The viewer shows only what it can and reads only what it shows.

A PDF, a zip or a "text" full of binary is said to be what it is (type, size) with the
page's Extract at hand, not shown as replacement characters. A text's first 2 MB are read,
nothing after: a blob damaged past them still shows them. A picture file past the bound
is refused before any of it is read. Real vault files; the coordinator's through the relay.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from reporter.vault.layout import BLOB_DIR
from tests.ui.coordinator.conftest import (  # noqa: F401 - the relay's fixtures
    coordinator_window,
    mission,
    relay_backend,
    relay_store,
)
from tests.ui.coordinator.received import open_received_file

pytestmark = pytest.mark.gui

WAIT = 15_000
PDF = b"%PDF-1.7\n" + os.urandom(300_000) + b"\n%%EOF\n"


def _attach(window: Any, source: Path) -> Any:
    vault = window.session.vault
    incident_id = vault.incidents.add({"title": "Visto", "incident_types": ["HAR.THREAT"]})
    vault.attachments.add(incident_id, source)
    window.open_incident(incident_id)
    return window.editor.attachments  # its list fills in a worker


def _damage_the_end(window: Any) -> None:
    """The last byte of the only blob flipped: reading the whole file fails; its start reads."""
    (path,) = (window.session.vault.data_dir / BLOB_DIR).iterdir()
    data = bytearray(path.read_bytes())
    data[-1] ^= 0xFF
    path.write_bytes(bytes(data))


def _viewers(page: Any) -> list[Any]:
    from ui.common.evidence_viewer import EvidenceViewer

    return [d for d in page.findChildren(EvidenceViewer) if d.isVisible()]


def _open_first(qtbot, panel: Any) -> Any:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=WAIT)
    panel.list.setCurrentRow(0)
    panel.view()
    qtbot.waitUntil(lambda: len(_viewers(panel)) == 1, timeout=WAIT)
    return _viewers(panel)[0]


def _errors(window: Any) -> list[QMessageBox]:
    return [b for b in window.findChildren(QMessageBox, "errorDialog") if b.isVisible()]


def _save_as(target: Path) -> list[str]:
    """Answer the next file chooser with ``target`` (it runs inside the dialog's exec)."""
    asked: list[str] = []

    def answer() -> None:
        for chooser in QApplication.allWidgets():
            if isinstance(chooser, QFileDialog) and chooser.isVisible():
                asked.append(chooser.objectName())
                chooser.selectFile(str(target))
                chooser.accept()

    QTimer.singleShot(0, answer)
    return asked


def _unshown(viewer: Any) -> tuple[str, str]:
    from PySide6.QtWidgets import QLabel

    assert viewer.text is None  # no garbage laid out
    assert viewer.label is None
    message = viewer.findChild(QLabel, "evidenceUnshown")
    details = viewer.findChild(QLabel, "evidenceDetails")
    assert message is not None
    assert message.isVisible()
    return message.text(), details.text()


def test_a_pdf_says_what_it_is_and_its_extract_saves_a_copy(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "informe.pdf"
    source.write_bytes(PDF)
    panel = _attach(window, source)
    viewer = _open_first(qtbot, panel)
    message, details = _unshown(viewer)
    assert message == (
        "This kind of file cannot be shown here. Use Extract… to save a copy where you choose."
    )
    assert "application/pdf" in details
    assert f"{len(PDF):,}" in details  # the exact size, with the locale's separators
    target = tmp_path / "copia.pdf"
    asked = _save_as(target)
    viewer.extract_button.click()  # the page's own Extract
    assert asked == ["fileDialog"]
    qtbot.waitUntil(lambda: target.exists(), timeout=WAIT)
    qtbot.waitUntil(lambda: window.session.runner.busy == 0, timeout=WAIT)
    assert target.read_bytes() == PDF
    assert _viewers(panel) == []  # it closed for the extract


def test_a_pdf_is_not_even_read(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "informe.pdf"
    source.write_bytes(PDF)
    panel = _attach(window, source)
    _damage_the_end(window)  # a read of the whole file would be an integrity error
    viewer = _open_first(qtbot, panel)
    _unshown(viewer)
    assert _errors(window) == []


def test_a_text_plain_full_of_binary_gets_the_message_in_spanish(  # type: ignore[no-untyped-def]
    qtbot, window, tmp_path
) -> None:
    from ui.common.i18n import language

    source = tmp_path / "notas.txt"  # a .txt name: text/plain by its type
    source.write_bytes(b"\x00\x01\x02\xfe\xff" * 20_000)
    panel = _attach(window, source)
    qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=WAIT)
    assert panel.list.item(0).data(Qt.ItemDataRole.UserRole)["media_type"] == "text/plain"
    language().set("es")
    try:
        viewer = _open_first(qtbot, panel)
        message, details = _unshown(viewer)
    finally:
        language().set("en")
    assert message == (
        "Este tipo de archivo no se puede mostrar aquí. "
        "Usa Extraer… para guardar una copia donde elijas."
    )
    assert "text/plain" in details
    assert "100.000" in details  # Spanish separators
    assert viewer.extract_button.text() == "E&xtraer…"


def test_a_large_text_reads_only_the_two_megabytes_it_shows(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "registro.log"
    source.write_bytes((b"linea de registro\n" * 200_000)[:3_000_000])
    panel = _attach(window, source)
    _damage_the_end(window)  # past the first 2 MB: only reading all of it reaches it
    viewer = _open_first(qtbot, panel)
    assert _errors(window) == []
    assert viewer.text is not None
    qtbot.waitUntil(viewer.text_shown_whole, timeout=10_000)
    shown = viewer.text.toPlainText()
    assert shown.startswith("linea de registro\n")
    assert len(shown.encode()) == 2_000_000  # ASCII: exactly the prefix
    viewer.close()


def test_a_picture_file_past_the_bound_is_refused_before_it_is_read(  # type: ignore[no-untyped-def]
    qtbot, window, tmp_path, monkeypatch
) -> None:
    from ui.common import evidence_viewer

    picture = QImage(600, 600, QImage.Format.Format_RGB32)
    for y in range(600):  # noise, so the file is large
        for x in range(0, 600, 3):
            picture.setPixelColor(x, y, QColor((x * 7 + y * 13) % 256, (x * y) % 256, y % 256))
    source = tmp_path / "foto.png"
    assert picture.save(str(source), "PNG")
    monkeypatch.setattr(evidence_viewer, "IMAGE_FILE_LIMIT", source.stat().st_size - 1)
    panel = _attach(window, source)
    _damage_the_end(window)  # reading it would say "damaged" instead
    qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=WAIT)
    panel.list.setCurrentRow(0)
    panel.view()
    qtbot.waitUntil(lambda: len(_errors(window)) == 1, timeout=WAIT)
    text = _errors(window)[0].text()
    assert text.startswith("This picture file is too large to show here (")
    assert "Nothing was opened" in text
    assert _viewers(panel) == []
    _errors(window)[0].close()


def test_the_coordinator_sees_a_received_zip_said_and_saves_it(  # type: ignore[no-untyped-def]
    qtbot,
    tmp_path,
    mission,  # noqa: F811
    coordinator_window,  # noqa: F811
) -> None:
    window = coordinator_window
    content = b"PK\x03\x04" + os.urandom(50_000)
    report = open_received_file(qtbot, mission, window, content, "application/zip")
    report.view_file()
    qtbot.waitUntil(lambda: len(_viewers(report)) == 1, timeout=WAIT)
    viewer = _viewers(report)[0]
    _, details = _unshown(viewer)
    assert "application/zip" in details
    target = tmp_path / "recibido.zip"
    asked = _save_as(target)
    viewer.extract_button.click()
    assert asked == ["fileDialog"]
    qtbot.waitUntil(lambda: target.exists() and target.stat().st_size == len(content), timeout=WAIT)
    assert target.read_bytes() == content
