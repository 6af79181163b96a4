"""Issue 3, test 4: SIGKILL at random moments loses nothing that was reported saved."""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reporter.vault.vault import Vault
from tests.core.conftest import PASSPHRASE, cli_env

# The child: add records (and now and then an attachment) forever, printing each id only after
# the call that saved it has returned, i.e. after the vault said it is durable.
CHILD = r"""
import os, sys
from reporter.vault.vault import Vault
vault = Vault.open(__import__("pathlib").Path(sys.argv[1]), os.environ["TESTIGO_PASSPHRASE"])
print("ready", flush=True)
n = 0
while True:
    n += 1
    iid = vault.incidents.add({"title": f"registro {n}", "incident_types": ["HAR.THREAT"],
                               "description": "d" * (n % 500), "tags": [f"t{n % 7}"]})
    print("incident", iid, flush=True)
    if n % 5 == 0:
        att = vault.attachments.add(iid, __import__("io").BytesIO(os.urandom(150_000)), "x.bin")
        print("attachment", att["id"], flush=True)
    if n % 3 == 0:
        vault.incidents.patch(iid, {"status": "COMPLETE"})
        print("patched", iid, flush=True)
"""


def _run_and_kill(
    home: Path, env: dict[str, str], rng: random.Random, saved: dict[str, set[str]]
) -> None:
    child = subprocess.Popen(  # noqa: S603 - our own code
        [sys.executable, "-c", CHILD, str(home)],
        stdout=subprocess.PIPE,
        env=env,
        cwd=Path(__file__).parents[2],
    )
    assert child.stdout is not None
    fd = child.stdout.fileno()
    buffer = b""
    started = None
    budget = rng.uniform(0.0, 0.25)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if started is not None and time.monotonic() - started >= budget:
            break
        ready, _, _ = select.select([fd], [], [], 0.01)
        if ready:
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            buffer += chunk
            if started is None and b"ready\n" in buffer:
                started = time.monotonic()
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    buffer += child.stdout.read()
    child.stdout.close()
    for line in buffer.decode().splitlines():  # only complete lines count as reported
        kind, _, ident = line.partition(" ")
        if kind in saved:
            saved[kind].add(ident)
    if not buffer.endswith(b"\n") and buffer:
        last = buffer.decode().splitlines()[-1]
        saved[last.partition(" ")[0]].discard(last.partition(" ")[2])


def _kill_many(home: Path, tmp_path: Path, kills: int) -> None:
    env = cli_env(tmp_path)
    env["PYTHONPATH"] = str(Path(__file__).parents[2])
    Vault.create(home, PASSPHRASE).close()
    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    saved: dict[str, set[str]] = {"incident": set(), "attachment": set(), "patched": set()}
    for _ in range(kills):
        _run_and_kill(home, env, rng, saved)

    vault = Vault.open(home, PASSPHRASE)
    try:
        assert vault.integrity_check() == "ok"
        present = set(vault.incidents.ids())
        assert saved["incident"] <= present
        assert len(saved["incident"]) > kills // 2  # the children really did work
        for iid in saved["patched"]:
            assert vault.incidents.get(iid)["status"] == "COMPLETE"
        attachments = {a[0] for a in vault.query("SELECT id FROM attachments")}
        assert saved["attachment"] <= attachments
        for att in list(saved["attachment"])[:5]:
            assert len(vault.attachments.read_bytes(att)) == 150_000
    finally:
        vault.close()


def test_sigkill_fifty_times_loses_nothing_reported(tmp_path: Path) -> None:
    _kill_many(tmp_path / "vault", tmp_path, kills=50)


@pytest.mark.slow
def test_sigkill_two_thousand_times_loses_nothing_reported(tmp_path: Path) -> None:
    _kill_many(tmp_path / "vault", tmp_path, kills=2000)
