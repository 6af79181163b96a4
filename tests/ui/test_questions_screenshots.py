"""The questions' screens of both workspaces render in Spanish and English (issue 16, test 6)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ("coord-{lang}-questions", "coord-{lang}-ask", "{lang}-editor-questions")

pytestmark = pytest.mark.gui


def test_the_script_renders_the_questions_in_both_workspaces_and_languages(
    tmp_path: Path,
) -> None:
    out = tmp_path / "shots"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        TMPDIR=str(tmp_path),
    )
    subprocess.run(
        [sys.executable, "-m", "ui.questions_screenshots", "--out", str(out)],  # noqa: S603
        cwd=ROOT,
        env=env,
        check=True,
        timeout=300,
        capture_output=True,
    )
    made = {p.stem for p in out.glob("*.png")}
    assert made == {shot.format(lang=lang) for shot in SHOTS for lang in ("es", "en")}
    for shot in SHOTS:
        es, en = (Image.open(out / f"{shot.format(lang=lang)}.png") for lang in ("es", "en"))
        assert es.size[0] >= 400
        assert es.tobytes() != en.tobytes(), shot  # really in two languages
