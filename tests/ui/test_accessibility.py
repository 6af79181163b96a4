"""Keyboard-only use and screen readers: every control can be reached with Tab and has a name.

The audit walks every page of the main window, the first-run wizard and the unlock screen, in
both languages. A control counts as named when it shows its own text, has an accessible name,
or a label points at it (QLabel.setBuddy, which also gives it a keyboard mnemonic).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QPlainTextEdit,
    QTextEdit,
    QAbstractItemView,
)


def _problems(root: QWidget) -> list[str]:
    buddies = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy()}
    found = []
    for widget in root.findChildren(QWidget):
        if (
            not isinstance(widget, CONTROLS)
            or isinstance(widget, QHeaderView)
            or not widget.isVisibleTo(root)
        ):
            continue  # (a header is part of its table)
        if isinstance(widget, QLineEdit) and isinstance(
            widget.parent(), (QComboBox, QAbstractSpinBox)
        ):
            continue  # the editor inside a combo or spin box
        if (
            widget.parent() is not None
            and type(widget.parent()).__name__ in ("QScrollBar", "QTabBar", "QToolBarExtension")
            or widget.objectName().startswith("qt_")
        ):
            continue  # Qt's own internals
        name = widget.objectName() or type(widget).__name__
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if not (text.strip() or widget.accessibleName().strip() or id(widget) in buddies):
            found.append(f"{name}: no name for a screen reader")
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus and not _in_radio_group(widget):
            found.append(f"{name}: cannot be reached with the keyboard")
    return found


def _in_radio_group(widget: QWidget) -> bool:
    """Qt keeps Tab focus on one button of an exclusive group (the last focused); arrows move
    between the others, so the group is reachable when one of its buttons is."""
    if not isinstance(widget, QAbstractButton) or not widget.autoExclusive():
        return False
    siblings = [w for w in widget.parent().findChildren(QAbstractButton) if w.autoExclusive()]
    return any(w.focusPolicy() & Qt.FocusPolicy.TabFocus for w in siblings)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_page_is_named_and_reachable(qtbot, window, lang: str) -> None:  # type: ignore[no-untyped-def]
    from ui.common.i18n import language

    language().set(lang)
    incident_id = window.session.vault.incidents.add(
        {"title": "x", "incident_types": ["HAR.THREAT"]}
    )
    problems: dict[str, list[str]] = {}
    for page, show in (
        (window.list_page, window.show_list),
        (window.editor, lambda: window.open_incident(incident_id)),
        (window.share_page, lambda: window.share_incident(incident_id)),
        (window.outbox_page, window.show_outbox),
        (window.settings_page, window.actions["settings"].trigger),
    ):
        show()
        qtbot.waitUntil(lambda page=page: window.stack.currentWidget() is page, timeout=5000)
        window.session.runner.wait(5000)
        if issues := _problems(page):
            problems[type(page).__name__] = issues
    assert problems == {}


@pytest.mark.parametrize("lang", ["es", "en"])
def test_first_run_and_unlock_are_named_and_reachable(qtbot, tmp_path, lang: str) -> None:  # type: ignore[no-untyped-def]
    from ui.common.first_run import FirstRunWizard
    from ui.common.i18n import language
    from ui.common.unlock import UnlockWindow

    language().set(lang)
    wizard = FirstRunWizard(tmp_path / "new")
    qtbot.addWidget(wizard)
    wizard.show()
    problems = {}
    for page_id in wizard.pageIds():
        if issues := _problems(wizard.page(page_id)):
            problems[f"first run {type(wizard.page(page_id)).__name__}"] = issues
    if issues := _problems(wizard):
        problems["first run buttons"] = issues
    unlock = UnlockWindow(tmp_path / "vault")
    qtbot.addWidget(unlock)
    unlock.show()
    if issues := _problems(unlock):
        problems["unlock"] = issues
    assert problems == {}


# A 1920×1080 laptop screen at 200 % scaling leaves 960×540 logical pixels for a window
# (Qt scales sizes and fonts together, so the logical minimum is what must fit).
SCREEN_AT_200 = (960, 540)


def _fits(size, extra_height: int = 0) -> bool:  # type: ignore[no-untyped-def]
    return size.width() <= SCREEN_AT_200[0] and size.height() + extra_height <= SCREEN_AT_200[1]


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_screen_fits_a_laptop_at_200_percent(qtbot, window, tmp_path, lang: str) -> None:  # type: ignore[no-untyped-def]
    from ui.common.first_run import FirstRunWizard
    from ui.common.i18n import language
    from ui.common.unlock import UnlockWindow

    language().set(lang)
    incident_id = window.session.vault.incidents.add(
        {"title": "x", "incident_types": ["HAR.THREAT"]}
    )
    too_big = {}
    for name, show in (
        ("list", window.show_list),
        ("editor", lambda: window.open_incident(incident_id)),
        ("share", lambda: window.share_incident(incident_id)),
        ("outbox", window.show_outbox),
        ("settings", window.actions["settings"].trigger),
    ):
        show()
        window.session.runner.wait(5000)
        qtbot.waitUntil(lambda: window.stack.currentWidget().isVisible(), timeout=5000)
        if not _fits(size := window.minimumSizeHint()):
            too_big[name] = size.toTuple()
    wizard = FirstRunWizard(tmp_path / "new")
    qtbot.addWidget(wizard)
    wizard.show()
    for page_id in wizard.pageIds():
        if not _fits(size := wizard.page(page_id).minimumSizeHint(), extra_height=150):
            too_big[f"first run {page_id}"] = size.toTuple()  # 150: title and buttons
    unlock = UnlockWindow(tmp_path / "vault")
    qtbot.addWidget(unlock)
    unlock.show()
    if not _fits(size := unlock.minimumSizeHint()):
        too_big["unlock"] = size.toTuple()
    assert too_big == {}
