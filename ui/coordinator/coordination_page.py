"""Coordination: this coordinator's card, the roster, its members, problems and "Sync now".

What ``coordination card / roster import / status / sync`` do, through the same core calls.
The card is saved where the person chooses (nothing remembered); the exchange runs in the
session's worker and stops between two relay objects when cancelled: the cursor is kept per
object, so nothing received is lost or applied twice. Problems are said in plain words with
what to do, since a gap or a fork means someone or something touched the shared history.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reporter.errors import Cancelled, InvalidInput, TestigoError
from reporter.fsutil import open_regular
from reporter.vault.vault import Vault
from ui.common import file_dialogs
from ui.common.errors import error_text
from ui.common.session import Session
from ui.common.tasks import TaskControl, TaskHandle
from ui.coordinator.common import NamedColumnsModel
from ui.coordinator.copy_warning import CopyWarning

Index = QModelIndex | QPersistentModelIndex
CARD_SUFFIX = ".testigo-card"


class MemberModel(NamedColumnsModel):
    """The roster's members (at most the roster's 200): name, id, active or removed, and the
    events received from each other member or, on this vault's own row, sent."""

    COLUMNS = ("name", "id", "state", "received", "sent")
    TOOLTIP_COLUMN = "id"

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.members: list[dict[str, Any]] = []
        self.headers: dict[str, str] = {}
        self.words: dict[str, str] = {}

    def reset(self, members: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.members = list(members)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.members)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def row_at(self, row: int) -> dict[str, Any]:
        return self.members[row]

    def row_id(self, item: dict[str, Any]) -> str:
        return str(item["id"])

    def tooltip(self, item: dict[str, Any]) -> str:
        return str(item["id"])

    def text(self, item: dict[str, Any], column: str) -> str:
        member, w = item, self.words
        if column == "name":
            return str(member["name"]) + (f" ({w['me']})" if member["me"] else "")
        if column == "id":
            return str(member["id"])[:16]
        if column == "state":
            return w["active"] if member["active"] else w["removed"]
        count = member[column]
        return w["none"] if count is None else w["events"].format(n=count)


class _CancellableChannel:
    """The relay client, asked before each call whether the person cancelled."""

    def __init__(self, client: Any, control: TaskControl) -> None:
        self.client, self.control = client, control

    def _go(self) -> None:
        if self.control.cancelled():
            raise Cancelled()

    def post_coordination(self, data: bytes) -> dict[str, Any]:
        self._go()
        return dict(self.client.post_coordination(data))

    def list_coordination(self, after: int, limit: int = 100) -> list[dict[str, Any]]:
        self._go()
        return list(self.client.list_coordination(after, limit))

    def get_coordination(self, object_id: str) -> bytes:
        self._go()
        self.control.progress(1, 0)
        return bytes(self.client.get_coordination(object_id))


def sync_cancellable(vault: Vault, control: TaskControl, proxy: str | None) -> dict[str, Any]:
    """``coordination sync`` (``exchange.sync_with_relay``), stoppable between two objects."""
    from reporter.coordination.exchange import exchange
    from reporter.relay_client.settings import relay_settings
    from reporter.relay_client.transport import RelayClient

    url, pin, credential = relay_settings(vault)
    client = RelayClient(url, tls_pin=pin, proxy=proxy, credential=credential)
    try:
        return exchange(vault, _CancellableChannel(client, control)).to_json()
    finally:
        client.close()


def read_bounded(path: Path, limit: int, what: str) -> bytes:
    """At most one byte more than the file may be, so a huge one is refused unread."""
    try:
        with open_regular(path) as f:
            return f.read(limit + 1)
    except OSError:
        raise InvalidInput(f"cannot read the {what} file") from None


