"""The dashboard: counts by period, state, perpetrator, type, target profile, gender, topic.

Every number is ``reporter.stats.counts`` over the window's one filter bar, in the unit
chosen (reports or events), said beside each chart. Each chart (matplotlib's Qt canvas) has
its table beside it; activating a row of a table shows the reports behind that number. The
time chart counts by month, half-year or year; above the charts, ``reporter.stats.overview``
(the same as ``stats --summary``) says "one every N hours", the period before and how many
reports still wait for triage.
"""

from __future__ import annotations

from typing import Any

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reporter.exports.charts import draw_bars, even_periods
from reporter.inbox.query import ReportFilter
from reporter.stats import Counts
from reporter.vault.vault import Vault
from ui.common.i18n import language
from ui.common.session import Session
from ui.coordinator.common import FilterBar, headings_read_from_start, key_label

CHART_KEYS = ("month", "state", "perpetrator", "type", "target-profile", "gender", "coverage-topic")
PERIODS = ("month", "half-year", "year")  # what the time chart (the "month" slot) counts by
MAX_BARS = 12


def load_picture(vault: Vault, flt: ReportFilter, unit: str) -> dict[str, Any]:
    """Every figure of the dashboard, the map and the spyware view, in one worker call."""
    from reporter.stats.figures import KEYS
    from reporter.stats.picture import SPYWARE_KEYS, picture

    keys = tuple(k for k in dict.fromkeys((*CHART_KEYS, *PERIODS)) if k in KEYS)
    return {**picture(vault, flt, unit, keys, SPYWARE_KEYS), "filter": flt, "unit": unit}


def percent(share: float) -> str:
    """A share as the reader writes it: "38 %" in Spanish (as the PDF prints it), "38%"."""
    return f"{100 * share:.0f} %" if language().code == "es" else f"{100 * share:.0f}%"


