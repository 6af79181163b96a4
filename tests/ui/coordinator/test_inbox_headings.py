"""The inbox's headings read from their start when a column is narrower than its heading."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

pytestmark = pytest.mark.gui


def test_a_cut_heading_keeps_its_start_and_says_itself_whole_as_tooltip(
    coordinator_window: Any,
) -> None:
    table = coordinator_window.inbox.table
    header = table.horizontalHeader()
    model = table.model()
    last = model.columnCount() - 1
    heading = model.headerData(last, Qt.Orientation.Horizontal)
    assert heading == "Review / verification / counting"
    # centred, a narrow column lost both ends ("eview / verification / cou")
    assert header.defaultAlignment() & Qt.AlignmentFlag.AlignLeft
    assert header.textElideMode() == Qt.TextElideMode.ElideRight
    assert model.headerData(last, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == heading
