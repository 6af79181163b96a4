"""A record that became a draft after the share screen loaded it is asked about again, not
sealed as if it were complete (sealing cannot be undone)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reporter.share.outbox_store import OutboxStore
from tests.ui.coalition_setup import join_coalition

pytestmark = pytest.mark.gui


def test_a_record_that_became_a_draft_meanwhile_is_not_sealed(
    qtbot, window, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    vault = window.session.vault
    join_coalition(vault, tmp_path)
    incident_id = vault.incidents.add(
        {"title": "Completo", "incident_types": ["HAR.THREAT"], "status": "COMPLETE"}
    )
    window.share_incident(incident_id)
    page = window.share_page
    qtbot.waitUntil(page.send_button.isEnabled, timeout=10000)
    vault.incidents.patch(incident_id, {"status": "DRAFT"})  # e.g. saved from the editor
    page.send_button.click()
    qtbot.waitUntil(lambda: bool(page.status.text()), timeout=10000)
    assert window.session.runner.wait(20000)
    qtbot.waitUntil(lambda: window.session.runner.busy == 0, timeout=10000)
    assert "draft" in page.status.text().lower()
    assert OutboxStore(vault).list() == []
