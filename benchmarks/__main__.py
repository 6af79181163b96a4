"""``python -m benchmarks``: every benchmark, each in its own process, into one summary.

Quick sizes by default (a few minutes), ``--full`` for the sizes docs/benchmarks.md quotes,
``--only NAME...`` for some. Writes benchmarks/results.json, the block between the markers in
docs/benchmarks.md and docs/benchmarks-throughput.png. A benchmark that fails or times out is
recorded with its error; the others still run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.report import plot, table, update_doc  # noqa: E402

# name: (script, quick arguments, full arguments)
BENCHMARKS: dict[str, tuple[str, list[str], list[str]]] = {
    "vault": ("bench_vault.py", ["--quick"], []),
    "sync": ("bench_sync.py", ["--small", "100", "--large", "2", "--large-mib", "16"], []),
    "startup": ("bench_startup.py", ["--runs", "3"], []),
    "age": (
        "bench_age.py",
        ["--size-mib", "32", "--runs", "3", "--rss-gib", "0.25"],
        ["--sweep-kib", "1,16,64,256,1024,4096,16384,65536"],
    ),
    "coordinator": ("bench_coordinator.py", ["--reports", "2000", "--bundles", "100"], ["--full"]),
    "relay_scale": ("bench_relay_scale.py", ["--devices", "6", "--no-kill"], []),
}
TIMEOUT = {"quick": 1800, "full": 4 * 3600}  # seconds per benchmark


def machine() -> dict[str, Any]:
    return {
        "cpus": os.cpu_count(),
        "processor": platform.processor() or platform.machine(),
        "system": platform.platform(),
        "python": platform.python_version(),
    }


def run_one(name: str, extra: list[str], full: bool, timeout: float) -> dict[str, Any]:
    """One benchmark in a child process; its --json file, or the reason there is none."""
    script, quick_args, full_args = BENCHMARKS[name]
    with tempfile.TemporaryDirectory(prefix="bench-run-") as tmp:
        out = Path(tmp) / "result.json"
        command = [sys.executable, str(ROOT / "benchmarks" / script)]
        command += [*(full_args if full else quick_args), *extra, "--json", str(out)]
        print(f"== {name}: {' '.join(command[1:])}", flush=True)
        try:
            done = subprocess.run(command, cwd=ROOT, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            return {"error": f"timed out after {timeout:.0f} s", "rows": []}
        if not out.exists():
            return {"error": f"exited {done.returncode} without results", "rows": []}
        result: dict[str, Any] = json.loads(out.read_text())
        result["exit_code"] = done.returncode  # non-zero: a goal missed, the rows say which
        return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--full", action="store_true", help="the full sizes (hours)")
    parser.add_argument("--only", nargs="+", choices=sorted(BENCHMARKS), metavar="NAME")
    parser.add_argument(
        "--args", default="", help="more arguments for the benchmark(s), e.g. with --only"
    )
    parser.add_argument("--results", type=Path, default=ROOT / "benchmarks" / "results.json")
    parser.add_argument("--doc", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument("--plot", type=Path, default=ROOT / "docs" / "benchmarks-throughput.png")
    parser.add_argument("--timeout", type=float, help="seconds per benchmark")
    args = parser.parse_args(argv)
    timeout = args.timeout or TIMEOUT["full" if args.full else "quick"]
    load_before = os.getloadavg()[0]
    started = datetime.now(UTC)
    benchmarks = {
        name: run_one(name, args.args.split(), args.full, timeout)
        for name in (args.only or BENCHMARKS)
    }
    results = {
        "date": started.strftime("%Y-%m-%d %H:%M UTC"),
        "full": args.full,
        "machine": machine(),
        "load_before": load_before,
        "load_after": os.getloadavg()[0],
        "benchmarks": benchmarks,
    }
    args.results.write_text(json.dumps(results, indent=1))
    summary = table(results)
    update_doc(args.doc, summary)
    drew = plot(results, args.plot)
    print(summary)
    print(f"wrote {args.results}, {args.doc}" + (f", {args.plot}" if drew else ""))
    failed = [n for n, b in benchmarks.items() if b.get("error")]
    missed = [n for n, b in benchmarks.items() if any(r["met"] is False for r in b["rows"])]
    if failed or missed:
        print(
            f"no result: {', '.join(failed) or 'none'}; goals missed: {', '.join(missed) or 'none'}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
