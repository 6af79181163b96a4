"""The restore screens render in Spanish and English (issue 19: screenshots of every new screen)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
SCREENS = ("first-run", "choose", "progress", "unlock", "replace", "refused", "restored")

pytestmark = pytest.mark.gui


def test_the_script_renders_every_restore_screen_in_both_languages(tmp_path: Path) -> None:
    out = tmp_path / "shots"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        TMPDIR=str(tmp_path),
    )
    subprocess.run(
        [sys.executable, "-m", "ui.common.restore_screenshots", "--out", str(out)],  # noqa: S603
        cwd=ROOT,
        env=env,
        check=True,
        timeout=300,
        capture_output=True,
    )
    names = {
        f"{lang}-restore-{i}-{screen}"
        for lang in ("es", "en")
        for i, screen in enumerate(SCREENS, 1)
    }
    assert {p.stem for p in out.glob("*.png")} == names
    for i, screen in enumerate(SCREENS, 1):
        es, en = (Image.open(out / f"{lang}-restore-{i}-{screen}.png") for lang in ("es", "en"))
        assert es.size[0] >= 400
        assert es.tobytes() != en.tobytes(), screen  # really in two languages
