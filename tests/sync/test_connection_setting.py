"""The connection (direct, Tor, SOCKS) is the vault's, and every network command uses it.

A reporter who chose a SOCKS proxy must not sync directly from the CLI by mistake. The relay's
URL here names a port nobody listens on, and the tests' own SOCKS server (onion_socks.py) sends
that name to the real relay: a sync that succeeds went through the proxy; a direct one cannot.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reporter.relay_client.connection import connection
from reporter.vault.vault import Vault
from tests.core.conftest import snapshot
from tests.sync.clients import cli_in_vault, closed_port
from tests.sync.conftest import PASSPHRASE, Mission
from tests.sync.onion_socks import OnionSocks


def test_sync_without_proxy_flag_goes_through_the_vaults_socks_proxy(
    mission: Mission, tmp_path: Path
) -> None:
    proxy = OnionSocks({"localhost": mission.relay.port}).start()
    try:
        nowhere = closed_port()  # straight there, nothing answers; the proxy knows the relay
        mission.reporter.set_meta("relay_url", f"http://localhost:{nowhere}")
        bundle_id = mission.add_and_share()
        home = mission.reporter.home
        mission.reporter.close()
        tmp = tmp_path / "tmp"
        tmp.mkdir()
        said = cli_in_vault(home, tmp, "settings", "connection", "--socks", proxy.url, "--json")
        assert said.returncode == 0, said.stderr
        assert json.loads(said.stdout)["proxy"] == proxy.url
        synced = cli_in_vault(home, tmp, "sync", "--json")  # no --proxy: the vault's choice
        assert synced.returncode == 0, synced.stderr
        assert json.loads(synced.stdout)["uploaded"] == [bundle_id]
        assert json.loads(synced.stdout)["route"] == {"proxy": proxy.url, "from": "vault"}
        assert (3, f"localhost:{nowhere}") in proxy.requests  # by name, through the proxy
        # An explicit --proxy wins over the vault's: this one leads nowhere.
        seen = len(proxy.requests)
        elsewhere = f"socks5h://127.0.0.1:{closed_port()}"
        failed = cli_in_vault(home, tmp, "sync", "--proxy", elsewhere, "--json")
        assert json.loads(failed.stdout)["offline"] is True, failed.stderr
        assert json.loads(failed.stdout)["route"] == {"proxy": elsewhere, "from": "flag"}
        assert len(proxy.requests) == seen
    finally:
        proxy.stop()


def test_settings_connection_shows_sets_and_refuses_a_typo(tmp_path: Path) -> None:
    home, tmp = tmp_path / "v", tmp_path / "tmp"
    tmp.mkdir()
    assert cli_in_vault(home, tmp, "init").returncode == 0
    shown = cli_in_vault(home, tmp, "settings", "connection", "--json")
    assert json.loads(shown.stdout)["connection"] == "direct"
    assert cli_in_vault(home, tmp, "settings", "connection", "--tor").returncode == 0
    before = snapshot(home)
    for typo in (
        "sock5h://127.0.0.1:9050",
        "http://127.0.0.1:8080",
        "socks5h://127.0.0.1",
        "socks5h://127.0.0.1:9050/path",
        "socks5h://user:secret@127.0.0.1:9050",
        "127.0.0.1:9050",
    ):
        refused = cli_in_vault(home, tmp, "--lang", "es", "settings", "connection", "--socks", typo)
        assert refused.returncode == 5, typo
        assert refused.stderr.count("\n") == 1  # one line, no traceback
        assert "No es la dirección de un proxy SOCKS" in refused.stderr
        assert "secret" not in refused.stderr
    assert snapshot(home) == before  # nothing changed
    shown = cli_in_vault(home, tmp, "--lang", "es", "settings", "connection")
    assert shown.stdout.strip() == "Conexión: Tor (socks5h://127.0.0.1:9050)."
    local = cli_in_vault(home, tmp, "settings", "connection", "--socks", "socks5://127.0.0.1:1081")
    assert local.returncode == 0
    assert local.stdout.strip() == "Connection: SOCKS proxy socks5://127.0.0.1:1081."
    assert "DNS server learns which relay you use" in local.stderr
    with Vault.open(home, PASSPHRASE) as vault:
        assert connection(vault).proxy == "socks5://127.0.0.1:1081"
    assert cli_in_vault(home, tmp, "settings", "connection", "--direct").returncode == 0
    shown = cli_in_vault(home, tmp, "settings", "connection", "--json")
    assert json.loads(shown.stdout) == {
        "connection": "direct",
        "proxy": None,
        "socks_proxy": "socks5://127.0.0.1:1081",  # kept for when SOCKS is chosen again
        "names_resolved_locally": False,
        "warning": None,
    }


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("socks5h://127.0.0.1:9050", "socks5h://127.0.0.1:9050"),
        (" socks5h://localhost:9150/ ", "socks5h://localhost:9150"),
        ("socks5h://[::1]:1080", "socks5h://[::1]:1080"),
        ("socks5://proxy.example.org:1080", "socks5://proxy.example.org:1080"),
    ],
)
def test_proxy_addresses_that_are_kept(url: str, kept: str) -> None:
    from reporter.relay_client.connection import check_proxy

    assert check_proxy(url) == kept


@pytest.mark.parametrize(
    "url",
    [
        "",
        "socks5h://",
        "socks5h://127.0.0.1:0",
        "socks5h://127.0.0.1:65536",
        "socks5h://127.0.0.1:port",
        "socks5h://[::1:1080",
        "socks5h://bad_host:1080",
        "socks5h://127.0.0.1:1080?x=1",
        "socks4://127.0.0.1:1080",
        "socks5h://127.0.0.1:10\x0080",
    ],
)
def test_proxy_addresses_that_are_refused(url: str) -> None:
    from reporter.errors import BadProxy
    from reporter.relay_client.connection import check_proxy

    with pytest.raises(BadProxy):
        check_proxy(url)
