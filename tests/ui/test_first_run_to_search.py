"""Issue 6, test 1: first run → first saved incident → search result, through the widgets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from tests.ui.conftest import PASSPHRASE


def test_first_run_then_first_incident_then_search(qtbot, home: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.app import Controller
    from ui.common.i18n import language

    controller = Controller(home)
    controller.start()
    wizard = controller.wizard
    assert wizard is not None
    qtbot.addWidget(wizard)
    wizard.language_page.english.setChecked(True)
    assert language().code == "en"
    wizard.next()  # → what Testigo protects
    assert "does not protect" in wizard.about_page.text.text()
    wizard.next()  # → passphrase
    page = wizard.passphrase_page
    qtbot.keyClicks(page.first, "corto")
    assert not page.isComplete()
    assert page.reason.text()  # says why it is refused
    page.first.setText(PASSPHRASE)
    page.second.setText(PASSPHRASE)
    assert page.isComplete()
    wizard.next()  # → optional profile
    with qtbot.waitSignal(wizard.created, timeout=20000):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    window = controller.window
    assert window is not None
    qtbot.addWidget(window)
    assert (home / "vault.key").exists()

    window.new_incident()
    editor = window.editor
    editor.title.setFocus()
    editor.title.insert("Búsqueda en la redacción")  # QtTest types ASCII only
    editor.description.setPlainText("Llegaron sin orden judicial.")
    editor.types.item(0).setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(editor.saved, timeout=10000) as saved:
        editor.save_button.click()
    incident_id = saved.args[0]

    window.show_list()
    page = window.list_page
    qtbot.keyClicks(page.search, "busqueda")  # no accent: still found
    qtbot.waitUntil(
        lambda: page.model.rowCount() == 1 and page.model.id_at(0) == incident_id, timeout=10000
    )
    page.search.clear()
    qtbot.keyClicks(page.search, "nada-parecido")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=10000)
    window.session.runner.wait(10000)
    window.lock()
