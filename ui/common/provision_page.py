"""Prepare this computer for a coalition: the trainer's guided page (as `provision`).

The coalition's profile file, the language, discreet mode and the relay's enrollment token;
then the fingerprint to compare aloud and what to check next. It works on the open vault
(``reporter.provisioning.provision_vault``), in a worker: enrolling goes over the network.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reporter.errors import InvalidInput, TestigoError
from reporter.fsutil import open_regular
from reporter.provisioning import Provisioned, provision_vault
from reporter.share.profile import MAX_PROFILE
from reporter.vault.vault import Vault
from ui.common import file_dialogs, preferences
from ui.common.errors import error_text
from ui.common.i18n import LANGUAGES, language
from ui.common.tasks import TaskControl, TaskHandle, TaskRunner


class ProvisionPage(QWidget):
    provisioned = Signal(object)  # the Provisioned report

    def __init__(
        self,
        vault: Vault,
        parent: QWidget | None = None,
        proxy: str | None = None,
        runner: TaskRunner | None = None,
    ) -> None:
        """``runner``: the session's, so a lock cancels the work with the rest."""
        super().__init__(parent)
        self.setObjectName("provisionPage")
        self.proxy = proxy
        self.task: TaskHandle | None = None
        self.done: Provisioned | None = None
        self.runner = runner or TaskRunner(vault, self)
        self.profile = QLineEdit()
        self.profile.setObjectName("profileFile")
        self.browse = QPushButton()
        row = QHBoxLayout()
        row.addWidget(self.profile, 1)
        row.addWidget(self.browse)
        self.language_box = QComboBox()
        for code, name in LANGUAGES.items():
            self.language_box.addItem(name, code)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(language().code)))
        self.discreet = QCheckBox()
        self.token = QLineEdit()
        self.token.setObjectName("token")
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.button = QPushButton()
        self.button.setObjectName("provisionButton")
        self.outcome = QLabel()
        self.outcome.setObjectName("provisionOutcome")
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.labels = [QLabel() for _ in range(4)]
        form = QFormLayout()
        fields: tuple[QHBoxLayout | QWidget, ...] = (
            row,
            self.language_box,
            self.discreet,
            self.token,
        )
        for label, item in zip(self.labels, fields, strict=True):
            label.setBuddy(item if isinstance(item, QWidget) else self.profile)
            form.addRow(label, item)
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.button)
        layout.addWidget(self.outcome, 1)
        self.browse.clicked.connect(self._choose)
        self.button.clicked.connect(self.start)
        language().changed.connect(self.retranslateUi)
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.intro.setText(
            self.tr(
                "Load the coalition's profile, choose the language and "
                "discreet mode, and enroll with the relay if you have a "
                "token. Then compare the fingerprint with the coordinators."
            )
        )
        texts = (
            self.tr("Coalition &profile"),
            self.tr("&Language"),
            self.tr("&Discreet mode (neutral name and icon)"),
            self.tr("Enrollment &token (optional)"),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
            label.buddy().setAccessibleName(text.replace("&", ""))
        self.browse.setText(self.tr("&Choose…"))
        self.button.setText(self.tr("&Prepare this computer"))
        if self.done is not None:
            self._show(self.done)

    def _choose(self) -> None:
        path = file_dialogs.open_file(
            self,
            self.tr("Coalition profile"),
            self.tr("Coalition profiles (*.testigo-profile)") + ";;" + self.tr("All files (*)"),
        )
        if path is not None:
            self.profile.setText(str(path))

    def start(self) -> None:
        if self.task is not None:
            return
        path = Path(self.profile.text().strip())
        code = str(self.language_box.currentData())
        discreet, token = self.discreet.isChecked(), self.token.text().strip() or None
        proxy = self.proxy
        place = preferences.current_place()
        portable = place is not None and place.portable is not None
        self.button.setEnabled(False)
        self.outcome.setText(self.tr("Preparing…"))

        def prepare(vault: Vault, control: TaskControl) -> Provisioned:
            try:
                with open_regular(path) as handle:
                    data = handle.read(MAX_PROFILE + 1)
            except OSError:
                raise InvalidInput("cannot read the profile file") from None
            return provision_vault(
                vault,
                data,
                language=code,
                discreet=discreet,
                token=token,
                proxy=proxy,
                menu=not portable,
            )

        self.task = self.runner.run(prepare, on_done=self._done, on_error=self._failed)

    def _done(self, done: Provisioned) -> None:
        self.task = None
        self.done = done
        self.button.setEnabled(True)
        self.token.clear()
        language().set(str(self.language_box.currentData()))
        self._show(done)
        self.provisioned.emit(done)

    def _failed(self, exc: TestigoError) -> None:
        self.task = None
        self.button.setEnabled(True)
        self.outcome.setText(error_text(exc))

    def _show(self, done: Provisioned) -> None:
        lang = language().code
        lines = [
            self.tr("Profile of '%1' imported.").replace("%1", done.profile.name),
            self.tr("Fingerprint to compare: %1").replace("%1", done.profile.fingerprint),
        ]
        if done.enrolled:
            lines.append(self.tr("Enrolled with the relay."))
        lines.append(self.tr("Check next:"))
        lines += [f"{i}. {step.in_(lang)}" for i, step in enumerate(done.next_steps(), 1)]
        self.outcome.setText("\n".join(lines))

    def clear(self) -> None:
        self.token.clear()
