"""A coalition with a reporter and a coordinator vault, and the helpers rotation tests share."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from reporter.age.header import Stanza, parse_header
from reporter.inbox.inbox import Inbox, install_coalition_keys
from reporter.relay.serve import BackgroundRelay
from reporter.relay_client.transport import RelayClient
from reporter.share.coalition import PROFILE_FILE, create_coalition, load_coalition_keys
from reporter.share.outbox_store import OutboxStore
from reporter.share.profile import current_profile, import_profile
from reporter.share.sharing import share_incidents
from reporter.sync.engine import Backoff, SyncEngine, enroll
from reporter.vault.vault import Vault
from tests.coordination.roster_setup import coordinators_on_roster
from tests.sync.conftest import token

PASSPHRASE = "correct horse battery staple 42"
KEYS = "frase de las llaves de la coalición 7"
DATA = Path(__file__).parent / "data"
V1_COALITION = DATA / "v1-coalition"  # made by the code before profiles had epochs


@dataclass
class Coalition:
    root: Path
    directory: Path
    reporter: Vault
    coordinator: Vault

    def share(self, title: str = "Amenaza") -> str:
        iid = self.reporter.incidents.add({"title": title, "incident_types": ["HAR.THREAT"]})
        return share_incidents(self.reporter, [iid], consents=["share_free_text"])

    def sealed(self, bundle_id: str) -> bytes:
        return b"".join(OutboxStore(self.reporter).ciphertext_chunks(bundle_id))

    def import_into(self, vault: Vault, bundle_id: str, name: str = "b.age") -> object:
        path = self.root / name
        path.write_bytes(self.sealed(bundle_id))
        try:
            return Inbox(vault).import_file(path)
        finally:
            path.unlink()


def stanzas(sealed: bytes) -> tuple[Stanza, ...]:
    return parse_header(io.BytesIO(sealed)).stanzas


def make_coalition(root: Path, relays: list[str], v1: bool = False) -> Coalition:
    directory = root / "coalition"
    if v1:
        shutil.copytree(V1_COALITION, directory)
    else:
        create_coalition(directory, "Red TDT", relays, KEYS, "x25519")
    reporter = Vault.create(root / "reporter", PASSPHRASE)
    import_profile(reporter, (directory / PROFILE_FILE).read_bytes())
    coordinator = Vault.create(root / "coordinator", PASSPHRASE, role="coordinator")
    install_coalition_keys(coordinator, load_coalition_keys(directory, KEYS))
    return Coalition(root, directory, reporter, coordinator)


@pytest.fixture
def coalition(tmp_path: Path) -> Iterator[Coalition]:
    c = make_coalition(tmp_path, ["http://127.0.0.1:9"])
    yield c
    c.reporter.close()
    c.coordinator.close()


NO_WAIT = Backoff(base=0.0, cap=0.0, jitter=0.0)


@dataclass
class Network:
    coalition: Coalition  # reporter = the device, coordinator = Ana, the admin who rotates
    relay: BackgroundRelay
    store_dir: Path
    beto: Vault  # the coordinator who is removed
    carla: Vault  # one who stays: she gets the new epoch through the relay

    @property
    def ana(self) -> Vault:
        return self.coalition.coordinator

    def device_sync(self) -> None:
        engine = SyncEngine(self.coalition.reporter, backoff=NO_WAIT)
        try:
            engine.run()
        finally:
            engine.close()

    def relay_objects(self, vault: Vault) -> list[bytes]:
        """Every coordination object on the relay, fetched as that coordinator."""
        url = current_profile(vault).relays[0]  # type: ignore[union-attr]
        client = RelayClient(url, credential=vault.get_meta("relay_credential"))
        try:
            items = client.list_coordination(0, 1000)
            return [client.get_coordination(i["id"]) for i in items]
        finally:
            client.close()


@contextmanager
def relay_network(root: Path, names: tuple[str, ...]) -> Iterator[Network]:
    """A loopback relay, a coalition on it, a device enrolled and the named coordinators
    (the first is Ana, the second Beto, the last Carla) enrolled and on the roster."""
    store_dir = root / "relay"
    relay = BackgroundRelay(store_dir).start()
    directory = root / "coalition"
    create_coalition(directory, "Red TDT", [relay.url], KEYS, "x25519")
    device = Vault.create(root / "device", PASSPHRASE)
    import_profile(device, (directory / PROFILE_FILE).read_bytes())
    enroll(device, token(store_dir))
    vaults = coordinators_on_roster(root, directory, store_dir, names)
    try:
        yield Network(
            Coalition(root, directory, device, vaults[0]), relay, store_dir, vaults[1], vaults[-1]
        )
    finally:
        for vault in (device, *vaults):
            vault.close()
        relay.stop()
