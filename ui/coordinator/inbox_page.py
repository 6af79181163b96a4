"""The inbox: every received report, filtered with the core's selection, loaded page by page.

The ids come first (one narrow query in a worker), then reports are read 200 at a time as
the view scrolls (``fetchMore``), so 100,000 reports never sit in memory at once. The list
behind a number of the dashboard comes a page of ids at a time too
(``reporter.stats.behind.page_behind``), however many reports that number counts. Each row
says its device's pseudonym and whether it was verified, and flags a device whose
``device_seq`` has gaps (something it sent never arrived).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reporter.errors import TestigoError
from reporter.inbox.query import Report, reports_by_id, select_ids
from reporter.stats.behind import Behind, Cursor, count_behind, page_behind
from reporter.vault.vault import Vault
from ui.common import file_dialogs
from ui.common.errors import error_text
from ui.common.session import Session
from ui.coordinator.claim_bar import live_claims
from ui.coordinator.common import (
    FilterBar,
    NamedColumnsModel,
    code_label,
    headings_read_from_start,
)
from ui.coordinator.pull_task import PullBar

PAGE = 200
Index = QModelIndex | QPersistentModelIndex
More = Callable[[Any], tuple[list[str], list[Report]]]


class BehindPages:
    """The next page of ids behind a number, and their reports (one fetch at a time)."""

    def __init__(self, behind: Behind, cursor: Cursor | None) -> None:
        self.behind, self.cursor = behind, cursor

    def __call__(self, vault: Vault) -> tuple[list[str], list[Report]]:
        if self.cursor is None:
            return [], []
        ids, self.cursor = page_behind(vault, self.behind, self.cursor, PAGE)
        return ids, reports_by_id(vault, ids)


def pseudonym(fingerprint: str) -> str:
    """A short name for a device: the first groups of its fingerprint (never a person's)."""
    return " ".join(fingerprint.split()[:2]) or fingerprint[:10]


class ReportModel(NamedColumnsModel):
    COLUMNS = ("title", "type", "state", "month", "device", "received", "via", "triage")
    TOOLTIP_COLUMN = "device"

    def __init__(self, session: Session, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self.ids: list[str] = []
        self.rows: list[Report] = []
        self.gaps: dict[str, Any] = {}
        self.claims: dict[str, str] = {}  # report -> who is reviewing it (claim_bar.live_claims)
        self.total = 0  # rows the list will hold once scrolled to its end
        self.more: More | None = None  # where ids beyond ``ids`` come from
        self.epoch = 0
        self.loading = False
        self.headers: dict[str, str] = {}
        self.words: dict[str, str] = {}

    def reset(
        self,
        ids: list[str],
        gaps: dict[str, Any],
        first: list[Report],
        total: int | None = None,
        more: More | None = None,
    ) -> None:
        self.beginResetModel()
        self.ids, self.gaps, self.rows = list(ids), gaps, first
        self.total = len(ids) if total is None else total
        self.more, self.epoch, self.loading = more, self.epoch + 1, False
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.loading or self.session.is_locked or not self.canFetchMore(parent):
            return
        job: More
        if len(self.rows) < len(self.ids):
            wanted = self.ids[len(self.rows) : len(self.rows) + PAGE]
            job = lambda v: ([], reports_by_id(v, wanted))  # noqa: E731
        elif self.more is not None:
            job = self.more
        else:
            return
        self.loading, epoch = True, self.epoch
        self.session.runner.run(
            lambda v, c: job(v),
            on_done=lambda got: self._more(epoch, *got),
            on_error=lambda _: setattr(self, "loading", False),
        )

    def _more(self, epoch: int, ids: list[str], reports: list[Report]) -> None:
        if epoch != self.epoch:
            return  # the list was reloaded meanwhile
        self.loading = False
        self.ids.extend(ids)
        if not reports:
            self.total = len(self.rows)  # the list ended sooner than counted
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(reports) - 1)
        self.rows.extend(reports)
        self.endInsertRows()

    def row_at(self, row: int) -> Report:
        return self.rows[row]

    def row_id(self, item: Report) -> str:
        return item.incident_id

    def tooltip(self, item: Report) -> str:
        return item.device_fingerprint

    def text(self, report: Report, column: str) -> str:
        record, t, w = report.record, report.triage, self.words
        if column == "title":
            return str(record.get("title") or "—")
        if column == "type":
            return (
                ", ".join(
                    code_label("incident_type", c) for c in record.get("incident_types") or []
                )
                or "—"
            )
        if column == "state":
            return code_label("mx_state", (record.get("where") or {}).get("state"))
        if column == "month":
            return str((record.get("when") or {}).get("date") or "—")[:7]
        if column == "device":
            mark = w["dev_verified"] if report.device_verified else w["dev_unverified"]
            gap = self.gaps.get(report.device_id)
            flag = ("  ⚠ " + w["gap"].format(n=gap["missing_count"])) if gap else ""
            return f"{pseudonym(report.device_fingerprint)} ({mark}){flag}"
        if column == "received":
            return report.received_at[:16].replace("T", " ")
        if column == "via":
            return {"relay": w["relay"], "file": w["file"]}.get(report.received_via or "", "—")
        held = self.claims.get(report.incident_id)
        return (
            ("● " + w["claimed"].format(name=held) + " · " if held else "")  # first: in view
            + " / ".join(w.get(s, s) for s in (t.review, t.verification, t.counting))
            + (f" ({w.get(t.exclusion, t.exclusion)})" if t.exclusion else "")
        )


class InboxPage(QWidget):
    openReport = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("coordInbox")
        self.session = session
        self.filters = FilterBar()
        self.every = QCheckBox()
        self.every.setChecked(True)
        self.pull = PullBar(session)
        self.count = QLabel()
        self.count.setObjectName("inboxCount")
        self.model = ReportModel(session, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("inboxTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        headings_read_from_start(self.table)
        self.table.setWordWrap(False)
        for column, width in enumerate((220, 140, 110, 70, 270, 130, 60)):
            self.table.setColumnWidth(column, width)  # the device's gap flag stays in view
        self.table.activated.connect(self._activated)
        self.ids_override: tuple[str, ...] = ()
        self.behind: Behind | None = None
        self.heading = QLabel()
        self.receipts_button = QPushButton()
        self.receipts_button.setObjectName("writeReceipts")
        self.receipts_button.setAutoDefault(False)
        self.receipts_button.clicked.connect(self.choose_receipts_folder)
        self.receipts_status = QLabel()
        self.receipts_status.setObjectName("receiptsStatus")
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.receipts_status)
        top.addWidget(self.receipts_button)
        top.addWidget(self.every)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pull)
        layout.addWidget(self.filters)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.filters.changed.connect(self.refresh)
        self.every.toggled.connect(lambda _: self.refresh())
        self.pull.finished.connect(self.refresh)
        QShortcut(  # type: ignore[call-overload]  # activated=: PySide connects it
            QKeySequence("Return"),
            self.table,
            activated=self._open_current,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        self.generation = 0

    def retranslateUi(self) -> None:
        self.filters.retranslateUi()
        self.pull.retranslateUi()
        self.every.setText(self.tr("Show every report (not only counted ones)"))
        self.receipts_button.setText(self.tr("Write &receipt files…"))
        self.receipts_button.setToolTip(
            self.tr(
                "Receipts for bundles imported from files, to carry back on the stick: "
                "each reporter imports them in the Outbox"
            )
        )
        self.table.setAccessibleName(self.tr("Received reports"))
        m = self.model
        m.headers = {
            "title": self.tr("Title"),
            "type": self.tr("Type"),
            "state": self.tr("State"),
            "month": self.tr("Month"),
            "device": self.tr("Device"),
            "received": self.tr("Received"),
            "via": self.tr("By"),
            "triage": self.tr("Review / verification / counting"),
        }
        m.words = {
            "dev_verified": self.tr("verified"),
            "dev_unverified": self.tr("not verified"),
            "gap": self.tr("{n} missing"),
            "relay": self.tr("relay"),
            "file": self.tr("file"),
            "claimed": self.tr("{name} is reviewing"),
            **state_words(self),
        }
        m.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(m.COLUMNS) - 1)
        if m.rows:
            m.dataChanged.emit(m.index(0, 0), m.index(len(m.rows) - 1, len(m.COLUMNS) - 1))
        self._heading()

    def _heading(self) -> None:
        if self.ids_override or self.behind is not None:
            self.heading.setText(self.tr("The reports behind the number you chose"))
        else:
            self.heading.setText("")

    def show_ids(self, ids: list[str]) -> None:
        """These reports, in this order (all of them: the list pages them in)."""
        self.behind, self.ids_override = None, tuple(ids) or ("-",)
        self.refresh()

    def show_behind(self, behind: Behind) -> None:
        """The list behind a number of the dashboard, a page of ids at a time."""
        self.behind, self.ids_override = behind, ()
        self.refresh()

    def refresh(self, *_: Any) -> None:
        if self.session.is_locked:
            return
        flt = self.filters.report_filter()
        every = self.every.isChecked()
        given, behind = list(self.ids_override), self.behind
        self.generation += 1
        generation = self.generation

        def load(vault: Vault, _: Any) -> tuple[Any, ...]:
            from reporter.inbox.evidence import device_gaps

            claims = live_claims(vault)
            if behind is not None:
                ids, cursor = page_behind(vault, behind, None, PAGE)
                more = BehindPages(behind, cursor)
                total = count_behind(vault, behind)
                return ids, device_gaps(vault), reports_by_id(vault, ids), total, more, claims
            ids = given if given else select_ids(vault, flt, include_all=every)
            return ids, device_gaps(vault), reports_by_id(vault, ids[:PAGE]), None, None, claims

        self.session.runner.run(load, on_done=lambda r: self._loaded(generation, *r))
        self._heading()

    def clear_behind(self) -> None:
        self.ids_override, self.behind = (), None

    def _loaded(
        self,
        generation: int,
        ids: list[str],
        gaps: dict[str, Any],
        first: list[Report],
        total: int | None,
        more: More | None,
        claims: dict[str, str] | None = None,
    ) -> None:
        if generation != self.generation:
            return  # a newer filter is on its way
        self.model.claims = claims or {}
        self.model.reset(ids, gaps, first, total, more)
        self.count.setText(self.tr("%n report(s)", "", self.model.total))
        if first and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def _activated(self, index: QModelIndex) -> None:
        incident_id = self.proxy.data(index, Qt.ItemDataRole.UserRole)
        if incident_id:
            self.openReport.emit(str(incident_id))

    def _open_current(self) -> None:
        if self.table.currentIndex().isValid():
            self._activated(self.table.currentIndex())

    def activate(self) -> None:
        self.refresh()
        self.table.setFocus()

    def clear(self) -> None:
        self.generation += 1
        self.model.reset([], {}, [])
        self.model.claims = {}
        self.pull.clear()
        self.receipts_status.setText("")

    # -- receipts for bundles that came on a stick ----------------------------------------
    def choose_receipts_folder(self) -> None:
        folder = file_dialogs.open_folder(self, self.tr("Folder for the receipt files"))
        if folder is not None:
            self.write_receipts(folder)

    def write_receipts(self, folder: Path) -> Any:
        """``reporter.inbox.receipt_files`` in the session's worker; says what it wrote."""
        if self.session.is_locked:
            return None

        def run(vault: Vault, _: Any) -> int:
            from reporter.inbox.receipt_files import write_receipt_files

            return len(write_receipt_files(vault, folder))

        self.receipts_button.setEnabled(False)
        return self.session.runner.run(
            run, on_done=self._receipts_written, on_error=self._receipts_failed, durable=True
        )

    def _receipts_written(self, n: int) -> None:
        self.receipts_button.setEnabled(True)
        self.receipts_status.setText(
            self.tr("%n receipt file(s) written", "", n)
            if n
            else self.tr("Every bundle from a file already has its receipt file")
        )

    def _receipts_failed(self, exc: TestigoError) -> None:
        self.receipts_button.setEnabled(True)
        self.receipts_status.setText(error_text(exc))


class Words(QObject):
    """The triage states and reasons in the UI's language (codes stay the core's)."""

    def states(self) -> dict[str, str]:
        return {
            "new": self.tr("new"),
            "in-review": self.tr("in review"),
            "needs-info": self.tr("needs info"),
            "done": self.tr("done"),
            "unverified": self.tr("unverified"),
            "corroborated": self.tr("corroborated"),
            "forensically-confirmed": self.tr("forensically confirmed"),
            "pending": self.tr("pending"),
            "counted": self.tr("counted"),
            "excluded": self.tr("excluded"),
            "duplicate": self.tr("duplicate"),
            "out-of-scope": self.tr("out of scope"),
            "not-credible": self.tr("not credible"),
            "withdrawn": self.tr("withdrawn"),
            "other": self.tr("other"),
        }


def state_words(_: Any = None) -> dict[str, str]:
    return Words().states()
