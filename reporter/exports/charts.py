"""The bar charts and the map, drawn with matplotlib: the PDF's (Agg, into memory, no display
and no file) and, through ``draw_bars`` and ``scale_classes``, the app's canvases too, so a
label is wrapped, an axis counted and a shade explained the same way on screen and on paper.
"""

from __future__ import annotations

import io
import re
import textwrap
from collections.abc import Collection, Mapping, Sequence

from matplotlib.axes import Axes
from matplotlib.cm import ScalarMappable
from matplotlib.colors import ListedColormap, Normalize
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Polygon, Rectangle
from matplotlib.ticker import MaxNLocator

from reporter.stats.geometry import EMPTY, fill_colour, fill_share, state_outlines

BAR = "#2b5d8a"
MAP_SIZE = (7.0, 4.0)
ELLIPSIS = "\u2026"


def wrap_label(text: str, width: int = 20, lines: int = 3) -> str:
    """A category's label on at most ``lines`` lines of about ``width`` characters, broken
    between words; what does not fit ends with "…", so no word is ever cut without a mark."""
    rows = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)
    if len(rows) <= lines and all(len(row) <= width for row in rows):
        return "\n".join(rows) or text
    kept = rows[:lines]
    for i, row in enumerate(kept):
        if len(row) > width:  # a word longer than a line: the label stops there
            kept = kept[: i + 1]
            break
    last = kept[-1]
    while len(last) + 1 > width and " " in last:
        last = last.rsplit(" ", 1)[0]
    if len(last) + 1 > width:  # that one word: cut, and marked
        last = last[: width - 1]
    kept[-1] = last.rstrip(" ,;:(") + ELLIPSIS
    return "\n".join(kept)


_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2})|-H([12]))?$")
MOST_PERIODS = 240  # a longer span is drawn as counted: gaps then are the least of its problems


def even_periods(labels: Sequence[str], values: Sequence[int]) -> tuple[list[str], list[int]]:
    """The time chart's periods (months ``2026-04``, half-years ``2026-H1`` or years) in
    order with the ones nobody reported in put back as 0, so the axis runs evenly and a quiet
    month shows as one; what is not a period (no date) follows them as it came."""
    found = [(_PERIOD.match(x), x, v) for x, v in zip(labels, values, strict=True)]
    kinds = {(m.group(2) is not None, m.group(3) is not None) for m, _, _ in found if m}
    if len(kinds) != 1:  # none, or months mixed with years: nothing to even out
        return list(labels), list(values)
    month, half = kinds.pop()
    per_year = 12 if month else 2 if half else 1

    def index(m: re.Match[str]) -> int:
        part = m.group(2) or m.group(3) or "1"
        return int(m.group(1)) * per_year + int(part) - 1

    def name(i: int) -> str:
        year, part = divmod(i, per_year)
        return f"{year}-{part + 1:02d}" if month else f"{year}-H{part + 1}" if half else f"{year}"

    have = {index(m): v for m, _, v in found if m}
    span = range(min(have), max(have) + 1)
    if len(span) > MOST_PERIODS:
        return list(labels), list(values)
    periods, counts = [name(i) for i in span], [have.get(i, 0) for i in span]
    rest = [(x, v) for m, x, v in found if not m]
    return periods + [x for x, _ in rest], counts + [v for _, v in rest]


def draw_bars(
    ax: Axes,
    labels: Sequence[str],
    values: Sequence[int],
    unit: str,
    *,
    horizontal: bool = False,
    hidden: Sequence[bool] | None = None,
    fontsize: float = 7,
    wrap: int = 20,
) -> list[Rectangle]:
    """Bars of whole counts, the first on top when horizontal, each label whole or wrapped
    (``wrap_label``), the value axis in whole numbers; a ``hidden`` bar (a published count
    below k) is drawn empty. Returns the bars in the order of ``labels``."""
    hidden = hidden or [False] * len(values)
    shown = [0 if h else v for v, h in zip(values, hidden, strict=True)]
    where = list(range(len(labels)))
    if horizontal:
        bars = ax.barh(where, shown, color=BAR)
        ax.set_yticks(where, [wrap_label(x, wrap) for x in labels], fontsize=fontsize)
        ax.invert_yaxis()
        ax.set_xlabel(unit, fontsize=fontsize + 1)
    else:  # periods: short, turned to fit
        bars = ax.bar(where, shown, color=BAR)
        ticks = [wrap_label(x, wrap) for x in labels]
        ax.set_xticks(where, ticks, fontsize=fontsize, rotation=45, ha="right")
        ax.set_ylabel(unit, fontsize=fontsize + 1)
    # Counts are whole reports or events: no 0.5 on an axis, and 0 to 1 when all are 0.
    (ax.xaxis if horizontal else ax.yaxis).set_major_locator(MaxNLocator(integer=True))
    (ax.set_xlim if horizontal else ax.set_ylim)(0, max([1, *shown]) * 1.05)
    ax.tick_params(labelsize=fontsize)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return list(bars.patches)


def bar_chart(
    labels: list[str],
    values: list[int],
    title: str,
    unit: str,
    *,
    horizontal: bool = False,
    hidden: list[bool] | None = None,
) -> bytes:
    """A PNG bar chart for the PDF: ``draw_bars`` on a figure 7 inches wide (room for a
    label of 44 characters on one line, the height the page gives each bar); the vertical
    one is the time chart, its quiet periods drawn as 0 (``even_periods``)."""
    if not horizontal and len(even_periods(labels, values)[0]) != len(labels):
        marks = dict(zip(labels, hidden or [False] * len(labels), strict=True))
        labels, values = even_periods(labels, values)
        hidden = [marks.get(x, False) for x in labels]
    rows = 0.9 + 0.28 * max(len(labels), 1)
    fig = Figure(figsize=(7.0, 2.8 if not horizontal else rows), dpi=150)
    ax = fig.add_subplot()
    draw_bars(ax, labels, values, unit, horizontal=horizontal, hidden=hidden, wrap=44)
    ax.set_title(title, fontsize=9, loc="left")
    fig.tight_layout()
    out = io.BytesIO()
    fig.savefig(out, format="png")
    return out.getvalue()


