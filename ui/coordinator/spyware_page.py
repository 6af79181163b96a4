"""The spyware view: targets, then confirmed attempts, then confirmed infections.

The funnel is ``stats.spyware_funnel``: ``SUSPECTED`` is its own line and never adds to the
confirmed ones. Beside it, counts by compromise status, detection source, vector, spyware
family and suspected operator with its attribution level, each table with its unit.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from ui.coordinator.dashboard_page import Chart

SPYWARE_KEYS = (
    "compromise-status",
    "detection-source",
    "vector",
    "spyware-family",
    "perpetrator",
    "attribution",
)


class SpywarePage(QWidget):
    drill = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coordSpyware")
        self.funnel = QLabel()
        self.funnel.setObjectName("spywareFunnel")
        self.funnel.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.charts = {key: Chart(key) for key in SPYWARE_KEYS}
        grid = QWidget()
        grid_layout = QGridLayout(grid)
        for i, chart in enumerate(self.charts.values()):
            grid_layout.addWidget(chart, i // 2, i % 2)
            chart.drill.connect(self.drill.emit)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid)
        layout = QVBoxLayout(self)
        layout.addWidget(self.funnel)
        layout.addWidget(self.note)
        layout.addWidget(scroll, 1)
        self.picture: dict[str, Any] | None = None

    def retranslateUi(self) -> None:
        self.note.setText(
            self.tr(
                "Documented cases, not prevalence. An attempt or an infection counts only when "
                "confirmed (a forensic check such as MVT or a lab); suspected ones are shown apart "
                "and never as confirmed. The suspected operator is what the report says, with its "
                "level of attribution."
            )
        )
        for key, title in self.titles().items():
            self.charts[key].name(title)
        if self.picture is not None:
            self.show_picture(self.picture)

    def titles(self) -> dict[str, str]:
        return {
            "compromise-status": self.tr("By compromise status"),
            "detection-source": self.tr("By detection source"),
            "vector": self.tr("By vector"),
            "spyware-family": self.tr("By spyware family"),
            "perpetrator": self.tr("By suspected operator"),
            "attribution": self.tr("By attribution level"),
        }

    def show_picture(self, picture: dict[str, Any]) -> None:
        self.picture = picture
        f = picture["funnel"]
        unit = self.tr("reports") if picture["unit"] == "reports" else self.tr("events")
        self.funnel.setText(
            self.tr(
                "Targets: <b>{targets}</b> → confirmed attempts: <b>{attempts}</b> → "
                "confirmed infections: <b>{infections}</b> ({unit}). Suspected, not confirmed: "
                "{suspected}."
            ).format(
                targets=f["targets"],
                attempts=f["attempts"],
                infections=f["infections"],
                suspected=f["suspected"],
                unit=unit,
            )
        )
        titles = self.titles()
        for key, chart in self.charts.items():
            chart.show_counts(picture["spyware"][key], titles[key], unit)

    def clear(self) -> None:
        self.picture = None
        self.funnel.setText("")
        for chart in self.charts.values():
            chart.clear()
