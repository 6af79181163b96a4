"""The coordinator's screenshot script renders each of its screens in Spanish and English."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.screenshot_script import in_both_languages, made, render

SCREENS = (
    "inbox",
    "report",
    "dashboard",
    "map",
    "spyware",
    "coordination",
    "coordination-copied",
    "claim",
    "break-claim",
)

pytestmark = pytest.mark.gui


def test_the_script_renders_every_coordinator_screen_in_both_languages(tmp_path: Path) -> None:
    out = render("ui.coordinator.screenshots", tmp_path)
    assert made(out) == {f"coord-{lang}-{screen}" for screen in SCREENS for lang in ("es", "en")}
    for screen in SCREENS:
        es, en = in_both_languages(out, f"coord-{{lang}}-{screen}")
        assert es.size == (1180, 760)
        assert es.tobytes() != en.tobytes(), screen  # really in two languages
