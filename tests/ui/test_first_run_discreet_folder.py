"""Issue 19: the first run of a discreet install lets the person choose the folder's name.

The discreet package (the app named Notes) starts in the neutral ``notes`` data folder; its
first run asks for the folder's name (``notes`` by default), and the vault is made in that
folder of the user data folder. The next start finds it there with nothing pointing to it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWizard

from reporter.places import NEUTRAL_APP_NAME, discreet_home, locate
from tests.ui.conftest import PASSPHRASE

pytestmark = pytest.mark.gui
WAIT = 20_000


def _through(qtbot: Any, wizard: Any) -> None:
    wizard.language_page.english.setChecked(True)
    wizard.next()
    wizard.next()
    wizard.passphrase_page.first.setText(PASSPHRASE)
    wizard.passphrase_page.second.setText(PASSPHRASE)


def test_a_discreet_first_run_makes_the_vault_in_the_folder_chosen(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.common.first_run import FirstRunWizard
    from ui.common.i18n import language

    monkeypatch.delenv("TESTIGO_HOME", raising=False)
    QCoreApplication.setApplicationName(NEUTRAL_APP_NAME)  # the discreet package
    wizard = FirstRunWizard(discreet_home())
    qtbot.addWidget(wizard)
    wizard.show()
    _through(qtbot, wizard)
    folder = wizard.passphrase_page.folder
    assert folder.isVisibleTo(wizard)
    assert folder.text() == "notes"
    language().set("es")
    assert wizard.passphrase_page.folder_label.text().replace("&", "") == "Nombre de la carpeta"
    language().set("en")

    folder.setText("../elsewhere")
    assert not wizard.passphrase_page.isComplete()  # a name, not a path
    folder.setText("testigo")
    assert not wizard.passphrase_page.isComplete()  # and not one that names it
    folder.setText("journal")
    assert wizard.passphrase_page.isComplete()
    wizard.next()
    with qtbot.waitSignal(wizard.created, timeout=WAIT) as made:
        wizard.button(QWizard.WizardButton.FinishButton).click()
    vault = made.args[0]
    chosen = discreet_home().parent / "journal"
    assert vault.home == chosen
    vault.close()
    assert not discreet_home().exists()
    place = locate()
    assert place.home == chosen
    assert place.discreet


def test_a_usual_first_run_asks_no_folder(qtbot: Any, home: Path) -> None:
    from ui.common.first_run import FirstRunWizard

    wizard = FirstRunWizard(home)
    qtbot.addWidget(wizard)
    wizard.show()
    _through(qtbot, wizard)
    assert not wizard.passphrase_page.folder.isVisibleTo(wizard)
    assert wizard.passphrase_page.isComplete()
