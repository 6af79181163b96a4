"""The claim on one report ("Ana is reviewing this until 16:00") and the note's sharing.

Thin caller of ``reporter.coordination.claims``, the same calls as ``inbox claim / release /
break-claim``: a claim ends by itself at its time, its holder releases it, anyone else may
break it after a confirmation, since the break is kept in every coordinator's history. The
"shared" checkbox beside the note lives here too: a note stays in this vault unless ticked.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reporter.coordination.claims import DEFAULT_HOURS, MAX_HOURS, Claim
from reporter.errors import TestigoError
from reporter.vault.vault import Vault
from ui.common.errors import error_text
from ui.common.session import Session


def local_time(until: str, now: datetime | None = None) -> str:
    """A claim's end in this computer's time: the hour today, else the date and hour."""
    try:
        moment = datetime.fromisoformat(until.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return until[:20]
    today = (now or datetime.now(UTC)).astimezone().date()
    return moment.strftime("%H:%M" if moment.date() == today else "%Y-%m-%d %H:%M")


def live_claims(vault: Vault) -> dict[str, str]:
    """Every report under a live claim and its holder's name, in one query (the inbox marker)."""
    from reporter.coordination.identity import my_identity
    from reporter.coordination.replay import labeller
    from reporter.coordination.roster import current_roster

    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:00Z")
    rows = vault.query(
        "SELECT incident_id, by FROM coord_claims WHERE until > ? LIMIT 100000", (now,)
    )
    if not rows:
        return {}
    label = labeller(current_roster(vault), my_identity(vault))
    return {str(r[0]): label(str(r[1]), "") for r in rows}


class ClaimWords(QObject):
    """Claim rows of a report's history in plain words (the core records codes and names)."""

    def history(self, row: dict[str, Any]) -> str | None:
        at = f"{row['at'][:16].replace('T', ' ')} {row['author']}: "
        if row["field"] == "claim-broken":
            return at + self.tr("broke {name}'s claim (recorded for everyone)").format(
                name=row["from"] or "?"
            )
        if row["field"] != "claim":
            return None
        if row["to"]:
            until = str(row["to"]).rsplit("→", 1)[-1].strip()
            return at + self.tr("claimed it until {time}").format(time=local_time(until))
        return at + self.tr("released the claim")


def claim_history(row: dict[str, Any]) -> str | None:
    return ClaimWords().history(row)


