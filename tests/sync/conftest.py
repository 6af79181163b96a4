"""A real relay on 127.0.0.1, a coalition that names it, enrolled reporter and coordinator.

A module (or test) marked ``both_backends`` runs once on each relay store: SQLite + files
and PostgreSQL + S3 (a throwaway cluster and a loopback moto server, one per session; a
database and a bucket per test). Take ``relay_store`` for the store's configuration.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from reporter.inbox.inbox import install_coalition_keys
from reporter.relay.serve import BackgroundRelay
from reporter.relay.storage import open_storage
from reporter.relay.storage.base import PostgresS3, StorageConfig
from reporter.share.coalition import PROFILE_FILE, create_coalition, load_coalition_keys
from reporter.share.profile import import_profile
from reporter.share.sharing import share_incidents
from reporter.sync.engine import Backoff, SyncEngine, enroll
from reporter.vault.vault import Vault

PASSPHRASE = "correct horse battery staple 42"
KEYS = "frase de las llaves de la coalición 7"
NO_WAIT = Backoff(base=0.0, cap=0.0, jitter=0.0)


BACKENDS = ("sqlite", "postgres")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "both_backends: run on SQLite + files and on PostgreSQL + S3 (relay_store, mission)",
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "relay_backend" in metafunc.fixturenames and metafunc.definition.get_closest_marker(
        "both_backends"
    ):
        metafunc.parametrize("relay_backend", BACKENDS, indirect=True)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[object]:
    from tests.pg_fixture import PgCluster, pg_bin

    if pg_bin() is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is not installed (packaging/install.sh installs it)")
        pytest.skip("PostgreSQL is not installed: apt-get install postgresql")
    cluster = PgCluster()
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session")
def s3_server() -> Iterator[object]:
    from tests.s3_fixture import S3Server

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # moto's request log
    server = S3Server()
    yield server
    server.stop()


@pytest.fixture
def relay_backend(request: pytest.FixtureRequest) -> str:
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
def relay_store(
    relay_backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> StorageConfig:
    """A new, empty relay store of the test's backend."""
    if relay_backend == "sqlite":
        return tmp_path / "relay"
    cluster = request.getfixturevalue("pg_cluster")
    s3 = request.getfixturevalue("s3_server")
    return PostgresS3(
        cluster.new_database(), f"s3://{s3.new_bucket()}/relay", s3.endpoint, pool_size=16
    )


def token(store_dir: StorageConfig, role: str = "device") -> str:
    store = open_storage(store_dir)
    try:
        return store.create_token(role)
    finally:
        store.close()


@dataclass
class Mission:
    relay: BackgroundRelay
    store_dir: StorageConfig  # a folder, or PostgreSQL + S3
    coalition_dir: Path
    reporter: Vault
    coordinator: Vault

    def add_and_share(self, title: str = "Amenaza", **extra: object) -> str:
        iid = self.reporter.incidents.add(
            {"title": title, "incident_types": ["HAR.THREAT"], **extra}
        )
        return share_incidents(self.reporter, [iid], consents=["share_free_text"])

    def engine(self, **kwargs: object) -> SyncEngine:
        return SyncEngine(self.reporter, backoff=NO_WAIT, **kwargs)  # type: ignore[arg-type]


def build_mission(root: Path, relay: BackgroundRelay, store_dir: StorageConfig) -> Mission:
    coalition_dir = root / "coalition"
    create_coalition(coalition_dir, "Red TDT", [relay.url], KEYS, "x25519")
    reporter = Vault.create(root / "reporter", PASSPHRASE)
    import_profile(reporter, (coalition_dir / PROFILE_FILE).read_bytes())
    enroll(reporter, token(store_dir))
    coordinator = Vault.create(root / "coordinator", PASSPHRASE, role="coordinator")
    install_coalition_keys(coordinator, load_coalition_keys(coalition_dir, KEYS))
    enroll(coordinator, token(store_dir, "coordinator"))
    return Mission(relay, store_dir, coalition_dir, reporter, coordinator)


@pytest.fixture
def mission(tmp_path: Path, relay_store: StorageConfig) -> Iterator[Mission]:
    store_dir = relay_store
    relay = BackgroundRelay(store_dir).start()
    m = build_mission(tmp_path, relay, store_dir)
    yield m
    m.reporter.close()
    m.coordinator.close()
    relay.stop()


@pytest.fixture
def dns_lookups(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every host name this process asks the resolver for, from now on."""
    looked_up: list[str] = []
    real = socket.getaddrinfo

    def spy(host, *args, **kwargs):  # type: ignore[no-untyped-def]
        looked_up.append(str(host))
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", spy)
    return looked_up
