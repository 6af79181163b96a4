"""Cold start of `testigo` to an interactive window vs a bare PySide6 QMainWindow.

Run: python benchmarks/bench_startup.py [--runs 5]
Each run is a fresh process; it measures from process start to the first moment the event
loop is idle with the window shown. Testigo starts on its unlock screen (a vault exists), the
screen a person sees every day. Goal: <= 1.5x the bare window.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.common import row, write_json  # noqa: E402

BARE = r"""
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.show()
QTimer.singleShot(0, lambda: (print("ready"), app.quit()))
app.exec()
"""

TESTIGO = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from ui import app as testigo
real_exec = QApplication.exec
def exec_once(self=None):
    QTimer.singleShot(0, lambda: (print("ready"), QApplication.quit()))
    return real_exec()
QApplication.exec = exec_once
testigo.main([sys.argv[0]])
"""


def run(code: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,  # noqa: S603
        env=env,
        cwd=ROOT,
        timeout=120,
        check=True,
    )
    assert "ready" in out.stdout, out.stderr
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(
            os.environ,
            QT_QPA_PLATFORM="offscreen",
            TESTIGO_HOME=str(Path(tmp) / "vault"),
            HOME=tmp,
            PYTHONPATH=str(ROOT),
        )
        subprocess.run(
            [sys.executable, "-m", "tests.fast_cli", "init"],
            check=True,  # noqa: S603
            env=dict(env, TESTIGO_PASSPHRASE="benchmark passphrase 2026"),  # noqa: S106
            capture_output=True,
            cwd=ROOT,
        )
        bare, ours = [], []
        for _ in range(args.runs):  # interleaved: both see the same machine state
            bare.append(run(BARE, env))
            ours.append(run(TESTIGO, env))
    b, o = statistics.median(bare), statistics.median(ours)
    ratio = o / b
    print(f"{'start to interactive window':32} {'median':>10}")
    print(f"{'bare QMainWindow':32} {b * 1000:>8.0f} ms")
    print(f"{'testigo (unlock screen)':32} {o * 1000:>8.0f} ms")
    print(f"ratio {ratio:.2f}x (goal <= 1.5x): {'met' if ratio <= 1.5 else 'NOT met'}")
    write_json(
        args.json,
        "startup",
        [
            row(
                "app start to unlock screen vs a bare window (ms)",
                o * 1000,
                b * 1000,
                "ms",
                ratio,
                "<= 1.5x",
                ratio <= 1.5,
            )
        ],
        runs=args.runs,
    )
    return 0 if ratio <= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
