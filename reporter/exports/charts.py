"""The PDF's charts, drawn with matplotlib's Agg backend into memory (no display, no file)."""

from __future__ import annotations

import io

from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

BAR = "#2b5d8a"


def bar_chart(labels: list[str], values: list[int], title: str, unit: str, *,
              horizontal: bool = False, hidden: list[bool] | None = None) -> bytes:
    """A PNG bar chart; a ``hidden`` bar (a published count below k) is drawn empty."""
    hidden = hidden or [False] * len(values)
    fig = Figure(figsize=(7.0, 2.8 if not horizontal else 0.9 + 0.28 * max(len(labels), 1)),
                 dpi=150)
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
