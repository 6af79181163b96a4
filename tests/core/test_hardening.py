"""No memory image of a running Testigo reaches the disk: no core dump, not dumpable (Linux)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
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
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,  # noqa: S603
                         cwd=ROOT, check=True, timeout=60).stdout
    before, after = json.loads(out)
    assert before[1] == 1                     # a normal process is dumpable ...
    assert after == [[0, 0], 0]               # ... and Testigo's is not, and has no core size


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_running_app_has_no_core_dump_limit(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TESTIGO_HOME=str(tmp_path / "home"),
               HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"))
    app = subprocess.Popen([sys.executable, "-m", "ui.app"], cwd=ROOT, env=env,  # noqa: S603
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        core: list[str] = []
        deadline = time.monotonic() + 30           # main() hardens first; allow a slow start
        while time.monotonic() < deadline and core != ["0", "0"]:
            limits = Path(f"/proc/{app.pid}/limits").read_text().splitlines()
            core = next(line for line in limits if "core file size" in line).split()[4:6]
            time.sleep(0.05)
        assert core == ["0", "0"]
        assert app.poll() is None                  # and the app is running
    finally:
        app.kill()
        app.wait(10)
