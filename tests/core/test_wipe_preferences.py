"""Issue 19: a wipe by failed unlocks leaves no preferences that say Testigo was used, and how.

Language, window sizes, auto-lock, connection, discreet mode: no content, but a searcher who
finds them knows the app ran here. After N wrong passphrases, in the CLI and in the app
(through the real unlock guard both times), those files are gone with the vault, and what
the app still holds in memory does not write them back: the next screen is the first run.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reporter import preferences as core_preferences
from reporter.places import SETTINGS_DIR
from reporter.vault.vault import Vault
from tests.core.conftest import PASSPHRASE, CliRunner

WRONG = "not the passphrase at all 000"
WAIT = 20_000


def _files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_cli_wipe_by_failed_unlocks_removes_the_preferences(
    cli: CliRunner, home: Path, tmp_path: Path
) -> None:
    config = tmp_path / "config"
    env = {"XDG_CONFIG_HOME": str(config), "TESTIGO_HOME": str(home)}
    cli("init")
    cli("settings", "wipe-after", "5")
    core_preferences.write(home, language="es", discreet=False)
    app_file = home / SETTINGS_DIR / "Testigo" / "Testigo.ini"  # where the app's Qt file is
    app_file.parent.mkdir(mode=0o700)
    app_file.write_text("[General]\nlanguage=es\nautolock_minutes=5\n")
    legacy = config / "Testigo" / "Testigo.conf"  # an older version's, in ~/.config
    legacy.parent.mkdir(parents=True)
    legacy.write_text("[General]\nlanguage=es\n")
    for _ in range(5):
        proc = cli("list", env={**env, "TESTIGO_PASSPHRASE": WRONG}, check=False)
        assert proc.returncode == 3
    assert not (home / "vault.key").exists()
    assert _files(home) == []
    assert not legacy.exists()
    assert not legacy.parent.exists()


@pytest.fixture
def app_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The app's QSettings confined to the data folder as ``create_app`` does; put back after."""
    from PySide6.QtCore import QCoreApplication, QSettings

    from ui.common import preferences

    for name in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        folder = tmp_path / "env" / name.lower()
        folder.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(name, str(folder))
    monkeypatch.setattr(preferences, "_place", None)
    names = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    QCoreApplication.setOrganizationName("Testigo")
    QCoreApplication.setApplicationName("Testigo")
    user = QSettings.Scope.UserScope
    yield tmp_path / "env"
    QSettings.setDefaultFormat(QSettings.Format.NativeFormat)
    for form in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(form, user, str(tmp_path / "env" / "xdg_config_home"))
    QCoreApplication.setOrganizationName(names[0])
    QCoreApplication.setApplicationName(names[1])


@pytest.mark.gui
def test_app_wipe_by_failed_unlocks_removes_the_preferences(
    qtbot: Any, tmp_path: Path, app_settings: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QSettings

    from reporter.places import Place
    from ui.app import Controller
    from ui.common import preferences
    from ui.common.i18n import language
    from ui.common.unlock import UnlockWindow

    home = tmp_path / "vault"
    with Vault.create(home, PASSPHRASE) as vault:
        vault.incidents.add({"title": "secreto", "incident_types": ["HAR.THREAT"]})
        vault.set_wipe_after(PASSPHRASE, 5)
    preferences.confine(Place(home))
    core_preferences.write(home, language="es")
    settings = QSettings()
    settings.setValue("autolock_minutes", 7)
    settings.setValue("connection", "tor")
    settings.setValue("mainWindow/geometry", b"\x01\x02geometry")
    settings.sync()
    del settings
    language().set("es")
    assert len(_files(home / SETTINGS_DIR)) == 2  # the app's file and the core's

    monkeypatch.setattr(UnlockWindow, "delay_unit_ms", 1)
    controller = Controller(home)
    controller.start()
    unlock = controller.unlock
    assert unlock is not None
    for attempt in range(1, 6):
        qtbot.waitUntil(unlock.button.isEnabled, timeout=WAIT)
        unlock.field.setText(WRONG)
        unlock.try_unlock()
        if attempt < 5:
            qtbot.waitUntil(lambda n=attempt: unlock.failures == n, timeout=WAIT)
    qtbot.waitUntil(lambda: controller.wizard is not None, timeout=WAIT)
    wizard = controller.wizard
    assert wizard is not None
    qtbot.addWidget(wizard)
    qtbot.waitUntil(wizard.isVisible, timeout=WAIT)
    QSettings().sync()  # what the app still holds in memory is not written back
    assert not (home / "vault.key").exists()
    assert _files(home) == []
    assert QSettings().value("connection") is None
    assert QSettings().value("mainWindow/geometry") is None
    wizard.close()
    language().set("en")
