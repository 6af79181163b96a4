"""Ticking files quickly runs one preview at a time: each preview cleans every ticked file in
memory (up to 256 MiB each), so previews side by side multiplied what memory held. The
last one asked for is the one shown."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.share.test_cleaning import make_pdf
from tests.ui.coalition_setup import join_coalition

pytestmark = pytest.mark.gui


def test_quick_ticks_run_one_preview_and_show_the_last(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    vault = window.session.vault
    join_coalition(vault, tmp_path)
    incident_id = vault.incidents.add({"title": "Informe", "incident_types": ["HAR.THREAT"]})
    for n in range(4):
        vault.attachments.add(incident_id, io.BytesIO(make_pdf()), f"informe-{n}.pdf")
    window.share_incident(incident_id)
    page = window.share_page
    qtbot.waitUntil(lambda: page.files_model.rowCount() == 4, timeout=10000)
    qtbot.waitUntil(page.send_button.isEnabled, timeout=10000)
    runner = window.session.runner
    most = 0
    for n in range(4):
        page.files_model.item(n).setCheckState(Qt.CheckState.Checked)
        most = max(most, runner.busy)
    assert most == 1  # one preview running; the others were folded into the next one
    qtbot.waitUntil(lambda: runner.busy == 0 and page.send_button.isEnabled(), timeout=30000)
    shown = {a["id"] for a in page.preview["attachments"]}
    assert shown == set(page.chosen_files())
    assert len(shown) == 4
