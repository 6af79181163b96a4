"""A discreet install names itself nowhere a glance reaches: first-run and error titles too."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


def test_first_run_and_error_titles_of_a_discreet_install_name_nothing(qtbot, home) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication

    from reporter.errors import NotFound
    from reporter.places import NEUTRAL_APP_NAME
    from ui.common.errors import show_error
    from ui.common.first_run import FirstRunWizard
    from ui.common.i18n import language

    language().set("en")
    plain = FirstRunWizard(home / "vault")
    qtbot.addWidget(plain)
    assert "Testigo" in plain.windowTitle()
    box = show_error(plain, NotFound(what="x"))
    assert box.windowTitle() == "Testigo"
    box.close()
    QCoreApplication.setApplicationName(NEUTRAL_APP_NAME)  # as create_app names a discreet one
    try:
        neutral = FirstRunWizard(home / "vault2")
        qtbot.addWidget(neutral)
        language().set("es")
        assert "Testigo" not in neutral.windowTitle()
        assert neutral.windowTitle() == "Bienvenida"
        box = show_error(neutral, NotFound(what="x"))
        assert "Testigo" not in box.windowTitle()
        box.close()
    finally:
        QCoreApplication.setApplicationName("TestigoTests")
        language().set("en")
