"""The app in a child process with fresh HOME, XDG folders and TMPDIR, for the leak scans.

Qt reads those folders once per process, so only a new process controls them fully: the tests
that scan what a session leaves (on disk, in memory) run a driver module this way.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ROOTS = (
    "HOME",
    "TMPDIR",
    "XDG_CACHE_HOME",
    "XDG_CONFIG_HOME",
    "XDG_DATA_HOME",
    "XDG_STATE_HOME",
    "XDG_RUNTIME_DIR",
)


def fresh_environment(tmp_path: Path) -> dict[str, str]:
    """Only PATH and a locale from ours; every root a new private folder under tmp_path."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    for name in ROOTS:
        path = tmp_path / "session" / name.lower()
        path.mkdir(parents=True, mode=0o700)
        env[name] = str(path)
    return env


def run_driver(
    module: str, env: dict[str, str], *args: str, timeout: float
) -> subprocess.CompletedProcess[str]:
    """``python -m module args`` from the repository, in ``env``, its output captured."""
    return subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", module, *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
