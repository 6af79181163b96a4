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
from reporter.stats.overview import overview

__all__ = [
    "KEYS",
    "NONE",
    "UNITS",
    "Counts",
    "compare",
    "counts",
    "data_quality",
    "one_every",
    "overview",
    "spyware_funnel",
]
