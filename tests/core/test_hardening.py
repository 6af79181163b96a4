"""No memory image of a running Testigo reaches the disk: no core dump, not dumpable (Linux)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import ctypes, json, resource
from reporter.fsutil import harden_process
def state():   # (core size soft, hard), PR_GET_DUMPABLE
    return [list(resource.getrlimit(resource.RLIMIT_CORE)), ctypes.CDLL(None).prctl(3, 0, 0, 0, 0)]
before = state()
harden_process()
print(json.dumps([before, state()]))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
def test_harden_process_forbids_core_dumps_and_memory_reads() -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,  # noqa: S603
        cwd=ROOT,
        check=True,
        timeout=60,
    ).stdout
    before, after = json.loads(out)
    assert before[1] == 1  # a normal process is dumpable ...
    assert after == [[0, 0], 0]  # ... and Testigo's is not, and has no core size


# The real app, started by its own entry point; once its event loop runs, it reports its
# core-dump limit and whether it is dumpable, then quits.
APP_PROBE = """
import ctypes, sys
from PySide6.QtCore import QCoreApplication, QTimer
import ui.app
start = ui.app.Controller.start
def report():
    limit = next(line for line in open("/proc/self/limits") if "core file size" in line)
    print(limit.split()[4], limit.split()[5], ctypes.CDLL(None).prctl(3, 0, 0, 0, 0), flush=True)
    QCoreApplication.quit()
def started(self):
    start(self)
    QTimer.singleShot(0, report)
ui.app.Controller.start = started
sys.exit(ui.app.main([]))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_running_app_has_no_core_dump_limit(tmp_path: Path) -> None:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        TESTIGO_HOME=str(tmp_path / "home"),
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    done = subprocess.run(
        [sys.executable, "-c", APP_PROBE],
        cwd=ROOT,
        env=env,  # noqa: S603
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stdout.split() == ["0", "0", "0"]  # soft and hard core size 0; not dumpable
