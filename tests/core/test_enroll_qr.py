"""Issue 19: ``testigo-cli enroll --qr FILE`` takes the token from the trainer's QR image.

A real relay on 127.0.0.1 issues the token; the CLI reads it from a PNG made by segno and
enrolls. A QR that is not a token is one line in the person's language and changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reporter.relay.serve import BackgroundRelay
from reporter.relay.store import RelayStore
from reporter.relay_client.settings import relay_settings
from reporter.share.coalition import PROFILE_FILE, create_coalition
from reporter.vault.vault import Vault
from tests.core.conftest import PASSPHRASE, CliRunner, json_out, snapshot
from tests.core.test_token_image import qr_png

KEYS = "frase de las llaves de la coalición 7"


@pytest.fixture
def relay(tmp_path: Path) -> Iterator[tuple[str, RelayStore]]:
    server = BackgroundRelay(tmp_path / "relay").start()
    store = RelayStore(tmp_path / "relay")
    yield server.url, store
    store.close()
    server.stop()


def test_enroll_with_the_token_read_from_a_qr_image(
    cli: CliRunner, home: Path, tmp_path: Path, relay: tuple[str, RelayStore]
) -> None:
    url, store = relay
    create_coalition(tmp_path / "co", "Red", [url], KEYS, "x25519")
    cli("init")
    cli("profile", "import", str(tmp_path / "co" / PROFILE_FILE))

    web = qr_png(tmp_path / "web.png", "https://example.org/")
    before = snapshot(home)
    refused = cli("enroll", "--qr", str(web), check=False, env={"TESTIGO_LANG": "es"})
    assert refused.returncode != 0
    assert len(refused.stderr.strip().splitlines()) == 1
    assert "código de inscripción" in refused.stderr
    assert snapshot(home) == before
    both = cli("enroll", "tt1-" + "a" * 40, "--qr", str(web), check=False)
    assert both.returncode != 0
    assert len(both.stderr.strip().splitlines()) == 1

    token = store.create_token("device")
    done = json_out(cli("enroll", "--qr", str(qr_png(tmp_path / "t.png", token)), "--json"))
    assert done["role"] == "device"
    with Vault.open(home, PASSPHRASE) as vault:
        assert relay_settings(vault)[2]  # the relay's credential is in the vault
