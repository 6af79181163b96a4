"""Issue 19, test 1 (first half): connect and carry, all through the app.

First run → Settings → Coalition: load the profile, enroll with a token (a real relay on
127.0.0.1), test the connection → share a draft (confirmed) → Save to a USB stick → a
coordinator vault imports the files → it writes receipt files → "Import receipt files…" →
the item shows "received". The status bar says the truth at each step, in both languages.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWizard

from reporter.inbox.inbox import Inbox, install_coalition_keys
from reporter.inbox.receipt_files import write_receipt_files
from reporter.relay.serve import BackgroundRelay
from reporter.relay.store import RelayStore
from reporter.share.coalition import PROFILE_FILE, create_coalition, load_coalition_keys
from reporter.share.outbox_store import OutboxStore
from reporter.share.profile import current_profile
from reporter.share.receipt_files import RECEIPT_SUFFIX
from reporter.vault.vault import Vault
from tests.ui.conftest import PASSPHRASE
from tests.ui.dialogs import answer_next_box
from ui.reporter.outbox_page import STATE

KEYS = "frase de las llaves de la coalición 7"


class Relay:
    def __init__(self, root: Path) -> None:
        self.server = BackgroundRelay(root / "relay").start()
        self.store = RelayStore(root / "relay")
        self.url = self.server.url

    def token(self, role: str = "device") -> str:
        return self.store.create_token(role)

    def stop(self) -> None:
        self.store.close()
        self.server.stop()


@pytest.fixture
def relay(tmp_path: Path) -> Iterator[Relay]:
    running = Relay(tmp_path)
    yield running
    running.stop()


def first_run(qtbot: Any, home: Path) -> Any:
    """The wizard in English, without a profile: the window it opens."""
    from ui.app import Controller

    controller = Controller(home)
    controller.start()
    wizard = controller.wizard
    qtbot.addWidget(wizard)
    wizard.language_page.english.setChecked(True)
    wizard.next()
    wizard.next()
    wizard.passphrase_page.first.setText(PASSPHRASE)
    wizard.passphrase_page.second.setText(PASSPHRASE)
    wizard.next()
    with qtbot.waitSignal(wizard.created, timeout=20000):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    window = controller.window
    qtbot.addWidget(window)
    return window


def receipt_files_for(coordinator: Vault, usb: Path, out: Path) -> list[Path]:
    """The coordinator imports the stick's bundles, then writes their receipt files."""
    inbox = Inbox(coordinator)
    for bundle in sorted(usb.glob("*.age")):
        assert inbox.import_file(bundle).status == "imported"
    return [out / w["file"] for w in write_receipt_files(coordinator, out)]


def test_first_run_enroll_share_carry_receipt_received(  # type: ignore[no-untyped-def]
    qtbot, home: Path, tmp_path: Path, relay: Relay
) -> None:
    from ui.common.i18n import language

    create_coalition(tmp_path / "co", "Red TDT", [relay.url], KEYS, "x25519")
    window = first_run(qtbot, home)
    status = window.sync_state
    qtbot.waitUntil(lambda: status.text() == "Not connected to a coalition yet", timeout=10000)

    # Settings → Coalition: the profile, its fingerprint large and as a QR code.
    window.show_coalition()
    coalition = window.coalition_page
    assert window.settings_page.tabs.currentWidget() is coalition
    assert not coalition.enroll_button.isEnabled()  # no profile: nothing to enroll with
    coalition.load_profile(tmp_path / "co" / PROFILE_FILE)
    qtbot.waitUntil(lambda: coalition.state["profile"] is not None, timeout=10000)
    fingerprint = current_profile(window.session.vault).fingerprint  # type: ignore[union-attr]
    assert coalition.fingerprint.text() == f"Fingerprint: {fingerprint}"
    assert coalition.qr.isVisible()
    assert coalition.qr.renderer().isValid()
    assert coalition.name.text() == "Coalition: Red TDT"
    assert coalition.relay.text() == relay.url
    assert coalition.route.text() == "Direct (HTTPS)"
    assert status.text() == "Not connected to a coalition yet"  # a profile, no enrollment

    # A token, pasted (with the spaces a paste brings); used once and cleared.
    coalition.token.setText(f"  {relay.token()} \n")
    coalition.enroll_button.click()
    qtbot.waitUntil(lambda: coalition.state["enrolled"], timeout=20000)
    assert coalition.token.text() == ""
    assert coalition.enroll_status.text() == "Connected. Shared incidents can now leave."
    qtbot.waitUntil(lambda: status.text() == "Up to date", timeout=10000)
    coalition.test_button.click()
    qtbot.waitUntil(
        lambda: coalition.test_status.text() == "The relay answers over this connection.",
        timeout=20000,
    )

    # Share a draft: the app asks first.
    vault = window.session.vault
    incident_id = vault.incidents.add({"title": "Vigilancia", "incident_types": ["HAR.THREAT"]})
    window.share_incident(incident_id)
    page = window.share_page
    qtbot.waitUntil(page.send_button.isEnabled, timeout=10000)
    asked = answer_next_box("Share it")
    with qtbot.waitSignal(page.sent, timeout=10000):
        page.send_button.click()
    assert "still a draft" in asked[0]
    qtbot.waitUntil(lambda: status.text() == "1 waiting to be sent", timeout=10000)

    # Save to a USB stick: written, marked carried, still waiting for its receipt.
    outbox = window.outbox_page
    model = outbox.model
    usb = tmp_path / "usb"
    usb.mkdir()
    outbox.save_to_usb(usb)
    qtbot.waitUntil(lambda: outbox.task is None, timeout=10000)
    qtbot.waitUntil(
        lambda: (
            model.rowCount() == 1
            and model.data(model.index(0, STATE)) == "carried by hand: waiting for the receipt"
        ),
        timeout=10000,
    )
    assert [p.suffix for p in usb.iterdir()] == [".age"]
    qtbot.waitUntil(
        lambda: status.text() == "1 carried by hand, waiting for a receipt", timeout=10000
    )
    language().set("es")
    assert status.text() == "1 llevado a mano, en espera del acuse de recibo"
    language().set("en")

    # The coordinator imports the files and writes receipt files (inbox receipts --out); one
    # more file is garbage.
    coordinator = Vault.create(tmp_path / "coord", PASSPHRASE, role="coordinator")
    try:
        install_coalition_keys(coordinator, load_coalition_keys(tmp_path / "co", KEYS))
        back = tmp_path / "back"
        receipts = receipt_files_for(coordinator, usb, back)
    finally:
        coordinator.close()
    (back / f"receipt-0000000000000000{RECEIPT_SUFFIX}").write_bytes(b"not a receipt")

    outbox.import_receipts([back])
    qtbot.waitUntil(lambda: outbox.task is None, timeout=10000)
    qtbot.waitUntil(
        lambda: model.data(model.index(0, STATE)) == "received by the coalition", timeout=10000
    )
    said = outbox.status.text()
    assert "Receipts: 1 received by the coalition, 0 already marked." in said
    assert f"receipt-0000000000000000{RECEIPT_SUFFIX}: refused (not a receipt file)" in said
    assert receipts[0].name not in said
    qtbot.waitUntil(lambda: status.text() == "Up to date", timeout=10000)
    assert OutboxStore(vault).list()[0]["state"] == "received"

    # The relay goes away: the next attempt says so, and what waits.
    done = vault.incidents.add(
        {"title": "Otra", "incident_types": ["HAR.THREAT"], "status": "COMPLETE"}
    )
    window.share_incident(done)
    qtbot.waitUntil(page.send_button.isEnabled, timeout=10000)
    with qtbot.waitSignal(page.sent, timeout=10000):
        page.send_button.click()  # complete: no question asked
    relay.stop()
    qtbot.waitUntil(lambda: outbox.task is None, timeout=10000)
    outbox.sync_button.click()
    qtbot.waitUntil(lambda: status.text() == "Offline · 1 waiting to be sent", timeout=30000)
    language().set("es")
    assert status.text() == "Sin conexión · 1 en espera de envío"
    language().set("en")
    coalition.test_button.click()
    qtbot.waitUntil(
        lambda: coalition.test_status.text().startswith("The relay does not answer"),
        timeout=30000,
    )
    window.session.runner.wait(10000)
    window.lock()
    assert status.text() == ""  # no counts from the vault while it is locked