class Chart(QWidget):
    """One figure: a bar chart and, beside it, its table (activating a row drills down).

    The bars are ``reporter.exports.charts.draw_bars``, the PDF's drawing: a label too long
    for a line is wrapped between words (at most three lines, then "…"), and its whole text
    is in the table and in the tooltip of its bar.
    """

    drill = Signal(str, str)  # key, code

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"chart-{key}")
        self.title = QLabel()
        self.figure = Figure(figsize=(4.2, 2.2), dpi=90, layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setMinimumSize(260, 170)
        self.canvas.mpl_connect("motion_notify_event", self._hover)
        self.tips: list[tuple[Any, str]] = []  # (bar or its label, what its tooltip says)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName(f"table-{key}")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        headings_read_from_start(self.table)
        self.table.setWordWrap(False)
        self.table.setMinimumWidth(200)
        self.table.activated.connect(self._activated)
        self.table.cellDoubleClicked.connect(
            lambda row, _c: self._activated(self.table.model().index(row, 0))
        )
        self.shown: Counts | None = None
        layout = QGridLayout(self)
        layout.addWidget(self.title, 0, 0, 1, 2)
        layout.addWidget(self.canvas, 1, 0)
        layout.addWidget(self.table, 1, 1)
        layout.setColumnStretch(0, 3)
        layout.setColumnStretch(1, 2)

    def name(self, title: str) -> None:
        self.table.setAccessibleName(title)
        self.canvas.setAccessibleName(title)

    def show_counts(self, counts: Counts, title: str, unit_text: str) -> None:
        self.shown = counts
        self.title.setText(f"<b>{title}</b> — {unit_text}")
        self.table.setAccessibleName(f"{title} ({unit_text})")
        # The title is above; the heading says what the column holds, as the PDF's tables do.
        what = self.tr("Period") if self.key in PERIODS else self.tr("Category")
        self.table.setHorizontalHeaderLabels([what, unit_text])
        for column, text in enumerate((f"{title} ({unit_text})", unit_text)):
            head = self.table.horizontalHeaderItem(column)
            if head is not None:
                head.setToolTip(text)
        self.table.setRowCount(len(counts.counts))
        for row, (code, n) in enumerate(counts.counts.items()):
            label = QTableWidgetItem(key_label(self.key, code))
            label.setData(Qt.ItemDataRole.UserRole, code)
            label.setToolTip(label.text())
            self.table.setItem(row, 0, label)
            number = QTableWidgetItem(str(n))
            number.setData(Qt.ItemDataRole.UserRole, code)
            number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 1, number)
        self.figure.clear()
        axes = self.figure.add_subplot()
        items = list(counts.counts.items())
        horizontal = self.key not in PERIODS
        if horizontal:
            items = items[:MAX_BARS]
        else:  # a quiet month is a bar of 0, not a month left out of the axis
            codes, numbers = even_periods([c for c, _ in items], [n for _, n in items])
            items = list(zip(codes, numbers, strict=True))
        labels = [key_label(self.key, c) for c, _ in items]
        bars = draw_bars(
            axes, labels, [n for _, n in items], unit_text, horizontal=horizontal, wrap=20
        )
        ticks = axes.get_yticklabels() if horizontal else axes.get_xticklabels()
        self.tips = []
        for bar, tick, text, (_, n) in zip(bars, ticks, labels, items, strict=True):
            tip = f"{text}: {n} {unit_text}"
            self.tips += [(bar, tip), (tick, tip)]
        lines = sum(t.get_text().count("\n") + 1 for t in ticks) if horizontal else 0
        # Wrapped labels need their lines: the chart grows (the page scrolls), never squeezes.
        self.canvas.setMinimumHeight(max(170, 50 + 12 * lines + 6 * len(items)))
        axes.xaxis.label.set_fontsize(7)
        axes.yaxis.label.set_fontsize(7)
        if not items:
            axes.set_axis_off()
            axes.text(
                0.5, 0.5, f"0 {unit_text}", ha="center", va="center", transform=axes.transAxes
            )
        self.canvas.draw_idle()

    def bars(self) -> dict[str, int]:
        """What the chart draws (for tests and screen readers: the same as the table)."""
        return dict(self.shown.counts) if self.shown else {}

    def tip_at(self, event: Any) -> str:
        """The whole label and count of the bar (or bar label) under the pointer, if any."""
        for artist, tip in self.tips:
            if artist.contains(event)[0]:
                return tip
        return ""

    def _hover(self, event: Any) -> None:
        self.canvas.setToolTip(self.tip_at(event))

    def clear(self) -> None:
        self.table.setRowCount(0)
        self.figure.clear()
        self.shown, self.tips = None, []

    def _activated(self, index: Any) -> None:
        item = self.table.item(index.row(), 0)
        if item is not None:
            self.drill.emit(self.key, str(item.data(Qt.ItemDataRole.UserRole)))


