"""The questions' screens of both workspaces render in Spanish and English (issue 16, test 6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.screenshot_script import in_both_languages, made, render

SHOTS = ("coord-{lang}-questions", "coord-{lang}-ask", "{lang}-editor-questions")

pytestmark = pytest.mark.gui


def test_the_script_renders_the_questions_in_both_workspaces_and_languages(
    tmp_path: Path,
) -> None:
    out = render("ui.questions_screenshots", tmp_path)
    assert made(out) == {shot.format(lang=lang) for shot in SHOTS for lang in ("es", "en")}
    for shot in SHOTS:
        es, en = in_both_languages(out, shot)
        assert es.size[0] >= 400
        assert es.tobytes() != en.tobytes(), shot  # really in two languages
