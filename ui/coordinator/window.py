"""The coordinator's main window: inbox, one report, dashboard, spyware, map, refused, devices.

Same rules as the reporter's window: Ctrl+L and auto-lock close the session (every page
cleared first, so nothing the vault held stays on screen), the Help menu's diagnostics, the
settings page with language and wipe. One filter bar and unit choice above the dashboard,
the spyware view and the map: every figure there is that one selection.
"""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reporter.inbox.query import ReportFilter
from ui.common.auto_sync import for_pull
from ui.common.i18n import language
from ui.common.page import Page
from ui.common.session import Session
from ui.common.session_window import SessionWindow
from ui.common.settings_page import SettingsPage
from ui.common.window_actions import HelpMenu, Target, add_toolbar, follow_settings, label_actions
from ui.coordinator.common import FilterBar
from ui.coordinator.coordination_page import CoordinationPage
from ui.coordinator.dashboard_page import DashboardPage, load_picture
from ui.coordinator.devices_page import DevicesPage, RejectedPage
from ui.coordinator.inbox_page import InboxPage
from ui.coordinator.map_page import MapPage
from ui.coordinator.report_view import ReportView
from ui.coordinator.spyware_page import SpywarePage

PAGES = ("inbox", "dashboard", "spyware", "map", "rejected", "devices", "coordination")


