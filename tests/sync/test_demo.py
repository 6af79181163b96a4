"""`testigo-cli demo`: the whole mission in one command, as a newcomer runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def test_demo_runs_the_whole_mission(tmp_path: Path) -> None:
    env = dict(os.environ)
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.fast_cli",
            "demo",  # noqa: S603
            "--dir",
            str(tmp_path / "demo"),
            "--json",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=True,
    )
    summary = json.loads(proc.stdout)
    assert len(summary["received"]) == 3
    assert summary["receipts"] == 2
    titles = {r["title"] for r in summary["received"]}
    assert "Seguimiento en motocicleta" in titles
    assert "Lucía Gómez" not in proc.stdout  # names never leave a reporter's vault
    assert (tmp_path / "demo" / "coordinator" / "vault.db").exists()
