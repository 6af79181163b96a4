"""The outbox view against a real relay on 127.0.0.1, and the lazy incident list."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from reporter.inbox.inbox import install_coalition_keys
from reporter.relay.serve import BackgroundRelay
from reporter.relay.store import RelayStore
from reporter.share.coalition import load_coalition_keys
from reporter.sync.coordinator import pull
from reporter.sync.engine import enroll
from reporter.vault.vault import Vault
from tests.ui.coalition_setup import join_coalition
from tests.ui.conftest import PASSPHRASE
from tests.ui.dialogs import answer_next_box
from ui.reporter.outbox_page import INCIDENTS, PROGRESS, STATE

KEYS = "frase de las llaves de la coalición 7"


@pytest.fixture
def enrolled(window: Any, tmp_path: Path) -> Iterator[RelayStore]:
    """The window's device in a coalition on a loopback relay, enrolled; the relay's store."""
    relay = BackgroundRelay(tmp_path / "relay").start()
    store = RelayStore(tmp_path / "relay")
    try:
        join_coalition(window.session.vault, tmp_path, relay.url, KEYS)
        enroll(window.session.vault, store.create_token("device"))
        yield store
    finally:
        store.close()
        relay.stop()


def test_outbox_shows_queued_sent_received(
    qtbot, window, tmp_path: Path, enrolled: RelayStore
) -> None:  # type: ignore[no-untyped-def]
    vault = window.session.vault
    incident_id = vault.incidents.add(
        {"title": "Amenaza en la radio", "incident_types": ["HAR.THREAT"]}
    )
    window.share_incident(incident_id)
    page = window.share_page
    qtbot.waitUntil(lambda: page.send_button.isEnabled(), timeout=10000)
    answer_next_box("Share it")  # a draft: the app asks first
    with qtbot.waitSignal(page.sent, timeout=10000):
        page.send_button.click()
    outbox = window.outbox_page
    model = outbox.model

    def state() -> str:
        return str(model.data(model.index(0, STATE))) if model.rowCount() else ""

    qtbot.waitUntil(lambda: state() == "queued", timeout=10000)
    assert model.data(model.index(0, INCIDENTS)) == "Amenaza en la radio"
    assert model.data(model.index(0, PROGRESS), Qt.ItemDataRole.UserRole) == 0
    outbox.sync_button.click()
    qtbot.waitUntil(lambda: state() == "sent", timeout=20000)
    assert model.data(model.index(0, PROGRESS), Qt.ItemDataRole.UserRole) == 100
    qtbot.waitUntil(lambda: window.sync_state.text() == "Up to date", timeout=10000)

    coordinator = Vault.create(tmp_path / "coord", PASSPHRASE, role="coordinator")
    install_coalition_keys(coordinator, load_coalition_keys(tmp_path / "co", KEYS))
    enroll(coordinator, enrolled.create_token("coordinator"))
    assert len(pull(coordinator).imported) == 1
    coordinator.close()

    qtbot.waitUntil(lambda: outbox.task is None, timeout=10000)
    outbox.sync_button.click()
    qtbot.waitUntil(lambda: state() == "received by the coalition", timeout=20000)


def test_ui_stays_responsive_while_a_sync_runs(qtbot, window, enrolled: RelayStore) -> None:  # type: ignore[no-untyped-def]
    """Thirty small bundles and one of 24 MiB (sent in pieces) while a timer watches the loop."""
    import io
    import os

    from reporter.share.outbox_store import OutboxStore
    from reporter.share.sharing import share_incidents
    from tests.ui.conftest import StallMeter

    vault = window.session.vault
    incident_id = vault.incidents.add({"title": "x", "incident_types": ["HAR.THREAT"]})
    for _ in range(30):
        share_incidents(vault, [incident_id])
    big = vault.attachments.add(incident_id, io.BytesIO(os.urandom(24 * 1024 * 1024)), "video.bin")
    share_incidents(vault, [incident_id], [big["id"]], ["share_attachments"])
    outbox = window.outbox_page
    window.show_outbox()
    qtbot.waitUntil(lambda: outbox.model.rowCount() == 31, timeout=10000)
    with StallMeter() as meter:
        outbox.sync_button.click()
        qtbot.waitUntil(lambda: outbox.task is None, timeout=120000)
    states = {item["state"] for item in OutboxStore(vault).list()}
    assert states == {"uploaded"}
    assert len(meter.gaps) > 10
    meter.assert_responsive()


def test_list_loads_lazily_and_scrolls(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(3)
    vault = window.session.vault
    batch = [
        {
            "title": f"incidente {n}",
            "incident_types": ["HAR.THREAT"],
            "where": {"state": rng.choice(["09", "30", "12"])},
        }
        for n in range(5000)
    ]
    vault.incidents.add_many(batch)
    page = window.list_page
    page.model.reload()
    qtbot.waitUntil(
        lambda: page.model.total == 5000 and page.model.rowCount() == 200, timeout=20000
    )
    assert page.model.canFetchMore()
    page.table.scrollToBottom()
    page.model.fetchMore()
    qtbot.waitUntil(lambda: page.model.rowCount() >= 400, timeout=20000)
    assert page.model.rowCount() < 5000  # never everything at once
    page.state_filter.setCurrentIndex(page.state_filter.findData("30"))
    qtbot.waitUntil(lambda: 0 < page.model.total < 5000, timeout=20000)
    assert all(row["state"] == "30" for row in page.model.rows)
