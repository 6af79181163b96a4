"""`coalition rotate`, `coordination keys import` and the notice in `profile show`, as a person
runs them: the real CLI in a subprocess, real vault files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from reporter.coordination.identity import card
from reporter.inbox.epochs import epoch_identities
from reporter.inbox.inbox import install_coalition_keys
from reporter.share.coalition import KEYS_FILE, PROFILE_FILE, create_coalition, load_coalition_keys
from reporter.share.profile import current_profile, import_profile
from reporter.share.profile_update import take_profile_update
from reporter.vault.vault import Vault
from tests.rotation.conftest import KEYS, PASSPHRASE

REPO = Path(__file__).resolve().parents[2]


def cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "TESTIGO_PASSPHRASE": PASSPHRASE,
        "TESTIGO_COALITION_PASSPHRASE": KEYS,
        "TESTIGO_HOME": str(home),
    }
    return subprocess.run(
        [sys.executable, "-m", "tests.fast_cli", *args],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _coordinator(root: Path, name: str, directory: Path) -> Path:
    vault = Vault.create(root / name, PASSPHRASE, role="coordinator")
    install_coalition_keys(vault, load_coalition_keys(directory, KEYS))
    (root / f"{name}.card").write_bytes(card(vault, name=name))
    vault.close()
    return root / name


def test_rotate_then_import_the_epoch_keys_offline(tmp_path: Path) -> None:
    directory = tmp_path / "coalition"
    create_coalition(directory, "Red TDT", ["http://127.0.0.1:9"], KEYS, "x25519")
    ana, beto, carla = (_coordinator(tmp_path, n, directory) for n in ("ana", "beto", "carla"))
    out = tmp_path / "epoch-2.testigo-keys"

    # A refusal changes nothing: a grace period out of range, a missing --to.
    before = (directory / KEYS_FILE).read_bytes()
    bad = cli(ana, "coalition", "rotate", "--dir", str(directory), "--grace-days", "400")
    assert bad.returncode == 5
    assert bad.stderr.count("\n") == 1
    assert "Traceback" not in bad.stderr
    assert cli(ana, "coalition", "rotate", "--dir", str(directory), "--out", str(out)).returncode
    assert (directory / KEYS_FILE).read_bytes() == before
    assert not out.exists()

    done = cli(
        ana,
        "--lang",
        "es",
        "coalition",
        "rotate",
        "--dir",
        str(directory),
        "--grace-days",
        "7",
        "--out",
        str(out),
        "--to",
        str(tmp_path / "beto.card"),
        "--json",
    )
    assert done.returncode == 0, done.stderr
    info = json.loads(done.stdout)
    assert info["epoch"] == 2
    assert info["relay"]["skipped"] == "not enrolled at a relay"
    assert "1 coordinador(es)" in done.stderr
    assert out.exists()

    imported = cli(beto, "coordination", "keys", "import", str(out), "--json")
    assert imported.returncode == 0, imported.stderr
    assert json.loads(imported.stdout)["epoch"] == 2
    # Carla's card was not given: the file does not open for her.
    refused = cli(carla, "coordination", "keys", "import", str(out))
    assert refused.returncode == 9
    assert refused.stderr.count("\n") == 1
    for home, epochs in ((ana, {1, 2}), (beto, {1, 2}), (carla, {1})):
        vault = Vault.open(home, PASSPHRASE)
        try:
            assert {e.epoch for e in epoch_identities(vault)} == epochs
            assert current_profile(vault).epoch == max(epochs)  # type: ignore[union-attr]
        finally:
            vault.close()


def test_profile_show_says_the_coalition_changed_its_key_once(tmp_path: Path) -> None:
    directory = tmp_path / "coalition"
    create_coalition(directory, "Red TDT", ["http://127.0.0.1:9"], KEYS, "x25519")
    device = Vault.create(tmp_path / "device", PASSPHRASE)
    import_profile(device, (directory / PROFILE_FILE).read_bytes())
    rotated = cli(tmp_path / "admin", "coalition", "rotate", "--dir", str(directory), "--no-vault")
    assert rotated.returncode == 0, rotated.stderr
    assert take_profile_update(device, (directory / PROFILE_FILE).read_bytes()) is not None
    device.close()
    shown = cli(tmp_path / "device", "--lang", "es", "profile", "show")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("La coalición cambió su clave (época 2).\n")
    again = cli(tmp_path / "device", "profile", "show", "--json")
    assert json.loads(again.stdout)["notices"] == []
    assert json.loads(again.stdout)["epoch"] == 2


def test_rotate_with_another_coalitions_vault_changes_nothing(tmp_path: Path) -> None:
    directory, other = tmp_path / "coalition", tmp_path / "otra"
    create_coalition(directory, "Red TDT", ["http://127.0.0.1:9"], KEYS, "x25519")
    create_coalition(other, "Otra", ["http://127.0.0.1:9"], KEYS, "x25519")
    stranger = _coordinator(tmp_path, "extraña", other)
    before = (directory / KEYS_FILE).read_bytes(), (directory / PROFILE_FILE).read_bytes()
    refused = cli(stranger, "coalition", "rotate", "--dir", str(directory))
    assert refused.returncode == 9
    assert refused.stderr.count("\n") == 1
    assert ((directory / KEYS_FILE).read_bytes(), (directory / PROFILE_FILE).read_bytes()) == before
