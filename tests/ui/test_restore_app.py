"""Issue 19: restore from a backup in the app, before any vault is open.

A backup the core made is restored at the first run and opens with the passphrase its vault
had; from the unlock screen it replaces the vault that is here only once the person typed
the confirmation; a tampered file is refused with the core's message in the error dialog
and the vault that was here is byte for byte the same; a cancel leaves nothing behind.
"""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWizard

from reporter.age import ScryptRecipient
from reporter.vault.backup import backup_to_file
from reporter.vault.vault import Vault
from tests.ui.conftest import PASSPHRASE

pytestmark = pytest.mark.gui
WAIT = 30_000
BACKUP_PASS = "a backup passphrase of its own 9"
ITS_OWN = "the restored vault's own passphrase 5"  # not the one of the vault that is here


def state(vault: Any) -> tuple[list[tuple[str, str]], dict[str, str]]:
    incidents = sorted((i, vault.incidents.get(i)["title"]) for i in vault.incidents.ids())
    hashes = {}
    for iid, _ in incidents:
        for att in vault.attachments.list(iid):
            digest = hashlib.sha256(b"".join(vault.attachments.chunks(att["id"])))
            hashes[att["id"]] = digest.hexdigest()
    return incidents, hashes


def make_backup(root: Path, size: int = 60_000) -> tuple[Path, Any]:
    """A vault of its own (its own passphrase), backed up by the core; what it held."""
    source = root / "source"
    with Vault.create(source, ITS_OWN) as vault:
        for i in range(2):
            iid = vault.incidents.add({"title": f"copiado {i}", "incident_types": ["HAR.THREAT"]})
            vault.attachments.add(iid, io.BytesIO(os.urandom(size)), f"e{i}.bin")
        held = state(vault)
        backup = root / "copia.age"
        backup_to_file(vault, backup, [ScryptRecipient(BACKUP_PASS, work_factor=10)])
    return backup, held


def files(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def unlock_with(qtbot: Any, controller: Any, secret: str) -> Any:
    unlock = controller.unlock
    assert unlock is not None
    qtbot.waitUntil(unlock.isVisible, timeout=WAIT)
    unlock.field.setText(secret)
    with qtbot.waitSignal(unlock.unlocked, timeout=WAIT) as opened:
        unlock.try_unlock()
    return opened.args[0]


def error_box() -> QMessageBox | None:
    for widget in QApplication.topLevelWidgets():
        if (
            isinstance(widget, QMessageBox)
            and widget.objectName() == "errorDialog"
            and widget.isVisible()
        ):
            return widget
    return None


def test_first_run_restore_then_unlock_with_the_backups_own_passphrase(
    qtbot: Any, tmp_path: Path
) -> None:
    from ui.app import Controller
    from ui.common.i18n import language

    language().set("en")
    backup, held = make_backup(tmp_path)
    home = tmp_path / "data" / "vault"
    controller = Controller(home)
    controller.start()
    wizard = controller.wizard
    assert wizard is not None
    qtbot.addWidget(wizard)
    restore = wizard.button(QWizard.WizardButton.CustomButton1)
    assert restore.isVisible()
    restore.click()
    dialog = wizard.restore_dialog
    assert dialog is not None
    assert not dialog.warning.isVisibleTo(dialog)  # nothing here to replace
    assert not dialog.restore_button.isEnabled()
    dialog.set_backup(backup)
    dialog.passphrase.setText(BACKUP_PASS)
    assert dialog.restore_button.isEnabled()
    assert "own passphrase" in dialog.note.text()
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: controller.unlock is not None, timeout=WAIT)
    assert controller.wizard is None
    unlock = controller.unlock
    assert unlock is not None
    qtbot.addWidget(unlock)
    assert "passphrase it had" in unlock.message.text()
    vault = unlock_with(qtbot, controller, ITS_OWN)
    assert state(vault) == held
    assert controller.window is not None
    qtbot.addWidget(controller.window)
    controller.window.lock()
    assert not list((tmp_path / "data").glob(".*"))


def _restore_from_unlock(qtbot: Any, home: Path, backup: Path) -> tuple[Any, Any]:
    from ui.app import Controller

    controller = Controller(home)
    controller.start()
    unlock = controller.unlock
    assert unlock is not None
    qtbot.addWidget(unlock)
    unlock.restore_button.click()
    dialog = unlock.restore_dialog
    assert dialog is not None
    dialog.set_backup(backup)
    dialog.passphrase.setText(BACKUP_PASS)
    return controller, dialog


def test_restore_from_the_unlock_screen_needs_the_confirmation_then_replaces(
    qtbot: Any, tmp_path: Path
) -> None:
    from ui.common.i18n import language

    language().set("en")
    backup, held = make_backup(tmp_path)
    home = tmp_path / "data" / "vault"
    with Vault.create(home, PASSPHRASE) as vault:
        vault.incidents.add({"title": "lo que había", "incident_types": ["HAR.THREAT"]})
    controller, dialog = _restore_from_unlock(qtbot, home, backup)
    assert dialog.warning.isVisibleTo(dialog)
    assert "replaces the vault" in dialog.warning.text()
    assert not dialog.restore_button.isEnabled()  # not without the word
    dialog.confirm.setText("replace it")
    assert not dialog.restore_button.isEnabled()
    dialog.confirm.setText(dialog.confirm_word())
    assert dialog.restore_button.isEnabled()
    with qtbot.waitSignal(dialog.restored, timeout=WAIT):
        dialog.restore_button.click()
    unlock = controller.unlock
    assert unlock is not None
    assert unlock.isVisible()
    assert "passphrase it had" in unlock.message.text()
    vault = unlock_with(qtbot, controller, ITS_OWN)
    assert state(vault) == held  # the old incident is gone, the backup's are there
    assert controller.window is not None
    qtbot.addWidget(controller.window)
    controller.window.lock()


