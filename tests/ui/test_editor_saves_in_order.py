"""Saves of one form follow each other: a new incident saved twice before the first save
came back is one incident, and the last save's text is what the vault keeps."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

pytestmark = pytest.mark.gui


def _fill(editor, title: str) -> None:  # type: ignore[no-untyped-def]
    editor.title.setText(title)
    editor.types.item(0).setCheckState(Qt.CheckState.Checked)


def test_two_quick_saves_of_a_new_incident_make_one_incident(qtbot, window, vault) -> None:  # type: ignore[no-untyped-def]
    window.new_incident()
    editor = window.editor
    _fill(editor, "Amenaza en la radio")
    editor.save(draft=True)  # autosave, then the person presses Save before it came back
    editor.title.setText("Amenaza en la radio comunitaria")
    editor.save()
    assert window.session.runner.wait(20000)
    qtbot.waitUntil(lambda: editor.status.text() == "Saved.", timeout=10000)
    rows = vault.query("SELECT id FROM incidents")
    assert len(rows) == 1
    assert editor.incident_id == rows[0][0]
    assert vault.incidents.get(rows[0][0])["title"] == "Amenaza en la radio comunitaria"


def test_many_saves_of_one_incident_keep_the_last_text(qtbot, window, vault) -> None:  # type: ignore[no-untyped-def]
    window.new_incident()
    editor = window.editor
    _fill(editor, "v0")
    for n in range(1, 9):
        editor.title.setText(f"v{n}")
        editor.save(draft=True)
    assert window.session.runner.wait(20000)
    qtbot.waitUntil(lambda: editor.status.text() == "Draft saved.", timeout=10000)
    rows = vault.query("SELECT id FROM incidents")
    assert len(rows) == 1
    assert vault.incidents.get(rows[0][0])["title"] == "v8"


def test_a_save_that_comes_back_after_another_form_opened_leaves_that_form_alone(  # type: ignore[no-untyped-def]
    qtbot, window, vault
) -> None:
    editor = window.editor
    window.new_incident()
    _fill(editor, "A")
    editor.save()
    window.new_incident()  # a new, empty form before the first save came back
    qtbot.waitUntil(lambda: window.session.runner.busy == 0, timeout=20000)  # delivered
    assert len(vault.query("SELECT id FROM incidents")) == 1
    assert editor.incident_id is None
    _fill(editor, "B")
    editor.save()
    assert window.session.runner.wait(20000)
    qtbot.waitUntil(lambda: editor.status.text() == "Saved.", timeout=10000)
    titles = sorted(
        vault.incidents.get(r[0])["title"] for r in vault.query("SELECT id FROM incidents")
    )
    assert titles == ["A", "B"]  # B was added, not written over A
