"""Settings: language, auto-lock, discreet mode, connection; protection; the emergency wipe.

A workspace adds its own tabs (the reporter's Coalition: ui.common.coalition_settings).

QSettings keeps only these preferences and window geometry, never anything from the vault.
The connection (direct, Tor, a SOCKS proxy) is the vault's (reporter.relay_client.connection):
it says something about the person, and the CLI must use the same choice.
The protection controls (wipe after failed unlocks, duress passphrase, backup) call the
core's vault use cases in the session's TaskRunner, the same ones the CLI calls.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reporter.errors import TestigoError
from reporter.i18n import translator
from reporter.relay_client.connection import (
    Connection,
    check_proxy,
    from_old,
    set_connection,
)
from reporter.relay_client.transport import tor_socks
from reporter.vault.vault import Vault
from ui.common import file_dialogs
from ui.common.errors import show_error
from ui.common.i18n import LANGUAGES, language


class SettingsPage(QWidget):
    autoLockChanged = Signal(int)
    discreetChanged = Signal(bool)
    connectionChanged = Signal(object)  # proxy URL or None
    wipeRequested = Signal()
    protectionChanged = Signal()  # a protection setting or a backup finished
    protectionFailed = Signal(str)  # one line, in the user's language

    def __init__(self, parent: QWidget | None = None, runner: Any = None) -> None:
        super().__init__(parent)
        self.runner = runner  # ui.common.tasks.TaskRunner of the unlocked session
        settings = QSettings()
        self.language_box = QComboBox()
        for code, name in LANGUAGES.items():
            self.language_box.addItem(name, code)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(language().code)))
        self.autolock = QSpinBox()
        self.autolock.setRange(1, 240)
        self.autolock.setValue(int(cast("int | str", settings.value("autolock_minutes", 5))))
        self.discreet = QCheckBox()
        self.discreet.setChecked(settings.value("discreet", "false") == "true")
        self.connection = QComboBox()
        for key in ("direct", "tor", "socks"):
            self.connection.addItem(key, key)
        self.proxy = QLineEdit()
        self.proxy_warning = QLabel()  # socks5:// resolves names here: the DNS server learns
        self.proxy_warning.setObjectName("proxyWarning")
        self.proxy_warning.setWordWrap(True)
        self.wipe_button = QPushButton()
        self.wipe_button.setObjectName("wipeButton")
        self.wipe_box = QGroupBox()
        wipe_layout = QVBoxLayout(self.wipe_box)
        self.wipe_text = QLabel()
        self.wipe_text.setWordWrap(True)
        wipe_layout.addWidget(self.wipe_text)
        wipe_layout.addWidget(self.wipe_button)
        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(5)]
        for label, widget in zip(
            self.labels,
            (self.language_box, self.autolock, self.discreet, self.connection, self.proxy),
            strict=True,
        ):
            label.setBuddy(widget)
            self.form.addRow(label, widget)
        self.form.addRow(self.proxy_warning)
        self.kept = self._load_connection()  # before any pass can take proxy_url()
        self._latest = [self.kept]  # plain data a worker may read (see _connection)
        self._writing = threading.Lock()  # one connection write at a time
        self._show_connection(self.kept)
        self.auto_sync = QCheckBox()  # shown and set by ui.common.auto_sync (a vault preference)
        self.auto_sync.setObjectName("autoSync")
        self.form.addRow(self.auto_sync)
        self._build_protection()
        self.general = QWidget()
        general = QVBoxLayout(self.general)
        general.addLayout(self.form)
        general.addWidget(self.protect_box)
        general.addWidget(self.wipe_box)
        general.addStretch()
        self.tabs = QTabWidget()  # General, then what a workspace adds (Coalition)
        self.tabs.setObjectName("settingsTabs")
        self.tabs.setTabBarAutoHide(True)
        self.tabs.addTab(self.general, "")
        QVBoxLayout(self).addWidget(self.tabs)
        self.language_box.currentIndexChanged.connect(
            lambda _: language().set(str(self.language_box.currentData()))
        )
        self.autolock.valueChanged.connect(self._autolock)
        self.discreet.toggled.connect(self._discreet)
        self.connection.currentIndexChanged.connect(self._connection)
        self.proxy.editingFinished.connect(self._connection)
        self.wipe_button.clicked.connect(self.wipeRequested)
        self.retranslateUi()

    def add_tab(self, page: QWidget) -> None:
        """Another settings tab; ``page`` has ``tab_title()``, ``retranslateUi()``, ``clear()``."""
        self.tabs.addTab(page, page.tab_title())  # type: ignore[attr-defined]

    def show_tab(self, page: QWidget) -> None:
        self.tabs.setCurrentWidget(page)

    def retranslateUi(self) -> None:
        self.tabs.setTabText(0, self.tr("General"))
        for index in range(1, self.tabs.count()):
            page: Any = self.tabs.widget(index)
            page.retranslateUi()
            self.tabs.setTabText(index, page.tab_title())
        texts = (
            self.tr("&Language"),
            self.tr("&Lock after (minutes idle)"),
            self.tr("&Discreet mode (neutral window title and icon)"),
            self.tr("&Connection"),
            self.tr("SOCKS &proxy"),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
            label.buddy().setAccessibleName(text.replace("&", ""))
        for i, text in enumerate(
            (
                self.tr("Direct (HTTPS)"),
                self.tr("Tor (%1)").replace("%1", tor_socks().split("://")[-1]),
                self.tr("SOCKS proxy"),
            )
        ):
            self.connection.setItemText(i, text)
        self.auto_sync.setText(self.tr("&Send and receive by itself when a connection is there"))
        self._show_warning()
        self.wipe_box.setTitle(self.tr("Emergency"))
        self.wipe_text.setText(
            self.tr(
                "Destroys the keys of this vault at once. Nothing "
                "recorded here can be opened again, by anyone."
            )
        )
        self.wipe_button.setText(self.tr("Emergency &wipe…"))
        self.protect_box.setTitle(self.tr("Protection"))
        self.wipe_after_label.setText(self.tr("Wipe after wrong &passphrases"))
        self.wipe_after.setAccessibleName(self.tr("Wipe after wrong passphrases"))
        self.wipe_after.setItemText(0, self.tr("Never"))
        for i, count in enumerate((5, 10, 20), start=1):
            self.wipe_after.setItemText(i, self.tr("After %n wrong passphrases", "", count))
        self.duress_button.setText(self.tr("Set a &duress passphrase…"))
        self.backup_button.setText(self.tr("&Back up now…"))
        self._show_backup_state()

    # -- protection ------------------------------------------------------------------------
    def _build_protection(self) -> None:
        self.protect_box = QGroupBox()
        form = QFormLayout(self.protect_box)
        self.wipe_after = QComboBox()
        for count in (0, 5, 10, 20):
            self.wipe_after.addItem(str(count), count)
        self.wipe_after_label = QLabel()
        self.wipe_after_label.setBuddy(self.wipe_after)
        form.addRow(self.wipe_after_label, self.wipe_after)
        self.duress_button = QPushButton()
        form.addRow(self.duress_button)
        self.backup_state = QLabel()
        self.backup_state.setObjectName("backupReminder")
        self.backup_state.setWordWrap(True)
        self.backup_button = QPushButton()
        self.backup_progress = QProgressBar()
        self.backup_progress.hide()
        form.addRow(self.backup_state)
        form.addRow(self.backup_button)
        form.addRow(self.backup_progress)
        self._last_backup: str | None = None
        self._overdue = False
        self._shown_wipe = 0
        self.wipe_after.activated.connect(self._wipe_after_chosen)
        self.duress_button.clicked.connect(self._duress_clicked)
        self.backup_button.clicked.connect(self._backup_clicked)
        self.protect_box.setVisible(self.runner is not None)
        self.refresh_protection()

    def refresh_protection(self) -> None:
        """Read the vault's protection state in a worker (never in the UI thread)."""
        if self.runner is None:
            return

        def read(vault: Vault, _control: Any) -> tuple[int, str | None, bool]:
            from reporter.vault.backup import backup_overdue

            return vault.wipe_after, vault.get_meta("last_backup_at"), backup_overdue(vault)

        self.runner.run(read, on_done=self._protection_read, on_error=self._failed)

    def _protection_read(self, state: tuple[int, str | None, bool]) -> None:
        self._shown_wipe, self._last_backup, self._overdue = state
        self.wipe_after.setCurrentIndex(max(0, self.wipe_after.findData(self._shown_wipe)))
        self._show_backup_state()

    def _show_backup_state(self) -> None:
        if self._last_backup:
            text = self.tr("Last backup: %1").replace("%1", self._last_backup[:10])
        else:
            text = self.tr("No backup yet.")
        if self._overdue:
            text += " " + self.tr(
                "It is time to make a backup: a lost or seized laptop "
                "would take everything recorded since."
            )
        self.backup_state.setText(text)

    def _ask(self, label: str) -> str | None:
        text, ok = QInputDialog.getText(
            self, self.tr("Passphrase"), label, QLineEdit.EchoMode.Password
        )
        return text if ok and text else None

    def _wipe_after_chosen(self, _index: int) -> None:
        count = int(self.wipe_after.currentData())
        secret = self._ask(self.tr("Your passphrase, to change this setting:"))
        if secret is None:
            self.wipe_after.setCurrentIndex(self.wipe_after.findData(self._shown_wipe))
            return
        self.apply_wipe_after(secret, count)

    def _duress_clicked(self) -> None:
        secret = self._ask(self.tr("Your passphrase:"))
        duress = secret and self._ask(
            self.tr(
                "The duress passphrase (it opens a new, empty "
                "decoy vault; fill it with ordinary notes):"
            )
        )
        if not secret or not duress:
            return
        if self._ask(self.tr("The duress passphrase again:")) != duress:
            self.protectionFailed.emit(self.tr("The two passphrases differ."))
            return
        destroy = (
            QMessageBox.question(
                self,
                self.tr("Duress passphrase"),
                self.tr(
                    "When the duress passphrase is used, also destroy this vault's real key "
                    "without a trace?"
                ),
            )
            == QMessageBox.StandardButton.Yes
        )
        self.apply_duress(secret, duress, destroy)

    def _backup_clicked(self) -> None:
        out = file_dialogs.save_file(
            self, self.tr("Back up to"), "", self.tr("Backups (*.age)")
        )  # the app's chooser: no history, no recent files, never the native dialog
        if out is None:
            return
        secret = self._ask(self.tr("A passphrase for the backup (keep it apart from it):"))
        if secret is None:
            return
        if self._ask(self.tr("The backup passphrase again:")) != secret:
            self.protectionFailed.emit(self.tr("The two passphrases differ."))
            return
        self.start_backup(out, secret)

    def apply_wipe_after(self, secret: str, count: int) -> None:
        self._run(lambda vault, _c: vault.set_wipe_after(secret, count))

    def apply_duress(self, secret: str, duress: str, destroy_real: bool) -> None:
        self._run(lambda vault, _c: vault.set_duress(secret, duress, destroy_real))

    def start_backup(self, out: Path, secret: str) -> None:
        from reporter.age import ScryptRecipient

        def backup(vault: Vault, control: Any) -> int:
            from reporter.vault.backup import backup_to_file

            return backup_to_file(vault, out, [ScryptRecipient(secret)], control.progress)

        self.backup_button.setEnabled(False)
        self.backup_progress.setValue(0)
        self.backup_progress.show()
        self._run(backup, on_progress=self._backup_progress)

    def _backup_progress(self, done: int, total: int) -> None:
        self.backup_progress.setMaximum(max(1, total // 1024))
        self.backup_progress.setValue(done // 1024)

    def _run(self, fn: Any, on_progress: Any = None) -> None:
        if self.runner is None:
            return
        self.runner.run(  # a protection change or a backup: a lock waits for it to finish
            fn,
            on_done=self._protection_done,
            on_error=self._failed,
            on_progress=on_progress,
            durable=True,
        )

    def _protection_done(self, _result: Any) -> None:
        self.backup_button.setEnabled(True)
        self.backup_progress.hide()
        self.refresh_protection()
        self.protectionChanged.emit()

    def _failed(self, exc: TestigoError) -> None:
        self.backup_button.setEnabled(True)
        self.backup_progress.hide()
        self.wipe_after.setCurrentIndex(max(0, self.wipe_after.findData(self._shown_wipe)))
        self.protectionFailed.emit(exc.message(language().code))

    # -- connection ------------------------------------------------------------------------
    def _load_connection(self) -> Connection:
        """The vault's choice, read now, in the UI thread, while the window is being built.

        A short meta read, but it must be known before the first pass or probe takes
        ``proxy_url()``: read later in a worker, a pass started meanwhile would go direct.
        A choice an older version kept in QSettings is moved into the vault, then removed.
        """
        from reporter.errors import BadProxy
        from reporter.relay_client.connection import adopt_old

        vault = getattr(self.runner, "vault", None)
        if vault is None:  # no vault unlocked: there is no connection to show
            for widget in (self.connection, self.proxy, self.proxy_warning):
                self.form.setRowVisible(widget, False)
            return Connection()
        old = QSettings()
        kind, socks = old.value("connection"), old.value("proxy")
        try:
            kept, refused = adopt_old(vault, kind, socks)
        except TestigoError as exc:  # not kept: the old choice still holds, this session
            show_error(self, exc)
            return from_old(kind, socks)[0]
        old.remove("connection")
        old.remove("proxy")
        old.sync()
        if refused:
            show_error(self, BadProxy())
        return kept

    def _show_connection(self, shown: Connection) -> None:
        for widget in (self.connection, self.proxy):
            widget.blockSignals(True)
        self.connection.setCurrentIndex(max(0, self.connection.findData(shown.kind)))
        self.proxy.setText(shown.socks)
        for widget in (self.connection, self.proxy):
            widget.blockSignals(False)
        self.proxy.setEnabled(shown.kind == "socks")  # only used for SOCKS
        self._show_warning()

    def _chosen(self) -> Connection:
        return Connection(str(self.connection.currentData()), self.proxy.text().strip())

    def _show_warning(self) -> None:
        warning = self._chosen().warning
        self.proxy_warning.setText(translator(language().code)(warning) if warning else "")
        self.proxy_warning.setVisible(warning is not None and self.runner is not None)

    def proxy_url(self) -> str | None:
        """The proxy a pass goes through (None: direct), as last kept in the vault."""
        return self.kept.proxy

    def _autolock(self, minutes: int) -> None:
        QSettings().setValue("autolock_minutes", minutes)
        self.autoLockChanged.emit(minutes)

    def _discreet(self, on: bool) -> None:
        QSettings().setValue("discreet", "true" if on else "false")
        self.discreetChanged.emit(on)

    def _connection(self) -> None:
        """A new choice: checked at once (a typo is refused with a dialog), then kept."""
        chosen = self._chosen()
        if chosen == self.kept:
            return
        try:
            socks = check_proxy(chosen.socks) if chosen.kind == "socks" else None
        except TestigoError as exc:
            self._show_connection(self.kept)  # nothing changed
            show_error(self, exc)
            return
        self.kept = Connection(chosen.kind, socks or self.kept.socks)
        self._show_connection(self.kept)
        self.connectionChanged.emit(self.proxy_url())
        if self.runner is None:
            return
        # Writes may start in any order in the pool: each writes the latest choice, one at a
        # time, so the last to run leaves the vault as the page shows it (without the lock an
        # earlier write that read the older choice could commit after the newest).
        latest, writing = self._latest, self._writing
        latest[0] = self.kept

        def write(vault: Vault, _control: Any) -> None:
            with writing:
                set_connection(vault, latest[0].kind, latest[0].socks)

        self.runner.run(
            write,
            on_error=self._connection_failed,
            durable=True,
        )

    def _connection_failed(self, exc: TestigoError) -> None:
        show_error(self, exc)  # not kept in the vault: this session still uses it

    def clear(self) -> None:
        """The General tab forgets the vault's connection (it shows the default); the other
        tabs forget theirs."""
        self._show_connection(Connection())
        for index in range(1, self.tabs.count()):
            page: Any = self.tabs.widget(index)
            page.clear()
