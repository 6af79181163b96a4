"""Sync by itself: start the workspace's own sync pass when a connection is there.

The timing is ``reporter.sync.schedule`` (soon after unlock or a network coming up, then
periodically, backoff with jitter after failures). The network is watched with Qt's
``QNetworkInformation`` where a backend loads; elsewhere a cheap probe, in a worker, opens
and closes a TCP connection to the first hop the configured connection uses: the relay when
direct, the SOCKS or Tor proxy otherwise, so a probe never goes direct when Tor is chosen.

The pass itself is the page's ("Sync now" in the outbox, "Pull now" in the coordinator's
inbox): ``start_pass`` starts it in the session's task runner, so the manual and automatic
passes share one lock and one worker, and the page reports each pass's end (ours or a
person's) to ``pass_ended``. Locked, nothing runs: the outbox and the relay credential are
in the vault, which is closed. On or off is a vault preference (``auto_sync``), on by default.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QNetworkInformation
from PySide6.QtWidgets import QCheckBox

from reporter.errors import NetworkError, RelayRefused, TestigoError
from reporter.sync.schedule import SyncSchedule
from reporter.vault.vault import Vault
from ui.common.i18n import language
from ui.common.session import Session

PREFERENCE = "auto_sync"
USE_REACHABILITY = True  # Qt's network information where a backend loads; else the probe
PROBE_MS = 60_000  # without a reachability backend: how often the first hop is tried
PROBE_TIMEOUT_S = 5.0
ONLINE = (QNetworkInformation.Reachability.Online, QNetworkInformation.Reachability.Site)


def new_schedule() -> SyncSchedule:
    return SyncSchedule()


def first_hop(url: str, proxy: str | None) -> tuple[str, int]:
    """Where a pass's first TCP connection goes: the proxy if there is one, else the relay.

    The transport's own choice (an onion relay always goes to Tor), so the probe never
    looks up an onion name in the local DNS, which would name the coalition's relay.
    """
    from reporter.relay_client.transport import proxy_for

    proxy = proxy_for(url, proxy)
    parts = urlsplit(proxy or url)
    default = 1080 if proxy else 443 if parts.scheme == "https" else 80
    return parts.hostname or "", parts.port or default


def probe(vault: Vault, proxy: str | None) -> bool:
    """In a worker: can the first hop be reached at all? (Nothing is sent.)"""
    import socket

    from reporter.relay_client.settings import relay_settings

    host, port = first_hop(relay_settings(vault)[0], proxy)
    try:
        socket.create_connection((host, port), timeout=PROBE_TIMEOUT_S).close()
    except OSError:
        return False
    return True


class AutoSync(QObject):
    scheduled = Signal(object)  # the next try (an aware UTC datetime), or None: off or running
    failed = Signal(str)  # the error code of why the last pass failed
    enabledChanged = Signal(bool)
    textChanged = Signal(str)  # a sentence saying the above, for the status bar

    def __init__(
        self,
        session: Session,
        start_pass: Callable[[], bool],
        proxy: Callable[[], str | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.start_pass = start_pass  # True when a pass runs now (ours or a person's)
        self.proxy = proxy
        self.schedule = new_schedule()
        self.enabled = False
        self.running = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.try_now)
        self.probe_timer = QTimer(self)  # jittered like the passes: no beat to recognise
        self.probe_timer.setSingleShot(True)
        self.probe_timer.timeout.connect(self._probe)
        self._probing = False
        self.reachable: bool | None = None  # what the last look at the network said
        self.network = self._watch() if USE_REACHABILITY else None
        session.locked.connect(self.stop)
        language().changed.connect(self._retranslate)
        session.outboxChanged.connect(self._new_work)
        session.runner.run(
            lambda vault, _c: vault.get_meta(PREFERENCE) != "off",
            on_done=self._preference,
            on_error=self._quiet,
        )

    # -- on and off -----------------------------------------------------------------------
    def _preference(self, on: bool) -> None:
        if on:
            self.set_enabled(True, save=False)
        else:
            self._announce()  # off from the start: say so

    def set_enabled(self, on: bool, save: bool = True) -> None:
        if self.session.is_locked:
            return
        if save:
            value = "on" if on else "off"
            self.session.runner.run(
                lambda vault, _c: vault.set_meta(PREFERENCE, value), on_error=self._quiet
            )
        if on == self.enabled:
            return
        self.enabled = on
        self.enabledChanged.emit(on)
        if on:
            self.schedule.start()
            self._probe_later()
        else:
            self.timer.stop()
            self.probe_timer.stop()
            self.schedule.next_at = None
        self._announce()

    def _quiet(self, _exc: TestigoError) -> None:
        """A preference not read or not kept: the default (on) stands; nothing to tell."""

    def bind(self, box: QCheckBox) -> None:
        """A checkbox in Settings that shows and sets the preference."""
        box.setChecked(self.enabled)
        self.enabledChanged.connect(box.setChecked)
        box.toggled.connect(self._toggled)

    def _toggled(self, on: bool) -> None:
        if on != self.enabled:
            self.set_enabled(on)

    def stop(self) -> None:
        """Locked: no pass, no probe, no timer."""
        self.enabled = False
        self.timer.stop()
        self.probe_timer.stop()
        self.schedule.next_at = None

    # -- passes -----------------------------------------------------------------------------
    def try_now(self) -> bool:
        """Start the page's pass (or find one running); its end reschedules."""
        if not self.enabled or self.running or self.session.is_locked:
            return False
        if not self.start_pass():
            return False
        self.pass_began()
        return True

    def pass_began(self) -> None:
        self.running = True
        self.timer.stop()
        self.schedule.began()
        self._announce()

    def pass_ended(self, code: str) -> None:
        """A pass ended, ours or a person's: "" when it went through, else the error code."""
        self.running = False
        if code:
            self.schedule.failed(code)
            self.failed.emit(code)
        else:
            self.schedule.succeeded()
        if self.enabled:
            self._announce()
        else:
            self.schedule.next_at = None

    def outbox_state(self, state: str) -> None:
        """The outbox page's sync state (``syncStateChanged``): its passes begin and end."""
        if state == "syncing":
            self.pass_began()
        else:
            words = {
                "up_to_date": "",
                "ok": "",
                "offline": NetworkError.code,
                "busy": RelayRefused.code,
            }
            self.pass_ended(words.get(state, state))

    def _new_work(self) -> None:
        """A bundle was sealed: it leaves soon, unless the relay is being waited for."""
        if self.enabled and not self.running and self.schedule.failures == 0:
            self.schedule.network_up()
            self._announce()

    # -- the network ------------------------------------------------------------------------
    def _watch(self) -> QNetworkInformation | None:
        if not QNetworkInformation.loadBackendByFeatures(QNetworkInformation.Feature.Reachability):
            return None
        network = QNetworkInformation.instance()
        if network is None:
            return None
        self.reachable = network.reachability() in ONLINE
        network.reachabilityChanged.connect(self._reachability)
        return network

    def _reachability(self, reachability: QNetworkInformation.Reachability) -> None:
        self._connected(reachability in ONLINE)

    def _connected(self, up: bool) -> None:
        was, self.reachable = self.reachable, up
        if up and was is False and self.enabled and not self.running:
            self.schedule.network_up()
            self._announce()

    def _probe_later(self) -> None:
        if self.network is None and self.enabled:
            self.probe_timer.start(int(PROBE_MS * self.schedule.rand.uniform(0.5, 1.5)))

    def _probe(self) -> None:
        if self._probing or self.session.is_locked:
            return
        if self.running or not self.enabled:
            self._probe_later()
            return
        self._probing = True
        proxy = self.proxy()
        self.session.runner.run(
            lambda vault, _c: probe(vault, proxy), on_done=self._probed, on_error=self._unprobed
        )

    def _probed(self, up: bool) -> None:
        self._probing = False
        self._connected(up)
        self._probe_later()

    def _unprobed(self, _exc: TestigoError) -> None:
        self._probing = False  # no relay known yet: nothing to reach
        self._probe_later()

    # -- saying it --------------------------------------------------------------------------
    def next_try(self) -> datetime | None:
        left = self.schedule.seconds_left()
        return None if left is None else datetime.now(UTC) + timedelta(seconds=left)

    def _announce(self) -> None:
        left = self.schedule.seconds_left()
        if left is not None and self.enabled:
            self.timer.start(int(left * 1000))
        self.scheduled.emit(self.next_try() if self.enabled else None)
        self.textChanged.emit(self.text())

    def _retranslate(self, _code: str) -> None:
        self.textChanged.emit(self.text())

    def text(self) -> str:
        if not self.enabled:
            return self.tr("Sending by itself is off.")
        when = self.next_try()
        if when is None:
            return ""
        at = when.astimezone().strftime("%H:%M")
        code = self.schedule.last_error
        if code is None:
            return self.tr("Next try at {time}.").format(time=at)
        why = {
            NetworkError.code: self.tr("no connection"),
            RelayRefused.code: self.tr("the relay is busy or refused"),
        }.get(code) or self.tr("an error")  # never a bare code (a pull reports any)
        return self.tr("Next try at {time} (the last one failed: {why}).").format(time=at, why=why)


def for_outbox(session: Session, outbox: Any, box: QCheckBox, parent: QObject) -> AutoSync:
    """The reporter's: the outbox page's "Sync now" pass, sent over its connection."""

    def start() -> bool:
        outbox.sync()
        return outbox.task is not None

    auto = AutoSync(session, start, lambda: outbox.proxy, parent)
    outbox.syncStateChanged.connect(auto.outbox_state)
    auto.textChanged.connect(outbox.sync_button.setToolTip)  # the outbox says it too
    auto.bind(box)
    return auto


def for_pull(session: Session, pull: Any, box: QCheckBox, parent: QObject) -> AutoSync:
    """The coordinator's: the inbox's "Pull now" pass (``pulled`` reports its end)."""

    def start() -> bool:
        pull.pull_now()
        return pull.task is not None

    auto = AutoSync(session, start, lambda: pull.proxy, parent)
    pull.pulled.connect(auto.pass_ended)
    auto.bind(box)
    return auto
