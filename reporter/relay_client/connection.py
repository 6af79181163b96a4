"""How this vault reaches the relay: directly, through Tor, or through a SOCKS proxy.

It is kept in the vault, not in a settings file beside it: "this person goes through Tor"
is something a seized laptop must not tell. The app and every network command of the CLI
read it here, so a reporter who chose Tor in the app does not sync directly from a script.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reporter.errors import BadProxy
from reporter.relay_client.proxy_address import check_proxy
from reporter.relay_client.transport import tor_socks
from reporter.vault.vault import Vault

__all__ = [  # check_proxy is the one reading of a proxy address, here where callers look
    "DEFAULT_PROXY",
    "KINDS",
    "LOCAL_DNS",
    "Connection",
    "adopt_old",
    "check_proxy",
    "connection",
    "from_old",
    "route",
    "set_connection",
]
KINDS = ("direct", "tor", "socks")
DEFAULT_PROXY = "socks5h://127.0.0.1:1080"
KIND_KEY, PROXY_KEY = "connection", "connection_proxy"  # meta keys
LOCAL_DNS = (
    "With socks5:// this computer looks up the relay's name itself, so its DNS server learns "
    "which relay you use; socks5h:// lets the proxy look it up."
)


@dataclass(frozen=True)
class Connection:
    """The chosen way (``kind``) and the SOCKS URL kept for "socks", even while unused."""

    kind: str = "direct"
    socks: str = DEFAULT_PROXY

    @property
    def proxy(self) -> str | None:
        """What a RelayClient is given: None goes direct."""
        if self.kind == "tor":
            return tor_socks()
        return self.socks if self.kind == "socks" else None

    @property
    def warning(self) -> str | None:
        """A msgid, when names would be resolved on this computer (socks5://)."""
        proxy = self.proxy
        return LOCAL_DNS if proxy is not None and proxy.startswith("socks5://") else None

    def to_json(self) -> dict[str, Any]:
        return {
            "connection": self.kind,
            "proxy": self.proxy,
            "socks_proxy": self.socks,
            "names_resolved_locally": self.warning is not None,
        }


def connection(vault: Vault) -> Connection:
    """The vault's choice; direct when none was ever made."""
    kind = vault.get_meta(KIND_KEY) or "direct"
    socks = vault.get_meta(PROXY_KEY) or DEFAULT_PROXY
    return Connection(kind if kind in KINDS else "direct", socks)


def route(vault: Vault, given: str | None = None) -> str | None:
    """The proxy a network call takes: ``given`` (checked) if any, else the vault's choice."""
    return check_proxy(given) if given is not None else connection(vault).proxy


def set_connection(vault: Vault, kind: str, socks: str | None = None) -> Connection:
    """Keep ``kind`` (and the SOCKS URL, checked first: a refusal changes nothing)."""
    if kind not in KINDS:
        raise BadProxy()
    checked = check_proxy(socks) if socks is not None else None
    with vault.transaction() as conn:
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (KIND_KEY, kind))
        if checked is not None:
            conn.execute(
                "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (PROXY_KEY, checked)
            )
    return connection(vault)


def from_old(kind: object, socks: object) -> tuple[Connection, bool]:
    """A choice the app once kept outside the vault; True if its SOCKS URL was refused.

    A refused URL keeps "socks" with the default local proxy: failing to connect is safer than
    going direct. An unknown kind meant "direct" then, and still does.
    """
    chosen = str(kind) if str(kind) in KINDS else "direct"
    if socks is None:
        return Connection(chosen), False
    try:
        return Connection(chosen, check_proxy(str(socks))), False
    except BadProxy:
        return Connection(chosen), chosen == "socks"


def adopt_old(vault: Vault, kind: object, socks: object) -> tuple[Connection, bool]:
    """Move an old choice into the vault (one it holds already wins); see ``from_old``."""
    if vault.get_meta(KIND_KEY) is not None or (kind is None and socks is None):
        return connection(vault), False
    old, refused = from_old(kind, socks)
    return set_connection(vault, old.kind, old.socks), refused
