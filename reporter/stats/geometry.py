"""Mexico's 32 states as closed rings of points, and the map's colour scale, Qt-free.

The outlines are ``@svg-maps/mexico`` (Victor Cazanave, CC BY 4.0; see
``resources/maps/LICENSE-mexico.md``), keyed by INEGI state code, read from the package's
files. The app's map and the PDF's map both draw from here, so they cannot disagree.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from reporter.i18n import Text

Point = tuple[float, float]
Ring = tuple[Point, ...]

# The data uses only moveto, lineto and closepath, absolute or relative.
_TOKEN = re.compile(r"[MmLlZz]|-?\d*\.?\d+(?:e-?\d+)?")
LOW, HIGH, EMPTY = "#dbe7f3", "#08306b", "#f2f2f2"
ATTRIBUTION_TEXT = Text("State outlines: @svg-maps/mexico by Victor Cazanave, CC BY 4.0")


@dataclass(frozen=True)
class Outlines:
    """The drawing's size (SVG units, y grows down) and each state's rings."""

    width: float
    height: float
    states: dict[str, tuple[Ring, ...]]


def parse_rings(d: str) -> list[Ring]:
    """An SVG path's subpaths as closed rings (a ring the data leaves open is closed too)."""
    rings: list[Ring] = []
    ring: list[Point] = []
    x = y = 0.0
    command, start = "M", (0.0, 0.0)

    def finish() -> None:
        if ring:
            if ring[-1] != ring[0]:
                ring.append(ring[0])
            rings.append(tuple(ring))
            ring.clear()

    tokens = _TOKEN.findall(d)
    i = 0
    while i < len(tokens):
        part = tokens[i]
        if part in "MmLlZz":
            command = part
            i += 1
            if command in "Zz":
                finish()
                x, y = start
            continue
        dx, dy = float(tokens[i]), float(tokens[i + 1])
        i += 2
        relative = command.islower()
        x, y = (x + dx, y + dy) if relative else (dx, dy)
        if command in "Mm":
            finish()
            start = (x, y)
            ring.append(start)
            command = "l" if relative else "L"  # later pairs are linetos
        else:
            if not ring:  # a lineto right after a closepath
                ring.append(start)
            ring.append((x, y))
    finish()
    return rings


@cache
def state_outlines() -> Outlines:
    data = json.loads(
        resources.files("resources.maps").joinpath("mexico-states.json").read_text("utf-8")
    )
    _, _, width, height = (float(v) for v in data["viewBox"].split())
    return Outlines(
        width, height, {code: tuple(parse_rings(s["path"])) for code, s in data["states"].items()}
    )


def fill_share(counts: Mapping[str, int], code: str) -> float | None:
    """Where a state sits on the scale: None when it has nothing, else 0.2 up to 1 at the
    largest state's count (a state with one report still reads as more than none)."""
    states = state_outlines().states
    n = counts.get(code, 0)
    top = max([v for c, v in counts.items() if c in states], default=0)
    if n <= 0 or top <= 0:
        return None
    return 0.2 + 0.8 * n / top


def fill_colour(share: float | None) -> str:
    """The colour of a share, from LOW to HIGH (``#rrggbb``); EMPTY for None."""
    if share is None:
        return EMPTY
    low = [int(LOW[i : i + 2], 16) for i in (1, 3, 5)]
    high = [int(HIGH[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(
        f"{round(a + (b - a) * share):02x}" for a, b in zip(low, high, strict=True)
    )
