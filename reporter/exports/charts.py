"""The PDF's charts, drawn with matplotlib's Agg backend into memory (no display, no file)."""

from __future__ import annotations

import io
from collections.abc import Mapping

from matplotlib.cm import ScalarMappable
from matplotlib.colors import ListedColormap, Normalize
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Polygon
from matplotlib.ticker import MaxNLocator

from reporter.stats.geometry import EMPTY, fill_colour, fill_share, state_outlines

BAR = "#2b5d8a"
MAP_SIZE = (7.0, 4.0)


def bar_chart(
    labels: list[str],
    values: list[int],
    title: str,
    unit: str,
    *,
    horizontal: bool = False,
    hidden: list[bool] | None = None,
) -> bytes:
    """A PNG bar chart; a ``hidden`` bar (a published count below k) is drawn empty."""
    hidden = hidden or [False] * len(values)
    fig = Figure(
        figsize=(7.0, 2.8 if not horizontal else 0.9 + 0.28 * max(len(labels), 1)), dpi=150
    )
    ax = fig.add_subplot()
    shown = [0 if h else v for v, h in zip(values, hidden, strict=True)]
    if horizontal:
        ax.barh(range(len(labels)), shown, color=BAR)
        ax.set_yticks(range(len(labels)), labels, fontsize=7)
        ax.invert_yaxis()
        ax.set_xlabel(unit, fontsize=8)
    else:
        ax.bar(range(len(labels)), shown, color=BAR)
        ax.set_xticks(range(len(labels)), labels, fontsize=7, rotation=45, ha="right")
        ax.set_ylabel(unit, fontsize=8)
    # Counts are whole reports: no 0.5 on an axis.
    (ax.xaxis if horizontal else ax.yaxis).set_major_locator(MaxNLocator(integer=True))
    ax.set_title(title, fontsize=9, loc="left")
    ax.tick_params(labelsize=7)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    out = io.BytesIO()
    fig.savefig(out, format="png")
    return out.getvalue()


# A published count below k: one light shade whatever the count, so 1 and 2 look alike.
SMALL = "#e8dcc4"


def state_shades(counts: Mapping[str, int], hide_below: int | None = None) -> dict[str, str]:
    """Each state's fill on the PDF's map, on the app's scale (``fill_share``); with
    ``hide_below`` (``--public``'s k) a state with 0 < n < k gets the one SMALL shade."""
    shades = {}
    for code in state_outlines().states:
        n = counts.get(code, 0)
        small = hide_below is not None and 0 < n < hide_below
        shades[code] = SMALL if small else fill_colour(fill_share(counts, code))
    return shades


def map_chart(
    counts: Mapping[str, int],
    title: str,
    unit: str,
    *,
    none_label: str,
    small_label: str | None = None,
    hide_below: int | None = None,
) -> bytes:
    """A PNG map of the states shaded by count, a colour bar in ``unit`` and a legend for
    the empty (and, when public, the "< k") shade."""
    shape = state_outlines()
    shades = state_shades(counts, hide_below)
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
        ticks=MaxNLocator(integer=True) if top > low else [top],
    )
    bar.set_label(unit, fontsize=8)
    bar.ax.tick_params(labelsize=7)
