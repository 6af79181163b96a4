"""Issue 6, test 8: a script renders every screen in both languages; the README shows them."""

from __future__ import annotations

import re
from pathlib import Path

from tests.ui.screenshot_script import ROOT, in_both_languages, made, render

SCREENS = {
    "first-run-1-language",
    "first-run-2-protects",
    "first-run-3-passphrase",
    "unlock",
    "incidents",
    "editor",
    "editor-consent",
    "editor-where",
    "share",
    "outbox",
    "settings",
    "share-confirm-draft",
    "outbox-carried",
    "settings-coalition",
    "profile-notice",
    "viewer",
}


def test_the_script_renders_every_screen_in_spanish_and_english(tmp_path: Path) -> None:
    out = render("ui.screenshots", tmp_path)
    assert made(out) == {f"{lang}-{screen}" for lang in ("es", "en") for screen in SCREENS}
    for screen in SCREENS:
        es, en = in_both_languages(out, f"{{lang}}-{screen}")
        assert es.size[0] >= 400
        assert es.size[1] >= 100
        assert es.tobytes() != en.tobytes(), screen  # really in two languages


def test_the_readme_shows_screenshots_that_exist_in_both_languages() -> None:
    shown = re.findall(r"\(docs/screenshots/([\w-]+\.png)\)", (ROOT / "README.md").read_text())
    # Each workspace (the reporter's, and the coordinator's as coord-) in both languages.
    kinds = {re.fullmatch(r"(coord-)?(es|en)-[\w-]+\.png", name) for name in shown}
    assert None not in kinds, shown
    assert {(m.group(1) or "", m.group(2)) for m in kinds if m} == {
        (workspace, lang) for workspace in ("", "coord-") for lang in ("es", "en")
    }
    assert all((ROOT / "docs" / "screenshots" / name).is_file() for name in shown)
