"""Mexico's 32 states coloured by count, from the CC BY outlines shipped in resources/maps.

The outlines are ``@svg-maps/mexico`` (Victor Cazanave, CC BY 4.0; see
``resources/maps/LICENSE-mexico.md``), keyed by INEGI state code. They are read from the
package's files by ``reporter.stats.geometry`` (which the PDF's map draws from too), never
from the network, and drawn as QPainterPaths; clicking a state shows
the reports behind its number, and the table beside the map says every count.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QLinearGradient,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reporter.exports.charts import scale_classes
from reporter.stats import Counts
from reporter.stats.geometry import EMPTY, Ring, fill_colour, fill_share, state_outlines
from ui.coordinator.common import code_label


def _path(rings: tuple[Ring, ...]) -> QPainterPath:
    path = QPainterPath()
    for ring in rings:
        path.moveTo(*ring[0])
        for point in ring[1:]:
            path.lineTo(*point)
        path.closeSubpath()
    return path


@cache
def outlines() -> tuple[QRectF, dict[str, QPainterPath]]:
    shape = state_outlines()
    return QRectF(0, 0, shape.width, shape.height), {
        code: _path(rings) for code, rings in shape.states.items()
    }


class MexicoMap(QWidget):
    stateClicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mexicoMap")
        self.setMinimumSize(320, 200)
        self.counts: dict[str, int] = {}
        self.unit = ""
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)  # the state under the pointer says its name and count

    def set_counts(self, counts: dict[str, int], unit: str = "") -> None:
        self.counts, self.unit = counts, unit or self.unit
        self.update()

    def tip_at(self, point: QPointF) -> str:
        """What the state under ``point`` holds, by name (Mexico City is a few pixels wide)."""
        code = self.state_at(point)
        if code is None:
            return ""
        return f"{code_label('mx_state', code)}: {self.counts.get(code, 0)} {self.unit}".strip()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self.setToolTip(self.tip_at(event.position()))
        super().mouseMoveEvent(event)

    def colour(self, code: str) -> QColor:
        """The state's fill: empty grey at zero, light to dark blue up to the largest count."""
        return QColor(fill_colour(fill_share(self.counts, code)))

    def _scale(self) -> tuple[float, float, float]:
        box, _ = outlines()
        s = min(self.width() / box.width(), self.height() / box.height())
        return s, (self.width() - box.width() * s) / 2, (self.height() - box.height() * s) / 2

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        s, dx, dy = self._scale()
        painter.translate(dx, dy)
        painter.scale(s, s)
        pen = QPen(QColor("#ffffff"))
        pen.setWidthF(0.8 / max(s, 0.01))
        painter.setPen(pen)
        for code, path in outlines()[1].items():
            painter.fillPath(path, self.colour(code))
            painter.drawPath(path)
        painter.end()

    def state_at(self, point: QPointF) -> str | None:
        s, dx, dy = self._scale()
        local = QPointF((point.x() - dx) / s, (point.y() - dy) / s)
        for code, path in outlines()[1].items():
            if path.contains(local):
                return code
        return None

    def centre_of(self, code: str) -> QPointF:
        s, dx, dy = self._scale()
        c = outlines()[1][code].boundingRect().center()
        return QPointF(c.x() * s + dx, c.y() * s + dy)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        code = self.state_at(event.position())
        if code is not None:
            self.stateClicked.emit(code)