class ClaimBar(QWidget):
    changed = Signal(str)  # the claim on this report was taken, released or broken

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claimBar")
        self.session = session
        self.incident_id: str | None = None
        self.held: Claim | None = None
        self.read_for: str | None = None  # the report whose claim was last read
        self.generation = 0
        self.state = QLabel()
        self.state.setObjectName("claimState")
        self.state.setWordWrap(True)
        self.hours = QSpinBox()
        self.hours.setObjectName("claimHours")
        self.hours.setRange(1, MAX_HOURS)
        self.hours.setValue(DEFAULT_HOURS)
        self.claim_button, self.release_button = QPushButton(), QPushButton()
        self.break_button = QPushButton()
        self.claim_button.setObjectName("claimButton")
        self.release_button.setObjectName("releaseButton")
        self.break_button.setObjectName("breakClaimButton")
        self.message = QLabel()
        self.message.setObjectName("claimMessage")
        self.message.setWordWrap(True)
        self.shared = QCheckBox()  # the note's: beside the note in the report's form
        self.shared.setObjectName("noteShared")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.hours, self.claim_button, self.release_button, self.break_button):
            row.addWidget(widget)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.hours.valueChanged.connect(lambda _: self._button_text())
        self.claim_button.clicked.connect(self.take)
        self.release_button.clicked.connect(self.release)
        self.break_button.clicked.connect(self.ask_break)
        self._show()

    def retranslateUi(self) -> None:
        self.hours.setAccessibleName(self.tr("Hours of the claim"))
        self.hours.setSuffix(self.tr(" h"))
        self.release_button.setText(self.tr("&Release"))
        self.break_button.setText(self.tr("Break cla&im…"))
        self.shared.setText(self.tr("S&hared with the other coordinators"))
        self.shared.setToolTip(
            self.tr("Unticked, the note stays in this vault; ticked, every coordinator sees it")
        )
        self._show()

    def _button_text(self) -> None:
        mine = self.held is not None and self.held.mine
        n = self.hours.value()
        self.claim_button.setText(
            self.tr("Rene&w for %n hour(s)", "", n)
            if mine
            else self.tr("&Claim for %n hour(s)", "", n)
        )

    def _show(self) -> None:
        held = self.held
        if held is None:
            self.state.setText(self.tr("Nobody is reviewing this report."))
        elif held.mine:
            self.state.setText(
                self.tr("You are reviewing this until {time}.").format(time=local_time(held.until))
            )
        else:
            self.state.setText(
                self.tr("{name} is reviewing this until {time}.").format(
                    name=held.name, time=local_time(held.until)
                )
            )
        ready = self.incident_id is not None
        self.claim_button.setEnabled(ready and (held is None or held.mine))
        self.release_button.setVisible(held is not None and held.mine)
        self.break_button.setVisible(held is not None and not held.mine)
        self._button_text()

    # -- reading and acting, in the session's worker --------------------------------------
    def set_incident(self, incident_id: str) -> None:
        self.incident_id, self.held, self.read_for = incident_id, None, None
        self.message.setText("")
        self.refresh()

    def refresh(self) -> None:
        if self.incident_id is not None and not self.session.is_locked:
            self._run(lambda v: None, quiet=True)

    def _run(self, action: Any, quiet: bool = False) -> None:
        self.generation += 1
        generation, wanted = self.generation, self.incident_id

        def run(vault: Vault, _: Any) -> Claim | None:
            from reporter.coordination.claims import claim_of

            action(vault)
            return claim_of(vault, str(wanted))

        self.session.runner.run(
            run,
            on_done=lambda held: self._held(generation, held, quiet),
            on_error=self._refused,
            durable=not quiet,  # a claim taken, released or broken; not a refresh
        )

    def _held(self, generation: int, held: Claim | None, quiet: bool) -> None:
        if generation != self.generation:
            return
        self.held, self.read_for = held, self.incident_id
        self._show()
        if not quiet and self.incident_id is not None:
            self.changed.emit(self.incident_id)

    def _refused(self, exc: TestigoError) -> None:
        self.message.setText(error_text(exc))
        self.refresh()

    def take(self) -> None:
        from reporter.coordination.claims import claim

        wanted, hours = self.incident_id, self.hours.value()
        if wanted is not None:
            self._run(lambda v: claim(v, wanted, hours))

    def release(self) -> None:
        from reporter.coordination.claims import release

        wanted = self.incident_id
        if wanted is not None:
            self._run(lambda v: release(v, wanted))

    def ask_break(self) -> None:
        held = self.held
        if held is None or self.incident_id is None:
            return
        box = QMessageBox(self)
        box.setObjectName("breakClaimBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Break the claim?"))
        box.setText(
            self.tr("{name} is reviewing this report until {time}.").format(
                name=held.name, time=local_time(held.until)
            )
        )
        box.setInformativeText(
            self.tr(
                "Breaking the claim is recorded for every coordinator: {name} and the others "
                "will see in the report's history that you broke it."
            ).format(name=held.name)
        )
        yes = box.addButton(self.tr("&Break the claim"), QMessageBox.ButtonRole.AcceptRole)
        no = box.addButton(self.tr("&Keep it"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        box.exec()
        confirmed = box.clickedButton() is yes
        box.deleteLater()
        if confirmed:
            from reporter.coordination.claims import break_claim

            wanted = self.incident_id
            self._run(lambda v: break_claim(v, wanted))

    def clear(self) -> None:
        self.generation += 1
        self.incident_id, self.held, self.read_for = None, None, None
        self.message.setText("")
        self.shared.setChecked(False)
        self._show()
