"""`provision`: a laptop made ready in one command, discreet mode's neutral folder included."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reporter import preferences
from reporter.relay.serve import BackgroundRelay
from reporter.relay.store import RelayStore
from reporter.share.coalition import PROFILE_FILE, create_coalition
from tests.core.conftest import PASSPHRASE

REPO = Path(__file__).resolve().parents[2]
KEYS = "frase de las llaves de la coalición 7"


@pytest.fixture
def relay(tmp_path: Path) -> Iterator[BackgroundRelay]:
    server = BackgroundRelay(tmp_path / "relay").start()
    yield server
    server.stop()


def new_token(store: Path) -> str:
    relay_store = RelayStore(store)
    try:
        return relay_store.create_token("device")
    finally:
        relay_store.close()


def laptop(tmp_path: Path) -> dict[str, str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "TESTIGO_PASSPHRASE": PASSPHRASE,
    }
    for name in ("HOME", "TMPDIR", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        (tmp_path / "laptop" / name.lower()).mkdir(parents=True, exist_ok=True)
        env[name] = str(tmp_path / "laptop" / name.lower())
    return env


def cli(env: dict[str, str], *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "tests.fast_cli", *args],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if check:
        assert proc.returncode == 0, (args, proc.stderr)
    return proc


def test_provision_discreet_in_spanish_with_a_token(tmp_path: Path, relay: BackgroundRelay) -> None:
    profile = create_coalition(tmp_path / "coalition", "Red TDT", [relay.url], KEYS, "x25519")
    env = laptop(tmp_path)
    share = Path(env["XDG_DATA_HOME"])

    done = cli(
        env,
        "provision",
        "--profile",
        str(tmp_path / "coalition" / PROFILE_FILE),
        "--lang",
        "es",
        "--discreet",
        "--token",
        new_token(tmp_path / "relay"),
    )

    assert profile.fingerprint in done.stdout
    assert "Huella para comparar" in done.stdout
    assert "Inscrito en el servidor de relevo" in done.stdout
    assert "doctor" in done.stdout  # what to check next
    assert (share / "notes" / "vault.key").is_file()
    assert not (share / "testigo").exists()
    every_name = [str(p.relative_to(tmp_path / "laptop")) for p in (tmp_path / "laptop").rglob("*")]
    assert not [n for n in every_name if "testigo" in n.lower()], every_name
    assert preferences.read(share / "notes") == {"language": "es", "discreet": True}
    # the next start finds the neutral folder, and speaks the chosen language
    shown = cli(env, "profile", "show", "--json")
    assert json.loads(shown.stdout)["fingerprint"] == profile.fingerprint
    missing = cli(env, "show", "00000000-0000-4000-8000-000000000000", check=False)
    assert "No encontrado" in missing.stderr


def test_provision_discreet_moves_an_existing_vault_to_the_neutral_folder(tmp_path: Path) -> None:
    create_coalition(tmp_path / "coalition", "Red TDT", ["http://127.0.0.1:9"], KEYS, "x25519")
    env = laptop(tmp_path)
    share = Path(env["XDG_DATA_HOME"])
    cli(env, "init")
    incident = json.loads(
        cli(env, "add", "--title", "Amenaza", "--type", "HAR.THREAT", "--json").stdout
    )["id"]

    done = cli(
        env,
        "provision",
        "--profile",
        str(tmp_path / "coalition" / PROFILE_FILE),
        "--discreet",
        "--json",
    )

    assert json.loads(done.stdout)["moved"] is True
    assert not (share / "testigo").exists()
    assert [i["id"] for i in json.loads(cli(env, "list", "--json").stdout)] == [incident]


def test_a_bad_profile_or_token_changes_nothing(tmp_path: Path) -> None:
    create_coalition(tmp_path / "coalition", "Red TDT", ["http://127.0.0.1:9"], KEYS, "x25519")
    env = laptop(tmp_path)
    good = tmp_path / "coalition" / PROFILE_FILE
    bad = tmp_path / "bad.testigo-profile"
    bad.write_bytes(good.read_bytes().replace(b"Red TDT", b"Red TDX"))
    before = sorted((tmp_path / "laptop").rglob("*"))

    refused = cli(env, "provision", "--profile", str(bad), "--discreet", check=False)
    wrong_token = cli(env, "provision", "--profile", str(good), "--token", "hola", check=False)

    assert refused.returncode == 9, refused.stderr
    assert refused.stderr.count("\n") == 1, refused.stderr
    assert wrong_token.returncode == 5, wrong_token.stderr
    assert sorted((tmp_path / "laptop").rglob("*")) == before


def test_discreet_mode_chosen_in_the_app_moves_the_folder_at_the_next_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reporter.places import locate
    from reporter.provisioning import settle_discreet
    from reporter.vault.vault import Vault

    monkeypatch.delenv("TESTIGO_HOME", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    usual = tmp_path / "share" / "testigo"
    with Vault.create(usual, PASSPHRASE):
        assert settle_discreet(locate()) == locate()  # nothing chosen: nothing moves
        preferences.write(usual, discreet=True)
        assert settle_discreet(locate()).home == usual  # open: it waits for next start

    place = settle_discreet(locate())

    assert place.home == tmp_path / "share" / "notes"
    assert place.discreet
    assert not usual.exists()
    assert locate() == place
    Vault.open(place.home, PASSPHRASE).close()


def test_a_discreet_packaged_install_gets_a_neutral_menu_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reporter.places import Place
    from reporter.provisioning import provision

    create_coalition(tmp_path / "coalition", "Red TDT", ["http://127.0.0.1:9"], KEYS, "x25519")
    data = (tmp_path / "coalition" / PROFILE_FILE).read_bytes()
    program = tmp_path / "opt" / "testigo"
    program.mkdir(parents=True)
    (program / "testigo").write_bytes(b"")
    monkeypatch.setattr(sys, "executable", str(program / "testigo-cli"))
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    menu = tmp_path / "share" / "applications"

    on_stick = provision(
        Place(tmp_path / "usb" / "data", portable=tmp_path / "usb"),
        data,
        passphrase=lambda: PASSPHRASE,
        new_passphrase=lambda: PASSPHRASE,
        discreet=True,
    )
    assert on_stick.menu_entry is None
    assert not menu.exists()  # the host's menu is not touched
    done = provision(
        Place(tmp_path / "laptop"),
        data,
        passphrase=lambda: PASSPHRASE,
        new_passphrase=lambda: PASSPHRASE,
        discreet=True,
    )

    neutral = (menu / "private-notes.desktop").read_text()
    assert done.menu_entry == str(menu / "private-notes.desktop")
    assert "Name=Notes\n" in neutral
    assert f'Exec="{program / "testigo"}"' in neutral
    shown = [line for line in neutral.splitlines() if not line.startswith("Exec=")]
    assert not [line for line in shown if "testigo" in line.lower()], shown
    assert "Hidden=true" in (menu / "testigo.desktop").read_text()


def test_provision_discreet_after_the_app_ran_once_leaves_no_testigo_folder(tmp_path: Path) -> None:
    create_coalition(tmp_path / "coalition", "Red TDT", ["http://127.0.0.1:9"], KEYS, "x25519")
    env = laptop(tmp_path)
    usual = Path(env["XDG_DATA_HOME"]) / "testigo"
    (usual / "settings" / "Testigo").mkdir(parents=True)  # the app, opened and closed
    (usual / "settings" / "Testigo" / "Testigo.ini").write_text("[General]\nlanguage=es\n")

    cli(env, "provision", "--profile", str(tmp_path / "coalition" / PROFILE_FILE), "--discreet")

    assert not usual.exists()
    neutral = Path(env["XDG_DATA_HOME"]) / "notes"
    assert (neutral / "vault.key").is_file()
    assert (neutral / "settings" / "Testigo" / "Testigo.ini").is_file()  # adopted at start
