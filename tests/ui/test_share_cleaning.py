"""The share screen says, for each ticked file, what metadata is removed, in both languages."""

from __future__ import annotations

import io
from pathlib import Path

from PySide6.QtCore import Qt

from tests.share.test_cleaning import make_pdf
from tests.ui.coalition_setup import join_coalition


def test_ticking_a_pdf_shows_what_leaves_it(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.common.i18n import language

    vault = window.session.vault
    join_coalition(vault, tmp_path)
    incident_id = vault.incidents.add({"title": "Informe", "incident_types": ["HAR.THREAT"]})
    vault.attachments.add(incident_id, io.BytesIO(make_pdf()), "informe-policia.pdf")
    window.share_incident(incident_id)
    page = window.share_page
    qtbot.waitUntil(lambda: page.files_model.rowCount() == 1, timeout=10000)
    page.files_model.item(0).setCheckState(Qt.CheckState.Checked)

    def files_row() -> str:
        model = page.model
        for row in range(model.rowCount()):
            if model.data(model.index(row, 0)) == page.model.field_label("attachments"):
                return str(model.data(model.index(row, 2)))
        return ""

    qtbot.waitUntil(lambda: "removed:" in files_row(), timeout=10000)
    assert "XMP metadata; document information" in files_row()
    window.resize(1100, 700)
    window.grab().save(str(tmp_path / "en-share-pdf.png"))
    try:
        language().set("es")
        qtbot.waitUntil(lambda: "se quitó:" in files_row(), timeout=10000)
        assert "metadatos XMP; información del documento" in files_row()
        window.grab().save(str(tmp_path / "es-share-pdf.png"))
    finally:
        language().set("en")


def test_the_add_file_flow_deletes_the_original_only_when_ticked(
    qtbot,
    window,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    from ui.common.i18n import language

    vault = window.session.vault
    incident_id = vault.incidents.add({"title": "x", "incident_types": ["HAR.THREAT"]})
    window.open_incident(incident_id)
    qtbot.waitUntil(lambda: window.editor.incident_id == incident_id, timeout=10000)
    panel = window.editor.attachments
    kept, removed = tmp_path / "se-queda.txt", tmp_path / "se-borra.txt"
    kept.write_bytes(b"uno")
    removed.write_bytes(b"dos")
    panel.add(kept)
    qtbot.waitUntil(lambda: panel.task is None, timeout=10000)
    assert kept.exists()
    panel.delete_original.setChecked(True)
    assert "SSD" in panel.delete_warning.text()
    panel.add(removed)
    assert not panel.delete_original.isChecked()  # opt-in for that file only
    qtbot.waitUntil(lambda: panel.task is None, timeout=10000)
    assert not removed.exists()
    assert len(vault.attachments.list(incident_id)) == 2
    try:
        language().set("es")
        assert "copia de seguridad" in panel.delete_warning.text()
        assert "original" in panel.delete_original.text()
    finally:
        language().set("en")
