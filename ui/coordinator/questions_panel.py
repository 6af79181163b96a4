"""Questions to the reporter of one report: what was asked, its state, and "Ask the reporter…".

The dialog offers the catalogue's questions (the device shows them in its own language), a
free text, and requests to share more; sending is ``reporter.questions.asking`` in a worker,
the same call as ``inbox ask``. The device sees the coalition, never the name of who asked.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reporter.errors import TestigoError
from reporter.incidents.question_catalogue import (
    REQUESTS,
    TEMPLATES,
    question_text,
    request_label,
    template_text,
)
from ui.common.errors import error_text
from ui.common.i18n import language
from ui.common.item_list_model import ItemListModel
from ui.common.session import Session

Index = QModelIndex | QPersistentModelIndex


class AskedModel(ItemListModel):
    """The questions asked about one report, oldest first."""

    def state_text(self, item: dict[str, Any]) -> str:
        if item["state"] == "answered":
            return self.tr("answered in revision %1").replace("%1", str(item["answer"]["revision"]))
        return self.tr("sent") if item["state"] == "sent" else self.tr("not confirmed by the relay")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        lang = language().code
        wording = question_text(item["template"], item["text"], lang)
        if item["requests"]:
            shared = ", ".join(request_label(r, lang) for r in item["requests"])
            wording = f"{wording} [+ {shared}]" if wording else f"+ {shared}"
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{item['asked_at'][:10]} · {self.state_text(item)} · {wording}"
        if role == Qt.ItemDataRole.UserRole:
            return item
        return None


class AskDialog(QDialog):
    """Choose a question of the list or write one, and what to ask the reporter to share."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("askDialog")
        lang = language().code
        self.setWindowTitle(self.tr("Ask the reporter"))
        self.intro = QLabel(
            self.tr(
                "The reporter sees the question inside this incident, from the coalition"
                " (never your name). It travels encrypted to their device only."
            )
        )
        self.intro.setWordWrap(True)
        self.templates = QListWidget()
        self.templates.setObjectName("askTemplates")
        self.templates.setAccessibleName(self.tr("Question"))
        own = QListWidgetItem(self.tr("My own question…"))
        own.setData(Qt.ItemDataRole.UserRole, None)
        self.templates.addItem(own)
        for code in TEMPLATES:
            entry = QListWidgetItem(template_text(code, lang))
            entry.setData(Qt.ItemDataRole.UserRole, code)
            self.templates.addItem(entry)
        self.text = QPlainTextEdit()
        self.text.setObjectName("askText")
        self.text.setAccessibleName(self.tr("Your question"))
        self.text.setPlaceholderText(self.tr("Your question (at most 1000 characters)"))
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(80)
        self.requests_title = QLabel(self.tr("Ask them to share more:"))
        self.requests: dict[str, QCheckBox] = {}
        for code in REQUESTS:
            box = QCheckBox(request_label(code, lang))
            box.setObjectName(f"askRequest_{code}")
            self.requests[code] = box
        self.error = QLabel()
        self.error.setObjectName("askError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a40000;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Send"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.templates)
        layout.addWidget(self.text)
        layout.addWidget(self.requests_title)
        for box in self.requests.values():
            layout.addWidget(box)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.templates.currentRowChanged.connect(self._own_text)
        self.templates.setCurrentRow(1)
        self.resize(520, 460)

    def _own_text(self) -> None:
        self.text.setEnabled(self.templates.currentRow() == 0)

    def question(self) -> dict[str, Any]:
        """What to send: {template, text, requests} as ``asking.ask`` takes them."""
        item = self.templates.currentItem()
        template = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        own = self.templates.currentRow() == 0
        return {
            "template": None if own else template,
            "text": self.text.toPlainText().strip() if own else None,
            "requests": [code for code, box in self.requests.items() if box.isChecked()],
        }

    def _check(self) -> None:
        from reporter.share.question_document import check_wording

        q = self.question()
        if q["text"] == "":
            q["text"] = None
        try:
            check_wording(q["template"], q["text"], q["requests"])
        except TestigoError as exc:
            self.error.setText(error_text(exc))
            return
        self.accept()


class QuestionsPanel(QWidget):
    """Shown in the report view: the questions asked and a button to ask one more."""

    sent = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coordQuestions")
        self.session = session
        self.incident_id: str | None = None
        self.title = QLabel()
        self.model = AskedModel(self)
        self.view = QListView()
        self.view.setObjectName("askedList")
        self.view.setModel(self.model)
        self.view.setMaximumHeight(90)
        self.view.setWordWrap(True)
        self.answer = QLabel()
        self.answer.setObjectName("askedAnswer")
        self.answer.setWordWrap(True)
        self.answer.setTextFormat(Qt.TextFormat.RichText)
        self.ask_button = QPushButton()
        self.ask_button.setObjectName("askButton")
        self.message = QLabel()
        self.message.setObjectName("askMessage")
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.title, 1)
        row.addWidget(self.ask_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.view)
        layout.addWidget(self.answer)
        layout.addWidget(self.message)
        self.ask_button.clicked.connect(self.ask)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._show_answer())
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.title.setText("<b>" + self.tr("Questions to the reporter") + "</b>")
        self.ask_button.setText(self.tr("As&k the reporter…"))
        self.view.setAccessibleName(self.tr("Questions to the reporter"))
        self.model.relabel()
        self._show_answer()

    def set_incident(self, incident_id: str | None) -> None:
        self.incident_id = incident_id
        self.message.clear()
        self.model.set_items([])
        self.answer.clear()
        if incident_id is not None:
            self.reload()

    def reload(self) -> None:
        wanted = self.incident_id
        if wanted is None:
            return
        from reporter.questions.asking import asked

        self.session.runner.run(
            lambda v, c: asked(v, wanted), on_done=lambda items: self._loaded(wanted, items)
        )

    def _loaded(self, incident_id: str, items: list[dict[str, Any]]) -> None:
        if incident_id != self.incident_id:
            return
        self.model.set_items(items)
        if items:
            self.view.setCurrentIndex(self.model.index(len(items) - 1))
        self._show_answer()

    def _show_answer(self) -> None:
        index = self.view.currentIndex()
        item = self.model.data(index, Qt.ItemDataRole.UserRole) if index.isValid() else None
        answer = (item or {}).get("answer")
        if not answer:
            self.answer.setText("")
            return
        parts = []
        if answer.get("text"):
            parts.append(self.tr("Answer: %1").replace("%1", escape(answer["text"])))
        if answer.get("shared_fields"):
            shared = ", ".join(request_label(f, language().code) for f in answer["shared_fields"])
            parts.append(self.tr("Shared: %1").replace("%1", escape(shared)))
        self.answer.setText("<br>".join(parts))

    def ask(self) -> AskDialog | None:
        if self.incident_id is None:
            return None
        dialog = AskDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.send(dialog.question()))
        dialog.open()
        return dialog

    def send(self, question: dict[str, Any]) -> None:
        wanted = self.incident_id
        if wanted is None:
            return
        from reporter.questions.asking import ask_via_relay

        self.message.setText(self.tr("Sending…"))
        self.session.runner.run(
            lambda v, c: ask_via_relay(v, wanted, **question),
            on_done=self._sent,
            on_error=self._refused,
            durable=True,
        )

    def _sent(self, item: dict[str, Any]) -> None:
        self.message.setText(self.tr("Sent. The reporter sees it at their next sync."))
        self.reload()
        self.sent.emit(item["question_id"])

    def _refused(self, exc: TestigoError) -> None:
        self.message.setText(error_text(exc))

    def clear(self) -> None:
        self.set_incident(None)
