"""Settings: language, auto-lock, discreet mode, connection; and the emergency wipe.

QSettings keeps only these preferences and window geometry, never anything from the vault.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reporter.sync.transport import tor_socks
from ui.i18n import LANGUAGES, language


class SettingsPage(QWidget):
    autoLockChanged = Signal(int)
    discreetChanged = Signal(bool)
    connectionChanged = Signal(object)      # proxy URL or None
    wipeRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        settings = QSettings()
        self.language_box = QComboBox()
        for code, name in LANGUAGES.items():
            self.language_box.addItem(name, code)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(language().code)))
        self.autolock = QSpinBox()
        self.autolock.setRange(1, 240)
        self.autolock.setValue(int(settings.value("autolock_minutes", 5)))
        self.discreet = QCheckBox()
        self.discreet.setChecked(settings.value("discreet", "false") == "true")
        self.connection = QComboBox()
        for key in ("direct", "tor", "socks"):
            self.connection.addItem(key, key)
        self.connection.setCurrentIndex(max(0, self.connection.findData(
            settings.value("connection", "direct"))))
        self.proxy = QLineEdit(str(settings.value("proxy", "socks5h://127.0.0.1:1080")))
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
        for label, widget in zip(self.labels, (self.language_box, self.autolock, self.discreet,
                                               self.connection, self.proxy), strict=True):
            label.setBuddy(widget)
            self.form.addRow(label, widget)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.wipe_box)
        layout.addStretch()
        self.language_box.currentIndexChanged.connect(
            lambda _: language().set(str(self.language_box.currentData())))
        self.autolock.valueChanged.connect(self._autolock)
        self.discreet.toggled.connect(self._discreet)
        self.connection.currentIndexChanged.connect(self._connection)
        self.proxy.editingFinished.connect(self._connection)
        self.wipe_button.clicked.connect(self.wipeRequested)
        self.proxy.setEnabled(self.connection.currentData() == "socks")  # only used for SOCKS
        self.retranslateUi()

    def retranslateUi(self) -> None:
        texts = (self.tr("&Language"), self.tr("&Lock after (minutes idle)"),
                 self.tr("&Discreet mode (neutral window title and icon)"),
                 self.tr("&Connection"), self.tr("SOCKS &proxy"))
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
            label.buddy().setAccessibleName(text.replace("&", ""))
        for i, text in enumerate((self.tr("Direct (HTTPS)"), self.tr("Tor (%1)").replace(
                                      "%1", tor_socks().split("://")[-1]),
                                  self.tr("SOCKS proxy"))):
            self.connection.setItemText(i, text)
        self.wipe_box.setTitle(self.tr("Emergency"))
        self.wipe_text.setText(self.tr("Destroys the keys of this vault at once. Nothing "
                                       "recorded here can be opened again, by anyone."))
        self.wipe_button.setText(self.tr("Emergency &wipe…"))

    def proxy_url(self) -> str | None:
        kind = self.connection.currentData()
        if kind == "tor":
            return tor_socks()
        if kind == "socks":
            return self.proxy.text().strip() or None
        return None

    def _autolock(self, minutes: int) -> None:
        QSettings().setValue("autolock_minutes", minutes)
        self.autoLockChanged.emit(minutes)

    def _discreet(self, on: bool) -> None:
        QSettings().setValue("discreet", "true" if on else "false")
        self.discreetChanged.emit(on)

    def _connection(self) -> None:
        settings = QSettings()
        settings.setValue("connection", self.connection.currentData())
        settings.setValue("proxy", self.proxy.text())
        self.proxy.setEnabled(self.connection.currentData() == "socks")
        self.connectionChanged.emit(self.proxy_url())

    def clear(self) -> None:
        """Nothing here comes from the vault."""
