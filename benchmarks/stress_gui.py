"""The GUI suite, run again and again while CPU burners load every core: does it ever crash?

Run: python benchmarks/stress_gui.py [--runs 20] [--burners 2] [--workers 0] [-- PYTEST ARGS]

A crash is a run killed by a signal (exit 139 is SIGSEGV), a "Fatal Python error" from
faulthandler, or an xdist worker that went down; a failing test is counted apart. Each run is
`python -X faulthandler -m pytest tests/ui`, so a crash prints the stack of every thread; the
tail of each crashed run is printed. Not part of the default suite (it takes minutes per run).
The burners are this script's own children and are ended by their ids, also on Ctrl+C.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CRASH_MARKS = ("Fatal Python error", "Segmentation fault", "node down", "crashed while running")


def burners(count: int) -> list[subprocess.Popen[bytes]]:
    return [subprocess.Popen([sys.executable, "-c", "while 1: pass"]) for _ in range(count)]


def one_run(workers: int, extra: list[str]) -> tuple[int, float, str]:
    cmd = [
        sys.executable,
        "-X",
        "faulthandler",
        "-m",
        "pytest",
        "tests/ui",
        "-q",
        "-p",
        "no:cacheprovider",
        *(["-n", str(workers)] if workers else []),
        *extra,
    ]
    start = time.monotonic()
    done = subprocess.run(
        cmd,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    return done.returncode, time.monotonic() - start, done.stdout + done.stderr


def crashed(code: int, output: str) -> bool:
    return code < 0 or code >= 128 or any(mark in output for mark in CRASH_MARKS)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--burners", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--workers", type=int, default=0, help="pytest-xdist workers (0: none)")
    parser.add_argument("pytest_args", nargs="*")
    args = parser.parse_args()
    for sig in (signal.SIGTERM, signal.SIGINT):  # also when started in the background
        signal.signal(sig, lambda *_: sys.exit(130))  # run() then kills the suite it started
    load = burners(args.burners)
    crashes = failures = 0
    try:
        for n in range(1, args.runs + 1):
            code, seconds, output = one_run(args.workers, args.pytest_args)
            summary = (
                re.findall(r"^=*\s*(\d+ (?:passed|failed).*?)\s*=*$", output, re.M)
                or ["(no summary)"]
            )[-1]
            if crashed(code, output):
                crashes += 1
                verdict = "CRASH"
                print(output[-6000:])
            elif code != 0:
                failures += 1
                verdict = "failed"
                print(
                    "\n".join(
                        line
                        for line in output.splitlines()  # what and where
                        if line.startswith(("FAILED", "ERROR", "E ", "tests/"))
                    )
                )
            else:
                verdict = "ok"
            print(
                f"run {n}/{args.runs}: {verdict} (exit {code}, {seconds:.0f} s): {summary}",
                flush=True,
            )
    finally:
        for proc in load:
            proc.kill()
            proc.wait()
    print(
        f"{args.runs} runs, {args.burners} burners, {args.workers or 'no'} xdist workers: "
        f"{crashes} crashes, {failures} runs with failing tests"
    )
    return 1 if crashes or failures else 0


if __name__ == "__main__":
    sys.exit(main())