def test_a_tampered_backup_is_refused_with_the_cores_message_and_changes_nothing(
    qtbot: Any, tmp_path: Path
) -> None:
    from reporter.age import ScryptIdentity
    from reporter.errors import TestigoError
    from reporter.vault.backup import restore_from_file
    from ui.common.errors import error_text
    from ui.common.i18n import language

    language().set("es")
    backup, _ = make_backup(tmp_path)
    data = bytearray(backup.read_bytes())
    data[-200] ^= 0x01
    backup.write_bytes(bytes(data))
    with pytest.raises(TestigoError) as refused:  # what the core says of this file
        restore_from_file(backup, tmp_path / "elsewhere", [ScryptIdentity(BACKUP_PASS)])
    home = tmp_path / "data" / "vault"
    with Vault.create(home, PASSPHRASE) as vault:
        vault.incidents.add({"title": "lo que había", "incident_types": ["HAR.THREAT"]})
    before = files(tmp_path / "data")
    controller, dialog = _restore_from_unlock(qtbot, home, backup)
    dialog.confirm.setText(dialog.confirm_word())
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: error_box() is not None, timeout=WAIT)
    box = error_box()
    assert box is not None
    assert box.text() == error_text(refused.value)
    box.close()
    assert dialog.isVisible()  # it stays, to choose another file
    assert not dialog.busy
    assert files(tmp_path / "data") == before  # the vault here: the same bytes, nothing else
    vault = unlock_with(qtbot, controller, PASSPHRASE)
    assert [vault.incidents.get(i)["title"] for i in vault.incidents.ids()] == ["lo que había"]
    assert controller.window is not None
    qtbot.addWidget(controller.window)
    controller.window.lock()
    language().set("en")


def test_cancel_leaves_nothing_half_written(qtbot: Any, tmp_path: Path) -> None:
    from ui.app import Controller

    backup, _ = make_backup(tmp_path, size=12 * 1024 * 1024)
    home = tmp_path / "data" / "vault"
    controller = Controller(home)
    controller.start()
    wizard = controller.wizard
    assert wizard is not None
    qtbot.addWidget(wizard)
    wizard.button(QWizard.WizardButton.CustomButton1).click()
    dialog = wizard.restore_dialog
    dialog.set_backup(backup)
    dialog.passphrase.setText(BACKUP_PASS)
    seen: list[int] = []

    def cancel_at_first(done: int, _total: int) -> None:
        if not seen:
            dialog.cancel_button.click()  # as the person would, while it runs
        seen.append(done)

    dialog.progressed.connect(cancel_at_first)
    dialog.restore_button.click()
    assert dialog.busy
    # It closes only once the worker has answered "cancelled" (a success would leave the
    # first run for the unlock screen instead).
    qtbot.waitUntil(lambda: wizard.restore_dialog is None, timeout=WAIT)
    assert seen
    assert seen[-1] < backup.stat().st_size  # stopped before the end
    assert error_box() is None
    assert controller.wizard is wizard  # still at the first run
    assert files(tmp_path / "data") == {}
    assert not home.exists()
    assert not list((tmp_path / "data").glob(".*"))


def test_a_backup_sealed_to_the_coalition_is_restored_with_its_identity_file(
    qtbot: Any, tmp_path: Path
) -> None:
    from reporter.share.profile import current_profile
    from tests.core.test_backup_to_coalition import _coalition, _vault_with_profile
    from ui.app import Controller
    from ui.common.i18n import language

    language().set("en")
    coalition, identity = _coalition(tmp_path, "red")
    source = tmp_path / "source"
    _vault_with_profile(source, coalition)
    backup = tmp_path / "copia.age"
    with Vault.open(source, PASSPHRASE) as vault:
        held = state(vault)
        profile = current_profile(vault)
        assert profile is not None
        backup_to_file(vault, backup, list(profile.age_recipients()))
    home = tmp_path / "data" / "vault"
    controller = Controller(home)
    controller.start()
    wizard = controller.wizard
    assert wizard is not None
    qtbot.addWidget(wizard)
    wizard.button(QWizard.WizardButton.CustomButton1).click()
    dialog = wizard.restore_dialog
    assert dialog is not None
    dialog.set_backup(backup)
    dialog.by_identity.setChecked(True)
    assert not dialog.passphrase.isEnabled()
    assert not dialog.restore_button.isEnabled()  # not without the identity file
    dialog.set_identity(identity)
    with qtbot.waitSignal(dialog.restored, timeout=WAIT):
        dialog.restore_button.click()
    vault = unlock_with(qtbot, controller, PASSPHRASE)
    assert state(vault) == held
    assert controller.window is not None
    qtbot.addWidget(controller.window)
    controller.window.lock()
