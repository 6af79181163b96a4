"""The coordinator's toolbar and Help menu: wired as the reporter's (window_actions)."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.gui


def test_help_diagnostics_opens_and_follows_the_language(coordinator_window: Any) -> None:
    from ui.common.diagnostics_dialog import DiagnosticsDialog
    from ui.common.i18n import language

    window = coordinator_window
    (action,) = [a for a in window.help_menu.actions() if a.objectName() == "diagnosticsAction"]
    action.trigger()
    dialog = window.findChild(DiagnosticsDialog, "diagnostics")
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.windowTitle() == "Diagnostics"
    language().set("es")
    try:
        assert window.help_menu.title() == "Ayuda"
        assert dialog.windowTitle() == "Diagnóstico"  # the open dialog, too
        assert window.actions["inbox"].toolTip() == "Recibidos (Ctrl+1)"
    finally:
        language().set("en")
    assert dialog.windowTitle() == "Diagnostics"
    assert window.actions["lock"].toolTip() == "Lock (Ctrl+L)"
    dialog.reject()
