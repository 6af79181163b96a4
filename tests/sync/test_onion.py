"""Issue 5: an ``.onion`` relay goes to Tor's SOCKS port, by name, without a local DNS query.

The SOCKS server is the tests' own stand-in for Tor's (see onion_socks.py): real Tor would need
the internet. It serves only ``.onion`` names, so a sync that succeeds went through it by name.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

from reporter.errors import error_from
from reporter.share.outbox_store import OutboxStore
from reporter.sync.coordinator import pull
from reporter.sync.engine import SyncEngine
from tests.sync.conftest import NO_WAIT, PASSPHRASE, Mission
from tests.sync.onion_socks import OnionSocks

ONION = "testigorelay7bq2ixmhhzcbk5mzdxfnrjl4t3tijgvq4ctpa5k3lwyd6id.onion"


def test_an_onion_relay_is_reached_through_tor_by_name(
    mission: Mission, monkeypatch: pytest.MonkeyPatch, dns_lookups: list[str]
) -> None:
    tor = OnionSocks({ONION: mission.relay.port}).start()
    try:
        monkeypatch.setenv("TESTIGO_TOR_SOCKS", tor.url)
        for vault in (mission.reporter, mission.coordinator):
            vault.set_meta("relay_url", f"http://{ONION}")  # port 80, as an onion service
        bundle_id = mission.add_and_share()
        engine = SyncEngine(mission.reporter, backoff=NO_WAIT)  # no proxy given: Tor anyway
        assert engine.run().uploaded == [bundle_id]
        assert [i["bundle_id"] for i in pull(mission.coordinator).imported] == [bundle_id]
        assert engine.run().received == [bundle_id]  # the receipt came back too
        engine.close()
        assert tor.requests
        assert set(tor.requests) == {(3, f"{ONION}:80")}  # by name, never an address
        assert not [host for host in dns_lookups if host.endswith(".onion")]
    finally:
        tor.stop()


def test_without_tor_running_the_bundle_waits_and_nothing_leaks_elsewhere(
    mission: Mission, monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]  # nobody listens here
    monkeypatch.setenv("TESTIGO_TOR_SOCKS", f"socks5h://127.0.0.1:{port}")
    mission.reporter.set_meta("relay_url", f"http://{ONION}")
    bundle_id = mission.add_and_share()
    engine = SyncEngine(mission.reporter, backoff=NO_WAIT)
    report = engine.run()
    engine.close()
    assert report.uploaded == []
    assert report.offline or bundle_id in report.waiting
    item = OutboxStore(mission.reporter).list()[0]
    assert item["state"] == "queued"
    # The error is kept as a code with safe params, so the app can say it in Spanish.
    assert item["last_error_code"] == "network"
    again = error_from(item["last_error_code"], item["last_error_params"])
    assert again.message("es").startswith("No se pudo contactar con el servidor de relevo")
    assert again.message("en") == item["last_error"]
    home = mission.reporter.home
    mission.reporter.close()
    shown = subprocess.run(
        [
            sys.executable,
            "-m",
            "reporter.cli.main",
            "--home",
            str(home),  # noqa: S603
            "--lang",
            "es",
            "outbox",
        ],
        capture_output=True,
        text=True,
        env=dict(os.environ, TESTIGO_PASSPHRASE=PASSPHRASE),
        timeout=60,
        check=True,
    ).stdout
    assert "(No se pudo contactar con el servidor de relevo" in shown
