"""The test suite's cheap key derivation cannot be switched on from a user's environment."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from reporter.vault.keyfile import KdfParams
from tests.core.conftest import PASSPHRASE


def test_the_old_environment_variable_no_longer_weakens_init(tmp_path: Path) -> None:
    home = tmp_path / "vault"
    env = dict(
        os.environ, TESTIGO_TEST_FAST_KDF="1", TESTIGO_PASSPHRASE=PASSPHRASE, TESTIGO_LANG="en"
    )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "reporter.cli.main",
            "--home",
            str(home),  # noqa: S603
            "init",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    kdf = json.loads((home / "vault.key").read_text("utf-8"))["kdf"]
    full = KdfParams()
    assert (kdf["memory_kib"], kdf["iterations"], kdf["lanes"]) == (
        full.memory_kib,
        full.iterations,
        full.lanes,
    )


def test_the_coalition_keys_ignore_the_variable_too() -> None:
    from reporter.share import coalition
    from reporter.vault import keyfile

    keyfile.FAST_KDF_FOR_TESTS = False
    try:
        os.environ["TESTIGO_TEST_FAST_KDF"] = "1"
        assert coalition._work_factor() == 18
    finally:
        os.environ.pop("TESTIGO_TEST_FAST_KDF", None)
        keyfile.FAST_KDF_FOR_TESTS = True
