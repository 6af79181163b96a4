"""Issue 19: a discreet install's first run names the app nowhere, on any page, in es and en.

Its titles were neutral already; the text of its pages still said "Testigo". This walks every
page (and the restore dialog the first run offers) in discreet mode and reads every text a
person can see there: labels, buttons, titles, subtitles, placeholders, tooltips.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget, QWizard

from reporter.places import NEUTRAL_APP_NAME

pytestmark = pytest.mark.gui


def texts(widget: QWidget) -> list[str]:
    """Every text ``widget`` and its children show, or show on hover."""
    found = [widget.windowTitle(), widget.toolTip(), widget.accessibleName()]
    for child in [widget, *widget.findChildren(QWidget)]:
        found += [child.toolTip(), child.accessibleName(), child.whatsThis()]
        if isinstance(child, QLabel | QAbstractButton):
            found.append(child.text())
        if isinstance(child, QLineEdit):
            found += [child.text(), child.placeholderText()]
    return [text for text in found if text]


def named(found: list[str]) -> list[str]:
    return [text for text in found if "testigo" in text.lower()]


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_first_run_page_of_a_discreet_install_is_neutral(
    qtbot: Any, tmp_path: Path, lang: str
) -> None:
    from ui.common.first_run import FirstRunWizard
    from ui.common.i18n import language

    QCoreApplication.setApplicationName(NEUTRAL_APP_NAME)  # as create_app names a discreet one
    try:
        language().set(lang)
        wizard = FirstRunWizard(tmp_path / "vault")
        qtbot.addWidget(wizard)
        wizard.show()
        seen: list[int] = []
        shown: list[str] = []
        # Language, about, passphrase, profile, then (as a coordinator) the coalition's keys.
        for _ in range(6):
            page = wizard.currentPage()
            seen.append(wizard.currentId())
            page_texts = [page.title(), page.subTitle(), *texts(wizard)]
            assert named(page_texts) == [], (wizard.currentId(), named(page_texts))
            shown += page_texts
            if page is wizard.passphrase_page:
                wizard.passphrase_page.first.setText("correct horse battery staple 42")
                wizard.passphrase_page.second.setText("correct horse battery staple 42")
            if page is wizard.profile_page:
                wizard.profile_page.coordinator.setChecked(True)
            if wizard.currentId() == wizard.COALITION:
                break
            wizard.next()
        assert seen == [*wizard.pageIds()[:4], wizard.COALITION]
        about = wizard.about_page.text.text()
        assert "passphrase" in about or "frase" in about  # the page was read, in its language
        wizard.button(QWizard.WizardButton.CustomButton1).click()
        dialog = wizard.restore_dialog
        assert dialog is not None
        assert named(texts(dialog)) == []
        assert len(texts(dialog)) > 8
        dialog.reject()
    finally:
        QCoreApplication.setApplicationName("TestigoTests")
        language().set("en")


def test_the_usual_first_run_still_names_testigo(qtbot: Any, tmp_path: Path) -> None:
    """The check above can see the name: outside discreet mode it is on the pages."""
    from ui.common.first_run import FirstRunWizard
    from ui.common.i18n import language

    language().set("en")
    wizard = FirstRunWizard(tmp_path / "vault")
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.currentPage()
    assert named([page.title(), page.subTitle(), *texts(wizard)])
