"""A pull imports the relay's bundles in group commits; receipts wait for the commit.

One transaction per group of downloaded bundles instead of one (and a cursor write) per
bundle; each bundle's receipt is stored on the relay and the bundle acknowledged only once its
group is committed. A kill -9 before that commit leaves every bundle of the group on the
relay, without a receipt, to be pulled again; the next pull imports each exactly once. A
kill once the group is committed (while its first receipt is being stored) leaves them all on
the relay too, and the next pull recognises each as a duplicate and sends its receipt.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from reporter.relay.store import RelayStore
from reporter.sync.coordinator import pull
from reporter.vault.vault import Vault
from tests.sync.conftest import NO_WAIT, PASSPHRASE, Mission

# The child pulls, and kills itself when the third bundle of the pass was handled: its
# group (all five fit in one) is not committed yet.
CHILD = r"""
import os, signal, sys
from pathlib import Path
from reporter.vault import keyfile
from reporter.vault.vault import Vault
from reporter.sync.engine import Backoff
from reporter.sync.coordinator import pull
keyfile.FAST_KDF_FOR_TESTS = True
vault = Vault.open(Path(sys.argv[1]), sys.argv[2])
seen = []

def progress(step):
    seen.append(step)
    if len(seen) == 3:
        os.kill(os.getpid(), signal.SIGKILL)

pull(
    vault,
    progress=progress if sys.argv[3] == "before" else None,
    backoff=Backoff(base=0.0, cap=0.0, jitter=0.0),
)
print("the pull ended", flush=True)
"""


def _relay(mission: Mission) -> RelayStore:
    store: RelayStore = mission.relay.server.config.app.state.store
    return store


def _on_relay(mission: Mission) -> tuple[int, int]:
    """(bundles waiting, receipts stored) on the relay."""
    store = _relay(mission)
    waiting = len(store.pending(0, 1000, store.coordinators()[0]["pseudonym"]))
    receipts = store.query("SELECT count(*) FROM uploads WHERE receipt IS NOT NULL")[0][0]
    return waiting, int(receipts)


def _send(mission: Mission, n: int) -> list[str]:
    sent = [mission.add_and_share(f"Amenaza {k}") for k in range(n)]
    engine = mission.engine()
    try:
        assert sorted(engine.run(force=True).uploaded) == sorted(sent)
    finally:
        engine.close()
    return sent


def test_a_kill_before_the_groups_commit_leaves_its_bundles_on_the_relay(
    mission: Mission,
) -> None:
    sent = _send(mission, 5)
    home = mission.coordinator.home
    mission.coordinator.close()

    child = subprocess.run(  # noqa: S603 - our own code
        [sys.executable, "-c", CHILD, str(home), PASSPHRASE, "before"],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parents[2],
        timeout=120,
        check=False,
    )
    assert child.returncode == -9, child.stderr  # killed, not ended

    mission.coordinator = Vault.open(home, PASSPHRASE)
    vault = mission.coordinator
    assert vault.query("SELECT bundle_id FROM inbox_bundles") == []  # nothing committed
    assert _on_relay(mission) == (5, 0)  # so nothing acknowledged, no receipt stored
    report = pull(vault, backoff=NO_WAIT)
    assert report.error is None
    assert sorted(i["bundle_id"] for i in report.imported) == sorted(sent)
    assert report.duplicates == []
    assert _on_relay(mission) == (0, 5)
    states = vault.query("SELECT receipt_state FROM inbox_bundles")
    assert [s for (s,) in states] == ["sent"] * 5
    again = pull(vault, backoff=NO_WAIT)  # nothing twice
    assert again.imported == []
    assert again.duplicates == []
    assert len(vault.query("SELECT bundle_id FROM inbox_bundles")) == 5
    assert vault.integrity_check() == "ok"


def test_a_kill_after_the_groups_commit_imports_nothing_twice(
    mission: Mission, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent = _send(mission, 5)
    home = mission.coordinator.home
    mission.coordinator.close()
    store = _relay(mission)
    real = store.set_receipt
    child: subprocess.Popen[str] | None = None

    def kill_at_the_first_receipt(upload_id: str, receipt: bytes) -> None:
        assert child is not None
        child.send_signal(signal.SIGKILL)  # the group is committed: receipts come after
        real(upload_id, receipt)

    monkeypatch.setattr(store, "set_receipt", kill_at_the_first_receipt)
    child = subprocess.Popen(  # noqa: S603 - our own code
        [sys.executable, "-c", CHILD, str(home), PASSPHRASE, "after"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).parents[2],
    )
    _, err = child.communicate(timeout=120)
    assert child.returncode == -9, err
    monkeypatch.undo()

    mission.coordinator = Vault.open(home, PASSPHRASE)
    vault = mission.coordinator
    assert len(vault.query("SELECT bundle_id FROM inbox_bundles")) == 5  # all committed
    assert _on_relay(mission)[0] == 5  # none acknowledged
    report = pull(vault, backoff=NO_WAIT)
    assert report.error is None
    assert report.imported == []
    assert sorted(report.duplicates) == sorted(sent)
    assert _on_relay(mission) == (0, 5)
    assert len(vault.query("SELECT bundle_id FROM inbox_bundles")) == 5
    assert vault.integrity_check() == "ok"
