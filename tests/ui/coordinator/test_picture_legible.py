"""What a coordinator reads on the dashboard, the spyware view and the map is whole.

Every label of every vocabulary the charts count by, in Spanish and English, is drawn by the
real chart widget; its tick labels, read back from the matplotlib Axes, hold every word of the
label or end with "…" (never a word cut without a mark), and the whole label is the bar's
tooltip. The tables' headings read from their start; every value axis counts in whole numbers;
the map has a legend whose numbers and shades are the map's own.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt

from reporter.coordination.triaging import TriageChange, apply_triage
from reporter.incidents.vocab import vocabulary
from reporter.stats import Counts
from reporter.stats.figures import LABEL_KINDS
from reporter.stats.geometry import EMPTY
from reporter.vault.vault import Vault
from tests.exports.test_chart_labels import whole_or_marked
from tests.inbox.conftest import receive
from tests.share.conftest import PASSPHRASE

pytestmark = pytest.mark.gui

KEYS = (
    "state",
    "perpetrator",
    "type",
    "target-profile",
    "gender",
    "coverage-topic",
    "compromise-status",
    "detection-source",
    "vector",
    "spyware-family",
    "attribution",
)


@pytest.fixture
def chart(qtbot: Any) -> Any:
    from ui.coordinator.dashboard_page import Chart

    shown = Chart("type")
    qtbot.addWidget(shown)
    shown.resize(560, 300)
    shown.show()
    return shown


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_category_label_reads_whole_or_ends_with_an_ellipsis(
    qtbot: Any, chart: Any, lang: str
) -> None:
    from ui.common.i18n import language
    from ui.coordinator.dashboard_page import MAX_BARS

    language().set(lang)
    v = vocabulary()
    for key in KEYS:
        codes = v.codes(LABEL_KINDS[key])
        for start in range(0, len(codes), MAX_BARS):
            chunk = codes[start : start + MAX_BARS]
            counts = {c: len(chunk) - i for i, c in enumerate(chunk)}
            chart.key = key
            chart.show_counts(Counts(key, "reports", counts, sum(counts.values())), "T", "u")
            chart.canvas.draw()
            axes = chart.figure.axes[0]
            ticks = [t.get_text() for t in axes.get_yticklabels()]
            labels = [v.label(LABEL_KINDS[key], c, lang) for c in chunk]
            assert len(ticks) == len(labels), key
            for label in labels:  # whatever the order the bars are drawn in
                shown = [t for t in ticks if whole_or_marked(t, label)]
                assert shown, (key, label, ticks)
                assert shown[0].count("\n") <= 2, (key, shown)  # three lines at most
            # The table beside says each label whole.
            table = [chart.table.item(r, 0).text() for r in range(chart.table.rowCount())]
            assert table == labels


def test_a_bar_s_tooltip_is_its_whole_label_and_count(qtbot: Any, chart: Any) -> None:
    from ui.common.i18n import language

    language().set("es")
    code = "SURV.SPYWARE"
    whole = vocabulary().label("incident_type", code, "es")
    chart.show_counts(Counts("type", "reports", {code: 3, "HAR.THREAT": 1}, 4), "T", "reportes")
    chart.canvas.draw()
    bar = chart.figure.axes[0].patches[0]
    box = bar.get_window_extent()
    ratio = chart.canvas.devicePixelRatioF()
    at = QPoint(int(box.x0 + box.width / 2) // int(ratio), 0)
    at.setY(int((chart.figure.bbox.height - (box.y0 + box.height / 2)) / ratio))
    qtbot.mouseMove(chart.canvas, at)
    qtbot.waitUntil(lambda: chart.canvas.toolTip() == f"{whole}: 3 reportes", timeout=5000)


def test_the_time_chart_draws_a_quiet_month_as_a_bar_of_zero(qtbot: Any) -> None:
    from ui.coordinator.dashboard_page import Chart

    chart = Chart("month")
    qtbot.addWidget(chart)
    chart.show_counts(Counts("month", "reports", {"2026-01": 1, "2026-04": 2}, 3), "T", "u")
    chart.canvas.draw()
    axes = chart.figure.axes[0]
    ticks = [t.get_text() for t in axes.get_xticklabels()]
    assert ticks == ["2026-01", "2026-02", "2026-03", "2026-04"]
    assert [round(b.get_height()) for b in axes.patches] == [1, 0, 0, 2]
    assert chart.table.rowCount() == 2  # the table is the core's counts, as the CLI prints


@pytest.fixture
def window(qtbot: Any, tmp_path: Path) -> Iterator[Any]:
    from ui.common.i18n import language
    from ui.common.session import Session
    from ui.coordinator.window import CoordinatorWindow

    received = receive(tmp_path)
    vault = Vault.open(received.home, PASSPHRASE)
    for r in received.records:
        apply_triage(vault, r["id"], TriageChange(counting="counted"), "Ana")
    language().set("es")
    shown = CoordinatorWindow(Session(vault))
    qtbot.addWidget(shown)
    shown.resize(1180, 760)
    shown.show()
    yield shown
    shown.session.runner.close(10_000)
    vault.close()


def test_every_chart_counts_in_whole_numbers_and_its_table_heading_reads_from_its_start(
    qtbot: Any, window: Any
) -> None:
    with qtbot.waitSignal(window.pictureShown, timeout=20_000):
        window.actions["dashboard"].trigger()
    q = window.dashboard.picture["quality"]
    share = round(100 * q["share_unknown_perpetrator"])
    assert f"y {share} % agresor desconocido" in window.dashboard.quality.text()  # as the PDF
    charts = [*window.dashboard.charts.values(), *window.spyware.charts.values()]
    for chart in charts:
        chart.canvas.draw()
        axes = chart.figure.axes[0]
        values = axes.get_yticklabels() if chart.key == "month" else axes.get_xticklabels()
        texts = [t.get_text().replace("\u2212", "-") for t in values if t.get_text()]
        assert texts, chart.key
        assert all(t.lstrip("-").isdigit() for t in texts), (chart.key, texts)
        header = chart.table.horizontalHeader()
        assert header.textElideMode() == Qt.TextElideMode.ElideRight
        assert header.defaultAlignment() & Qt.AlignmentFlag.AlignLeft
        heading = chart.table.horizontalHeaderItem(0)
        assert heading.text() == ("Periodo" if chart.key == "month" else "Categoría")
        assert heading.toolTip().endswith("(reportes)")  # the chart's title, whole
        assert chart.table.horizontalHeaderItem(1).toolTip() == "reportes"
    shown = window.spyware.charts["attribution"]
    window.actions["spyware"].trigger()
    qtbot.waitUntil(shown.table.isVisible, timeout=5000)
    header = shown.table.horizontalHeader()
    assert header.sectionSize(1) < header.sectionSize(0)  # the label column takes the room
    room = header.sectionSize(0) - 2 * header.style().pixelMetric(
        header.style().PixelMetric.PM_HeaderMargin
    )
    assert header.fontMetrics().horizontalAdvance("Categoría") <= room  # shown whole


def test_the_map_has_a_legend_of_its_own_shades_with_zero_and_the_unit(qtbot: Any) -> None:
    from ui.common.i18n import language
    from ui.coordinator.map_page import MapPage

    language().set("en")
    page = MapPage()
    qtbot.addWidget(page)
    page.retranslateUi()
    page.resize(900, 600)
    page.show()
    for states in ({"09": 3, "12": 2, "14": 1}, {"09": 1234, "14": 1, "20": 57}, {"30": 1}):
        counts = {**states, "NONE": 2}
        page.show_counts(Counts("state", "events", counts, sum(counts.values())), "events")
        legend = page.legend
        qtbot.waitUntil(legend.isVisible, timeout=5000)
        numbers = [n for n, _ in legend.classes]
        assert numbers[0] == 0
        assert numbers[1:] == sorted(numbers[1:])
        assert numbers[-1] == max(states.values())
        assert numbers[1] == 1 or numbers[1] == min(states.values())
        assert all(isinstance(n, int) for n in numbers)
        assert legend.classes[0][1] == page.map.colour("01").name() == EMPTY  # a state with 0
        for n, colour in legend.classes[1:]:  # a state holding n is filled with its shade
            page.map.set_counts({**states, "01": n})
            assert page.map.colour("01").name() == colour, n
        page.map.set_counts(states)
        assert "events" in legend.caption
        image = legend.grab().toImage()
        zero, ramp = legend.boxes()
        assert image.pixelColor(zero.center()).name() == EMPTY
        assert ramp is not None
        top = image.pixelColor(ramp.right() - 2, ramp.center().y()).name()
        assert _near(top, legend.classes[-1][1]), (top, legend.classes[-1][1])
    page.show_counts(Counts("state", "events", {"NONE": 1}, 1), "events")
    assert page.legend.classes == [(0, EMPTY)]  # nothing on the map: only the empty shade


def test_the_state_under_the_pointer_says_its_name_and_count(qtbot: Any) -> None:
    from ui.common.i18n import language
    from ui.coordinator.map_page import MapPage

    language().set("es")
    page = MapPage()
    qtbot.addWidget(page)
    page.retranslateUi()
    page.resize(900, 600)
    page.show()
    page.show_counts(Counts("state", "reports", {"09": 4, "20": 1}, 5), "reports")
    qtbot.waitUntil(page.map.isVisible, timeout=5000)
    for code, said in (("09", "Ciudad de México: 4 reportes"), ("14", "Jalisco: 0 reportes")):
        qtbot.mouseMove(page.map, page.map.centre_of(code).toPoint())
        qtbot.waitUntil(lambda said=said: page.map.toolTip() == said, timeout=5000)


def _near(a: str, b: str, tolerance: int = 12) -> bool:
    pa = [int(a[i : i + 2], 16) for i in (1, 3, 5)]
    pb = [int(b[i : i + 2], 16) for i in (1, 3, 5)]
    return all(abs(x - y) <= tolerance for x, y in zip(pa, pb, strict=True))
