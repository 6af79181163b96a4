"""The coalition's questions about this incident, and the reporter's answers.

Questions are shown only here, inside their incident (never as a notification), from "the
coalition". An answer is a short text, or the consent to share what was asked (the day, the
municipality, a file), or both; it is ``reporter.share.device_questions.answer_question`` in a
worker, and it leaves with the incident's next share.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reporter.errors import TestigoError
from reporter.incidents.question_catalogue import REQUESTS, question_text, request_label
from reporter.vault.vault import Vault
from ui.common.errors import error_text
from ui.common.i18n import language
from ui.common.item_list_model import ItemListModel
from ui.common.session import Session

Index = QModelIndex | QPersistentModelIndex


class IncidentQuestionsModel(ItemListModel):
    """One incident's questions, oldest first."""

    def state_text(self, state: str) -> str:
        return {
            "open": self.tr("not answered"),
            "answered": self.tr("answered: leaves with the next share"),
            "sent": self.tr("answer sent"),
        }[state]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            wording = question_text(item["template"], item["text"], language().code)
            if not wording:
                wording = self.tr("Could you share more?")
            return f"{self.state_text(item['state'])} · {wording}"
        if role == Qt.ItemDataRole.UserRole:
            return item
        return None


class QuestionsPanel(QWidget):
    """A tab of the incident editor."""

    answered = Signal(dict)  # the incident's record after the answer (its consent may change)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("incidentQuestions")
        self.session = session
        self.incident_id: str | None = None
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.model = IncidentQuestionsModel(self)
        self.view = QListView()
        self.view.setObjectName("questionList")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setMaximumHeight(110)
        self.detail = QLabel()
        self.detail.setObjectName("questionDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.answer_text = QPlainTextEdit()
        self.answer_text.setObjectName("answerText")
        self.answer_text.setTabChangesFocus(True)
        self.answer_text.setMaximumHeight(90)
        self.share: dict[str, QCheckBox] = {}
        shares = QHBoxLayout()
        for code in REQUESTS:
            box = QCheckBox()
            box.setObjectName(f"answerShare_{code}")
            self.share[code] = box
            shares.addWidget(box)
        shares.addStretch(1)
        self.answer_button = QPushButton()
        self.answer_button.setObjectName("answerButton")
        self.status = QLabel()
        self.status.setObjectName("answerStatus")
        self.status.setWordWrap(True)
        self.enabled = QCheckBox()
        self.enabled.setObjectName("questionsEnabled")
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.answer_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.view)
        layout.addWidget(self.detail)
        layout.addWidget(self.answer_text)
        layout.addLayout(shares)
        layout.addLayout(row)
        layout.addStretch(1)
        layout.addWidget(self.enabled)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._selected())
        self.answer_button.clicked.connect(self.answer)
        self.enabled.toggled.connect(self._set_enabled)
        session.outboxChanged.connect(self._refresh)  # a sync may have brought questions
        self.retranslateUi()
        self._selected()

    def retranslateUi(self) -> None:
        self.intro.setText(
            self.tr(
                "Questions from the coalition about this incident, signed with its key. They"
                " are shown only here. Your answer leaves with this incident's next share."
            )
        )
        self.answer_text.setAccessibleName(self.tr("Your answer"))
        self.answer_text.setPlaceholderText(self.tr("Your answer (at most 2000 characters)"))
        self.view.setAccessibleName(self.tr("Questions from the coalition"))
        lang = language().code
        for code, box in self.share.items():
            box.setText(self.tr("Share %1").replace("%1", request_label(code, lang)))
        self.answer_button.setText(self.tr("Save the &answer"))
        self.enabled.setText(self.tr("Receive questions from the coalition (all incidents)"))
        self.model.relabel()
        self._selected()

    # -- loading -------------------------------------------------------------------------
    def set_incident(self, incident_id: str | None) -> None:
        self.incident_id = incident_id
        self.status.clear()
        self.answer_text.clear()
        self.model.set_items([])
        if incident_id is not None:
            self.reload()
        self._selected()

    def reload(self, select: str | None = None) -> None:
        wanted = self.incident_id
        if wanted is None:
            return

        def read(vault: Vault, _: object) -> tuple[list[dict[str, Any]], bool]:
            from reporter.share.device_questions import questions, questions_enabled

            return questions(vault, wanted), questions_enabled(vault)

        self.session.runner.run(read, on_done=lambda got: self._loaded(wanted, select, *got))

    def _loaded(
        self, incident_id: str, select: str | None, items: list[dict[str, Any]], enabled: bool
    ) -> None:
        if incident_id != self.incident_id:
            return
        self.enabled.blockSignals(True)
        self.enabled.setChecked(enabled)
        self.enabled.blockSignals(False)
        self.model.set_items(items)
        ids = [q["question_id"] for q in items]
        if items:
            row = ids.index(select) if select in ids else len(items) - 1
            self.view.setCurrentIndex(self.model.index(row))
        self._selected()

    def current(self) -> dict[str, Any] | None:
        index = self.view.currentIndex()
        return self.model.data(index, Qt.ItemDataRole.UserRole) if index.isValid() else None

    def _selected(self) -> None:
        q = self.current()
        for widget in (self.answer_text, self.answer_button):
            widget.setEnabled(q is not None)
        for code, box in self.share.items():
            box.setVisible(q is not None and code in q["requests"])
            box.setChecked(q is not None and code in q["answer_shared"])
        if q is None:
            self.detail.setText(self.tr("No questions about this incident."))
            return
        lang = language().code
        parts = [
            "<b>" + escape(self.tr("The coalition asks:")) + "</b> "
            + escape(question_text(q["template"], q["text"], lang))
        ]  # fmt: skip
        if q["requests"]:
            wanted = ", ".join(request_label(r, lang) for r in q["requests"])
            parts.append(escape(self.tr("It asks you to share: %1").replace("%1", wanted)))
            parts.append(
                escape(
                    self.tr(
                        "Share only what you are comfortable sharing. Checking a box gives that"
                        " consent for this incident; to send a file, choose it when you share."
                    )
                )
            )
        if q["answer_text"]:
            parts.append(escape(self.tr("Your answer: %1").replace("%1", q["answer_text"])))
        self.detail.setText("<br>".join(parts))
        self.answer_text.setPlainText(q["answer_text"] or "")
        self.answer_text.document().setModified(False)

    def _refresh(self) -> None:
        """Reload after a sync or a share, unless an answer is being written."""
        if self.incident_id is not None and not self.answer_text.document().isModified():
            q = self.current()
            self.reload(select=q["question_id"] if q else None)

    # -- answering -----------------------------------------------------------------------
    def answer(self) -> None:
        q = self.current()
        if q is None or self.incident_id is None:
            return
        text = self.answer_text.toPlainText().strip() or None
        share = [c for c, box in self.share.items() if not box.isHidden() and box.isChecked()]
        question_id, incident_id = q["question_id"], self.incident_id

        def run(vault: Vault, _: object) -> dict[str, Any]:
            from reporter.share.device_questions import answer_question

            answer_question(vault, question_id, text, share)
            return dict(vault.incidents.get(incident_id))

        self.session.runner.run(
            run,
            on_done=lambda rec: self._answered(question_id, rec),
            on_error=self._refused,
            durable=True,
        )

    def _answered(self, question_id: str, record: dict[str, Any]) -> None:
        self.status.setText(
            self.tr("Answer saved. It leaves when you share this incident again (Share…).")
        )
        self.reload(select=question_id)
        self.answered.emit(record)

    def _refused(self, exc: TestigoError) -> None:
        self.status.setText(error_text(exc))

    def _set_enabled(self, on: bool) -> None:
        from reporter.share.device_questions import set_questions_enabled

        self.session.runner.run(lambda v, c: set_questions_enabled(v, on), durable=True)
        self.status.setText(
            self.tr("Questions are on.")
            if on
            else self.tr("Questions are off: they are deleted unread at each sync.")
        )

    def clear(self) -> None:
        self.set_incident(None)