class CoordinationPage(QWidget):
    synced = Signal()  # an exchange ended (done, cancelled or failed)

    def __init__(
        self,
        session: Session,
        proxy: Callable[[], str | None] = lambda: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("coordinationPage")
        self.session, self.proxy = session, proxy
        self.task: TaskHandle | None = None
        self.status: dict[str, Any] | None = None
        self.me = QLabel()
        self.me.setObjectName("coordMe")
        self.me.setWordWrap(True)
        self.restore_notice = QLabel()  # a restored vault catching up with its own chain
        self.restore_notice.setObjectName("coordRestore")
        self.restore_notice.setWordWrap(True)
        self.restore_notice.hide()
        self.copy_warning = CopyWarning()  # this identity writing from another computer
        self.name = QLineEdit()
        self.name.setObjectName("cardName")
        self.name.setMaxLength(80)
        self.card_button = QPushButton()
        self.card_button.setObjectName("saveCard")
        self.roster_button = QPushButton()
        self.roster_button.setObjectName("importRoster")
        self.keys_button = QPushButton()  # a new key epoch carried by hand (rotate --out)
        self.keys_button.setObjectName("importEpochKeys")
        self.roster_label = QLabel()
        self.roster_label.setObjectName("rosterState")
        self.model = MemberModel(self)
        self.table = QTableView()
        self.table.setObjectName("rosterMembers")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for number, width in enumerate((220, 160, 90, 150)):
            self.table.setColumnWidth(number, width)
        self.problems = QListWidget()
        self.problems.setObjectName("coordProblems")
        self.problems.setWordWrap(True)
        self.sync_button, self.cancel_button = QPushButton(), QPushButton()
        self.sync_button.setObjectName("coordSync")
        self.cancel_button.hide()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.message = QLabel()
        self.message.setObjectName("coordMessage")
        self.message.setWordWrap(True)
        self.boxes = [QGroupBox() for _ in range(3)]
        self.name_label = QLabel()
        self.name_label.setBuddy(self.name)
        card = QFormLayout(self.boxes[0])
        card.addRow(self.me)
        card.addRow(self.name_label, self.name)
        card.addRow("", self.card_button)
        card.addRow("", self.keys_button)
        roster = QVBoxLayout(self.boxes[1])
        top = QHBoxLayout()
        top.addWidget(self.roster_label, 1)
        top.addWidget(self.roster_button)
        roster.addLayout(top)
        roster.addWidget(self.table)
        QVBoxLayout(self.boxes[2]).addWidget(self.problems)
        sync = QHBoxLayout()
        for widget in (self.sync_button, self.progress, self.cancel_button):
            sync.addWidget(widget)
        sync.addWidget(self.message, 1)
        content = QWidget()  # scrolled: the window's minimum size stays the other pages'
        column = QVBoxLayout(content)
        column.addLayout(sync)
        column.addWidget(self.restore_notice)
        column.addWidget(self.copy_warning)
        column.addWidget(self.boxes[0])
        column.addWidget(self.boxes[1], 2)
        column.addWidget(self.boxes[2], 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.card_button.clicked.connect(self.choose_card_file)
        self.roster_button.clicked.connect(self.choose_roster)
        self.keys_button.clicked.connect(self.choose_epoch_keys)
        self.sync_button.clicked.connect(self.sync_now)
        self.cancel_button.clicked.connect(self.cancel)
        self.copy_warning.acknowledged.connect(self.acknowledge_copy)

    def retranslateUi(self) -> None:
        for box, text in zip(
            self.boxes,
            (self.tr("My card"), self.tr("Roster"), self.tr("Problems")),
            strict=True,
        ):
            box.setTitle(text)
        self.name_label.setText(self.tr("&Name the others see"))
        self.card_button.setText(self.tr("&Save my card…"))
        self.card_button.setToolTip(
            self.tr("A public file to give to the coalition admin, who adds it to the roster")
        )
        self.roster_button.setText(self.tr("&Import a roster file…"))
        self.keys_button.setText(self.tr("Import new coalition &keys…"))
        self.keys_button.setToolTip(
            self.tr("A key rotation's file sealed to you by the coalition admin (.testigo-keys)")
        )
        self.sync_button.setText(self.tr("S&ync now"))
        self.sync_button.setToolTip(
            self.tr("Send your triage decisions and receive the other coordinators' (the relay)")
        )
        self.cancel_button.setText(self.tr("&Cancel"))
        self.copy_warning.retranslateUi()
        self.table.setAccessibleName(self.tr("Roster members"))
        self.problems.setAccessibleName(self.tr("Problems"))
        self.model.headers = {
            "name": self.tr("Name"),
            "id": self.tr("Id"),
            "state": self.tr("State"),
            "received": self.tr("Events received"),
            "sent": self.tr("Events sent"),
        }
        self.model.words = {
            "me": self.tr("you"),
            "active": self.tr("active"),
            "removed": self.tr("removed"),
            "events": self.tr("{n} event(s)"),
            "none": "—",
        }
        self.model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, len(MemberModel.COLUMNS) - 1
        )
        self._show()

    # -- reading ---------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.session.is_locked:
            return
        from reporter.coordination.status import coordination_status

        self.session.runner.run(lambda v, c: coordination_status(v), on_done=self._status)

    def _status(self, status: dict[str, Any]) -> None:
        self.status = status
        if not self.name.isModified():
            self.name.setText(status["me"]["name"])
        self._show()

    def _show(self) -> None:
        status = self.status
        self.problems.clear()
        if status is None:
            self.me.setText("")
            self.copy_warning.show_evidence(None)
            self.roster_label.setText("")
            self.model.reset([])
            return
        me = status["me"]
        self.me.setText(
            self.tr(
                "You: {name}, id {id}. {seq} decision(s) of yours, {unsent} not sent yet."
            ).format(name=me["name"], id=me["id"][:16], seq=me["seq"], unsent=me["unsent"])
        )
        self.restore_notice.setText(self.restore_text(status["restore"]))
        self.restore_notice.setVisible(status["restore"] is not None)
        self.copy_warning.show_evidence(status["elsewhere"])
        roster = status["roster"]
        if roster is None:
            self.roster_label.setText(
                self.tr(
                    "No roster yet: save your card, give it to the coalition admin and import "
                    "the roster file they send back."
                )
            )
            self.model.reset([])
        else:
            self.roster_label.setText(
                self.tr("Roster number {serial} (key epoch {epoch}).").format(
                    serial=roster["serial"], epoch=roster["epoch"]
                )
            )
            self.model.reset(roster["members"])
        for line in self.problem_lines(status):
            self.problems.addItem(line)
        if not self.problems.count():
            self.problems.addItem(self.tr("No gaps, forks or refusals: the history is whole."))

    def restore_text(self, restore: dict[str, Any] | None) -> str:
        if restore is None:
            return ""
        if restore["catching_up"]:
            return self.tr(
                "Restored from a backup: catching up with your own decisions on the relay "
                "({adopted} adopted so far). Your new decisions are kept here and sent after "
                "that: sync now."
            ).format(adopted=restore["adopted"])
        return self.tr(
            "Restored from a backup: caught up. {adopted} of your own decisions were adopted "
            "from the relay, {renumbered} taken meanwhile were numbered after them."
        ).format(adopted=restore["adopted"], renumbered=restore["renumbered"])

    def problem_lines(self, status: dict[str, Any]) -> list[str]:
        roster = status["roster"]
        names = {m["id"]: m["name"] for m in roster["members"]} if roster else {}
        lines = []
        for gap in status["gaps"]:
            ranges = ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in gap["missing"])
            lines.append(
                self.tr(
                    "Missing decisions from {name} (numbers {ranges}): they never reached this "
                    "vault, perhaps deleted on the relay. Sync again; if it stays, tell {name} "
                    "and the coalition admin."
                ).format(name=names.get(gap["author"], gap["author"][:16]), ranges=ranges)
            )
        for fork in status["forks"]:
            lines.append(
                self.tr(
                    "Two different decisions from {name} carry the same number ({seq}): their "
                    "key may be used elsewhere. Every vault keeps the same one; tell the "
                    "coalition admin, who may remove {name} from the roster."
                ).format(name=names.get(fork["author"], fork["author"] or "?"), seq=fork["seq"])
            )
        for refused in status["refusals"]:
            lines.append(
                self.tr(
                    "A decision from {name} was refused ({reason}): nothing of it was applied. "
                    "Tell the coalition admin."
                ).format(
                    name=names.get(refused["author"], refused["author"] or "?"),
                    reason=self.reason(str(refused["reason"])),
                )
            )
        return lines

    def reason(self, reason: str) -> str:
        """The core records its reasons in English; said here in the UI's language."""
        words = {
            "two different events with the same number": self.tr(
                "two different events with the same number"
            ),
            "the previous event's hash does not match": self.tr(
                "the previous event's hash does not match"
            ),
            "the author is not in the roster": self.tr("the author is not in the roster"),
            "the signature does not verify": self.tr("the signature does not verify"),
            "the author was removed from the roster before this event": self.tr(
                "the author was removed from the roster before this event"
            ),
            "a malformed event": self.tr("a malformed event"),
            "the event's Lamport clock runs too far ahead": self.tr(
                "the event's Lamport clock runs too far ahead"
            ),
            "an unreadable coordination object": self.tr("an unreadable coordination object"),
            "an unknown kind of coordination object": self.tr(
                "an unknown kind of coordination object"
            ),
        }
        return words.get(reason, reason)

    def acknowledge_copy(self, seen: int) -> TaskHandle:
        """The coordinator says "I know, this is me" for what the warning showed (``seen``)."""

        def run(vault: Vault, _: Any) -> dict[str, Any]:
            from reporter.coordination.catchup import acknowledge_copy

            return acknowledge_copy(vault, seen)

        def done(_: dict[str, Any]) -> None:
            self.message.setText(
                self.tr("Acknowledged: a new decision made elsewhere will warn again.")
            )
            self.refresh()

        def failed(exc: TestigoError) -> None:
            self._failed(exc)
            self.refresh()

        return self.session.runner.run(run, on_done=done, on_error=failed, durable=True)

    # -- the card and the roster -----------------------------------------------------------
    def choose_card_file(self) -> None:
        suggested = "".join(c for c in self.name.text() if c.isalnum()) or "coordinator"
        path = file_dialogs.save_file(self, self.tr("Save my card as"), suggested + CARD_SUFFIX)
        if path is not None:
            self.save_card(path)

    def save_card(self, path: Path) -> TaskHandle:
        name = self.name.text().strip() or None

        def run(vault: Vault, _: Any) -> dict[str, Any]:
            from reporter.coordination.identity import card, parse_card
            from reporter.fsutil import atomic_write

            data = card(vault, name)
            atomic_write(path, data)
            return parse_card(data).to_json()

        def done(found: dict[str, Any]) -> None:
            self.name.setModified(False)
            self.message.setText(
                self.tr("Card of {name} saved to {file}: give it to the coalition admin.").format(
                    name=found["name"], file=str(path)
                )
            )
            self.refresh()

        return self.session.runner.run(run, on_done=done, on_error=self._failed, durable=True)

    def choose_roster(self) -> None:
        path = file_dialogs.open_file(
            self, self.tr("Roster file"), self.tr("Rosters (*.testigo-roster);;All files (*)")
        )
        if path is not None:
            self.import_roster(path)

    def import_roster(self, path: Path) -> TaskHandle:
        def run(vault: Vault, _: Any) -> tuple[int, str]:
            from reporter.coordination.replay import accept_roster
            from reporter.coordination.roster import MAX_ROSTER

            data = read_bounded(path, MAX_ROSTER, "roster")
            roster, status = accept_roster(vault, data, forward=True)
            return roster.serial, status

        def done(result: tuple[int, str]) -> None:
            serial, status = result
            self.message.setText(
                self.tr("Roster number {serial} imported.").format(serial=serial)
                if status == "imported"
                else self.tr("This vault already holds roster number {serial}.").format(
                    serial=serial
                )
            )
            self.refresh()

        return self.session.runner.run(run, on_done=done, on_error=self._failed, durable=True)

    def choose_epoch_keys(self) -> None:
        path = file_dialogs.open_file(
            self, self.tr("Coalition keys file"), self.tr("Keys (*.testigo-keys);;All files (*)")
        )
        if path is not None:
            self.import_epoch_keys(path)

    def import_epoch_keys(self, path: Path) -> TaskHandle:
        """``coordination keys import``: opened with this vault's own identity, or refused."""

        def run(vault: Vault, _: Any) -> int:
            from reporter.coordination.exchange import MAX_OBJECT
            from reporter.coordination.rotation import import_file

            return import_file(vault, read_bounded(path, MAX_OBJECT, "epoch keys")).epoch

        def done(epoch: int) -> None:
            self.message.setText(
                self.tr("New coalition keys imported: this vault now opens epoch {epoch}.").format(
                    epoch=epoch
                )
            )
            self.refresh()

        return self.session.runner.run(run, on_done=done, on_error=self._failed, durable=True)

    def _failed(self, exc: TestigoError) -> None:
        self.message.setText(error_text(exc))

    # -- the exchange ----------------------------------------------------------------------
    def _busy(self, busy: bool) -> None:
        self.sync_button.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)

    def sync_now(self) -> TaskHandle | None:
        if self.task is not None or self.session.is_locked:
            return None
        proxy = self.proxy()
        self._busy(True)
        self.message.setText(self.tr("Exchanging decisions with the other coordinators…"))
        self.task = self.session.runner.run(
            lambda v, c: sync_cancellable(v, c, proxy),
            on_done=self._synced,
            on_error=self._sync_failed,
            on_progress=lambda done, _: None,
        )
        return self.task

    def _synced(self, report: dict[str, Any]) -> None:
        self.task = None
        self._busy(False)
        outcomes = report["outcomes"]
        text = self.tr(
            "Sent {sent} decision(s); received {received} object(s): {applied} applied, "
            "{refused} refused."
        ).format(
            sent=report["events_sent"],
            received=report["received"],
            applied=outcomes.get("applied", 0),
            refused=outcomes.get("refused", 0),
        )
        if report["skipped"] == "no roster":
            text += " " + self.tr("Nothing sent: this vault has no roster yet.")
        elif report["skipped"]:
            text += " " + self.tr("Nothing sent: you are not an active member of the roster.")
        self.message.setText(text)
        self.refresh()
        self.synced.emit()

    def _sync_failed(self, exc: TestigoError) -> None:
        self.task = None
        self._busy(False)
        self.message.setText(
            self.tr("Cancelled: what was received so far is kept.")
            if isinstance(exc, Cancelled)
            else error_text(exc)
        )
        self.refresh()
        self.synced.emit()

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.message.setText(self.tr("Cancelling…"))

    def clear(self) -> None:
        self.task = None
        self._busy(False)
        self.status = None
        self.name.clear()
        self.message.setText("")
        self._show()
