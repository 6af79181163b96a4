"""A named pipe (or a device) chosen as a file is refused at once, never waited on.

``open()`` on a FIFO blocks until a writer comes: a person picking one by mistake (or a
hostile stick carrying one) would hang a worker forever. Each entry point is given a real
``os.mkfifo`` and must answer with a clear error within a bounded time, changing nothing.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from reporter.errors import InvalidInput, TestigoError
from reporter.fsutil import open_regular
from tests.core.conftest import PASSPHRASE, cli_env, snapshot

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")

BOUND = 10.0  # seconds: far more than any refusal takes, far less than forever


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "chosen.testigo-receipt"
    os.mkfifo(path, 0o600)
    yield path
    # Release a reader a broken version left blocked in open(), so the test run can end.
    with contextlib.suppress(OSError):
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))


def within_bound(call: Callable[[], Any]) -> BaseException | Any:
    """What ``call`` returned or raised, failing the test if it did not end in time."""
    outcome: list[Any] = []

    def run() -> None:
        try:
            outcome.append(call())
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(BOUND)
    assert not worker.is_alive(), "blocked on the named pipe"
    return outcome[0]


def refused(outcome: Any) -> TestigoError:
    assert isinstance(outcome, TestigoError), outcome
    return outcome


def test_the_helper_refuses_a_pipe_and_says_why(fifo: Path) -> None:
    error = refused(within_bound(lambda: open_regular(fifo)))
    assert isinstance(error, InvalidInput)
    assert "not a regular file" in error.message("en")
    assert "no es un archivo normal" in error.message("es")


def test_a_link_to_a_regular_file_is_followed_a_link_to_a_pipe_is_not(
    tmp_path: Path, fifo: Path
) -> None:
    target = tmp_path / "real.txt"
    target.write_bytes(b"hola")
    (tmp_path / "to-real").symlink_to(target)
    (tmp_path / "to-pipe").symlink_to(fifo)
    with open_regular(tmp_path / "to-real") as handle:
        assert handle.read() == b"hola"
    assert isinstance(
        refused(within_bound(lambda: open_regular(tmp_path / "to-pipe"))), InvalidInput
    )


def test_a_device_is_refused(tmp_path: Path) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    assert isinstance(refused(within_bound(lambda: open_regular(Path("/dev/zero")))), InvalidInput)


def test_the_qr_image_reader_refuses_a_pipe(fifo: Path) -> None:
    from reporter.sync.token_image import token_from_qr_image

    refused(within_bound(lambda: token_from_qr_image(fifo)))


def test_an_identity_file_that_is_a_pipe_is_refused(fifo: Path) -> None:
    from reporter.vault.backup import identities_from_file

    refused(within_bound(lambda: identities_from_file(fifo)))


def test_a_restore_from_a_pipe_is_refused_and_creates_nothing(tmp_path: Path, fifo: Path) -> None:
    from reporter.age import ScryptIdentity
    from reporter.vault.backup import restore_from_file

    home = tmp_path / "restored"
    refused(within_bound(lambda: restore_from_file(fifo, home, [ScryptIdentity("x" * 20)])))
    assert not home.exists()


def stored(home: Path) -> dict[str, bytes]:
    """The vault's files but SQLite's shared-memory index, which readers write to too."""
    return {name: data for name, data in snapshot(home).items() if not name.endswith("-shm")}


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Any]:
    from reporter.vault.vault import Vault

    with Vault.create(tmp_path / "vault", PASSPHRASE) as opened:
        yield opened


def test_core_imports_refuse_a_pipe_and_change_nothing(
    tmp_path: Path, fifo: Path, vault: Any
) -> None:
    from reporter.cli.record_flags import read_json_arg
    from reporter.inbox.inbox import Inbox
    from reporter.incidents.municipalities import import_catalogue
    from reporter.share.device import device_identity
    from reporter.share.receipt_files import import_receipt_files

    device_identity(vault)  # made on first use: not a change of the imports' doing
    inbox = Inbox(vault)
    before = stored(tmp_path / "vault")
    (outcome,) = within_bound(lambda: import_receipt_files(vault, [fifo]))
    assert outcome.status == "refused"
    assert "not a regular file" in outcome.error.message("en")
    refused(within_bound(lambda: inbox.import_file(fifo)))
    refused(within_bound(lambda: import_catalogue(vault, fifo)))
    refused(within_bound(lambda: read_json_arg(str(fifo))))
    assert stored(tmp_path / "vault") == before


@pytest.mark.parametrize(
    "command",
    [("profile", "import"), ("municipalities", "import"), ("bundle", "import-receipts")],
)
def test_the_cli_refuses_a_pipe_in_one_line(
    tmp_path: Path, fifo: Path, command: tuple[str, ...]
) -> None:
    home = tmp_path / "cli-vault"
    env = cli_env(tmp_path)
    base = [sys.executable, "-m", "tests.fast_cli", "--home", str(home)]
    subprocess.run([*base, "init"], env=env, capture_output=True, check=True, timeout=120)  # noqa: S603
    before = snapshot(home)
    proc = subprocess.run(  # noqa: S603 - our own CLI
        [*base, *command, str(fifo)],
        env=env,
        capture_output=True,
        text=True,
        timeout=BOUND + 10,
        check=False,
    )
    said = proc.stdout + proc.stderr
    assert "not a regular file" in said
    assert "Traceback" not in said
    if command[0] != "bundle":  # an import of receipts reports each file, refusals too
        assert proc.returncode != 0
    assert snapshot(home) == before
