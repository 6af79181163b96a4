"""First run: language, what Testigo protects, a passphrase, an optional coalition profile.

Or, instead of a new vault, a restore from a backup (``restore_dialog``). A discreet install's
pages name the app nowhere: the same rule as its unlock screen.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from reporter.errors import Conflict, TestigoError
from reporter.fsutil import read_regular
from reporter.places import NEUTRAL_NAME, chosen_discreet_home, discreet_home
from reporter.vault import passphrase as policy
from reporter.vault.vault import Vault
from ui.common import file_dialogs
from ui.common.discretion import discreet
from ui.common.errors import error_text, show_error
from ui.common.i18n import language
from ui.common.restore_dialog import OffersRestore
from ui.common.tasks import TaskControl, TaskRunner


class LanguagePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.spanish = QRadioButton("Español")
        self.english = QRadioButton("English")
        self.spanish.setChecked(language().code == "es")
        self.english.setChecked(language().code == "en")
        layout = QVBoxLayout(self)
        layout.addWidget(self.spanish)
        layout.addWidget(self.english)
        self.spanish.toggled.connect(lambda on: self._chosen(on, "es"))
        self.english.toggled.connect(lambda on: self._chosen(on, "en"))

    def _chosen(self, on: bool, code: str) -> None:
        if on:
            language().set(code)

    def retranslateUi(self) -> None:
        self.setTitle(self.tr("Language"))
        if discreet():
            self.setSubTitle(self.tr("Choose the language. You can change it later."))
        else:
            self.setSubTitle(self.tr("Choose the language of Testigo. You can change it later."))


class AboutPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.text = QLabel()
        self.text.setWordWrap(True)
        QVBoxLayout(self).addWidget(self.text)

    def retranslateUi(self) -> None:
        if discreet():
            self.setTitle(self.tr("What this app protects"))
        else:
            self.setTitle(self.tr("What Testigo protects"))
        self.text.setText(
            self.tr(
                "<p><b>It protects</b> what you record: everything is encrypted on this computer "
                "with your passphrase. If the laptop is taken while the app is closed or locked, "
                "nothing can be read: no text, no file, no name.</p>"
                "<p>What you share leaves only as an anonymized, encrypted bundle that only the "
                "coalition's coordinators can open. Names, contacts and private notes never "
                "leave.</p>"
                "<p><b>It does not protect</b> against spyware already on this computer (it can "
                "see your screen and keyboard), nor against someone who watches you type the "
                "passphrase. If you suspect the computer is infected, ask your trainer first.</p>"
            )
        )


class PassphrasePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.first = QLineEdit()
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.second = QLineEdit()
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.meter = QProgressBar()
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.first_label, self.second_label = QLabel(), QLabel()
        self.first_label.setBuddy(self.first)
        self.second_label.setBuddy(self.second)
        # A discreet install's folder, by a name the person chooses (shown only there).
        self.folder = QLineEdit(NEUTRAL_NAME)
        self.folder.setObjectName("discreetFolder")
        self.folder_label = QLabel()
        self.folder_label.setBuddy(self.folder)
        self.folder_hint = QLabel()
        self.folder_hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        for widget in (
            self.first_label,
            self.first,
            self.meter,
            self.reason,
            self.second_label,
            self.second,
            self.folder_label,
            self.folder,
            self.folder_hint,
        ):
            layout.addWidget(widget)
        self.show_folder(False)
        self.first.textChanged.connect(self._update)
        self.second.textChanged.connect(self._update)
        self.folder.textChanged.connect(self._update)

    def show_folder(self, shown: bool) -> None:
        for widget in (self.folder_label, self.folder, self.folder_hint):
            widget.setVisible(shown)

    def chosen_folder(self) -> Path | None:
        """The discreet folder chosen, or None: not asked, or not a plain name."""
        if self.folder.isHidden():
            return None
        try:
            return chosen_discreet_home(self.folder.text())
        except TestigoError:
            return None

    def retranslateUi(self) -> None:
        self.setTitle(self.tr("Your passphrase"))
        self.setSubTitle(
            self.tr(
                "Several words only you know. Without it nobody, not even "
                "you, can open what you record: write it down somewhere safe."
            )
        )
        self.first_label.setText(self.tr("&Passphrase"))
        self.second_label.setText(self.tr("&Repeat it"))
        self.first.setAccessibleName(self.tr("Passphrase"))
        self.second.setAccessibleName(self.tr("Repeat the passphrase"))
        self.meter.setAccessibleName(self.tr("Passphrase strength"))
        self.folder_label.setText(self.tr("&Folder name"))
        self.folder.setAccessibleName(self.tr("Folder name"))
        self.folder_hint.setText(
            self.tr(
                "Your notes are kept in a folder of this name among your programs' data. "
                "Choose a plain name that says nothing about them."
            )
        )
        self._update()

    def _update(self) -> None:
        result = policy.assess(self.first.text())
        self.meter.setValue(result.score)
        if self.first.text() and not result.ok:
            self.reason.setText(result.reason_in(language().code))
        elif self.second.text() and self.second.text() != self.first.text():
            self.reason.setText(self.tr("The two passphrases differ."))
        else:
            self.reason.setText("")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        folder_ok = self.folder.isHidden() or self.chosen_folder() is not None
        return (
            policy.assess(self.first.text()).ok
            and self.first.text() == self.second.text()
            and folder_ok
        )


class ProfilePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.data: bytes | None = None
        self.button = QPushButton()
        self.button.setAutoDefault(False)  # Enter finishes the wizard, not this button
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.coordinator = QCheckBox()
        self.coordinator.setObjectName("roleCoordinator")
        layout = QVBoxLayout(self)
        layout.addWidget(self.button)
        layout.addWidget(self.info)
        layout.addWidget(self.coordinator)
        self.button.clicked.connect(self.choose)
        self.coordinator.toggled.connect(self._role_changed)

    def _role_changed(self, coordinator: bool) -> None:
        self.button.setEnabled(not coordinator)
        self.completeChanged.emit()  # Finish here, or Next to the coalition's keys

    def nextId(self) -> int:
        wizard = self.wizard()
        if isinstance(wizard, FirstRunWizard) and self.coordinator.isChecked():
            return wizard.COALITION
        return -1

    def retranslateUi(self) -> None:
        self.setTitle(self.tr("Coalition profile (optional)"))
        self.setSubTitle(
            self.tr(
                "If your trainer gave you a profile file, load it and compare "
                "the fingerprint with the one the coordinator reads to you."
            )
        )
        self.button.setText(self.tr("Load a profile file…"))
        self.coordinator.setText(self.tr("I coordinate a coalition: load its keys instead"))

    def choose(self) -> None:
        path = file_dialogs.open_file(
            self,
            self.tr("Coalition profile"),
            self.tr("Coalition profile") + " (*.testigo-profile)",
        )
        if path is not None:
            self.load(path)

    def load(self, path: Path) -> None:
        from reporter.share.profile import parse_profile

        try:
            data = read_regular(path)
            profile = parse_profile(data)
        except (OSError, TestigoError) as exc:
            self.data = None
            self.info.setText(
                error_text(exc)
                if isinstance(exc, TestigoError)
                else self.tr("The file cannot be read.")
            )
            return
        self.data = data
        self.info.setText(
            self.tr("Coalition: {name}\nFingerprint: {fp}").format(
                name=profile.name, fp=profile.fingerprint
            )
        )


class CoalitionPage(QWizardPage):
    """The coalition folder ``coalition create`` wrote (or its keys file) and its passphrase."""

    def __init__(self) -> None:
        super().__init__()
        self.folder: Path | None = None
        self.button = QPushButton()
        self.button.setAutoDefault(False)
        self.chosen = QLabel()
        self.chosen.setWordWrap(True)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_label = QLabel()
        self.secret_label.setBuddy(self.secret)
        layout = QVBoxLayout(self)
        for widget in (self.button, self.chosen, self.secret_label, self.secret):
            layout.addWidget(widget)
        self.button.clicked.connect(self.choose)
        self.secret.textChanged.connect(lambda _: self.completeChanged.emit())

    def retranslateUi(self) -> None:
        self.setTitle(self.tr("Your coalition"))
        self.setSubTitle(
            self.tr(
                "Load the coalition's keys file (coalition-keys.age, in the "
                "folder made when the coalition was created) and type the "
                "keys' passphrase. The keys move into your vault."
            )
        )
        self.button.setText(self.tr("Choose the keys file…"))
        self.secret_label.setText(self.tr("&Keys passphrase"))
        self.secret.setAccessibleName(self.tr("Keys passphrase"))

    def choose(self) -> None:
        path = file_dialogs.open_file(
            self,
            self.tr("Coalition keys"),
            self.tr("Coalition keys") + " (coalition-keys.age *.age);;* (*)",
        )
        if path is not None:
            self.set_folder(path.parent if path.is_file() else path)

    def set_folder(self, folder: Path) -> None:
        self.folder = folder
        self.chosen.setText(str(folder))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.folder is not None and bool(self.secret.text())

    def nextId(self) -> int:
        return -1


class FirstRunWizard(OffersRestore, QWizard):
    created = Signal(object)  # the new, unlocked vault
    restored = Signal(str)  # instead: a backup's vault is now in this data folder (locked)
    COALITION = 10
    RESTORE = QWizard.WizardButton.CustomButton1

    def __init__(self, home: Path) -> None:
        super().__init__()
        self.home = home
        self.setObjectName("firstRun")
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.language_page, self.about_page = LanguagePage(), AboutPage()
        self.passphrase_page, self.profile_page = PassphrasePage(), ProfilePage()
        self.coalition_page = CoalitionPage()
        for page in (self.language_page, self.about_page, self.passphrase_page, self.profile_page):
            self.addPage(page)
        self.setPage(self.COALITION, self.coalition_page)
        # A discreet install's first run: its folder's name can be chosen (nothing points to
        # it; ``places.locate`` finds it by looking).
        self.passphrase_page.show_folder(discreet() and home == discreet_home())
        self.runner = TaskRunner(None, self)
        # Instead of a new vault, the one a backup holds: a choice on every page.
        self.setOption(QWizard.WizardOption.HaveCustomButton1)
        self.button(self.RESTORE).setObjectName("firstRunRestore")
        self.setButtonLayout(
            [
                self.RESTORE,
                QWizard.WizardButton.Stretch,
                QWizard.WizardButton.BackButton,
                QWizard.WizardButton.NextButton,
                QWizard.WizardButton.FinishButton,
                QWizard.WizardButton.CancelButton,
            ]
        )
        self.customButtonClicked.connect(self._custom_button)
        language().changed.connect(self.retranslateUi)
        self.retranslateUi()

    def _custom_button(self, which: int) -> None:
        if which in (self.RESTORE, getattr(self.RESTORE, "value", None)):
            self.restore_from_backup()

    def _restored(self, home: str) -> None:
        self.restored.emit(home)  # first: the unlock screen is up before this one goes
        QDialog.done(self, QDialog.DialogCode.Accepted)

    def retranslateUi(self) -> None:
        self.setWindowTitle(self.tr("Welcome") if discreet() else self.tr("Welcome to Testigo"))
        self.setButtonText(self.RESTORE, self.tr("Restore from a backup…"))
        for page in (
            self.language_page,
            self.about_page,
            self.passphrase_page,
            self.profile_page,
            self.coalition_page,
        ):
            page.retranslateUi()

    def accept(self) -> None:
        secret = self.passphrase_page.first.text()
        coordinator = self.profile_page.coordinator.isChecked()
        profile = None if coordinator else self.profile_page.data
        folder = self.coalition_page.folder if coordinator else None
        keys_secret = self.coalition_page.secret.text() if coordinator else None
        chosen = self.passphrase_page.chosen_folder()
        home = chosen or self.home
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self.button(self.RESTORE).setEnabled(False)  # one vault at a time

        def create(_: Any, control: TaskControl) -> Any:
            from reporter import preferences
            from reporter.onboarding import create_vault

            if chosen is not None and home != self.home and home.exists() and any(home.iterdir()):
                raise Conflict(reason="the neutral data folder holds another program's files")
            vault = create_vault(
                home,
                secret,
                "coordinator" if coordinator else "reporter",
                folder,
                keys_secret,
                profile,
            )
            if chosen is not None:
                preferences.write(vault.home, discreet=True)  # how the next start knows it
            return vault

        self.runner.run(create, on_done=self._created, on_error=self._failed)

    def _created(self, vault: Vault) -> None:
        self.passphrase_page.first.clear()
        self.passphrase_page.second.clear()
        self.coalition_page.secret.clear()
        self.created.emit(vault)
        super().accept()

    def _failed(self, exc: TestigoError) -> None:
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        self.button(self.RESTORE).setEnabled(True)
        show_error(self, exc)
