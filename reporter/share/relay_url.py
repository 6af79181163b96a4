"""A relay address, parsed once and strictly, for the profile check and the HTTP client alike.

`http://evil.com\\@x.onion` reads as host `x.onion` to urllib and as `evil.com` to urllib3,
which is what requests connects to: a check done with one parser and a connection made with
the other disagree about where the bytes go. So a relay URL is refused unless it is plain
(no backslash, user-info, whitespace, control characters, query or fragment) and both parsers
agree on its scheme, host and port; the canonical text that passed is what gets used.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from reporter.errors import FormatError

MAX_LENGTH = 300
SCHEMES = ("https", "http")
LOOPBACK = ("127.0.0.1", "::1", "localhost")
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_PATH = re.compile(r"^(/[A-Za-z0-9._~!$&'()*+,;=:%-]*)*$")


def _bad(reason: str) -> FormatError:
    return FormatError(what="relay URL", reason=reason)


@dataclass(frozen=True)
class RelayUrl:
    scheme: str
    host: str  # lower-case ASCII (IDNA), IPv6 without brackets
    port: int | None
    path: str  # '' or '/…' without a trailing slash

    @property
    def onion(self) -> bool:
        return self.host.endswith(".onion")

    @property
    def loopback(self) -> bool:
        return self.host in LOOPBACK

    @property
    def text(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        port = f":{self.port}" if self.port is not None else ""
        return f"{self.scheme}://{host}{port}{self.path}"


def parse_relay_url(raw: Any) -> RelayUrl:
    """The one reading of a relay URL, or FormatError saying what is wrong with it."""
    if not isinstance(raw, str) or not 0 < len(raw) <= MAX_LENGTH:
        raise _bad("a relay is a URL of at most 300 characters")
    if any(c <= " " or c == "\x7f" or "\x80" <= c <= "\x9f" or c.isspace() for c in raw):
        raise _bad("contains whitespace or control characters")
    if "\\" in raw:
        raise _bad("contains a backslash")
    if "#" in raw or "?" in raw:
        raise _bad("a relay URL has no query or fragment")
    try:
        parts = urlsplit(raw)
        hostname = parts.hostname or ""
    except ValueError:
        raise _bad("not a valid IPv6 address") from None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES or not raw.lower().startswith(f"{scheme}://"):
        raise _bad("a relay URL starts with https:// (http:// only for .onion or loopback)")
    if "@" in raw:  # user-info, or a path some parser might take for it
        raise _bad("a relay URL has no user name or password")
    try:
        port = parts.port
    except ValueError:
        raise _bad("the port is not a number from 1 to 65535") from None
    if port == 0 or (port is None and parts.netloc.endswith(":")):
        raise _bad("the port is not a number from 1 to 65535")
    host = _host(hostname, bracketed=parts.netloc.startswith("["))
    path = parts.path.rstrip("/")
    if not _PATH.match(path) or not path.isascii():
        raise _bad("the path has characters a URL cannot hold")
    url = RelayUrl(scheme, host, port, path)
    _same_for_urllib3(raw, url)
    return url


def _host(hostname: str, bracketed: bool) -> str:
    if not hostname:
        raise _bad("a relay URL names a host")
    if bracketed:
        try:
            return str(ipaddress.IPv6Address(hostname))
        except ValueError:
            raise _bad("not a valid IPv6 address") from None
    if "%" in hostname:
        raise _bad("the host has characters a URL cannot hold")
    if not hostname.isascii():
        import idna

        try:
            hostname = idna.encode(hostname, uts46=True).decode("ascii")
        except idna.IDNAError:
            raise _bad("not a valid international domain name") from None
    host = hostname.lower()
    labels = host.split(".")
    if len(host) > 253 or not all(_LABEL.match(label) for label in labels):
        raise _bad("the host has characters a URL cannot hold")
    return host


def _same_for_urllib3(raw: str, url: RelayUrl) -> None:
    """requests connects where urllib3 reads the host: it must read what we checked."""
    from urllib3.util import parse_url

    try:
        theirs = parse_url(raw)
    except ValueError:
        raise _bad("the two URL parsers disagree") from None
    host = (theirs.host or "").strip("[]").lower()
    if host.count(":") > 1:
        host = str(ipaddress.IPv6Address(host))
    if (theirs.scheme, host, theirs.port) != (url.scheme, url.host, url.port):
        raise _bad("the two URL parsers disagree")