class MapLegend(QWidget):
    """The map's key: the empty shade for states with 0, then the ramp from 1 to the largest
    state's count, labelled with the counts ``scale_classes`` gives in the very shades the
    map fills a state holding them with (the PDF's colour bar uses the same ticks)."""

    SWATCH, RAMP, GAP = 22, 220, 14

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapLegend")
        self.classes: list[tuple[int, str]] = [(0, EMPTY)]
        self.caption = ""
        self.setMinimumHeight(16 + self.fontMetrics().height() + 8)

    def set_scale(self, classes: list[tuple[int, str]], caption: str) -> None:
        self.classes, self.caption = classes, caption
        counts = ", ".join(str(n) for n, _ in classes)
        self.setAccessibleName(caption)
        self.setAccessibleDescription(counts)
        self.setToolTip(f"{caption}: {counts}")
        self.update()

    def boxes(self) -> tuple[QRect, QRect | None]:
        """Where the zero swatch and the ramp (None without counts) are drawn."""
        zero = QRect(4, 4, self.SWATCH, 14)
        ramp = self.classes[1:]
        if not ramp:
            return zero, None
        width = self.SWATCH if len(ramp) == 1 else self.RAMP
        return zero, QRect(zero.right() + 1 + self.GAP, 4, width, 14)

    def tick_x(self, ramp: QRect, n: int) -> float:
        low, top = self.classes[1][0], self.classes[-1][0]
        share = (n - low) / (top - low) if top > low else 0.5
        return ramp.left() + share * (ramp.width() - 1)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        fm = self.fontMetrics()
        border = QPen(QColor("#9aa7b4"))
        zero, ramp = self.boxes()
        painter.fillRect(zero, QColor(EMPTY))
        painter.setPen(border)
        painter.drawRect(zero.adjusted(0, 0, -1, -1))
        text_y = zero.bottom() + 2 + fm.ascent()
        painter.setPen(self.palette().windowText().color())
        painter.drawText(zero.center().x() - fm.horizontalAdvance("0") // 2, text_y, "0")
        right = zero.right()
        if ramp is not None:
            gradient = QLinearGradient(ramp.left(), 0, ramp.right(), 0)
            for n, colour in self.classes[1:]:  # the fill is linear in the count: exact stops
                gradient.setColorAt(
                    (self.tick_x(ramp, n) - ramp.left()) / ramp.width(), QColor(colour)
                )
            painter.fillRect(ramp, gradient)
            painter.setPen(border)
            painter.drawRect(ramp.adjusted(0, 0, -1, -1))
            painter.setPen(self.palette().windowText().color())
            for n, _ in self.classes[1:]:
                x = self.tick_x(ramp, n)
                painter.drawLine(int(x), ramp.bottom(), int(x), ramp.bottom() + 2)
                label = str(n)
                painter.drawText(int(x - fm.horizontalAdvance(label) / 2), text_y + 2, label)
            right = ramp.right() + fm.horizontalAdvance(str(self.classes[-1][0])) // 2
        painter.drawText(right + self.GAP, zero.center().y() + fm.ascent() // 2, self.caption)
        painter.end()


class MapPage(QWidget):
    drill = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coordMap")
        self.map = MexicoMap()
        self.title = QLabel()
        self.attribution = QLabel()
        self.attribution.setWordWrap(True)
        self.attribution.setObjectName("mapAttribution")
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("mapTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setMaximumWidth(280)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)  # as the dashboard's tables
        self.table.activated.connect(lambda index: self._drill_row(index.row()))
        self.table.cellDoubleClicked.connect(lambda row, _: self._drill_row(row))
        self.map.stateClicked.connect(lambda code: self.drill.emit("state", code))
        self.legend = MapLegend()
        drawing = QVBoxLayout()
        drawing.addWidget(self.map, 1)
        drawing.addWidget(self.legend)
        body = QHBoxLayout()
        body.addLayout(drawing, 1)
        body.addWidget(self.table)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(body, 1)
        layout.addWidget(self.attribution)
        self.shown: Counts | None = None
        self.unit = "reports"

    def retranslateUi(self) -> None:
        self.attribution.setText(
            self.tr(
                "Documented cases, not prevalence; reports without a state are not on the map. "
                "State outlines: @svg-maps/mexico by Victor Cazanave, CC BY 4.0."
            )
        )
        self.map.setAccessibleName(self.tr("Map of Mexico by state"))
        self.table.setAccessibleName(self.tr("Counts by state"))
        if self.shown is not None:
            self.show_counts(self.shown, self.unit)

    def show_counts(self, counts: Counts, unit: str) -> None:
        self.shown, self.unit = counts, unit
        unit_text = self.tr("reports") if unit == "reports" else self.tr("events")
        states = {c: n for c, n in counts.counts.items() if c in outlines()[1]}
        self.map.set_counts(states, unit_text)
        self.legend.set_scale(
            scale_classes(states), self.tr("{unit} per state").format(unit=unit_text)
        )
        self.title.setText(
            self.tr("<b>By state</b> — {unit}; {none} without a state").format(
                unit=unit_text, none=counts.counts.get("NONE", 0)
            )
        )
        self.table.setHorizontalHeaderLabels([self.tr("State"), unit_text])
        self.table.setAccessibleName(self.tr("Counts by state"))
        rows = sorted(states.items(), key=lambda kv: (-kv[1], kv[0]))
        self.table.setRowCount(len(rows))
        for row, (code, n) in enumerate(rows):
            name = QTableWidgetItem(code_label("mx_state", code))
            name.setData(Qt.ItemDataRole.UserRole, code)
            self.table.setItem(row, 0, name)
            number = QTableWidgetItem(str(n))
            number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 1, number)

    def _drill_row(self, row: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.drill.emit("state", str(item.data(Qt.ItemDataRole.UserRole)))

    def clear(self) -> None:
        self.shown = None
        self.map.set_counts({})
        self.legend.set_scale(scale_classes({}), "")
        self.table.setRowCount(0)


def state_colours(page: MapPage) -> dict[str, str]:
    """Each state's fill as drawn (for tests: the map follows the filter)."""
    return {code: page.map.colour(code).name() for code in outlines()[1]}


__all__ = ["MapLegend", "MapPage", "MexicoMap", "outlines", "state_colours"]
