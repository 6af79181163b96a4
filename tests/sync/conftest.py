"""A real relay on 127.0.0.1, a coalition that names it, enrolled reporter and coordinator."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from reporter.inbox.inbox import install_coalition_keys
from reporter.relay.serve import BackgroundRelay
from reporter.relay.store import RelayStore
from reporter.share.coalition import PROFILE_FILE, create_coalition, load_coalition_keys
from reporter.share.profile import import_profile
from reporter.share.sharing import share_incidents
from reporter.sync.engine import Backoff, SyncEngine, enroll
from reporter.vault.vault import Vault

PASSPHRASE = "correct horse battery staple 42"
KEYS = "frase de las llaves de la coalición 7"
NO_WAIT = Backoff(base=0.0, cap=0.0, jitter=0.0)


def token(store_dir: Path, role: str = "device") -> str:
    store = RelayStore(store_dir)
    try:
        return store.create_token(role)
    finally:
        store.close()


@dataclass
class Mission:
    relay: BackgroundRelay
    store_dir: Path
    coalition_dir: Path
    reporter: Vault
    coordinator: Vault

    def add_and_share(self, title: str = "Amenaza", **extra: object) -> str:
        iid = self.reporter.incidents.add({"title": title, "incident_types": ["HAR.THREAT"],
                                           **extra})
        return share_incidents(self.reporter, [iid], consents=["share_free_text"])

    def engine(self, **kwargs: object) -> SyncEngine:
        return SyncEngine(self.reporter, backoff=NO_WAIT, **kwargs)  # type: ignore[arg-type]


def build_mission(root: Path, relay: BackgroundRelay, store_dir: Path) -> Mission:
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
def mission(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Mission]:
    store_dir = tmp_path / "relay"
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