class DashboardPage(QWidget):
    drill = Signal(str, str)

    def __init__(self, session: Session, filters: FilterBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coordDashboard")
        self.session, self.filters = session, filters
        self.charts = {key: Chart(key) for key in CHART_KEYS}
        self.quality = QLabel()
        self.quality.setObjectName("dataQuality")
        self.quality.setWordWrap(True)
        self.total = QLabel()
        self.total.setObjectName("dashboardTotal")
        self.rate = QLabel()
        self.rate.setObjectName("dashboardRate")
        self.rate.setWordWrap(True)
        self.pending = QLabel()
        self.pending.setObjectName("dashboardPending")
        self.period = QComboBox()
        self.period.setObjectName("dashboardPeriod")
        self.period_label = QLabel()
        self.period_label.setBuddy(self.period)
        self.period.currentIndexChanged.connect(self._period_chosen)
        grid = QWidget()
        grid_layout = QGridLayout(grid)
        for i, chart in enumerate(self.charts.values()):
            grid_layout.addWidget(chart, i // 2, i % 2)
            chart.drill.connect(self.drill.emit)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid)
        head = QHBoxLayout()  # one row: the page must fit 960x540 (1920x1080 at 200 %)
        head.setSpacing(24)  # two sentences side by side, not one run-on line
        head.addWidget(self.total)
        head.addWidget(self.pending, 1)
        head.addWidget(self.period_label)
        head.addWidget(self.period)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.rate)
        layout.addWidget(self.quality)
        layout.addWidget(scroll, 1)
        self.picture: dict[str, Any] | None = None

    def titles(self) -> dict[str, str]:
        return {
            "month": self.tr("By month"),
            "half-year": self.tr("By half-year"),
            "year": self.tr("By year"),
            "state": self.tr("By state"),
            "perpetrator": self.tr("By perpetrator"),
            "type": self.tr("By incident type"),
            "target-profile": self.tr("By target profile"),
            "gender": self.tr("By gender"),
            "coverage-topic": self.tr("By coverage topic"),
        }

    def unit_text(self, unit: str) -> str:
        return self.tr("reports") if unit == "reports" else self.tr("events")

    def retranslateUi(self) -> None:
        titles = self.titles()
        for key, chart in self.charts.items():
            chart.name(titles[key])
        self.period_label.setText(self.tr("&Count by"))
        names = {
            "month": self.tr("month"),
            "half-year": self.tr("half-year"),
            "year": self.tr("year"),
        }
        chosen = self.period.currentData() or "month"
        self.period.blockSignals(True)
        self.period.clear()
        for key in PERIODS:
            self.period.addItem(names[key], key)
        self.period.setCurrentIndex(max(0, self.period.findData(chosen)))
        self.period.blockSignals(False)
        self.period.setAccessibleName(self.tr("Count the time chart by"))
        if self.picture is not None:
            self.show_picture(self.picture)

    def show_picture(self, picture: dict[str, Any]) -> None:
        self.picture = picture
        unit, titles = self.unit_text(picture["unit"]), self.titles()
        period = str(self.period.currentData() or "month")
        for key, chart in self.charts.items():
            shown = period if key == "month" else key
            chart.key = shown  # the time chart drills down by the period it shows
            chart.show_counts(picture["counts"][shown], titles[shown], unit)
        total = picture["counts"]["state"].total
        self.total.setText(
            self.tr("{n} {unit} counted in this selection").format(n=total, unit=unit)
        )
        self._overview(picture["overview"], unit)
        q = picture["quality"]
        self.quality.setText(
            self.tr(
                "Documented cases, not prevalence. Of these reports, {month} have only a month "
                "or year, {place} only a state, and {unknown} an unknown perpetrator."
            ).format(
                month=percent(q["share_month_only_dates"]),
                place=percent(q["share_state_only_places"]),
                unknown=percent(q["share_unknown_perpetrator"]),
            )
        )

    def _overview(self, o: dict[str, Any], unit: str) -> None:
        """The same facts as ``stats --summary``, in the reader's language."""
        lines = []
        if o["from"] is not None:
            hours = o["every_hours"]
            if hours is None:
                every = self.tr("none in this period")
            elif hours < 48:
                every = self.tr("one every {hours} hours").format(hours=f"{hours:g}")
            else:  # "1002 hours" is read as days by anyone: say them too
                days = round(hours / 24, 1 if hours < 240 else None)
                every = self.tr("one every {hours} hours (about {days} days)").format(
                    hours=f"{hours:g}", days=f"{days:g}"
                )
            lines.append(
                self.tr("From {start} to {end}: {n} {unit}, {every}.").format(
                    start=o["from"], end=o["to"], n=o["period_total"], unit=unit, every=every
                )
            )
            before = o["previous"]
            change = f"{before['change']:+d}"
            if before["percent"] is not None:
                change += f", {before['percent']:+.1f} %"
            lines.append(
                self.tr("The period before ({start} to {end}): {n} {unit} ({change}).").format(
                    start=before["from"],
                    end=before["to"],
                    n=before["total"],
                    unit=unit,
                    change=change,
                )
            )
        self.rate.setText(" ".join(lines))
        self.pending.setText(
            self.tr("%n report(s) still pending triage, not counted here.", "", o["pending"])
            if o["pending"]
            else ""
        )

    def _period_chosen(self, _: int) -> None:
        if self.picture is not None:
            self.show_picture(self.picture)

    def clear(self) -> None:
        self.picture = None
        self.rate.setText("")
        self.pending.setText("")
        for chart in self.charts.values():
            chart.clear()
