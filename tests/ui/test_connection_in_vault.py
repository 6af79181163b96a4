"""The connection the Settings page shows is the vault's: set by the CLI, used by the app's
sync, never written to the QSettings file beside the vault (a seized laptop's INI must not say
"this person goes through Tor"), and an older version's QSettings choice is moved in, then gone.
"""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from reporter.relay_client.connection import DEFAULT_PROXY, connection
from reporter.vault.vault import Vault
from tests.core.conftest import PASSPHRASE, cli_env

pytestmark = pytest.mark.gui


def open_window(qtbot, vault: Vault):  # type: ignore[no-untyped-def]
    from ui.common.i18n import language
    from ui.common.session import Session
    from ui.reporter.main_window import MainWindow

    language().set("en")
    session = Session(vault)
    win = MainWindow(session)
    qtbot.addWidget(win)
    win.show()
    return win


def ini_text() -> str:
    settings = QSettings()
    settings.sync()
    path = Path(settings.fileName())
    return path.read_text(encoding="utf-8") if path.exists() else ""


def error_box(page) -> QMessageBox | None:  # type: ignore[no-untyped-def]
    boxes = [b for b in page.findChildren(QMessageBox, "errorDialog") if b.isVisible()]
    return boxes[-1] if boxes else None


def test_a_choice_made_with_the_cli_is_shown_and_used_by_the_app(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from reporter.relay.serve import BackgroundRelay
    from tests.sync.conftest import build_mission
    from tests.sync.onion_socks import OnionSocks

    relay = BackgroundRelay(tmp_path / "relay").start()
    mission = build_mission(tmp_path, relay, tmp_path / "relay")
    mission.coordinator.close()
    proxy = OnionSocks({"localhost": relay.port}).start()
    window, vault = None, None
    try:
        with socket.socket() as closed:
            closed.bind(("127.0.0.1", 0))
            nowhere = closed.getsockname()[1]  # straight there, nothing answers
        mission.reporter.set_meta("relay_url", f"http://localhost:{nowhere}")
        bundle_id = mission.add_and_share()
        home = mission.reporter.home
        mission.reporter.close()
        env = cli_env(tmp_path, TESTIGO_PASSPHRASE=PASSPHRASE)
        subprocess.run(  # noqa: S603 - our own CLI
            [sys.executable, "-m", "tests.fast_cli", "--home", str(home)]
            + ["settings", "connection", "--socks", proxy.url],
            env=env,
            capture_output=True,
            timeout=120,
            check=True,
        )
        vault = Vault.open(home, PASSPHRASE)
        window = open_window(qtbot, vault)
        page = window.settings_page
        assert page.connection.currentData() == "socks"
        assert page.proxy.text() == proxy.url
        assert window.outbox_page.proxy == proxy.url  # from the start: no pass goes direct
        states: list[str] = []
        window.outbox_page.syncStateChanged.connect(states.append)
        window.outbox_page.sync()
        qtbot.waitUntil(lambda: window.outbox_page.task is None, timeout=30000)
        assert states == ["syncing", "up_to_date"]
        assert (3, f"localhost:{nowhere}") in proxy.requests  # the pass went through it
        from reporter.share.outbox_store import OutboxStore

        assert OutboxStore(vault).get(bundle_id)["state"] != "queued"
    finally:
        if window is not None:
            window.session.runner.wait(10000)
        if vault is not None:
            vault.close()
        proxy.stop()
        relay.stop()


def test_a_typo_is_refused_with_a_dialog_and_nothing_changes(qtbot, vault) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, vault)
    page = window.settings_page
    chosen: list[object] = []
    page.connectionChanged.connect(chosen.append)
    page.connection.setCurrentIndex(page.connection.findData("socks"))
    page.proxy.setText("socks5h://127.0.0.1:9050")
    page.proxy.editingFinished.emit()
    window.session.runner.wait(10000)
    assert chosen == [DEFAULT_PROXY, "socks5h://127.0.0.1:9050"]
    for typo in ("sock5h://127.0.0.1:9050", "http://127.0.0.1:8118", "127.0.0.1:9050"):
        page.proxy.setText(typo)
        page.proxy.editingFinished.emit()
        box = error_box(page)
        assert box is not None, typo
        assert "Not a SOCKS proxy address" in box.text()
        box.close()
        assert page.proxy.text() == "socks5h://127.0.0.1:9050"  # the field shows what is kept
    window.session.runner.wait(10000)
    assert len(chosen) == 2  # no new route announced
    assert window.outbox_page.proxy == "socks5h://127.0.0.1:9050"
    assert connection(vault).proxy == "socks5h://127.0.0.1:9050"


def test_socks5_without_h_warns_that_names_are_looked_up_here(qtbot, vault) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, vault)
    page = window.settings_page
    page.connection.setCurrentIndex(page.connection.findData("socks"))
    assert not page.proxy_warning.isVisibleTo(page)
    page.proxy.setText("socks5://127.0.0.1:1080")
    page.proxy.editingFinished.emit()
    assert page.proxy_warning.isVisibleTo(page)
    assert "DNS server learns which relay you use" in page.proxy_warning.text()
    from ui.common.i18n import language

    language().set("es")
    assert "su servidor DNS sabe qué relevo usa" in page.proxy_warning.text()
    language().set("en")


def test_the_ini_holds_no_connection_after_choosing_one_in_the_app(qtbot, vault) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, vault)
    page = window.settings_page
    page.connection.setCurrentIndex(page.connection.findData("tor"))
    page.connection.setCurrentIndex(page.connection.findData("socks"))
    page.proxy.setText("socks5h://127.0.0.1:1081")
    page.proxy.editingFinished.emit()
    window.session.runner.wait(10000)
    text = ini_text()
    assert "connection" not in text
    assert "proxy" not in text
    assert "1081" not in text
    assert connection(vault).proxy == "socks5h://127.0.0.1:1081"  # the vault has it
    page.clear()  # locked: the page forgets the vault's choice
    assert (page.connection.currentData(), page.proxy.text()) == ("direct", DEFAULT_PROXY)


def test_an_older_versions_choice_is_moved_into_the_vault_then_removed(qtbot, vault) -> None:  # type: ignore[no-untyped-def]
    old = QSettings()
    old.setValue("connection", "socks")
    old.setValue("proxy", "socks5h://127.0.0.1:9999")
    old.setValue("autolock_minutes", 7)  # a preference that stays
    old.sync()
    assert "9999" in ini_text()
    window = open_window(qtbot, vault)
    page = window.settings_page
    assert page.connection.currentData() == "socks"
    assert window.outbox_page.proxy == "socks5h://127.0.0.1:9999"
    assert connection(vault).proxy == "socks5h://127.0.0.1:9999"
    text = ini_text()
    assert "connection" not in text
    assert "proxy" not in text
    assert "9999" not in text
    assert "autolock_minutes" in text


def test_an_old_proxy_that_is_not_socks_fails_closed_not_direct(qtbot, vault) -> None:  # type: ignore[no-untyped-def]
    old = QSettings()
    old.setValue("connection", "socks")
    old.setValue("proxy", "http://127.0.0.1:8118")
    old.sync()
    window = open_window(qtbot, vault)
    page = window.settings_page
    assert page.connection.currentData() == "socks"
    assert window.outbox_page.proxy == DEFAULT_PROXY  # a proxy, never direct
    box = error_box(page)
    assert box is not None
    assert "Not a SOCKS proxy address" in box.text()
    assert "8118" not in ini_text()
