"""The main window: pages for incidents, sharing, the outbox and settings; lock and wipe.

The status bar says where shared incidents stand, from the core's ``sync.status`` (reread
whenever the outbox, the enrollment or a sync attempt changes): "N waiting to be sent",
"Offline", "Not connected to a coalition yet", and "Up to date" only when nothing waits.
Automatic sync says when its next attempt is through ``set_sync_schedule_text``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QStackedWidget,
    QStyle,
    QWidget,
)

from reporter.errors import TestigoError
from reporter.vault.vault import Vault
from ui.common.auto_sync import for_outbox
from ui.common.coalition_settings import CoalitionSettings
from ui.common.doctor_page import DoctorPage
from ui.common.i18n import language
from ui.common.page import Page
from ui.common.provision_page import ProvisionPage
from ui.common.session import Session
from ui.common.session_window import SessionWindow
from ui.common.settings_page import SettingsPage
from ui.common.window_actions import HelpMenu, add_toolbar, follow_settings, label_actions
from ui.reporter.incidents.editor import IncidentEditor
from ui.reporter.incidents.list_page import IncidentListPage
from ui.reporter.outbox_page import OutboxPage
from ui.reporter.profile_notice import ProfileNotice
from ui.reporter.share_page import SharePage

if TYPE_CHECKING:
    from reporter.sync.status import SyncStatus


class MainWindow(SessionWindow, QMainWindow):
    lockedOut = Signal()  # the session was locked: show the unlock screen
    wiped = Signal()

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.setObjectName("mainWindow")
        self.stack = QStackedWidget()
        self.list_page = IncidentListPage(session)
        self.editor = IncidentEditor(session)
        self.share_page = SharePage(session)
        self.outbox_page = OutboxPage(session)
        self.settings_page = SettingsPage(runner=session.runner)  # protection, backups
        settings = self.settings_page
        self.coalition_page = CoalitionSettings(
            session, lambda: (str(settings.connection.currentData()), settings.proxy_url())
        )
        self.settings_page.add_tab(self.coalition_page)
        proxy = self.settings_page.proxy_url()
        vault = cast(Vault, session.vault)  # a window is built for an unlocked session
        self.doctor_page = DoctorPage(vault.home, vault, proxy=proxy, runner=session.runner)
        self.provision_page = ProvisionPage(vault, proxy=proxy, runner=session.runner)
        self.pages: list[Page] = [
            self.list_page,
            self.editor,
            self.share_page,
            self.outbox_page,
            self.settings_page,
            self.doctor_page,
            self.provision_page,
        ]
        for page in self.pages:
            self.stack.addWidget(cast(QWidget, page))  # every page is a widget
        self.profile_notice = ProfileNotice(session)  # the coalition changed its key: said once
        self.setCentralWidget(self.profile_notice.above(self.stack))
        self.outbox_page.syncStateChanged.connect(self.profile_notice.sync_ended)
        # Shadows QWidget.actions() for Python callers (tests and the screenshots use it).
        self.toolbar, actions = add_toolbar(
            self,
            "mainToolbar",
            {
                "incidents": ("Ctrl+1", self.show_list),
                "new": ("Ctrl+N", self.new_incident),
                "outbox": ("Ctrl+2", self.show_outbox),
                "settings": ("Ctrl+,", lambda: self.stack.setCurrentWidget(self.settings_page)),
                "lock": ("Ctrl+L", self.lock),
            },
        )
        self.actions: dict[str, QAction] = actions  # type: ignore[assignment]
        self.find_action = QAction(self)  # window-wide, not on the toolbar
        self.find_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        self.find_action.triggered.connect(self.find)
        self.addAction(self.find_action)
        self.help = HelpMenu(self)
        self.help_menu, self.diagnostics_action = self.help.menu, self.help.diagnostics
        self.doctor_action = self.help.add(
            "doctorAction", lambda: self.stack.setCurrentWidget(self.doctor_page)
        )
        self.provision_action = self.help.add(
            "provisionAction", lambda: self.stack.setCurrentWidget(self.provision_page)
        )
        self.sync_state = QLabel()
        self.sync_state.setObjectName("syncIndicator")
        self.statusBar().addPermanentWidget(self.sync_state)
        self.list_page.openIncident.connect(self.open_incident)
        self.list_page.newIncident.connect(self.new_incident)
        self.list_page.shareIncident.connect(self.share_incident)
        self.editor.closed.connect(self.show_list)
        self.share_page.sent.connect(lambda _: self.show_outbox())
        self.outbox_page.syncStateChanged.connect(self.note_sync_attempt)
        session.outboxChanged.connect(self.refresh_sync_status)
        self.coalition_page.connectedChanged.connect(self.refresh_sync_status)
        follow_settings(self, self.settings_page)
        self.settings_page.discreetChanged.connect(lambda _: self.retranslateUi())
        self.settings_page.connectionChanged.connect(self._connection_changed)
        self.outbox_page.proxy = self.settings_page.proxy_url()
        self.sync_schedule = QLabel()  # when the next automatic sync is, and why the last failed
        self.sync_schedule.setObjectName("syncSchedule")
        self.sync_schedule.setMinimumWidth(80)  # long text is cut, the window's minimum stays
        self.statusBar().addPermanentWidget(self.sync_schedule)
        self.schedule_text = ""  # automatic sync's sentence, shown once there is a coalition
        self.sync_status: SyncStatus | None = None
        self.auto_sync = for_outbox(session, self.outbox_page, self.settings_page.auto_sync, self)
        self.auto_sync.textChanged.connect(self.set_sync_schedule_text)
        self.watch_idle(self.settings_page.autolock.value())
        self.last_attempt: str | None = None  # ok | offline | busy, as the last sync ended
        self.syncing = False
        self._status_reading = self._status_stale = False
        language().changed.connect(self._language_changed)
        self.restore_geometry()
        self.retranslateUi()
        self.refresh_sync_status()
        self.show_list()

    # -- text ----------------------------------------------------------------------------
    def retranslateUi(self) -> None:
        discreet = self.settings_page.discreet.isChecked()
        self.setWindowTitle(self.tr("Notes") if discreet else self.tr("Testigo"))
        style = self.style()
        icon = style.standardIcon(
            QStyle.StandardPixmap.SP_FileIcon if discreet else QStyle.StandardPixmap.SP_DriveHDIcon
        )
        self.setWindowIcon(QIcon(icon))
        texts = {
            "incidents": self.tr("Incidents"),
            "new": self.tr("New"),
            "outbox": self.tr("Outbox"),
            "settings": self.tr("Settings"),
            "lock": self.tr("Lock"),
        }
        label_actions(self.actions, texts)
        # No mnemonic: every letter of the word is a page's Alt shortcut already.
        self.help.retranslate(self.tr("Help"), self.tr("&Diagnostics…"))
        self.doctor_action.setText(self.tr("C&heck this computer…"))
        self.provision_action.setText(self.tr("&Prepare this computer…"))
        for page in self.pages:
            page.retranslateUi()
        self._show_sync_status()

    def _connection_changed(self, proxy: str | None) -> None:
        for page in (self.outbox_page, self.doctor_page, self.provision_page):
            page.proxy = proxy
        self.coalition_page.show_route()

    def _language_changed(self, _code: str) -> None:
        self.retranslateUi()

    # -- the status bar ------------------------------------------------------------------
    def note_sync_attempt(self, outcome: str) -> None:
        """A sync pass began ('syncing') or ended ('up_to_date' or 'ok' | 'offline' | 'busy')."""
        self.syncing = outcome == "syncing"
        if not self.syncing:
            self.last_attempt = "ok" if outcome == "up_to_date" else outcome
        self.refresh_sync_status()

    def refresh_sync_status(self) -> None:
        """Reread the outbox and the enrollment in a worker, then say where things stand."""
        if self.session.is_locked:
            return
        if self._status_reading:
            self._status_stale = True
            return
        self._status_reading = True
        last, syncing = self.last_attempt, self.syncing

        def read(vault: Vault, _control: object) -> SyncStatus:
            from reporter.sync.status import read_sync_status

            return read_sync_status(vault, last, syncing)

        self.session.runner.run(read, on_done=self._status_read, on_error=self._status_failed)

    def _status_read(self, status: SyncStatus) -> None:
        self._status_reading = False
        if self.session.is_locked:
            return
        self.sync_status = status
        self._show_sync_status()
        if self._status_stale:
            self._status_stale = False
            self.refresh_sync_status()

    def _status_failed(self, _exc: TestigoError) -> None:
        self._status_reading = self._status_stale = False

    def _show_sync_status(self) -> None:
        status = self.sync_status
        if status is None:
            self.sync_state.clear()
            self.sync_schedule.clear()
            return
        parts = {
            "syncing": [self.tr("Syncing…")],
            "not_connected": [self.tr("Not connected to a coalition yet")],
            "offline": [self.tr("Offline")],
            "busy": [self.tr("Relay busy: will retry")],
        }.get(status.state, [])
        if status.waiting:
            parts.append(self.tr("%n waiting to be sent", "", status.waiting))
        if status.carried:
            parts.append(self.tr("%n carried by hand, waiting for a receipt", "", status.carried))
        self.sync_state.setText(" · ".join(parts) or self.tr("Up to date"))
        self._show_sync_schedule()

    def set_sync_schedule_text(self, text: str) -> None:
        self.schedule_text = text
        self._show_sync_schedule()

    def _show_sync_schedule(self) -> None:
        """No coalition yet: nothing to try, so no next try to announce (that it is off, yes)."""
        status = self.sync_status
        joined = status is not None and status.state != "not_connected"
        shown = joined or not self.auto_sync.enabled
        self.sync_schedule.setText(self.schedule_text if shown else "")
        self.outbox_page.sync_button.setToolTip(self.schedule_text if shown else "")

    # -- navigation ----------------------------------------------------------------------
    def show_list(self) -> None:
        self.stack.setCurrentWidget(self.list_page)
        self.list_page.activate()

    def find(self) -> None:  # type: ignore[override]  # Ctrl+F, not QWidget.find(id)
        """Ctrl+F from anywhere: the list, with the search box ready for typing."""
        self.show_list()
        self.list_page.search.setFocus()
        self.list_page.search.selectAll()

    def new_incident(self) -> None:
        self.editor.new()
        self.stack.setCurrentWidget(self.editor)
        self.editor.title.setFocus()

    def open_incident(self, incident_id: str) -> None:
        self.editor.open(incident_id)
        self.stack.setCurrentWidget(self.editor)

    def share_incident(self, incident_id: str) -> None:
        self.share_page.show_incident(incident_id)
        self.stack.setCurrentWidget(self.share_page)

    def show_outbox(self) -> None:
        self.outbox_page.refresh()
        self.stack.setCurrentWidget(self.outbox_page)

    def show_coalition(self) -> None:
        """Settings → Coalition: the profile, the enrollment token, the connection."""
        self.coalition_page.refresh()
        self.settings_page.show_tab(self.coalition_page)
        self.stack.setCurrentWidget(self.settings_page)

    # -- locking and wiping (ui.common.session_window) --------------------------------
    def before_lock(self) -> None:
        if self.editor.worth_a_draft():
            self.editor.save(draft=True)  # a draft is not lost by locking
        self.sync_status = None  # counts from the vault: not shown while locked
        self._show_sync_status()
