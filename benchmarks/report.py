"""The summary of a ``python -m benchmarks`` run: results.json, the docs' table, the plot.

Kept apart from the runner so a test can feed it a results file without running benchmarks.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

BEGIN, END = "<!-- results:begin -->", "<!-- results:end -->"


def _number(value: float | None, unit: str = "") -> str:
    if value is None:
        return ""
    digits = 2 if abs(value) < 10 else 1 if abs(value) < 1000 else 0
    return f"{value:,.{digits}f} {unit}".strip()


def table(results: dict[str, Any]) -> str:
    """The Markdown summary: one line per metric of every benchmark, or why one has none."""
    machine = results["machine"]
    lines = [
        f"Last `python -m benchmarks{' --full' if results['full'] else ''}`: {results['date']},"
        f" {machine['cpus']} CPUs ({machine['processor']}), Python {machine['python']},"
        f" load average {results['load_before']:.1f} before, {results['load_after']:.1f} after."
        " Written by the command; edit the text around this block, not the block.",
        "",
        "| benchmark | metric | Testigo | baseline | ratio | goal | met |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, bench in results["benchmarks"].items():
        if bench.get("error"):
            lines.append(f"| {name} | {bench['error']} | | | | | no result |")
            continue
        for row in bench["rows"]:
            met = {True: "**yes**", False: "no", None: ""}[row["met"]]
            ratio = "" if row["ratio"] is None else f"{row['ratio']:.2f}x"
            lines.append(
                f"| {name} | {row['metric']} | {_number(row['testigo'], row['unit'])} |"
                f" {_number(row['baseline'], row['unit'])} | {ratio} | {row['goal']} | {met} |"
            )
    return "\n".join(lines)


def update_doc(doc: Path, block: str) -> None:
    """Replace what is between the markers (added at the end if the document has none)."""
    text = doc.read_text(encoding="utf-8") if doc.exists() else "# Benchmarks\n"
    marked = f"{BEGIN}\n{block}\n{END}"
    pattern = re.compile(re.escape(BEGIN) + ".*?" + re.escape(END), re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _: marked, text, count=1)
    else:
        text = text.rstrip("\n") + "\n\n## Last run of every benchmark\n\n" + marked + "\n"
    doc.write_text(text, encoding="utf-8")


SERIES = (("testigo X25519", "Testigo"), ("age binary", "age"), ("raw ChaCha20", "raw ChaCha20"))


def plot(results: dict[str, Any], path: Path) -> bool:
    """Sealing throughput by bundle size (left, MiB/s) and as a ratio to raw (right).

    Every line divides by raw ChaCha20-Poly1305 measured in the same round of the same run,
    so the right panel means the same on any machine. False when the run had no age sweep.
    """
    points = (results["benchmarks"].get("age") or {}).get("detail", {}).get("by_size")
    if not points:
        return False
    import matplotlib

    matplotlib.use("Agg")  # no display, ever
    from matplotlib import pyplot

    sizes = [p["size_kib"] for p in points]
    figure, (left, right) = pyplot.subplots(1, 2, figsize=(11, 4.2))
    for key, label in SERIES:
        if not all(key in p["MiB/s"] for p in points):
            continue
        speed = [p["MiB/s"][key]["median"] for p in points]
        ratio = [p["MiB/s"][key]["median"] / p["MiB/s"]["raw ChaCha20"]["median"] for p in points]
        left.plot(sizes, speed, marker="o", label=label)
        right.plot(sizes, ratio, marker="o", label=label)
    for axis in (left, right):
        axis.set_xscale("log", base=2)
        axis.set_xticks(sizes, [f"{k} KiB" if k < 1024 else f"{k // 1024} MiB" for k in sizes])
        axis.set_xlabel("bundle size (KiB)")
        axis.grid(True, which="both", alpha=0.3)
        axis.legend()
    left.set_yscale("log")
    left.set_ylabel("sealing throughput (MiB/s, median)")
    right.set_ylabel("throughput / raw ChaCha20-Poly1305, same run")
    right.axhline(0.9, color="grey", linestyle="--", linewidth=1)
    right.annotate("goal 0.9x raw", (sizes[0], 0.92), color="grey", fontsize=8)
    figure.suptitle(f"Sealing bundles by size ({results['date']}, tmpfs)")
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    pyplot.close(figure)
    return True
