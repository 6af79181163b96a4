"""Relay URLs are read once, strictly, the same way by the profile check and the client.

The attack (issue 12): `http://evil.com\\@x.onion` passed the onion check (urllib read
`x.onion`) while requests connected to `evil.com` (urllib3 read that).
"""

from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from urllib3.util import parse_url

from reporter.errors import FormatError, TestigoError
from reporter.relay_client.transport import RelayClient, proxy_for
from reporter.share.profile import _check_relay
from reporter.share.relay_url import parse_relay_url

ONION = "abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrstuvwx.onion"

TRICKY = [
    f"http://evil.com\\@{ONION}",
    f"http://evil.com\\{ONION}",
    f"http://user@{ONION}",
    f"http://evil.com:80@{ONION}/",
    f"http://evil.com#@{ONION}",
    f"http://evil.com?@{ONION}",
    f"http://{ONION}#x",
    f"http://{ONION}/v1?x=1",
    f"http:// {ONION}",
    f"http://{ONION} /",
    f"http://{ONION}\t",
    f"http://evil.com\n.{ONION}",
    f"http://evil.com\x00.{ONION}",
    f"http://evil.com%2f@{ONION}",
    "http://127.0.0.1:99999/",
    "http://127.0.0.1:0/",
    "http://127.0.0.1:/",
    "http://127.0.0.1:8a/",
    "http:///127.0.0.1",
    "http:127.0.0.1",
    "ftp://127.0.0.1",
    "https://exa_mple.org",
    "https://-bad.org",
    "https://[::1",
    "https://[not-ipv6]/",
    "https://[fe80::1%25eth0]/",
    "https://\u202eexample.org",
    "https://ex\u00adample.org",
    "https://example.org/\u00f1",
    "https://xn--.org",
    "https://example..org",
    "https://example.org.",
    "",
    "x" * 301,
]


@pytest.mark.parametrize("url", TRICKY)
def test_tricky_forms_are_refused_by_profile_and_client(url: str) -> None:
    with pytest.raises(FormatError):
        parse_relay_url(url)
    with pytest.raises(FormatError):
        _check_relay(url)
    with pytest.raises(TestigoError):
        RelayClient(url, tls_pin="sha256/" + "A" * 43 + "=")


@pytest.mark.parametrize(
    ("url", "host", "port", "onion"),
    [
        (f"http://{ONION}", ONION, None, True),
        (f"http://{ONION.upper()}/", ONION, None, True),
        ("http://127.0.0.1:8765", "127.0.0.1", 8765, False),
        ("http://[::1]:8765/relay/", "::1", 8765, False),
        ("https://relay.example.org/base", "relay.example.org", None, False),
        ("https://méxico.example", "xn--mxico-bsa.example", None, False),
    ],
)
def test_plain_forms_read_the_same_everywhere(
    url: str, host: str, port: int | None, onion: bool
) -> None:
    relay = parse_relay_url(url)
    assert (relay.host, relay.port, relay.onion) == (host, port, onion)
    assert _check_relay(url) == url.rstrip("/")


def test_the_backslash_trick_no_longer_routes_evil_com_as_an_onion() -> None:
    url = f"http://evil.com\\@{ONION}"
    assert parse_url(url).host == "evil.com"  # where requests would have gone
    with pytest.raises(FormatError):
        proxy_for(url, None)


def test_plain_http_to_the_internet_is_still_refused() -> None:
    with pytest.raises(FormatError):
        _check_relay("http://relay.example.org")


_URL_CHARS = string.ascii_letters + string.digits + ":/@\\?#[]%.-_~ \t\n\x00\u202e\u00e9"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_URL_CHARS, max_size=40), st.sampled_from(["http://", "https://"]))
def test_whatever_passes_both_parsers_read_alike(tail: str, scheme: str) -> None:
    """Any URL accepted names the same scheme, host and port for urllib3 (requests)."""
    url = scheme + tail
    try:
        relay = parse_relay_url(url)
    except FormatError:
        return
    theirs = parse_url(url)
    assert theirs.scheme == relay.scheme
    assert (theirs.host or "").strip("[]").lower() in (relay.host, f"{relay.host}")
    assert theirs.port == relay.port
    assert not any(c in url for c in "\\@?# \t\n\x00\u202e")
