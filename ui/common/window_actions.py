"""The toolbar, the Help menu and the settings page's signals, wired alike in both workspaces.

Each window keeps its own texts (``tr()`` in its own translation context) and its own
targets; what is one mechanism is here: an action per key, its shortcut on the toolbar and
in its tooltip; Help → Diagnostics…, whose open dialog follows the language; and the settings
page's auto-lock, wipe and protection messages reaching the window.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Protocol

import shiboken6
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QStatusBar, QToolBar

if TYPE_CHECKING:
    from ui.common.diagnostics_dialog import DiagnosticsDialog
    from ui.common.settings_page import SettingsPage

Target = Callable[[], object]


def add_toolbar(
    window: QMainWindow, name: str, actions: Mapping[str, tuple[str, Target]]
) -> tuple[QToolBar, dict[str, QAction]]:
    """A toolbar holding one action per key, each with its shortcut and what it triggers."""
    toolbar = QToolBar()
    toolbar.setObjectName(name)
    window.addToolBar(toolbar)
    made: dict[str, QAction] = {}
    for key, (shortcut, target) in actions.items():
        action = QAction(window)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(target)
        toolbar.addAction(action)
        made[key] = action
    return toolbar, made


def label_actions(actions: Mapping[str, QAction], texts: Mapping[str, str]) -> None:
    """Each action's text, and a tooltip that also says its shortcut."""
    for key, text in texts.items():
        action = actions[key]
        action.setText(text)
        action.setToolTip(f"{text} ({action.shortcut().toString()})")


class HelpMenu:
    """Help → Diagnostics… first; a window may add its own entries after it.

    It keeps no reference to its window (the menu knows it): the window keeps it, and a cycle
    between them would leave a closed window for the collector instead of freeing it."""

    def __init__(self, window: QMainWindow) -> None:
        self.menu = window.menuBar().addMenu("")
        self.dialog: DiagnosticsDialog | None = None
        self.diagnostics = self.add("diagnosticsAction", self.show_diagnostics)

    def add(self, name: str, target: Target) -> QAction:
        action = self.menu.addAction("")
        action.setObjectName(name)
        action.triggered.connect(target)
        return action

    def show_diagnostics(self) -> DiagnosticsDialog:
        from ui.common.diagnostics_dialog import DiagnosticsDialog

        self.dialog = DiagnosticsDialog(self.menu.window())
        self.dialog.open()
        return self.dialog

    def retranslate(self, title: str, diagnostics: str) -> None:
        self.menu.setTitle(title)
        self.diagnostics.setText(diagnostics)
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.retranslateUi()


class SettingsFollower(Protocol):
    """A ``SessionWindow`` that is a ``QMainWindow``."""

    def statusBar(self) -> QStatusBar: ...  # noqa: N802 - Qt's name

    def set_autolock_minutes(self, minutes: float) -> None: ...

    def ask_wipe(self) -> None: ...


def follow_settings(window: SettingsFollower, settings: SettingsPage) -> None:
    """The settings page's auto-lock minutes, wipe request and protection failures reach
    the window."""
    settings.protectionFailed.connect(lambda text: window.statusBar().showMessage(text, 15000))
    settings.autoLockChanged.connect(window.set_autolock_minutes)
    settings.wipeRequested.connect(window.ask_wipe)
