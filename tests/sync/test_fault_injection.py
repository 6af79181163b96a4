"""Bad networks: dropped and reset connections, killed clients, a restarted relay.

Every bundle still arrives exactly once at the coordinator.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from reporter.errors import NetworkError
from reporter.relay.serve import BackgroundRelay
from reporter.relay.storage.base import StorageConfig
from reporter.relay_client.transport import RelayClient
from reporter.share.outbox_store import OutboxStore
from reporter.sync.coordinator import pull
from reporter.sync.engine import SyncEngine, outbox_settled
from tests.sync.conftest import NO_WAIT, PASSPHRASE, Mission, build_mission
from tests.sync.faulty_proxy import FaultyProxy

pytestmark = pytest.mark.both_backends  # SQLite + files, PostgreSQL + S3


def _closing(connect: Callable[[], RelayClient]) -> Callable[[], RelayClient]:
    def fresh() -> RelayClient:
        client = connect()
        client.session.headers["Connection"] = "close"
        return client

    return fresh


def _sync_until_settled(
    mission: Mission, max_rounds: int, deadline_s: float, fresh_connections: bool = False
) -> int:
    rounds = 0
    deadline = time.monotonic() + deadline_s
    while not outbox_settled(mission.reporter):
        assert rounds < max_rounds, "did not settle"
        assert time.monotonic() < deadline, "did not settle in time"
        rounds += 1
        engine = SyncEngine(mission.reporter, backoff=NO_WAIT)
        if fresh_connections:  # one TCP connection per request: each can be sabotaged
            engine._connect = _closing(engine._connect)  # type: ignore[method-assign]
            engine.client.session.headers["Connection"] = "close"
        try:
            engine.run(force=True)
        except NetworkError:
            pass
        finally:
            engine.close()
    return rounds


def _exactly_once(mission: Mission, bundle_ids: list[str]) -> None:
    report = pull(mission.coordinator)
    imported = [i["bundle_id"] for i in report.imported]
    assert sorted(imported) == sorted(bundle_ids)
    assert report.duplicates == []
    rows = mission.coordinator.query("SELECT count(*) FROM inbox_bundles")
    assert rows[0][0] == len(bundle_ids)
    relay_rows = mission.relay.server.config.app.state.store.query("SELECT count(*) FROM uploads")
    assert relay_rows[0][0] == len(bundle_ids)  # no second copy of any upload


@pytest.mark.parametrize("count", [200, pytest.param(1000, marks=pytest.mark.slow)])
def test_flaky_network_every_bundle_exactly_once(mission: Mission, count: int) -> None:
    iid = mission.reporter.incidents.add({"title": "x", "incident_types": ["HAR.THREAT"]})
    from reporter.share.sharing import share_incidents

    bundle_ids = [share_incidents(mission.reporter, [iid]) for _ in range(count)]
    proxy = FaultyProxy(mission.relay.port, failure_rate=0.3).start()
    try:
        mission.reporter.set_meta("relay_url", proxy.url)
        _sync_until_settled(mission, max_rounds=count * 3, deadline_s=600, fresh_connections=True)
    finally:
        proxy.stop()
    assert proxy.sabotaged > count * 0.3  # the network really was bad
    assert proxy.sabotaged > proxy.connections * 0.2
    mission.reporter.set_meta("relay_url", mission.relay.url)
    _exactly_once(mission, bundle_ids)


CHILD = r"""
import os, sys
from pathlib import Path
from reporter.vault.vault import Vault
from reporter.sync.engine import SyncEngine, Backoff
vault = Vault.open(Path(sys.argv[1]), os.environ["TESTIGO_PASSPHRASE"])
print("ready", flush=True)
while True:
    try:
        engine = SyncEngine(vault, backoff=Backoff(0, 0, 0), chunk_size=256 * 1024,
                            max_piece=1024 * 1024)   # pieces of 256 KiB to 1 MiB: many kill points
        engine.run(force=True)
        engine.close()
    except Exception as exc:
        print("error", type(exc).__name__, flush=True)
"""


def test_killed_client_and_restarted_relay_still_exactly_once(
    tmp_path: Path, relay_store: StorageConfig
) -> None:
    store_dir = relay_store
    relay = BackgroundRelay(store_dir).start()
    port = relay.port
    mission = build_mission(tmp_path, relay, store_dir)
    iid = mission.reporter.incidents.add({"title": "x", "incident_types": ["HAR.THREAT"]})
    att = mission.reporter.attachments.add(
        iid, __import__("io").BytesIO(os.urandom(600_000)), "datos.bin"
    )
    from reporter.share.sharing import share_incidents

    # Small bundles go up in one request, large ones in resumable pieces: kill both.
    bundle_ids = [
        share_incidents(mission.reporter, [iid], [att["id"]], ["share_attachments"])
        if n % 2
        else share_incidents(mission.reporter, [iid])
        for n in range(6)
    ]
    mission.reporter.close()
    env = dict(os.environ, TESTIGO_PASSPHRASE=PASSPHRASE, PYTHONPATH=str(Path(__file__).parents[2]))
    rng = random.Random(5)
    kills = 0
    try:
        for round_no in range(40):
            child = subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    CHILD,  # noqa: S603
                    str(tmp_path / "reporter"),
                ],
                stdout=subprocess.PIPE,
                env=env,
            )
            assert child.stdout is not None
            assert child.stdout.readline().strip() == b"ready"
            try:
                child.wait(timeout=rng.uniform(0.02, 0.4))
            except subprocess.TimeoutExpired:
                child.send_signal(signal.SIGKILL)
                kills += 1
            child.wait(10)
            child.stdout.close()
            if round_no in (7, 19):  # the relay restarts mid-upload too
                relay.stop()
                relay = BackgroundRelay(store_dir, port=port).start()
                mission.relay = relay
            if kills >= 20 and round_no >= 25:
                break
        assert kills >= 20
        from reporter.vault.vault import Vault

        mission.reporter = Vault.open(tmp_path / "reporter", PASSPHRASE)
        _sync_until_settled(mission, max_rounds=30, deadline_s=120)
        _exactly_once(mission, bundle_ids)
        assert all(i["state"] == "uploaded" for i in OutboxStore(mission.reporter).list())
    finally:
        mission.reporter.close()
        mission.coordinator.close()
        relay.stop()
