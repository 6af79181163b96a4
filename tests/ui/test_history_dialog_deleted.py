"""An incident's history dialog is deleted when it closes: each History click made one more
that lived, with the incident's revisions, as long as the window."""

from __future__ import annotations

import pytest
import shiboken6

pytestmark = pytest.mark.gui


def test_closing_the_history_deletes_it(qtbot, window, vault) -> None:  # type: ignore[no-untyped-def]
    from ui.reporter.incidents.history import HistoryDialog

    incident_id = vault.incidents.add({"title": "Historia", "incident_types": ["HAR.THREAT"]})
    window.open_incident(incident_id)
    qtbot.waitUntil(lambda: window.editor.incident_id == incident_id, timeout=10000)
    window.editor.show_history()
    qtbot.waitUntil(lambda: window.editor.findChild(HistoryDialog) is not None, timeout=10000)
    dialog = window.editor.findChild(HistoryDialog)
    gone: list[bool] = []
    dialog.destroyed.connect(lambda: gone.append(True))
    dialog.close()
    qtbot.waitUntil(lambda: bool(gone), timeout=5000)
    assert not shiboken6.isValid(dialog)
    assert window.editor.findChildren(HistoryDialog) == []
