"""Many small bundles: their outcomes are recorded in groups, and a kill still loses nothing.

A pass records finished small uploads one transaction per group, not one per bundle (the
commit dominated a pass of many small bundles); a client killed while a group is unrecorded
resends those bundles and the relay's idempotency key finds its copies: exactly once.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest

from reporter.relay.serve import BackgroundRelay
from reporter.relay.storage.base import StorageConfig
from reporter.share.outbox_store import OutboxStore
from reporter.share.sharing import share_incidents
from reporter.sync import engine as engine_module
from reporter.vault.vault import Vault
from tests.sync.conftest import PASSPHRASE, Mission, build_mission
from tests.sync.test_fault_injection import _exactly_once, _sync_until_settled


def _count_transactions(vault: Vault, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The vault's real transactions, counted as they are opened."""
    opened = [0]
    real = vault.transaction

    def counting(*args: Any, **kwargs: Any) -> AbstractContextManager[Any]:
        opened[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(vault, "transaction", counting)
    return opened


def test_a_pass_of_small_bundles_commits_once_per_group(
    mission: Mission, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(engine_module, "GROUP_SECONDS", 60.0, raising=False)  # by count only
    iid = mission.reporter.incidents.add({"title": "x", "incident_types": ["HAR.THREAT"]})
    count = getattr(engine_module, "GROUP", 64) + 16
    bundle_ids = [share_incidents(mission.reporter, [iid]) for _ in range(count)]
    opened = _count_transactions(mission.reporter, monkeypatch)
    seen: list[str] = []
    engine = mission.engine()
    try:
        report = engine.run(
            force=True,
            progress=lambda e: seen.append(e["bundle_id"]) if e["state"] == "uploaded" else None,
        )
    finally:
        engine.close()
    assert sorted(report.uploaded) == sorted(bundle_ids)
    assert sorted(seen) == sorted(bundle_ids)  # each shown as uploaded once, after its commit
    # Two groups of uploads (64, then 16); the receipts step may add a few of its own.
    assert opened[0] <= 4, f"{opened[0]} transactions for {count} bundles"
    mission.reporter.close()
    mission.reporter = Vault.open(
        tmp_path / "reporter", PASSPHRASE
    )  # durable: as the next start sees it
    states = {i["bundle_id"]: i for i in OutboxStore(mission.reporter).list()}
    assert all(states[b]["state"] == "uploaded" and states[b]["upload_id"] for b in bundle_ids)
    _exactly_once(mission, bundle_ids)


KILLED_MID_GROUP = r"""
import os, signal, sys
from pathlib import Path
from reporter.sync import engine as engine_module
from reporter.vault.vault import Vault
from reporter.sync.engine import SyncEngine, Backoff
engine_module.GROUP, engine_module.GROUP_SECONDS = 10_000, 3600.0  # no record before the kill
vault = Vault.open(Path(sys.argv[1]), os.environ["TESTIGO_PASSPHRASE"])
engine = SyncEngine(vault, backoff=Backoff(0, 0, 0))
asked = [0]
def cancel():
    asked[0] += 1
    if asked[0] > int(sys.argv[2]):  # uploads finished and acknowledged, none recorded yet
        os.kill(os.getpid(), signal.SIGKILL)
    return False
engine.run(force=True, cancel=cancel)
"""


@pytest.fixture
def killed_mission(tmp_path: Path, relay_store: StorageConfig) -> Iterator[Mission]:
    relay = BackgroundRelay(relay_store).start()
    mission = build_mission(tmp_path, relay, relay_store)
    yield mission
    mission.reporter.close()
    mission.coordinator.close()
    relay.stop()


def test_a_client_killed_before_recording_a_group_resends_it_exactly_once(
    killed_mission: Mission, tmp_path: Path
) -> None:
    mission = killed_mission
    iid = mission.reporter.incidents.add({"title": "x", "incident_types": ["HAR.THREAT"]})
    bundle_ids = [share_incidents(mission.reporter, [iid]) for _ in range(30)]
    mission.reporter.close()
    env = dict(os.environ, TESTIGO_PASSPHRASE=PASSPHRASE, PYTHONPATH=str(Path(__file__).parents[2]))
    child = subprocess.run(  # noqa: S603 - our own code
        [sys.executable, "-c", KILLED_MID_GROUP, str(tmp_path / "reporter"), "20"],
        env=env,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert child.returncode == -9, child.stderr.decode()[-2000:]
    mission.reporter = Vault.open(tmp_path / "reporter", PASSPHRASE)
    relay_rows = mission.relay.server.config.app.state.store.query(
        "SELECT count(*) FROM uploads WHERE state = 'complete'"
    )
    assert relay_rows[0][0] >= 10  # the relay had them ...
    outbox = OutboxStore(mission.reporter)
    assert all(i["state"] == "queued" for i in outbox.list())  # ... the vault had not recorded
    _sync_until_settled(mission, max_rounds=3, deadline_s=120)
    assert all(i["state"] == "uploaded" for i in outbox.list())
    _exactly_once(mission, bundle_ids)


def test_a_group_record_is_all_or_nothing(mission: Mission) -> None:
    from reporter.errors import InvalidField, NotFound

    iid = mission.reporter.incidents.add({"title": "x", "incident_types": ["HAR.THREAT"]})
    first, second = (share_incidents(mission.reporter, [iid]) for _ in range(2))
    outbox = OutboxStore(mission.reporter)
    with pytest.raises(NotFound):
        outbox.transition_many([(first, {"state": "uploaded"}), ("00" * 16, {"state": "uploaded"})])
    with pytest.raises(InvalidField):
        outbox.transition_many([(first, {"state": "uploaded"}), (second, {"size": 1})])
    assert [i["state"] for i in outbox.list()] == ["queued", "queued"]  # neither changed
    outbox.transition_many([(first, {"state": "uploaded"}), (second, {"attempts": 3})])
    states = {i["bundle_id"]: i for i in outbox.list()}
    assert states[first]["state"] == "uploaded"
    assert states[second]["attempts"] == 3
