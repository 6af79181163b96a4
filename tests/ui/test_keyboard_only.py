"""Keyboard only: record an incident, find it, open it, share it, lock, without the mouse.

Keys go to whatever has the focus (QApplication.focusWidget()), as a person's keyboard would;
the test never clicks and never calls a widget's slot directly.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListWidget

from reporter.share.coalition import PROFILE_FILE, create_coalition
from reporter.share.profile import import_profile
from tests.ui.dialogs import type_in_next_box


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifier)


def type_text(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(QApplication.focusWidget(), text)


def test_record_find_reopen_and_share_with_the_keyboard(qtbot, window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    coalition = tmp_path / "co"  # a trainer provisioned the laptop
    create_coalition(coalition, "Red", ["http://127.0.0.1:9"], "frase de la coalición 77", "x25519")
    import_profile(window.session.vault, (coalition / PROFILE_FILE).read_bytes())
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    window.list_page.table.setFocus()
    vault = window.session.vault

    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # Ctrl+N: new
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.editor, timeout=5000)
    assert QApplication.focusWidget() is window.editor.title
    type_text(qtbot, "Patrulla frente a la casa")
    press(qtbot, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)  # Alt+Y: types
    assert isinstance(QApplication.focusWidget(), QListWidget)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Space)  # tick one type
    assert len(window.editor.types.codes()) == 1
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # Alt+S: save
    qtbot.waitUntil(lambda: vault.incidents.count() == 1, timeout=10000)
    saved = vault.incidents.find()[0]
    assert saved["title"] == "Patrulla frente a la casa"
    assert len(saved["incident_types"]) == 1

    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # Ctrl+F: search
    assert QApplication.focusWidget() is window.list_page.search
    type_text(qtbot, "patrulla")
    model = window.list_page.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=10000)
    press(qtbot, Qt.Key.Key_Tab)
    while QApplication.focusWidget() is not window.list_page.table:  # Tab to the table
        press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)  # Enter opens it
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.editor, timeout=5000)
    assert window.editor.incident_id == saved["id"]

    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # back to the list
    while QApplication.focusWidget() is not window.list_page.table:
        press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)  # Alt+H: share
    share = window.share_page
    qtbot.waitUntil(lambda: share.send_button.isEnabled(), timeout=10000)
    assert share.model.rowCount() > 0  # the comparison
    type_in_next_box(Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # a draft: Alt+S, share it
    with qtbot.waitSignal(share.sent, timeout=10000):
        press(qtbot, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)  # Alt+O: to outbox
    qtbot.waitUntil(lambda: window.outbox_page.model.rowCount() == 1, timeout=10000)
    assert window.stack.currentWidget() is window.outbox_page

    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # Ctrl+L: lock
    qtbot.waitUntil(lambda: window.session.is_locked, timeout=5000)
    assert window.list_page.model.rowCount() == 0


def test_first_run_with_the_keyboard(qtbot, home) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.conftest import PASSPHRASE
    from ui.app import Controller
    from ui.common.i18n import language

    language().set("es")
    controller = Controller(home)
    controller.start()
    wizard = controller.wizard
    qtbot.addWidget(wizard)
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow, timeout=5000)
    wizard.language_page.spanish.setFocus()
    press(qtbot, Qt.Key.Key_Down)  # arrows: English
    assert language().code == "en"
    press(qtbot, Qt.Key.Key_Return)  # Enter: next
    press(qtbot, Qt.Key.Key_Return)  # read, next
    page = wizard.passphrase_page
    qtbot.waitUntil(lambda: wizard.currentPage() is page, timeout=5000)
    assert QApplication.focusWidget() is page.first
    type_text(qtbot, PASSPHRASE)
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, PASSPHRASE)
    press(qtbot, Qt.Key.Key_Return)  # to the profile
    qtbot.waitUntil(lambda: wizard.currentPage() is not page, timeout=5000)
    with qtbot.waitSignal(wizard.created, timeout=20000):
        press(qtbot, Qt.Key.Key_Return)  # finish
    assert (home / "vault.key").exists()
    qtbot.addWidget(controller.window)
