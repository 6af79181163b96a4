"""Enrollment survives a bad network, refuses what is not a token, and `relay serve` says
plainly when its port is taken (issue 12, low)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from reporter.errors import InvalidField, RelayRefused
from reporter.relay.serve import BackgroundRelay
from reporter.relay.store import RelayStore
from reporter.relay_client.transport import RelayClient
from reporter.sync.engine import Backoff, enroll
from reporter.vault.vault import Vault
from tests.sync.conftest import PASSPHRASE, token
from tests.sync.faulty_proxy import FaultyProxy

NO_WAIT = Backoff(base=0.0, cap=0.0, jitter=0.0)


def _cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TESTIGO_PASSPHRASE": PASSPHRASE}
    return subprocess.run(  # noqa: S603 - our own CLI
        [sys.executable, "-m", "tests.fast_cli", "--home", str(tmp_path / "home"), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def _credentials(store_dir: Path) -> list[tuple[str, str]]:
    store = RelayStore(store_dir)
    try:
        return [(row[0], row[1]) for row in store.query("SELECT hash, role FROM credentials")]
    finally:
        store.close()


def test_enrollment_retries_through_a_connection_that_breaks(tmp_path: Path) -> None:
    store_dir = tmp_path / "relay"
    relay = BackgroundRelay(store_dir).start()
    proxy = FaultyProxy(relay.port, failure_rate=0.7, seed=1).start()
    vault = Vault.create(tmp_path / "vault", PASSPHRASE)
    try:
        one = token(store_dir)
        info = enroll(vault, one, proxy.url, attempts=40, backoff=NO_WAIT)
        assert info["role"] == "device"
        assert proxy.sabotaged >= 1  # some attempts really broke
        assert proxy.connections >= 2
        assert len(_credentials(store_dir)) == 1  # one credential, however many tries
        client = RelayClient(relay.url, credential=vault.get_meta("relay_credential"))
        assert client.receipts([]) == {}  # and it is the one the relay knows
        store = RelayStore(store_dir)
        try:
            assert store.query("SELECT count(*) FROM tokens")[0][0] == 0  # spent: gone
        finally:
            store.close()
    finally:
        vault.close()
        proxy.stop()
        relay.stop()


def test_without_retries_the_same_broken_network_fails(tmp_path: Path) -> None:
    """The proxy's first connection is reset (seed 1): one attempt is not enough."""
    store_dir = tmp_path / "relay"
    relay = BackgroundRelay(store_dir).start()
    proxy = FaultyProxy(relay.port, failure_rate=0.7, seed=1).start()
    vault = Vault.create(tmp_path / "vault", PASSPHRASE)
    try:
        with pytest.raises(Exception, match="relay"):
            enroll(vault, token(store_dir), proxy.url, attempts=1, backoff=NO_WAIT)
    finally:
        vault.close()
        proxy.stop()
        relay.stop()


def test_a_retry_after_a_lost_answer_gets_the_same_credential(tmp_path: Path) -> None:
    store_dir = tmp_path / "relay"
    relay = BackgroundRelay(store_dir).start()
    try:
        one = token(store_dir)
        mine = "tc1-" + "A" * 43
        client = RelayClient(relay.url)
        first = client.enroll(one, mine)
        again = client.enroll(one, mine)  # the token is spent; the answer was lost
        assert first == again == {"credential": mine, "role": "device"}
        with pytest.raises(RelayRefused) as info:  # someone else with the spent token
            client.enroll(one, "tc1-" + "B" * 43)
        assert info.value.params["status"] == 403
        assert len(_credentials(store_dir)) == 1
    finally:
        relay.stop()


def test_redeeming_is_rate_limited_per_connection(tmp_path: Path) -> None:
    store_dir = tmp_path / "relay"
    relay = BackgroundRelay(store_dir, enroll_per_connection=3).start()
    try:
        with requests.Session() as session:  # one kept-alive connection
            codes = [
                session.post(
                    relay.url + "/v1/enroll", json={"token": f"tt1-x{i}"}, timeout=10
                ).status_code
                for i in range(5)
            ]
        assert codes == [403, 403, 403, 429, 429]
        client = RelayClient(relay.url)  # a new connection may try again
        assert client.enroll(token(store_dir))["role"] == "device"
    finally:
        relay.stop()


@pytest.mark.parametrize("bad", ["", "   ", "hola", "tt1-" + "x" * 300, "tt1-abc def ghi jkl"])
def test_what_is_not_a_token_is_invalid_input_before_any_network(tmp_path: Path, bad: str) -> None:
    vault = Vault.create(tmp_path / "vault", PASSPHRASE)
    try:  # no relay listens there: never contacted
        with pytest.raises(InvalidField):
            enroll(vault, bad, "http://127.0.0.1:9", attempts=1, backoff=NO_WAIT)
    finally:
        vault.close()


def test_cli_enroll_of_an_empty_token_exits_5(tmp_path: Path) -> None:
    result = _cli(tmp_path, "enroll", "", "--relay", "http://127.0.0.1:9")
    assert result.returncode == 5
    assert "token" in result.stderr
    assert "network" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_relay_serve_on_a_port_in_use_says_so_in_one_line(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = _cli(
            tmp_path, "relay", "serve", "--store", str(tmp_path / "relay"), "--port", str(port)
        )
    assert result.returncode == 8
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "port_in_use" in lines[0] or "in use" in lines[0]
    assert "internal_error" not in result.stderr


def test_relay_serve_refuses_a_limit_that_would_switch_a_guard_off(tmp_path: Path) -> None:
    result = _cli(
        tmp_path, "relay", "serve", "--store", str(tmp_path / "relay"), "--header-timeout", "0"
    )
    assert result.returncode == 2
    assert "--header-timeout" in result.stderr
    assert not (tmp_path / "relay").exists()  # refused before anything was created
