"""The one reading of a proxy address, for every route: the vault's choice, --proxy, Tor's
``$TESTIGO_TOR_SOCKS`` and the relay client itself.

SOCKS only: the relay client pins the relay's TLS key on direct and SOCKS connections, and a
proxy of another kind (http:// CONNECT) would go around that pool. A typo must never mean
"direct": anything else is refused, not ignored.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from reporter.errors import BadProxy

_HOST = re.compile(r"[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*\.?")
_MAX_URL = 300


def check_proxy(url: str) -> str:
    """``url`` if it is socks5h://host:port or socks5://host:port, else BadProxy.

    A typo must never mean "direct": anything else is refused, not ignored.
    """
    text = url.strip()
    if len(text) > _MAX_URL or not text.isascii() or not text.isprintable():
        raise BadProxy()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:  # a port that is not a number, a broken [IPv6]
        raise BadProxy() from None
    host = parts.hostname or ""
    if (
        parts.scheme not in ("socks5", "socks5h")
        or port is None
        or not 0 < port < 65536
        or parts.username is not None
        or parts.path not in ("", "/")
        or parts.query
        or parts.fragment
        or not _host_ok(host, bracketed=parts.netloc.startswith("["))
    ):
        raise BadProxy()
    shown = f"[{host}]" if ":" in host else host
    return f"{parts.scheme}://{shown}:{port}"


def _host_ok(host: str, bracketed: bool) -> bool:
    if bracketed:
        try:
            return ipaddress.ip_address(host).version == 6
        except ValueError:
            return False
    return _HOST.fullmatch(host) is not None
