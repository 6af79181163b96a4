"""What the status bar says about the way out, computed from the outbox and the last attempt.

Qt-free, so the app and any other caller say the same thing, and it tells the truth: "Up to
date" only when nothing waits, "Offline" when the last attempt failed for network reasons,
"Not connected to a coalition yet" while there is no profile or no relay credential. Bundles
carried by hand are counted apart: they wait for a receipt, not for a connection.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from reporter.errors import NetworkError, PinMismatch, RelayRefused, TestigoError
from reporter.share.outbox_store import OutboxStore
from reporter.share.usb_export import EXPORTABLE, carried_by_hand
from reporter.vault.vault import Vault

# What the last sync attempt ended with, as a caller (the outbox, a scheduler) saw it.
ATTEMPTS = ("ok", "offline", "busy")
STATES = ("syncing", "not_connected", "offline", "busy", "waiting", "up_to_date")
OFFLINE_CODES = frozenset({NetworkError.code})  # a stored last error that means "no network"


@dataclass(frozen=True)
class SyncStatus:
    state: str  # one of STATES
    waiting: int = 0  # bundles still to be sent
    carried: int = 0  # carried by hand, waiting for the coalition's receipt

    def to_json(self) -> dict[str, Any]:
        return {"state": self.state, "waiting": self.waiting, "carried": self.carried}


def sync_status(
    items: Iterable[dict[str, Any]],
    connected: bool,
    last_attempt: str | None = None,
    syncing: bool = False,
) -> SyncStatus:
    """The status for outbox ``items``; ``last_attempt`` None means no attempt seen yet."""
    waiting = carried = 0
    offline_before = False
    for item in items:
        if item["state"] not in EXPORTABLE:
            continue
        if carried_by_hand(item):
            carried += 1
        else:
            waiting += 1
        offline_before = offline_before or item.get("last_error_code") in OFFLINE_CODES
    if syncing:
        state = "syncing"
    elif not connected:
        state = "not_connected"
    elif last_attempt == "offline" or (last_attempt is None and offline_before and waiting):
        state = "offline"  # after a restart, the items' own last errors say it
    elif last_attempt == "busy":
        state = "busy"
    elif waiting or carried:
        state = "waiting"
    else:
        state = "up_to_date"
    return SyncStatus(state, waiting, carried)


def is_connected(vault: Vault) -> bool:
    """A coalition profile is trusted and the relay gave this vault a credential."""
    from reporter.share.profile import current_profile

    return current_profile(vault) is not None and bool(vault.get_meta("relay_credential"))


def read_sync_status(
    vault: Vault, last_attempt: str | None = None, syncing: bool = False
) -> SyncStatus:
    items = OutboxStore(vault).list(list(EXPORTABLE))
    return sync_status(items, is_connected(vault), last_attempt, syncing)


def attempt_outcome(report: dict[str, Any] | None, error: TestigoError | None = None) -> str:
    """A sync pass's report (or the error it ended with) as one of ATTEMPTS."""
    if isinstance(error, RelayRefused):  # it answered: the items say why it refused
        return "busy" if error.params.get("status") == 429 else "ok"
    if error is not None:
        return "offline" if isinstance(error, NetworkError) else "ok"
    if report is None:
        return "ok"
    if report.get("offline"):
        return "offline"
    return "busy" if report.get("throttled") else "ok"


# -- "Test connection" ----------------------------------------------------------------------
CONNECTION_RESULTS = ("reachable", "pin_mismatch", "offline", "not_connected")


def check_connection(vault: Vault, proxy: str | None) -> dict[str, Any]:
    """Ask the relay once over the chosen route: {'result': one of CONNECTION_RESULTS, ...}.

    An unauthenticated GET, as the doctor's probe: any HTTP answer means the relay is there
    and, over TLS, that its key matched the coalition's pin. No credential, nothing else sent.
    """
    from reporter.relay_client.settings import relay_settings
    from reporter.relay_client.transport import RelayClient

    try:
        url, pin, _ = relay_settings(vault)
    except TestigoError:
        return {"result": "not_connected", "relay": None}
    try:
        client = RelayClient(url, tls_pin=pin, proxy=proxy)
        try:
            client.request("GET", "/v1/bundles")
        finally:
            client.close()
    except RelayRefused:
        pass  # it answered: it is there
    except PinMismatch:
        return {"result": "pin_mismatch", "relay": url}
    except NetworkError as exc:
        return {"result": "offline", "relay": url, "reason": exc.params.get("reason")}
    return {"result": "reachable", "relay": url}
