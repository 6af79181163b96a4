"""Refused bundles with their reasons, and the devices with fingerprints to compare.

A refused bundle is never silent: each one is listed with the reason in the UI's language
and the sending device when its signature verified. A device is trusted on first use and
marked verified only after a person compared its fingerprint out of band ("Mark verified").
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reporter.vault.vault import Vault
from ui.common.errors import error_text
from ui.common.i18n import language
from ui.common.session import Session


def _table(name: str, columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], keys: list[Any]) -> None:
    table.setRowCount(len(rows))
    for r, (row, key) in enumerate(zip(rows, keys, strict=True)):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, key)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


class RejectedPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coordRejected")
        self.session = session
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = _table("rejectedTable", 4)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)

    def retranslateUi(self) -> None:
        self.intro.setText(
            self.tr(
                "Bundles that were refused, and why. Nothing of them was "
                "imported; the relay will not send them again."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Bundle"), self.tr("Device"), self.tr("Reason")]
        )
        self.table.setAccessibleName(self.tr("Refused bundles"))
        self.refresh()

    def refresh(self) -> None:
        if self.session.is_locked:
            return
        from reporter.inbox.rejections import rejections

        lang = language().code
        self.session.runner.run(lambda v, c: rejections(v, lang), on_done=self._show)

    def _show(self, rows: list[dict[str, Any]]) -> None:
        unknown = self.tr("unknown device")
        _fill(
            self.table,
            [
                [
                    r["rejected_at"][:16].replace("T", " "),
                    str(r["upload_id"] or r["file"] or "—")[:16],
                    r["device_fingerprint"] or unknown,
                    r["message"],
                ]
                for r in rows
            ],
            [r["upload_id"] for r in rows],
        )

    def clear(self) -> None:
        self.table.setRowCount(0)


class DevicesPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coordDevices")
        self.session = session
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = _table("devicesTable", 4)
        self.verify_button = QPushButton()
        self.verify_button.clicked.connect(self.mark_verified)
        self.message = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.verify_button)
        layout.addWidget(self.message)

    def retranslateUi(self) -> None:
        self.intro.setText(
            self.tr(
                "Compare a device's fingerprint with the one its person "
                "reads to you (in person or by a call you trust), then "
                "mark it verified."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Fingerprint"), self.tr("Verified"), self.tr("Bundles"), self.tr("Missing")]
        )
        self.table.setAccessibleName(self.tr("Devices"))
        self.verify_button.setText(self.tr("&Mark verified"))
        self.refresh()

    def refresh(self) -> None:
        if self.session.is_locked:
            return

        def load(vault: Vault, _: object) -> tuple[list[dict[str, Any]], dict[str, Any]]:
            from reporter.inbox.evidence import device_gaps
            from reporter.inbox.inbox import Inbox

            return Inbox(vault).devices(), device_gaps(vault)

        self.session.runner.run(load, on_done=lambda r: self._show(*r))

    def _show(self, devices: list[dict[str, Any]], gaps: dict[str, Any]) -> None:
        yes, no = self.tr("verified"), self.tr("not verified")
        rows = []
        for d in devices:
            gap = gaps.get(d["device_id"])
            missing = (
                ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in gap["missing"])
                if gap
                else ""
            )
            rows.append(
                [d["fingerprint"], yes if d["verified"] else no, str(d["bundles"]), missing]
            )
        _fill(self.table, rows, [d["fingerprint"] for d in devices])

    def mark_verified(self) -> None:
        item = self.table.currentItem()
        if item is None:
            return
        fingerprint = str(item.data(Qt.ItemDataRole.UserRole))

        def run(vault: Vault, _: object) -> dict[str, Any]:
            from reporter.inbox.inbox import Inbox

            return Inbox(vault).trust(fingerprint)

        self.session.runner.run(
            run,
            on_done=lambda _: self.refresh(),
            on_error=lambda e: self.message.setText(error_text(e)),
            durable=True,
        )

    def clear(self) -> None:
        self.table.setRowCount(0)
