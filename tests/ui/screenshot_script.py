"""A screenshot script run as a person would (its own HOME, offscreen), and its PNGs read back.

Every ``python -m ui.…screenshots`` script is tested the same way: it runs to the end, writes
exactly the names expected, and each screen differs between Spanish and English.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[2]


def render(module: str, tmp_path: Path) -> Path:
    """Run ``python -m module --out …`` (fails the test if it fails); the folder it wrote."""
    out = tmp_path / "shots"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        TMPDIR=str(tmp_path),
    )
    subprocess.run(
        [sys.executable, "-m", module, "--out", str(out)],  # noqa: S603 - our own script
        cwd=ROOT,
        env=env,
        check=True,
        timeout=300,
        capture_output=True,
    )
    return out


def made(out: Path) -> set[str]:
    return {p.stem for p in out.glob("*.png")}


def in_both_languages(out: Path, name: str) -> tuple[Image.Image, Image.Image]:
    """The Spanish and the English PNG of ``name`` (which says where ``{lang}`` goes)."""
    es, en = (Image.open(out / f"{name.format(lang=lang)}.png") for lang in ("es", "en"))
    return es, en
