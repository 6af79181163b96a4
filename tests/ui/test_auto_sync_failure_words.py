"""The next-try sentence says why the last pass failed in words, never an error code."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("lang", ["en", "es"])
def test_an_unlisted_failure_is_said_in_words(qtbot, window, lang: str) -> None:  # type: ignore[no-untyped-def]
    from ui.common.i18n import language

    auto = window.auto_sync
    qtbot.waitUntil(lambda: auto.enabled, timeout=20000)
    language().set(lang)
    try:
        auto.pass_ended("pin_mismatch")  # a coordinator's pull reports any code
        text = auto.text()
        assert "pin_mismatch" not in text
        assert text.endswith(("(the last one failed: an error).", "(el último falló: un error)."))
    finally:
        language().set("en")
        window.session.runner.close(10_000)
