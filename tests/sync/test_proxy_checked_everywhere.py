"""Every proxy the person gives is checked the same way: --proxy of every network command, the
provisioning's route and the relay client itself take only socks5h:// or socks5:// host:port.

An http:// proxy is refused, not tunnelled: the relay client pins the relay's TLS key only on
direct and SOCKS connections, and the design is SOCKS5h/Tor. A typo must never mean "direct".
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reporter.errors import BadProxy
from reporter.relay.serve import BackgroundRelay
from reporter.relay.store import RelayStore
from reporter.relay_client.transport import RelayClient
from reporter.share.coalition import PROFILE_FILE, create_coalition
from tests.core.conftest import snapshot
from tests.sync.clients import cli_in_vault, closed_port
from tests.sync.onion_socks import OnionSocks

KEYS = "frase de las llaves de la coalición 7"
REFUSED = "No es la dirección de un proxy SOCKS"
NETWORK_COMMANDS = [
    ("sync",),
    ("enroll", "tt1-aaaa"),
    ("inbox", "pull"),
    ("inbox", "ask", "3f2c", "--template", "when_exactly"),
    ("coordination", "sync"),
    ("doctor",),
    ("provision", "--profile", "nowhere.testigo-profile"),
]


@pytest.mark.parametrize("command", NETWORK_COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_every_network_command_refuses_an_http_proxy_or_a_typo_and_changes_nothing(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    home, tmp = tmp_path / "v", tmp_path / "tmp"
    tmp.mkdir()
    assert cli_in_vault(home, tmp, "init").returncode == 0
    before = snapshot(home)
    for proxy in ("http://127.0.0.1:8080", "sock5h://127.0.0.1:9050"):
        refused = cli_in_vault(home, tmp, "--lang", "es", *command, "--proxy", proxy)
        assert refused.returncode == 5, (proxy, refused.stderr)
        assert refused.stderr.count("\n") == 1, refused.stderr  # one line, no traceback
        assert REFUSED in refused.stderr
        assert refused.stdout == ""
    english = cli_in_vault(home, tmp, *command, "--proxy", "https://127.0.0.1:8080")
    assert english.returncode == 5
    assert "Not a SOCKS proxy address: write socks5h://host:port" in english.stderr
    assert snapshot(home) == before  # nothing changed


def test_provision_refuses_an_http_proxy_before_making_a_vault(tmp_path: Path) -> None:
    home, tmp = tmp_path / "v", tmp_path / "tmp"
    tmp.mkdir()
    create_coalition(tmp_path / "coalition", "Red TDT", ["http://127.0.0.1:1"], KEYS, "x25519")
    profile = str(tmp_path / "coalition" / PROFILE_FILE)
    refused = cli_in_vault(
        home, tmp, "provision", "--profile", profile, "--proxy", "http://127.0.0.1:1"
    )
    assert refused.returncode == 5, refused.stderr
    assert not home.exists()


def test_the_relay_client_itself_takes_only_a_socks_proxy() -> None:
    """The one place every route ends: an http proxy would bypass the TLS pin's check."""
    for proxy in ("http://127.0.0.1:8080", "https://127.0.0.1:8080", "socks5h://127.0.0.1"):
        with pytest.raises(BadProxy):
            RelayClient("http://127.0.0.1:1", proxy=proxy)
    client = RelayClient("http://127.0.0.1:1", proxy=" socks5h://127.0.0.1:9050/ ")
    try:
        assert client.session.proxies["https"] == "socks5h://127.0.0.1:9050"
    finally:
        client.close()


def test_a_broken_tor_address_in_the_environment_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TESTIGO_TOR_SOCKS", "127.0.0.1:9150")  # the scheme forgotten
    with pytest.raises(BadProxy):
        RelayClient("http://" + "a" * 56 + ".onion")


def test_provisioning_an_existing_vault_enrolls_through_its_chosen_proxy(tmp_path: Path) -> None:
    """The relay's address names a closed port; only the SOCKS proxy knows the real relay."""
    relay = BackgroundRelay(tmp_path / "relay").start()
    proxy = OnionSocks({"localhost": relay.port}).start()
    try:
        nowhere = closed_port()
        create_coalition(
            tmp_path / "coalition", "Red TDT", [f"http://localhost:{nowhere}"], KEYS, "x25519"
        )
        store = RelayStore(tmp_path / "relay")
        try:
            token = store.create_token("device")
        finally:
            store.close()
        home, tmp = tmp_path / "v", tmp_path / "tmp"
        tmp.mkdir()
        assert cli_in_vault(home, tmp, "init").returncode == 0
        chosen = cli_in_vault(home, tmp, "settings", "connection", "--socks", proxy.url)
        assert chosen.returncode == 0, chosen.stderr
        profile = str(tmp_path / "coalition" / PROFILE_FILE)
        done = cli_in_vault(
            home, tmp, "provision", "--profile", profile, "--token", token, "--json"
        )
        assert done.returncode == 0, done.stderr
        data = json.loads(done.stdout)
        assert data["enrolled"] is not None
        assert data["route"] == {"proxy": proxy.url, "from": "vault"}
        assert (3, f"localhost:{nowhere}") in proxy.requests  # by name, through the proxy
    finally:
        proxy.stop()
        relay.stop()


def test_a_socks5_proxy_flag_is_taken_with_the_dns_warning_and_socks5h_without(
    tmp_path: Path,
) -> None:
    """As `settings connection --socks socks5://…` warns, so does --proxy socks5://…."""
    home, tmp = tmp_path / "v", tmp_path / "tmp"
    tmp.mkdir()
    local = cli_in_vault(
        home, tmp, "--lang", "es", "doctor", "--no-passphrase", "--proxy", "socks5://[::1]:1081"
    )
    assert local.returncode == 0, local.stderr
    assert "su servidor DNS sabe qué relevo usa" in local.stderr
    assert "socks5h://" in local.stderr
    remote = cli_in_vault(home, tmp, "doctor", "--no-passphrase", "--proxy", "socks5h://[::1]:1081")
    assert remote.returncode == 0, remote.stderr
    assert "DNS" not in remote.stderr
