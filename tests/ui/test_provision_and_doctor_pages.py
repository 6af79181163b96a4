"""The app's guided provisioning page and its doctor page, on a real vault and relay."""

from __future__ import annotations

import os
from pathlib import Path

from reporter import preferences
from reporter.relay.serve import BackgroundRelay
from reporter.relay.store import RelayStore
from reporter.share.coalition import PROFILE_FILE, create_coalition

KEYS = "frase de las llaves de la coalición 7"


def test_provision_page_imports_enrolls_and_shows_the_fingerprint(qtbot, vault, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from ui.common.i18n import language
    from ui.common.provision_page import ProvisionPage

    language().set("en")
    relay = BackgroundRelay(tmp_path / "relay").start()
    try:
        profile = create_coalition(tmp_path / "coalition", "Red TDT", [relay.url], KEYS, "x25519")
        store = RelayStore(tmp_path / "relay")
        token = store.create_token("device")
        store.close()
        page = ProvisionPage(vault)
        qtbot.addWidget(page)
        page.show()
        page.profile.setText(str(tmp_path / "coalition" / PROFILE_FILE))
        page.language_box.setCurrentIndex(page.language_box.findData("es"))
        page.discreet.setChecked(True)
        page.token.setText(token)
        with qtbot.waitSignal(page.provisioned, timeout=30000):
            page.button.click()
        page.runner.wait(10000)
    finally:
        relay.stop()

    assert profile.fingerprint in page.outcome.text()
    assert "doctor" in page.outcome.text()
    assert language().code == "es"
    assert page.done is not None
    assert page.done.enrolled is not None
    assert vault.get_meta("relay_credential")
    assert preferences.read(vault.home) == {"language": "es", "discreet": True}
    assert page.token.text() == ""  # the token is not kept on screen
    language().set("en")


def test_provision_page_refuses_a_tampered_profile_and_changes_nothing(
    qtbot, vault, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from ui.common.i18n import language
    from ui.common.provision_page import ProvisionPage

    language().set("en")
    create_coalition(tmp_path / "coalition", "Red TDT", ["http://127.0.0.1:9"], KEYS, "x25519")
    bad = tmp_path / "bad.testigo-profile"
    bad.write_bytes(
        (tmp_path / "coalition" / PROFILE_FILE).read_bytes().replace(b"Red TDT", b"Red TDX")
    )
    page = ProvisionPage(vault)
    qtbot.addWidget(page)
    page.profile.setText(str(bad))
    page.button.click()
    qtbot.waitUntil(lambda: page.task is None and page.button.isEnabled(), timeout=10000)

    assert "signature" in page.outcome.text()
    assert page.done is None
    assert vault.query("SELECT count(*) FROM profiles")[0][0] == 0
    assert preferences.read(vault.home) == {}


def test_doctor_page_lists_each_check_and_finds_open_permissions(qtbot, vault) -> None:  # type: ignore[no-untyped-def]
    from ui.common.doctor_page import DoctorPage
    from ui.common.i18n import language

    language().set("es")
    page = DoctorPage(vault.home, vault)
    qtbot.addWidget(page)
    page.run_button.click()
    qtbot.waitUntil(lambda: page.task is None and page.model.rowCount() > 0, timeout=20000)
    first = dict(page.rows())
    os.chmod(vault.home, 0o755)  # noqa: S103 - the problem the page must show
    page.run_button.click()
    qtbot.waitUntil(
        lambda: page.task is None and dict(page.rows()).get("data.permissions") == "fail",
        timeout=20000,
    )

    assert first["data.permissions"] == "ok"
    assert first["vault.integrity"] == "ok"
    assert {
        "relay.direct",
        "relay.pin",
        "clock",
        "disk.free",
        "core.dumps",
        "swap",
        "disk.encryption",
        "package.checksums",
    } <= set(first)
    texts = [page.model.item(i).text() for i in range(page.model.rowCount())]
    assert any("chmod" in t and "Qué hacer" in t for t in texts), texts
    assert "1 por corregir" in page.summary.text()
    language().set("en")
    assert "to fix" in page.summary.text()
    assert Path(vault.home).is_dir()
