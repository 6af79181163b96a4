"""The reachability probe dials where a sync pass would: an onion relay is never looked up
or dialled directly (that DNS query would tell the network which coalition this is)."""

from __future__ import annotations

import pytest

from reporter.relay_client.transport import tor_socks

ONION = "http://" + "a" * 56 + ".onion"


@pytest.mark.parametrize(
    ("url", "proxy", "hop"),
    [
        (ONION, None, "tor"),  # direct chosen, but an onion goes to Tor, as transport does
        (ONION, "socks5h://127.0.0.1:1080", ("127.0.0.1", 1080)),
        ("https://relay.example.org", None, ("relay.example.org", 443)),
        ("https://relay.example.org", "socks5h://127.0.0.1:9150", ("127.0.0.1", 9150)),
    ],
)
def test_the_probe_dials_the_first_hop_a_pass_would(url: str, proxy: str | None, hop) -> None:  # type: ignore[no-untyped-def]
    from ui.common.auto_sync import first_hop

    if hop == "tor":
        parts = tor_socks().split("://")[-1].rsplit(":", 1)
        hop = (parts[0], int(parts[1]))
    assert first_hop(url, proxy) == hop
    assert not first_hop(url, proxy)[0].endswith(".onion")
