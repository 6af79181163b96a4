"""The warning that this coordinator identity writes from another computer, and "I know, this
is me" for the coordinator who moved on purpose.

The button acknowledges the evidence the warning shows (``reporter.coordination.catchup``):
the vault records it, with the time, and the warning comes back only when new evidence does.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class CopyWarning(QFrame):
    """Hidden unless the status carries an unacknowledged warning."""

    acknowledged = Signal(int)  # the number of events the person was shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coordCopyWarning")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.evidence: dict[str, Any] | None = None
        self.text = QLabel()
        self.text.setObjectName("coordCopyText")
        self.text.setWordWrap(True)
        self.button = QPushButton()
        self.button.setObjectName("coordCopyAcknowledge")
        row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
        self.button.clicked.connect(self._acknowledge)
        self.retranslateUi()
        self.hide()

    def retranslateUi(self) -> None:
        self.button.setText(self.tr("I know, this is &me"))
        self.button.setToolTip(
            self.tr(
                "You moved this identity to another computer on purpose: stop this warning "
                "for what it shows now. New decisions made elsewhere will warn again."
            )
        )
        self.show_evidence(self.evidence)

    def show_evidence(self, evidence: dict[str, Any] | None) -> None:
        self.evidence = evidence
        self.setVisible(evidence is not None)
        if evidence is None:
            self.text.setText("")
            return
        self.button.setEnabled(True)
        self.text.setText(
            self.tr(
                "{events} of your own decisions (from number {first_seq}) were made on "
                "another computer with your coordinator identity. If that was not you, "
                "tell the coalition admin now: your identity may be copied."
            ).format(events=evidence["events"], first_seq=evidence["first_seq"])
        )

    def _acknowledge(self) -> None:
        if self.evidence is not None:
            self.button.setEnabled(False)  # until the vault said so (or refused)
            self.acknowledged.emit(int(self.evidence["events"]))