class CoordinatorWindow(SessionWindow, QMainWindow):
    geometry_key = "coordinatorGeometry"
    lockedOut = Signal()
    wiped = Signal()
    pictureShown = Signal()  # the dashboard, map and spyware view were refreshed

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.setObjectName("coordinatorWindow")
        self.inbox = InboxPage(session)
        self.report = ReportView(session)
        self.picture_bar = QWidget()
        self.filters = FilterBar()
        self.unit = QComboBox()
        self.unit.setObjectName("unitChoice")
        self.unit.setMaximumWidth(160)
        self.unit.setMinimumContentsLength(6)
        self.unit.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.unit_label = QLabel()
        self.unit_label.setBuddy(self.unit)
        bar = QHBoxLayout(self.picture_bar)
        bar.setContentsMargins(6, 0, 6, 0)
        bar.addWidget(self.filters, 1)
        bar.addWidget(self.unit_label)
        bar.addWidget(self.unit)
        self.dashboard = DashboardPage(session, self.filters)
        self.spyware = SpywarePage()
        self.map = MapPage()
        self.rejected = RejectedPage(session)
        self.devices = DevicesPage(session)
        pull = self.inbox.pull  # not self in a page's closure: a cycle keeping closed windows
        self.coordination = CoordinationPage(session, lambda: pull.proxy)
        self.settings_page = SettingsPage(runner=session.runner)  # protection, backups
        self.pages: list[Page] = [
            self.inbox,
            self.report,
            self.dashboard,
            self.spyware,
            self.map,
            self.rejected,
            self.devices,
            self.coordination,
            self.settings_page,
        ]
        self.stack = QStackedWidget()
        for page in self.pages:
            self.stack.addWidget(cast(QWidget, page))  # every page is a widget
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.picture_bar)
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        pages = {
            "inbox": self.show_inbox,
            "dashboard": lambda: self.show_picture(self.dashboard),
            "spyware": lambda: self.show_picture(self.spyware),
            "map": lambda: self.show_picture(self.map),
            "rejected": lambda: self._page(self.rejected),
            "devices": lambda: self._page(self.devices),
            "coordination": lambda: self._page(self.coordination),
        }
        toolbar: dict[str, tuple[str, Target]] = {
            **{key: (f"Ctrl+{i}", pages[key]) for i, key in enumerate(PAGES, 1)},
            "pull": ("F5", self.pull_now),
            "export": ("Ctrl+E", self.export),
            "settings": ("Ctrl+,", lambda: self._page(self.settings_page)),
            "lock": ("Ctrl+L", self.lock),
        }
        # Shadows QWidget.actions() for Python callers (tests and the screenshots use it).
        self.toolbar, actions = add_toolbar(self, "coordToolbar", toolbar)
        self.actions: dict[str, QAction] = actions  # type: ignore[assignment]
        self.help = HelpMenu(self)
        self.help_menu, self.diagnostics_action = self.help.menu, self.help.diagnostics
        self.inbox.openReport.connect(self.open_report)
        self.report.back.connect(self.show_inbox)
        self.report.changed.connect(lambda _: self.inbox.refresh())
        self.inbox.pull.finished.connect(self.refresh_picture)
        self.inbox.pull.finished.connect(self.rejected.refresh)
        self.inbox.pull.finished.connect(self.devices.refresh)
        self.inbox.pull.finished.connect(self.coordination.refresh)
        self.coordination.synced.connect(self.inbox.refresh)
        for page in (self.dashboard, self.spyware, self.map):
            page.drill.connect(self.drill)
        self.filters.changed.connect(self.refresh_picture)
        self.unit.currentIndexChanged.connect(lambda _: self.refresh_picture())
        follow_settings(self, self.settings_page)
        self.settings_page.connectionChanged.connect(
            lambda proxy: setattr(self.inbox.pull, "proxy", proxy)
        )
        self.inbox.pull.proxy = self.settings_page.proxy_url()
        self.auto_sync = for_pull(session, self.inbox.pull, self.settings_page.auto_sync, self)
        self.auto_sync.textChanged.connect(self.inbox.pull.status.setToolTip)  # the next pull
        self.watch_idle(self.settings_page.autolock.value())
        language().changed.connect(self._language_changed)
        self.restore_geometry()
        self.generation = 0
        self.retranslateUi()
        self.show_inbox()

    def retranslateUi(self) -> None:
        discreet = self.settings_page.discreet.isChecked()
        self.setWindowTitle(self.tr("Notes") if discreet else self.tr("Testigo — coordination"))
        texts = {
            "inbox": self.tr("Inbox"),
            "dashboard": self.tr("Dashboard"),
            "spyware": self.tr("Spyware"),
            "map": self.tr("Map"),
            "rejected": self.tr("Refused"),
            "devices": self.tr("Devices"),
            "coordination": self.tr("Coordination"),
            "pull": self.tr("Pull now"),
            "export": self.tr("Export…"),
            "settings": self.tr("Settings"),
            "lock": self.tr("Lock"),
        }
        label_actions(self.actions, texts)
        self.help.retranslate(self.tr("Help"), self.tr("&Diagnostics…"))
        self.unit_label.setText(self.tr("&Count"))
        current = self.unit.currentData() or "reports"
        self.unit.blockSignals(True)
        self.unit.clear()
        self.unit.addItem(self.tr("reports"), "reports")
        self.unit.addItem(self.tr("events (a same-event group once)"), "events")
        self.unit.setCurrentIndex(max(0, self.unit.findData(current)))
        self.unit.blockSignals(False)
        self.filters.retranslateUi()
        for page in self.pages:
            page.retranslateUi()

    def _language_changed(self, _code: str) -> None:
        self.retranslateUi()

    # -- navigation ----------------------------------------------------------------------
    def _page(self, page: QWidget) -> None:
        self.picture_bar.setVisible(page in (self.dashboard, self.spyware, self.map))
        self.stack.setCurrentWidget(page)
        refresh = getattr(page, "refresh", None)
        if callable(refresh) and page is not self.inbox:
            refresh()

    def show_inbox(self) -> None:
        self.inbox.clear_behind()
        self._page(self.inbox)
        self.inbox.activate()

    def open_report(self, incident_id: str) -> None:
        self._page(self.report)
        self.report.open(incident_id)
        self.report.review.setFocus()

    def show_picture(self, page: QWidget) -> None:
        self._page(page)
        self.refresh_picture()

    def pull_now(self) -> None:
        self.show_inbox()
        self.inbox.pull.pull_now()

    def picture_filter(self) -> tuple[ReportFilter, str]:
        return self.filters.report_filter(), str(self.unit.currentData() or "reports")

    def refresh_picture(self) -> None:
        if self.session.is_locked:
            return
        flt, unit = self.picture_filter()
        self.generation += 1
        generation = self.generation
        self.session.runner.run(
            lambda v, c: load_picture(v, flt, unit), on_done=lambda p: self._picture(generation, p)
        )

    def _picture(self, generation: int, picture: dict[str, Any]) -> None:
        if generation != self.generation:
            return
        self.dashboard.show_picture(picture)
        self.spyware.show_picture(picture)
        self.map.show_counts(picture["counts"]["state"], picture["unit"])
        self.pictureShown.emit()

    def drill(self, key: str, code: str) -> None:
        """A number was clicked: the inbox shows exactly the reports it counts."""
        flt, _ = self.picture_filter()
        if self.sender() is self.spyware:
            flt = self.spyware.picture["spyware_filter"] if self.spyware.picture else flt

        from reporter.stats.behind import Behind

        self._page(self.inbox)
        self.inbox.show_behind(Behind(key, code, flt))  # paged in, however many
        self.inbox.table.setFocus()

    def export(self) -> Any:
        """The export dialog (issue 14's) on the selection the inbox shows, its report chosen."""
        from ui.coordinator.export_dialog import ExportDialog

        chosen = (
            (self.report.incident_id,)
            if self.stack.currentWidget() is self.report and self.report.incident_id
            else ()
        )
        dialog = ExportDialog(self.session.runner, self, self.inbox.filters.report_filter(), chosen)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # -- locking and wiping (ui.common.session_window) --------------------------------
    def before_lock(self) -> None:
        self.dashboard.clear()
