"""A banner at the top of the reporter's window: the coalition changed its key.

The device's sync pass takes a newer profile the trusted coalition key signed (or records a
refusal); ``reporter.share.profile_update`` keeps the notice until it is seen. The banner
reads the unseen notices after unlock and after every sync pass, says them in the UI's
language with what it means for the person, and marks them seen only when dismissed, so it
is said once, and never missed by a window that closed before it was read.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from reporter.vault.vault import Vault
from ui.common.i18n import language
from ui.common.session import Session


class ProfileNotice(QFrame):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profileNotice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#profileNotice { background: #fff4c2; border: 1px solid #c9a400; }")
        self.session = session
        self.found: list[dict[str, Any]] = []
        self.text = QLabel()
        self.text.setObjectName("profileNoticeText")
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # names from the coalition's profile
        self.text.setWordWrap(True)
        self.dismiss_button = QPushButton()
        self.dismiss_button.setObjectName("dismissProfileNotice")
        self.dismiss_button.setAutoDefault(False)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.dismiss_button)
        self.dismiss_button.clicked.connect(self.dismiss)
        language().changed.connect(self._language_changed)  # a method: gone with the banner
        session.locked.connect(self.clear)
        self.hide()
        self.retranslateUi()
        self.refresh()

    def above(self, page: QWidget) -> QWidget:
        """The window's central widget: this banner over ``page``."""
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self)
        column.addWidget(page, 1)
        return central

    def _language_changed(self, _code: str) -> None:
        self.retranslateUi()

    def retranslateUi(self) -> None:
        self.dismiss_button.setText(self.tr("&Got it"))
        self.dismiss_button.setAccessibleName(self.tr("Dismiss the coalition's notice"))
        self._show()

    def _show(self) -> None:
        from reporter.share.profile_update import KEY_CHANGED, notice_text

        if not self.found:
            self.text.clear()
            self.hide()
            return
        lang = language().code
        lines = [notice_text(n, lang) for n in reversed(self.found)]
        if any(n["kind"] == KEY_CHANGED for n in self.found):
            lines.append(
                self.tr(
                    "Your coalition's profile was updated, signed by the coalition key you "
                    "already trust. New bundles are sealed to the new key; nothing to do."
                )
            )
        else:
            lines.append(
                self.tr(
                    "Nothing changed on this computer. If it happens again, ask your trainer "
                    "to check the coalition's profile."
                )
            )
        self.text.setText("\n".join(lines))
        self.show()

    def refresh(self, *_: Any) -> None:
        """Read the unseen notices (after unlock, after each sync pass)."""
        if self.session.is_locked:
            return

        def read(vault: Vault, _: Any) -> list[dict[str, Any]]:
            from reporter.share.profile_update import notices

            return notices(vault)

        self.session.runner.run(read, on_done=self._found, on_error=lambda _: None)

    def sync_ended(self, state: str) -> None:
        if state != "syncing":
            self.refresh()

    def _found(self, found: list[dict[str, Any]]) -> None:
        self.found = found
        self._show()

    def dismiss(self) -> None:
        shown = [n["id"] for n in self.found]  # a notice that came meanwhile is still unseen

        def seen(vault: Vault, _: Any) -> None:
            from reporter.share.profile_update import mark_seen

            mark_seen(vault, shown)

        self.found = []
        self._show()
        self.session.runner.run(seen, durable=True)

    def clear(self) -> None:
        self.found = []
        self._show()
