"""Settings → Protection (issue 19): the app calls the same core use cases as the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from reporter.age import ScryptIdentity
from reporter.vault.backup import restore_backup
from reporter.vault.keyfile import KeyFile
from reporter.vault.vault import Vault
from tests.core.conftest import PASSPHRASE

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    from ui.common.settings_page import SettingsPage
    from ui.common.tasks import TaskRunner

    vault = Vault.create(tmp_path / "v", PASSPHRASE)
    vault.set_meta("created_at", "2020-01-01T00:00:00Z")  # an old vault, never backed up
    runner = TaskRunner(vault)
    widget = SettingsPage(runner=runner)
    qtbot.addWidget(widget)
    yield widget
    runner.close()
    vault.close()


def test_reminder_wipe_after_and_backup_from_settings(qtbot, page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.common.i18n import language

    language().set("en")
    qtbot.waitUntil(lambda: "time to make a backup" in page.backup_state.text(), timeout=10000)
    assert page.protect_box.isVisibleTo(page)
    with qtbot.waitSignal(page.protectionChanged, timeout=10000):
        page.apply_wipe_after(PASSPHRASE, 10)
    assert KeyFile.read(tmp_path / "v" / "vault.key").wipe_after == 10
    qtbot.waitUntil(lambda: page.wipe_after.currentData() == 10, timeout=10000)

    out = tmp_path / "copy.age"
    with qtbot.waitSignal(page.protectionChanged, timeout=30000):
        page.start_backup(out, "a backup passphrase 123")
    qtbot.waitUntil(lambda: page.backup_state.text().startswith("Last backup:"), timeout=10000)
    assert "time to make" not in page.backup_state.text()
    with out.open("rb") as src:
        restore_backup(src, tmp_path / "restored", [ScryptIdentity("a backup passphrase 123")])
    Vault.open(tmp_path / "restored", PASSPHRASE).close()


def test_a_wrong_passphrase_is_said_in_spanish_and_changes_nothing(
    qtbot,
    page,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    from ui.common.i18n import language

    language().set("es")
    page.retranslateUi()  # as the main window does on a language change
    before = (tmp_path / "v" / "vault.key").read_bytes()
    with qtbot.waitSignal(page.protectionFailed, timeout=10000) as said:
        page.apply_wipe_after("not my passphrase at all", 5)
    assert said.args[0] == "Frase de paso incorrecta."
    assert (tmp_path / "v" / "vault.key").read_bytes() == before
    assert page.protect_box.title() == "Protección"
