"""The inbox page writes receipt files for bundles imported from files, as the CLI does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reporter.inbox.inbox import Inbox
from reporter.share.outbox_store import OutboxStore
from reporter.share.receipt_files import import_receipt_files
from reporter.share.sharing import share_incidents
from tests.share.conftest import make_world

pytestmark = pytest.mark.gui


def test_the_inbox_writes_receipt_files_the_outbox_takes(qtbot: Any, tmp_path: Path) -> None:
    from ui.common.i18n import language
    from ui.common.session import Session
    from ui.coordinator.window import CoordinatorWindow

    world = make_world(tmp_path, "x25519")
    try:
        iid = world.reporter.incidents.add({"title": "Por USB", "incident_types": ["HAR.THREAT"]})
        bundle_id = share_incidents(world.reporter, [iid], [], ["share_free_text"])
        path = tmp_path / "bundle.age"
        path.write_bytes(world.ciphertext(bundle_id))
        assert Inbox(world.coordinator).import_file(path).status == "imported"

        language().set("en")
        window = CoordinatorWindow(Session(world.coordinator))
        qtbot.addWidget(window)
        window.show()
        try:
            inbox = window.inbox
            assert inbox.receipts_button.text() == "Write &receipt files…"
            out = tmp_path / "receipts"
            assert inbox.write_receipts(out) is not None
            qtbot.waitUntil(lambda: inbox.receipts_button.isEnabled(), timeout=10_000)
            assert inbox.receipts_status.text() == "1 receipt file written"
            assert inbox.write_receipts(tmp_path / "again") is not None
            qtbot.waitUntil(lambda: inbox.receipts_button.isEnabled(), timeout=10_000)
            assert "already has its receipt" in inbox.receipts_status.text()
        finally:
            window.session.runner.close(10_000)
        outcomes = import_receipt_files(world.reporter, [out])
        assert [(o.status, o.bundle_id) for o in outcomes] == [("received", bundle_id)]
        assert OutboxStore(world.reporter).get(bundle_id)["state"] == "received"
    finally:
        world.reporter.close()
        world.coordinator.close()
