"""Issue 19, test 2: wipe after N failed unlocks, counted on disk before each check."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reporter.errors import WrongPassphrase
from reporter.vault.keyfile import KdfParams
from reporter.vault.unlock_guard import STATE_FILE, read_count
from reporter.vault.vault import Vault
from tests.core.conftest import PASSPHRASE, CliRunner, cli_env, json_out

WRONG = "not the passphrase at all 000"


def test_n_minus_one_wrong_then_right_opens_and_resets(cli: CliRunner, home: Path) -> None:
    cli("init")
    cli("settings", "wipe-after", "5")
    for _ in range(4):
        assert cli("list", env={"TESTIGO_PASSPHRASE": WRONG}, check=False).returncode == 3
    assert read_count(home) == 4
    cli("list")  # the right one opens, and resets the count
    assert read_count(home) == 0
    for _ in range(4):  # a fresh budget, not one left
        assert cli("list", env={"TESTIGO_PASSPHRASE": WRONG}, check=False).returncode == 3
    assert json_out(cli("status", "--json"))["wipe_after"] == 5


def test_n_wrong_wipe_key_first(cli: CliRunner, home: Path) -> None:
    cli("init")
    cli("add", "--title", "secreto", "--type", "HAR.THREAT")
    cli("settings", "wipe-after", "5")
    for _ in range(5):
        assert cli("list", env={"TESTIGO_PASSPHRASE": WRONG}, check=False).returncode == 3
    assert not (home / "vault.key").exists()
    assert not (home / "vault.db").exists()
    assert cli("list", check=False).returncode == 4


def test_off_by_default_never_wipes(cli: CliRunner, home: Path) -> None:
    cli("init")
    for _ in range(6):
        assert cli("list", env={"TESTIGO_PASSPHRASE": WRONG}, check=False).returncode == 3
    assert read_count(home) == 6  # counted all the same: the file says nothing
    cli("list")
    cli("settings", "wipe-after", "off")
    assert json_out(cli("status", "--json"))["wipe_after"] is None


def test_the_setting_cannot_be_edited_off_in_the_key_file(tmp_path: Path) -> None:
    home = tmp_path / "v"
    with Vault.create(home, PASSPHRASE) as vault:
        vault.set_wipe_after(PASSPHRASE, 5)
    key = home / "vault.key"
    key.write_bytes(key.read_bytes().replace(b'"wipe_after": "05"', b'"wipe_after": "00"'))
    with pytest.raises(WrongPassphrase):  # the right passphrase no longer opens it
        Vault.open(home, PASSPHRASE)


def _start(home: Path, private: Path, passphrase: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(  # noqa: S603 - our own CLI
        [sys.executable, "-m", "tests.fast_cli", "--home", str(home), "list"],
        env=cli_env(private, TESTIGO_PASSPHRASE=passphrase),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _kill_after_count(proc: subprocess.Popen[bytes], home: Path, count: int) -> None:
    """SIGKILL the CLI as soon as it has written ``count``, before its verdict."""
    deadline = time.monotonic() + 60
    try:
        while read_count(home) < count:
            assert proc.poll() is None, "the attempt ended before it was counted"
            assert time.monotonic() < deadline
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL  # killed, not finished


def test_killed_attempts_still_count_and_wipe(tmp_path: Path, private_tmp: Path) -> None:
    home = tmp_path / "v"
    # A slow derivation (about a second) leaves time to kill between count and verdict.
    slow = KdfParams(memory_kib=128 * 1024, iterations=6, lanes=1)
    with Vault.create(home, PASSPHRASE, kdf=slow) as vault:
        vault.set_wipe_after(PASSPHRASE, 5)
    for n in range(1, 6):
        _kill_after_count(_start(home, private_tmp, WRONG), home, n)
    assert (home / "vault.key").exists()  # nothing got to wipe yet
    done = _start(home, private_tmp, PASSPHRASE)  # even the right one: the budget is spent
    assert done.wait(timeout=60) == 3
    assert not (home / "vault.key").exists()
    assert not (home / STATE_FILE).exists()


def test_counter_file_same_presence_and_size_on_or_off(tmp_path: Path) -> None:
    sizes = []
    for name, count in (("off", 0), ("on", 10)):
        home = tmp_path / name
        with Vault.create(home, PASSPHRASE) as vault:
            if count:
                vault.set_wipe_after(PASSPHRASE, count)
        sizes.append(((home / STATE_FILE).stat().st_size, (home / "vault.key").stat().st_size))
    assert sizes[0] == sizes[1]
    assert os.stat(tmp_path / "on" / STATE_FILE).st_mode & 0o077 == 0


def test_a_vault_from_before_the_two_slots_opens_and_is_upgraded(tmp_path: Path) -> None:
    import base64
    import json
    import secrets
    from dataclasses import asdict

    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    from reporter.vault import keyfile as kf

    home = tmp_path / "v"
    with Vault.create(home, PASSPHRASE) as vault:
        iid = vault.incidents.add({"title": "de antes", "incident_types": ["HAR.THREAT"]})
        db_key = vault._keyfile.unwrap(PASSPHRASE)  # noqa: SLF001 - to write the old format
        params = vault.kdf
    for name in ("vault.state",):
        (home / name).unlink()
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    b64 = lambda b: base64.b64encode(b).decode()  # noqa: E731
    aad = json.dumps(
        {
            "format": kf.FORMAT,
            "version": 1,
            "vault_id": "v-1",
            "kdf": asdict(params),
            "salt": b64(salt),
        },
        sort_keys=True,
    ).encode()
    wrapped = ChaCha20Poly1305(kf._derive(PASSPHRASE, salt, params)).encrypt(  # noqa: SLF001
        nonce, db_key, aad
    )
    (home / "vault.key").write_text(
        json.dumps(
            {
                "format": kf.FORMAT,
                "version": 1,
                "vault_id": "v-1",
                "role": "reporter",
                "kdf": {"name": "argon2id", **asdict(params), "salt": b64(salt)},
                "aead": "chacha20-poly1305",
                "nonce": b64(nonce),
                "wrapped_key": b64(wrapped),
            }
        )
    )
    old = (home / "vault.key").read_bytes()
    with pytest.raises(WrongPassphrase):
        Vault.open(home, WRONG)
    assert (home / "vault.key").read_bytes() == old  # a wrong one upgrades nothing
    with Vault.open(home, PASSPHRASE) as vault:
        assert vault.incidents.get(iid)["title"] == "de antes"
    assert json.loads((home / "vault.key").read_text())["version"] == 2
    assert (home / STATE_FILE).is_file()
