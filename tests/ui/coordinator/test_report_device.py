"""The report view's device field: the device's short name, then its fingerprint once.

The short name (what the inbox's Device column shows) is the fingerprint's first groups, so
writing both one after the other read as the fingerprint twice ("52339 48037 — 52339 48037 …").
A real coordinator vault (SQLCipher) imports a real sealed bundle; nothing is mocked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reporter.inbox.inbox import Inbox, install_coalition_keys
from reporter.share.coalition import create_coalition, load_coalition_keys
from reporter.vault.vault import Vault
from tests.share.signed_bundles import good_record, new_device, seal
from tests.sync.conftest import KEYS, PASSPHRASE

pytestmark = pytest.mark.gui


def _device_row(view: Any) -> str:
    """The cell after the "Device" label (a table's cells are lines in the plain text)."""
    lines = view.fields.toPlainText().splitlines()
    return lines[lines.index("Device") + 1]


def test_the_device_field_shows_the_short_name_and_the_fingerprint_once(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path
) -> None:
    from ui.common.i18n import language
    from ui.common.session import Session
    from ui.coordinator.inbox_page import pseudonym
    from ui.coordinator.window import CoordinatorWindow

    language().set("en")
    create_coalition(tmp_path / "c", "Red", ["http://127.0.0.1:9"], KEYS, "x25519")
    keys = load_coalition_keys(tmp_path / "c", KEYS)
    vault = Vault.create(tmp_path / "coord", PASSPHRASE, role="coordinator")
    install_coalition_keys(vault, keys)
    record = good_record(title="Antena falsa")
    path = tmp_path / "b.age"
    path.write_bytes(seal(keys.profile, new_device(), [record]))
    assert Inbox(vault).import_file(path).status == "imported"
    path.unlink()
    (fingerprint,) = [r[0] for r in vault.query("SELECT fingerprint FROM devices")]
    name = pseudonym(fingerprint)
    assert fingerprint.startswith(name)

    vault.set_meta("auto_sync", "off")
    window = CoordinatorWindow(Session(vault))
    qtbot.addWidget(window)
    window.show()
    try:
        window.open_report(record["id"])
        view = window.report
        qtbot.waitUntil(lambda: view.loaded is not None, timeout=20_000)
        row = _device_row(view)
        assert row == f"{fingerprint} (not verified)"
        assert view.fields.toPlainText().count(name) == 1
        assert f"<b>{name}</b>" in view._fields_html(view.loaded["report"], view.loaded)
    finally:
        window.session.runner.close(10_000)
        vault.close()
