"""A coalition with a reporter and a coordinator vault, and the helpers rotation tests share."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from reporter.age.header import Stanza, parse_header
from reporter.inbox.inbox import Inbox, install_coalition_keys
from reporter.share.coalition import PROFILE_FILE, create_coalition, load_coalition_keys
from reporter.share.outbox_store import OutboxStore
from reporter.share.profile import import_profile
from reporter.share.sharing import share_incidents
from reporter.vault.vault import Vault

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
