"""What every benchmark writes with ``--json FILE``, so ``python -m benchmarks`` can collect it.

One shape for all: a list of rows, each a metric of Testigo beside its baseline measured in the
same run, the ratio, the goal and whether it was met; anything else a script wants to keep goes
under ``detail``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


def row(
    metric: str,
    testigo: float | None,
    baseline: float | None = None,
    unit: str = "",
    ratio: float | None = None,
    goal: str = "",
    met: bool | None = None,
) -> dict[str, Any]:
    """One line of the summary table (``ratio`` and ``goal`` in the benchmark's own sense)."""
    return {
        "metric": metric,
        "testigo": testigo,
        "baseline": baseline,
        "unit": unit,
        "ratio": ratio,
        "goal": goal,
        "met": met,
    }


def write_json(path: Path | None, name: str, rows: list[dict[str, Any]], **detail: Any) -> None:
    """Write the rows (and the load average now) if ``--json`` was given."""
    if path is None:
        return
    document = {"benchmark": name, "rows": rows, "load_after": os.getloadavg()[0], "detail": detail}
    path.write_text(json.dumps(document, indent=1, default=str))