def test_replacing_the_profile_shows_both_fingerprints_and_needs_a_yes(  # type: ignore[no-untyped-def]
    qtbot, window, tmp_path: Path
) -> None:
    first = create_coalition(tmp_path / "a", "Red A", ["http://127.0.0.1:9"], KEYS, "x25519")
    other = create_coalition(tmp_path / "b", "Red B", ["http://127.0.0.1:9"], KEYS, "x25519")
    coalition = window.coalition_page
    coalition.load_profile(tmp_path / "a" / PROFILE_FILE)
    qtbot.waitUntil(lambda: coalition.state["profile"] is not None, timeout=10000)
    vault = window.session.vault

    asked = answer_next_box("Keep the trusted one")
    coalition.load_profile(tmp_path / "b" / PROFILE_FILE)
    qtbot.waitUntil(
        lambda: coalition.profile_status.text() == "The trusted profile was kept.", timeout=10000
    )
    assert first.fingerprint in asked[1]
    assert other.fingerprint in asked[1]
    assert current_profile(vault).name == "Red A"  # type: ignore[union-attr]

    answer_next_box("Replace it")
    coalition.load_profile(tmp_path / "b" / PROFILE_FILE)
    qtbot.waitUntil(lambda: coalition.state["profile"]["name"] == "Red B", timeout=10000)
    assert current_profile(vault).name == "Red B"  # type: ignore[union-attr]
    assert coalition.fingerprint.text() == f"Fingerprint: {other.fingerprint}"

    (tmp_path / "bad.testigo-profile").write_bytes(b"{}")
    coalition.load_profile(tmp_path / "bad.testigo-profile")
    qtbot.waitUntil(lambda: "profile" in coalition.profile_status.text(), timeout=10000)
    assert current_profile(vault).name == "Red B"  # type: ignore[union-attr]


def test_a_draft_not_confirmed_stays_and_a_bad_token_says_why(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    create_coalition(tmp_path / "co", "Red", ["http://127.0.0.1:9"], KEYS, "x25519")
    coalition = window.coalition_page
    coalition.load_profile(tmp_path / "co" / PROFILE_FILE)
    qtbot.waitUntil(lambda: coalition.enroll_button.isEnabled(), timeout=10000)
    coalition.token.setText("not-a-token")
    coalition.enroll_button.click()
    qtbot.waitUntil(lambda: "token" in coalition.enroll_status.text(), timeout=10000)
    assert not coalition.state["enrolled"]

    vault = window.session.vault
    incident_id = vault.incidents.add({"title": "Borrador", "incident_types": ["HAR.THREAT"]})
    window.share_incident(incident_id)
    page = window.share_page
    qtbot.waitUntil(page.send_button.isEnabled, timeout=10000)
    answer_next_box("Not now")
    page.send_button.click()
    qtbot.waitUntil(
        lambda: page.status.text() == "Not shared: the draft stays here.", timeout=10000
    )
    assert OutboxStore(vault).list() == []
    assert page.send_button.isEnabled()
