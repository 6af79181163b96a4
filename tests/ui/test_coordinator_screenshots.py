"""The coordinator's screenshot script renders each of its screens in Spanish and English."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
SCREENS = (
    "inbox",
    "report",
    "dashboard",
    "map",
    "spyware",
    "coordination",
    "claim",
    "break-claim",
)

pytestmark = pytest.mark.gui


def test_the_script_renders_every_coordinator_screen_in_both_languages(tmp_path: Path) -> None:
    out = tmp_path / "shots"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        TMPDIR=str(tmp_path),
    )
    subprocess.run(
        [sys.executable, "-m", "ui.coordinator.screenshots", "--out", str(out)],  # noqa: S603
        cwd=ROOT,
        env=env,
        check=True,
        timeout=300,
        capture_output=True,
    )
    made = {p.stem for p in out.glob("*.png")}
    assert made == {f"coord-{lang}-{screen}" for screen in SCREENS for lang in ("es", "en")}
    for screen in SCREENS:
        es, en = (Image.open(out / f"coord-{lang}-{screen}.png") for lang in ("es", "en"))
        assert es.size == (1180, 760)
        assert es.tobytes() != en.tobytes(), screen  # really in two languages
