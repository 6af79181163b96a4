"""Qt bindings must not leak or steal references to None, True and False.

PySide6 6.12.0 on CPython 3.11 dropped one reference to None on every void call (setValue,
setText, ...) and one to True/False on every bool signal emitted. On 3.11 those objects are
not immortal, so a long session (progress bars during a big import) ends in "Fatal Python
error: none_dealloc / bool_dealloc", an abort of the whole app. The suite showed it as a
crash at exit. pyproject.toml keeps PySide6 below 6.12; this test fails on a binding that
does it again.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QProgressBar

CALLS = 500
SLACK = 20  # the interpreter itself may take or give back a few references meanwhile


class _Emitter(QObject):
    flag = Signal(bool)
    pair = Signal(int, int)


def _drift(action: Callable[[], object]) -> dict[str, int]:
    singletons = {"None": None, "True": True, "False": False}
    before = {name: sys.getrefcount(obj) for name, obj in singletons.items()}
    for _ in range(CALLS):
        action()
    return {name: sys.getrefcount(obj) - before[name] for name, obj in singletons.items()}


@pytest.mark.gui
def test_void_calls_and_bool_signals_keep_singleton_references(qtbot) -> None:  # type: ignore[no-untyped-def]
    bar, label, box = QProgressBar(), QLabel(), QCheckBox()
    for widget in (bar, label, box):
        qtbot.addWidget(widget)
    emitter = _Emitter()
    seen: list[object] = []
    emitter.flag.connect(seen.append)
    emitter.pair.connect(lambda done, total: None)
    actions: dict[str, Callable[[], object]] = {
        "QProgressBar.setValue": lambda: bar.setValue(5),
        "QLabel.setText": lambda: label.setText("x"),
        "QCheckBox.setChecked": lambda: box.setChecked(False),
        "Signal(bool).emit": lambda: emitter.flag.emit(True),
        "Signal(int, int).emit": lambda: emitter.pair.emit(1, 2),
    }
    drifted = {}
    for name, action in actions.items():
        drift = _drift(action)
        if any(value < -SLACK for value in drift.values()):
            drifted[name] = drift
        seen.clear()
    assert not drifted, f"the Qt binding drops references on every call: {drifted}"
