"""Killed attachment imports leave no partial files behind (issue 12).

A child process opens the vault and streams part of an import into blobs/, then is killed.
While it lives, nobody may touch its file; once it is gone, the next open removes it at once.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

from reporter.vault.blob_store import TMP_PREFIX
from reporter.vault.vault import Vault
from tests.core.conftest import PASSPHRASE

ROOT = Path(__file__).parents[2]
CHILD = r"""
import sys
from pathlib import Path
from reporter.vault.vault import Vault
vault = Vault.open(Path(sys.argv[1]), sys.argv[2])
sink = vault.attachments.blobs.sink()
sink.write(b"x" * 300_000)
sink._out.flush()
print("ready", flush=True)
sys.stdin.read()
"""


def _incoming(home: Path) -> list[Path]:
    return sorted((home / "blobs").glob(f"{TMP_PREFIX}*"))


def test_a_killed_import_is_cleaned_at_the_next_open_not_before(tmp_path: Path) -> None:
    home = tmp_path / "vault"
    Vault.create(home, PASSPHRASE).close()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(home), PASSPHRASE],  # noqa: S603
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        cwd=ROOT,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == b"ready"
        (partial,) = _incoming(home)
        # Another process holds the vault: its import in progress is left alone.
        Vault.open(home, PASSPHRASE).close()
        assert _incoming(home) == [partial]
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=30)
    assert _incoming(home) == [partial]  # the kill left it, seconds old
    with Vault.open(home, PASSPHRASE) as vault:
        assert _incoming(home) == []
        assert vault.integrity_check() == "ok"


def test_an_import_file_is_private_whatever_the_umask(tmp_path: Path) -> None:
    home = tmp_path / "vault"
    with Vault.create(home, PASSPHRASE) as vault:
        old = os.umask(0)
        try:
            sink = vault.attachments.blobs.sink()
        finally:
            os.umask(old)
        try:
            (partial,) = _incoming(home)
            assert stat.S_IMODE(partial.stat().st_mode) == 0o600
        finally:
            sink.abort()
