"""Settings → Coalition: the trusted profile, enrollment with the relay, and the way there.

What a trainer did with `profile import`, `enroll TOKEN` and `doctor`, for someone who never
opens a terminal. The fingerprint is shown large and as a QR code to compare with the
coordinator's (the words of `profile show`); a profile signed by another coalition key
replaces the trusted one only after both fingerprints were shown and the person said yes.
The token is used once and cleared; nothing here goes to QSettings.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reporter.errors import TestigoError
from reporter.fsutil import open_regular
from reporter.vault.vault import Vault
from ui.common import file_dialogs
from ui.common.errors import error_text
from ui.common.session import Session
from ui.common.tasks import TaskControl

MAX_PROFILE_FILE = 64 * 1024 + 1  # parse_profile refuses more; read no further


def _read_state(vault: Vault, _control: TaskControl) -> dict[str, Any]:
    from reporter.relay_client.settings import relay_settings
    from reporter.share.profile import current_profile

    profile = current_profile(vault)
    try:
        relay: str | None = relay_settings(vault)[0]
    except TestigoError:
        relay = None
    return {
        "profile": profile.summary() if profile is not None else None,
        "enrolled": bool(vault.get_meta("relay_credential")),
        "relay": relay,
    }


class CoalitionSettings(QWidget):
    connectedChanged = Signal()  # the profile or the enrollment changed

    def __init__(
        self,
        session: Session,
        connection: Callable[[], tuple[str, str | None]],
        parent: QWidget | None = None,
    ) -> None:
        """``connection`` gives the chosen route: ('direct' | 'tor' | 'socks', proxy URL)."""
        super().__init__(parent)
        self.session = session
        self.connection = connection
        self.state: dict[str, Any] = {"profile": None, "enrolled": False, "relay": None}
        self.check_result: str | None = None  # the last "Test connection" answer
        self._build()
        self.retranslateUi()
        self.refresh()

    def _build(self) -> None:
        self.profile_box = QGroupBox()
        self.name = QLabel()
        self.name.setObjectName("coalitionName")
        self.fingerprint = QLabel()
        self.fingerprint.setObjectName("coalitionFingerprint")
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setWeight(QFont.Weight.Bold)
        self.fingerprint.setFont(font)
        self.fingerprint.setWordWrap(True)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.qr = QSvgWidget()
        self.qr.setObjectName("coalitionQr")
        self.qr.setFixedSize(180, 180)
        self.compare = QLabel()
        self.compare.setWordWrap(True)
        self.profile_button = QPushButton()
        self.profile_button.setObjectName("loadProfileButton")
        self.profile_status = QLabel()
        self.profile_status.setObjectName("profileStatus")
        self.profile_status.setWordWrap(True)
        text = QVBoxLayout()
        for widget in (self.name, self.fingerprint, self.compare, self.profile_button):
            text.addWidget(widget)
        text.addStretch(1)
        row = QHBoxLayout()
        row.addLayout(text, 1)
        row.addWidget(self.qr)
        profile_layout = QVBoxLayout(self.profile_box)
        profile_layout.addLayout(row)
        profile_layout.addWidget(self.profile_status)

        self.enroll_box = QGroupBox()
        self.enrolled = QLabel()
        self.enrolled.setObjectName("enrollState")
        self.enrolled.setWordWrap(True)
        self.token = QLineEdit()
        self.token.setObjectName("enrollToken")
        self.token.setPlaceholderText("tt1-…")
        self.token_label = QLabel()
        self.token_label.setBuddy(self.token)
        self.enroll_button = QPushButton()
        self.enroll_button.setObjectName("enrollButton")
        self.qr_button = QPushButton()  # the token from a photo or screenshot of its QR code
        self.qr_button.setObjectName("tokenFromQrButton")
        self.qr_button.setAutoDefault(False)
        self.enroll_status = QLabel()
        self.enroll_status.setObjectName("enrollStatus")
        self.enroll_status.setWordWrap(True)
        enroll_layout = QFormLayout(self.enroll_box)
        enroll_layout.addRow(self.enrolled)
        token_row = QHBoxLayout()
        token_row.addWidget(self.token, 1)
        token_row.addWidget(self.qr_button)
        token_row.addWidget(self.enroll_button)
        enroll_layout.addRow(self.token_label, token_row)
        enroll_layout.addRow(self.enroll_status)

        self.route_box = QGroupBox()
        self.relay = QLabel()
        self.relay.setObjectName("relayAddress")
        self.relay.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.route = QLabel()
        self.route.setObjectName("connectionInUse")
        self.relay_label, self.route_label = QLabel(), QLabel()
        self.test_button = QPushButton()
        self.test_button.setObjectName("testConnectionButton")
        self.test_status = QLabel()
        self.test_status.setObjectName("connectionStatus")
        self.test_status.setWordWrap(True)
        route_layout = QFormLayout(self.route_box)
        route_layout.addRow(self.relay_label, self.relay)
        route_layout.addRow(self.route_label, self.route)
        route_layout.addRow(self.test_button)
        route_layout.addRow(self.test_status)

        for label in (  # what a profile file, a token's relay or an error says: plain text
            self.name,
            self.fingerprint,
            self.profile_status,
            self.enrolled,
            self.enroll_status,
            self.relay,
            self.route,
            self.test_status,
        ):
            label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.profile_box)
        layout.addWidget(self.enroll_box)
        layout.addWidget(self.route_box)
        layout.addStretch(1)
        self.profile_button.clicked.connect(self.choose_profile)
        self.enroll_button.clicked.connect(lambda: self.enroll(self.token.text()))
        self.token.returnPressed.connect(lambda: self.enroll(self.token.text()))
        self.qr_button.clicked.connect(self.choose_qr_image)
        self.test_button.clicked.connect(self.test_connection)

    def tab_title(self) -> str:
        return self.tr("Coalition")

    def retranslateUi(self) -> None:
        self.profile_box.setTitle(self.tr("Coalition profile"))
        self.enroll_box.setTitle(self.tr("Connection to the coalition's relay"))
        self.route_box.setTitle(self.tr("Relay and connection"))
        self.compare.setText(self.tr("Compare it with the coordinator's, by phone or in person."))
        self.token_label.setText(self.tr("Enrollment &token"))
        self.token.setAccessibleName(self.tr("Enrollment token"))
        self.enroll_button.setText(self.tr("C&onnect"))
        self.qr_button.setText(self.tr("Read from a &QR image…"))
        self.relay_label.setText(self.tr("Relay"))
        self.route_label.setText(self.tr("Connection"))
        self.test_button.setText(self.tr("&Test connection"))
        self.qr.setAccessibleName(self.tr("QR code of the fingerprint"))
        self.fingerprint.setAccessibleName(self.tr("Fingerprint"))
        self._show_state()
        self._show_check()

    # -- what the vault holds ----------------------------------------------------------------
    def refresh(self) -> None:
        if self.session.is_locked:
            return
        self.session.runner.run(_read_state, on_done=self._state_read, on_error=self._failed)

    def _state_read(self, state: dict[str, Any]) -> None:
        self.state = state
        self._show_state()

    def _show_state(self) -> None:
        profile = self.state["profile"]
        if profile is None:
            self.name.setText(self.tr("No coalition profile yet."))
            self.fingerprint.clear()
            self.qr.hide()
            self.compare.hide()
            self.profile_button.setText(self.tr("&Load a profile file…"))
        else:
            self.name.setText(self.tr("Coalition: %1").replace("%1", profile["name"]))
            self.fingerprint.setText(
                self.tr("Fingerprint: %1").replace("%1", profile["fingerprint"])
            )
            from reporter.share.fingerprint import qr_svg

            self.qr.load(QByteArray(qr_svg(profile["fingerprint"]).encode("utf-8")))
            self.qr.show()
            self.compare.show()
            self.profile_button.setText(self.tr("&Replace the profile…"))
        if self.state["enrolled"]:
            self.enrolled.setText(self.tr("Connected: this laptop is enrolled with the relay."))
        elif profile is None:
            self.enrolled.setText(self.tr("Not connected to a coalition yet: load its profile."))
        else:
            self.enrolled.setText(
                self.tr(
                    "Not connected yet: paste the enrollment token the coordinator gave you "
                    "(it starts with tt1-) and press Connect."
                )
            )
        self.enroll_button.setEnabled(profile is not None)
        self.token.setEnabled(profile is not None)
        self.qr_button.setEnabled(profile is not None)
        self.relay.setText(self.state["relay"] or self.tr("(none yet)"))
        self.show_route()

    def show_route(self) -> None:
        """The route the settings choose; called when they change."""
        kind, proxy = self.connection()
        if kind == "tor":
            self.route.setText(self.tr("Tor (%1)").replace("%1", (proxy or "").split("://")[-1]))
        elif kind == "socks":
            self.route.setText(self.tr("SOCKS proxy (%1)").replace("%1", proxy or ""))
        else:
            self.route.setText(self.tr("Direct (HTTPS)"))

    # -- the profile -----------------------------------------------------------------------
    def choose_profile(self) -> None:
        path = file_dialogs.open_file(
            self, self.tr("Coalition profile"), "Testigo (*.testigo-profile);;* (*)"
        )
        if path is not None:
            self.load_profile(path)

    def load_profile(self, path: Path) -> None:
        """Read and check the file in a worker; ask before trusting a different key."""

        def check(vault: Vault, _control: TaskControl) -> tuple[bytes, dict[str, Any], Any]:
            from reporter.share.profile import current_profile, parse_profile

            try:
                with open_regular(path) as handle:
                    data = handle.read(MAX_PROFILE_FILE)
            except OSError:
                from reporter.errors import InvalidInput

                raise InvalidInput("cannot read the profile file") from None
            new = parse_profile(data)
            current = current_profile(vault)
            other_key = current is not None and current.signing_public_key != new.signing_public_key
            return data, new.summary(), current.summary() if other_key and current else None

        self.profile_button.setEnabled(False)
        self.profile_status.clear()
        self.session.runner.run(check, on_done=self._profile_checked, on_error=self._profile_failed)

    def _profile_checked(self, checked: tuple[bytes, dict[str, Any], Any]) -> None:
        data, new, replaced = checked
        if replaced is not None and not self.confirm_replace(replaced, new):
            self.profile_button.setEnabled(True)
            self.profile_status.setText(self.tr("The trusted profile was kept."))
            return

        def store(vault: Vault, _control: TaskControl) -> str:
            from reporter.share.profile import import_profile

            return import_profile(vault, data, replace=replaced is not None).fingerprint

        self.session.runner.run(
            store, on_done=self._profile_stored, on_error=self._profile_failed, durable=True
        )

    def confirm_replace(self, current: dict[str, Any], new: dict[str, Any]) -> bool:
        box = QMessageBox(self)
        box.setObjectName("replaceProfileBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Replace the coalition profile?"))
        box.setText(
            self.tr(
                "This profile is signed by a DIFFERENT coalition key than the one you trust. "
                "Replace it only if the coordinator confirmed the new fingerprint with you, "
                "by phone or in person."
            )
        )
        box.setInformativeText(
            self.tr("Trusted now: %1\n%2\n\nNew: %3\n%4")
            .replace("%1", current["name"])
            .replace("%2", current["fingerprint"])
            .replace("%3", new["name"])
            .replace("%4", new["fingerprint"])
        )
        # Names from a profile file: text, never markup that could restyle what is compared.
        box.setTextFormat(Qt.TextFormat.PlainText)
        replace = box.addButton(self.tr("&Replace it"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("&Keep the trusted one"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.exec()
        chosen = box.clickedButton() is replace
        box.deleteLater()
        self.window().activateWindow()  # the keyboard's focus comes back here
        return chosen

    def _profile_stored(self, fingerprint: str) -> None:
        self.profile_button.setEnabled(True)
        self.profile_status.setText(
            self.tr("Profile loaded. Fingerprint: %1").replace("%1", fingerprint)
        )
        self.refresh()
        self.connectedChanged.emit()

    def _profile_failed(self, exc: TestigoError) -> None:
        self.profile_button.setEnabled(True)
        self.profile_status.setText(error_text(exc))

    # -- enrollment ------------------------------------------------------------------------
    def enroll(self, token: str) -> None:
        _kind, proxy = self.connection()

        def redeem(vault: Vault, _control: TaskControl) -> dict[str, str]:
            from reporter.sync.engine import enroll

            return enroll(vault, token, proxy=proxy)

        self.enroll_button.setEnabled(False)
        self.enroll_status.setText(self.tr("Connecting…"))
        self.session.runner.run(  # a one-time token: cut after the relay took it, it is spent
            redeem, on_done=self._enrolled, on_error=self._enroll_failed, durable=True
        )

    def choose_qr_image(self) -> None:
        path = file_dialogs.open_file(
            self,
            self.tr("Image of the enrollment token's QR code"),
            self.tr("Images") + " (*.png *.jpg *.jpeg *.gif *.bmp *.webp *.tif *.tiff);;* (*)",
        )
        if path is not None:
            self.read_qr_image(path)

    def read_qr_image(self, path: Path) -> None:
        """Decoded in a worker, in memory; the token goes into the field, nothing is kept."""

        def read(_vault: Vault, _control: TaskControl) -> str:
            from reporter.sync.token_image import token_from_qr_image

            return token_from_qr_image(path)

        self.qr_button.setEnabled(False)
        self.enroll_status.setText(self.tr("Reading the image…"))
        self.session.runner.run(read, on_done=self._qr_read, on_error=self._qr_failed)

    def _qr_read(self, token: str) -> None:
        self.qr_button.setEnabled(True)
        self.token.setText(token)
        self.enroll_status.setText(self.tr("Token read from the image: press Connect."))

    def _qr_failed(self, exc: TestigoError) -> None:
        self.qr_button.setEnabled(True)
        self.enroll_status.setText(error_text(exc))

    def _enrolled(self, _answer: dict[str, str]) -> None:
        self.token.clear()  # used once; it does not stay on the screen
        self.enroll_button.setEnabled(True)
        self.enroll_status.setText(self.tr("Connected. Shared incidents can now leave."))
        self.refresh()
        self.connectedChanged.emit()

    def _enroll_failed(self, exc: TestigoError) -> None:
        self.enroll_button.setEnabled(True)
        self.enroll_status.setText(error_text(exc))

    # -- "Test connection" -------------------------------------------------------------------
    def test_connection(self) -> None:
        _kind, proxy = self.connection()

        def check(vault: Vault, _control: TaskControl) -> dict[str, Any]:
            from reporter.sync.status import check_connection

            return check_connection(vault, proxy)

        self.test_button.setEnabled(False)
        self.check_result = "checking"
        self._show_check()
        self.session.runner.run(check, on_done=self._checked, on_error=self._check_failed)

    def _checked(self, answer: dict[str, Any]) -> None:
        self.test_button.setEnabled(True)
        self.check_result = str(answer["result"])
        self._show_check()

    def _check_failed(self, exc: TestigoError) -> None:
        self.test_button.setEnabled(True)
        self.check_result = None
        self.test_status.setText(error_text(exc))

    def _show_check(self) -> None:
        texts = {
            "checking": self.tr("Asking the relay…"),
            "reachable": self.tr("The relay answers over this connection."),
            "pin_mismatch": self.tr(
                "Something answered, but it is not the coalition's relay: its key does not "
                "match the profile. Nothing was sent. Tell your trainer or coordinator."
            ),
            "offline": self.tr(
                "The relay does not answer over this connection. Check the internet "
                "connection (or Tor). Incidents wait safely in the outbox."
            ),
            "not_connected": self.tr("No relay yet: load the coalition's profile first."),
        }
        self.test_status.setText(texts.get(self.check_result or "", ""))

    def _failed(self, exc: TestigoError) -> None:
        self.profile_status.setText(error_text(exc))

    def clear(self) -> None:
        """Forget what was shown from the vault (the session is locking)."""
        self.state = {"profile": None, "enrolled": False, "relay": None}
        self.token.clear()
        self.check_result = None
        for label in (self.profile_status, self.enroll_status, self.test_status):
            label.clear()
        self._show_state()
