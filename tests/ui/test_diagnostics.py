"""Help → Diagnostics: a failure's type and frames, copied or saved only on request."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from reporter import diagnostics
from ui.common.diagnostics_dialog import DiagnosticsDialog
from ui.common.tasks import TaskControl

SECRET = "CANARYDIAGUI58"


def lookup_witness(vault: Any, control: TaskControl) -> None:
    address = f"{SECRET} calle de la testigo"  # a local holding content
    raise LookupError(address)


def fail_once(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    diagnostics.clear()
    window.session.runner.run(lookup_witness)

    def shown() -> list[QMessageBox]:
        return [
            w
            for w in QApplication.allWidgets()
            if isinstance(w, QMessageBox) and w.objectName() == "errorDialog" and w.isVisible()
        ]

    qtbot.waitUntil(lambda: len(shown()) == 1, timeout=10000)
    shown()[0].done(0)


def files_containing(root: Path, needle: bytes) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file() and needle in path.read_bytes()]


def open_diagnostics(window) -> DiagnosticsDialog:  # type: ignore[no-untyped-def]
    (action,) = [a for a in window.help_menu.actions() if a.objectName() == "diagnosticsAction"]
    action.trigger()
    dialog = window.findChild(DiagnosticsDialog, "diagnostics")
    assert dialog is not None
    assert dialog.isVisible()
    return dialog


def test_help_diagnostics_shows_the_failure_and_copy_puts_it_on_the_clipboard(  # type: ignore[no-untyped-def]
    qtbot, window, tmp_path: Path
) -> None:
    fail_once(qtbot, window)
    dialog = open_diagnostics(window)
    shown = dialog.view.toPlainText()
    assert "internal_error" in shown
    assert "LookupError" in shown
    assert "tests/ui/test_diagnostics.py:" in shown
    assert ":lookup_witness" in shown
    assert SECRET not in shown
    assert "calle" not in shown
    dialog.copy_button.click()
    assert QApplication.clipboard().text() == shown
    assert files_containing(tmp_path, b"lookup_witness") == []  # in memory only
    assert files_containing(tmp_path, SECRET.encode()) == []
    dialog.reject()
    qtbot.waitUntil(lambda: window.findChild(DiagnosticsDialog) is None, timeout=5000)
    window.lock()
    assert QApplication.clipboard().text() == ""  # a lock clears it
    diagnostics.clear()


def test_save_writes_the_text_only_where_the_person_chose(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fail_once(qtbot, window)
    dialog = open_diagnostics(window)
    target = tmp_path / "elegido" / "diagnostico.txt"
    target.parent.mkdir()

    def answer() -> None:  # runs inside the file dialog's exec(): it exists by then
        open_ones = [
            w for w in QApplication.allWidgets() if isinstance(w, QFileDialog) and w.isVisible()
        ]
        if len(open_ones) != 1:  # never leave exec() waiting: the test then fails below
            for chooser in open_ones:
                chooser.reject()
            return
        open_ones[0].selectFile(str(target))
        open_ones[0].accept()

    QTimer.singleShot(0, answer)
    dialog.save_button.click()
    assert target.read_text(encoding="utf-8") == dialog.view.toPlainText()
    assert files_containing(tmp_path, b"lookup_witness") == [target]
    diagnostics.clear()


def test_the_window_speaks_spanish_too(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from ui.common.i18n import language

    diagnostics.clear()
    dialog = open_diagnostics(window)
    language().set("es")
    try:
        assert window.help_menu.title() == "Ayuda"
        assert dialog.windowTitle() == "Diagnóstico"
        assert dialog.copy_button.text() == "&Copiar"
        assert "ningún error" in dialog.view.toPlainText()
        assert not dialog.copy_button.isEnabled()  # nothing to copy or save
    finally:
        language().set("en")
    assert dialog.windowTitle() == "Diagnostics"
