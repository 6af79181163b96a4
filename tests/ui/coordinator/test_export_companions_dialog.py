"""The export dialog asks before it replaces a companion file changed since Testigo wrote it.

The save dialog asked only about the main file; a codebook annotated by hand beside it is
listed, and the coordinator replaces it too, keeps it (only the main file is written) or
cancels (nothing is written). The vault holds reports received as real bundles.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.exports.conftest import Received, build_received

pytestmark = pytest.mark.gui

NOTE = b"# anotado a mano\n"


@pytest.fixture(scope="module")
def received(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    got = build_received(tmp_path_factory.mktemp("w"))
    yield got
    got.vault.close()


def _dialog(qtbot, received: Received, out: Path):  # type: ignore[no-untyped-def]
    from ui.common.tasks import TaskRunner
    from ui.coordinator.export_dialog import ExportDialog

    runner = TaskRunner(received.vault)
    dialog = ExportDialog(runner)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    dialog.out.setText(str(out))
    return dialog, runner


def _export(qtbot, dialog) -> dict:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.exported, timeout=30000) as done:
        dialog.export_button.click()
    return done.args[0]


def _asked(qtbot, dialog):  # type: ignore[no-untyped-def]
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.companions_box is not None, timeout=30000)
    box = dialog.companions_box
    qtbot.waitUntil(box.isVisible, timeout=5000)
    return box


def _button(box, name: str):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QAbstractButton

    return next(b for b in box.findChildren(QAbstractButton) if b.objectName() == name)


def test_a_hand_edited_codebook_is_listed_then_kept_or_replaced(
    qtbot, received: Received, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from ui.common.i18n import language

    language().set("en")
    out = tmp_path / "informe.csv"
    codebook = tmp_path / "informe.codebook.csv"
    dialog, runner = _dialog(qtbot, received, out)
    _export(qtbot, dialog)
    assert dialog.companions_box is None
    _export(qtbot, dialog)  # unchanged since: replaced without a question
    assert dialog.companions_box is None
    edited = codebook.read_bytes() + NOTE
    codebook.write_bytes(edited)
    out.write_bytes(b"old\n")

    box = _asked(qtbot, dialog)  # Cancel: nothing written
    assert str(codebook) in box.informativeText()
    assert str(out) not in box.informativeText()
    assert box.windowTitle() == "Replace the files beside the export?"
    box.reject()
    qtbot.waitUntil(lambda: dialog.companions_box is None, timeout=5000)
    assert dialog.status.text() == "Nothing was written."
    assert out.read_bytes() == b"old\n"
    assert codebook.read_bytes() == edited

    box = _asked(qtbot, dialog)  # Keep mine: only the main file
    with qtbot.waitSignal(dialog.exported, timeout=30000) as done:
        _button(box, "keepCompanions").click()
    assert out.read_bytes() != b"old\n"
    assert codebook.read_bytes() == edited
    assert done.args[0]["files"] == [str(out)]
    assert "Kept as they were:\n" + str(codebook) in dialog.status.text()

    box = _asked(qtbot, dialog)  # Replace them too
    with qtbot.waitSignal(dialog.exported, timeout=30000) as done:
        _button(box, "replaceCompanions").click()
    runner.wait(10000)
    assert NOTE not in codebook.read_bytes()
    assert done.args[0]["files"] == [str(out), str(codebook)]


def test_the_question_in_spanish(qtbot, received: Received, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.common.i18n import language

    language().set("es")
    try:
        out = tmp_path / "informe.csv"
        dialog, runner = _dialog(qtbot, received, out)
        _export(qtbot, dialog)
        codebook = tmp_path / "informe.codebook.csv"
        codebook.write_bytes(codebook.read_bytes() + NOTE)
        box = _asked(qtbot, dialog)
        assert box.windowTitle() == "¿Reemplazar los archivos junto a la exportación?"
        assert "a mano" in box.text()
        assert _button(box, "replaceCompanions").text() == "&Reemplazarlos también"
        assert _button(box, "keepCompanions").text() == (
            "&Conservar los míos (escribir solo el archivo principal)"
        )
        box.reject()
        qtbot.waitUntil(lambda: dialog.companions_box is None, timeout=5000)
        assert dialog.status.text() == "No se escribió nada."
        runner.wait(10000)
    finally:
        language().set("en")
