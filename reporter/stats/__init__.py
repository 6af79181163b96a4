"""The coalition's numbers, Qt-free: one computation for the app, the CLI and the PDF."""

from reporter.stats.figures import (
    KEYS,
    NONE,
    UNITS,
    Counts,
    compare,
    counts,
    data_quality,
    one_every,
    spyware_funnel,
)

__all__ = [
    "KEYS",
    "NONE",
    "UNITS",
    "Counts",
    "compare",
    "counts",
    "data_quality",
    "one_every",
    "spyware_funnel",
]