def scale_ticks(low: int, top: int, most: int = 5) -> list[int]:
    """The whole counts a colour scale from ``low`` to ``top`` is labelled with: both ends,
    and between them round numbers, at most ``most`` in all."""
    if top <= low:
        return [top]
    inner = MaxNLocator(nbins=most - 1, integer=True, min_n_ticks=1).tick_values(low, top)
    room = (top - low) / 8  # an inner tick this close to an end would print over it
    ticks = {low, top} | {int(t) for t in inner if low + room < t < top - room}
    return sorted(ticks)[: most - 1] + [top] if len(ticks) > most else sorted(ticks)


def scale_classes(counts: Mapping[str, int]) -> list[tuple[int, str]]:
    """The map's legend: (count, fill) for 0 (no reports: the empty shade) and for each
    labelled count from 1 to the largest state's, in the shade ``fill_share`` gives a state
    holding that count, so the legend is the map's own scale."""
    states = state_outlines().states
    top = max([n for c, n in counts.items() if c in states], default=0)
    first, second = sorted(states)[:2]  # two real states carry a count and the largest
    classes = [(0, EMPTY)]
    for n in scale_ticks(1, top) if top > 0 else []:
        classes.append((n, fill_colour(fill_share({first: n, second: top}, first))))
    return classes


# A published count below k: one light shade whatever the count, so 1 and 2 look alike.
SMALL = "#e8dcc4"


def state_shades(
    counts: Mapping[str, int],
    hide_below: int | None = None,
    hidden: Collection[str] = (),
) -> dict[str, str]:
    """Each state's fill on the PDF's map, on the app's scale (``fill_share``); with
    ``hide_below`` (``--public``'s k) a state with 0 < n < k, and every ``hidden`` one (kept
    from being worked out from the total), gets the one SMALL shade; the scale is the shown
    states' only, so a hidden count does not set it."""
    shades = {}
    open_ = {c: n for c, n in counts.items() if c not in hidden}
    for code in state_outlines().states:
        n = counts.get(code, 0)
        small = code in hidden or (hide_below is not None and 0 < n < hide_below)
        shades[code] = SMALL if small else fill_colour(fill_share(open_, code))
    return shades


def map_chart(
    counts: Mapping[str, int],
    title: str,
    unit: str,
    *,
    none_label: str,
    small_label: str | None = None,
    hide_below: int | None = None,
    hidden: Collection[str] = (),
) -> bytes:
    """A PNG map of the states shaded by count, a colour bar in ``unit`` and a legend for
    the empty (and, when public, the "< k") shade."""
    shape = state_outlines()
    shades = state_shades(counts, hide_below, hidden)
    counts = {c: n for c, n in counts.items() if c not in hidden}  # nor the colour bar's top
    fig = Figure(figsize=MAP_SIZE, dpi=150)
    fig.subplots_adjust(left=0.01, right=0.88, bottom=0.02, top=0.93 if title else 0.99)
    ax = fig.add_subplot()
    for code, rings in shape.states.items():
        for ring in rings:  # SVG's y grows down, the axes' up
            ax.add_patch(
                Polygon(
                    [(x, shape.height - y) for x, y in ring],
                    closed=True,
                    facecolor=shades[code],
                    edgecolor="#ffffff",
                    linewidth=0.4,
                )
            )
    ax.set_xlim(0, shape.width)
    ax.set_ylim(0, shape.height)
    ax.set_aspect("equal")
    ax.set_axis_off()
    if title:
        ax.set_title(title, fontsize=9, loc="left")
    handles = [Patch(facecolor=EMPTY, edgecolor="#c9d3dc", linewidth=0.4, label=none_label)]
    if small_label is not None:
        handles.append(
            Patch(facecolor=SMALL, edgecolor="#c9d3dc", linewidth=0.4, label=small_label)
        )
    ax.legend(handles=handles, loc="lower left", fontsize=7, frameon=False)
    top = max([n for c, n in counts.items() if c in shape.states], default=0)
    low = max(hide_below or 1, 1)  # the bar starts at the smallest count drawn on the scale
    if top >= low:
        _colour_bar(fig, low, top, unit)
    out = io.BytesIO()
    fig.savefig(out, format="png")
    return out.getvalue()


def _colour_bar(fig: Figure, low: int, top: int, unit: str) -> None:
    """The scale from ``low`` to ``top`` in the states' own shades (zero is the legend's)."""
    if top == low:
        scale, norm = ListedColormap([fill_colour(1.0)]), Normalize(top - 0.5, top + 0.5)
    else:
        steps = [low + (top - low) * i / 255 for i in range(256)]
        scale = ListedColormap([fill_colour(0.2 + 0.8 * v / top) for v in steps])
        norm = Normalize(low, top)
    bar = fig.colorbar(
        ScalarMappable(norm, scale),
        cax=fig.add_axes((0.9, 0.3, 0.018, 0.45)),
        ticks=scale_ticks(low, top),
    )
    bar.set_label(unit, fontsize=8)
    bar.ax.tick_params(labelsize=7)
