"""Fixtures for sharing: a coalition, a reporter vault that trusts it, a coordinator vault."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from reporter.inbox.inbox import Inbox, install_coalition_keys
from reporter.share.coalition import PROFILE_FILE, create_coalition, load_coalition_keys
from reporter.share.outbox_store import OutboxStore
from reporter.share.profile import import_profile
from reporter.vault.vault import Vault

PASSPHRASE = "correct horse battery staple 42"
KEYS_PASSPHRASE = "frase de las llaves de la coalición 7"


@dataclass
class World:
    coalition_dir: Path
    reporter: Vault
    coordinator: Vault

    @property
    def inbox(self) -> Inbox:
        return Inbox(self.coordinator)

    def ciphertext(self, bundle_id: str) -> bytes:
        return b"".join(OutboxStore(self.reporter).ciphertext_chunks(bundle_id))

    def import_bytes(self, data: bytes):  # type: ignore[no-untyped-def]
        return self.inbox.import_bundle(io.BytesIO(data))


def make_world(root: Path, kind: str, name: str = "Red TDT") -> World:
    coalition_dir = root / f"coalition-{kind}"
    create_coalition(coalition_dir, name, ["https://relay.example.org"], KEYS_PASSPHRASE, kind)
    reporter = Vault.create(root / f"reporter-{kind}", PASSPHRASE)
    import_profile(reporter, (coalition_dir / PROFILE_FILE).read_bytes())
    coordinator = Vault.create(root / f"coordinator-{kind}", PASSPHRASE, role="coordinator")
    install_coalition_keys(coordinator, load_coalition_keys(coalition_dir, KEYS_PASSPHRASE))
    return World(coalition_dir, reporter, coordinator)


@pytest.fixture(params=["x25519", "hybrid"])
def world(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[World]:
    w = make_world(tmp_path, request.param)
    yield w
    w.reporter.close()
    w.coordinator.close()


@pytest.fixture
def x_world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    w = make_world(tmp_path, "x25519")
    yield w
    w.reporter.close()
    w.coordinator.close()
