"""Two coordinator vaults (real SQLCipher) of one coalition, on one loopback relay.

Both hold the coalition keys and the same three received reports; the coalition admin's
roster (signed in the coalition directory) lists both, and each vault imported it. The
relay is the project's own (``BackgroundRelay``, SQLite + files), each vault enrolled as a
coordinator.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from reporter.coordination.exchange import ExchangeReport, sync_with_relay
from reporter.coordination.identity import card, parse_card
from reporter.coordination.replay import accept_roster
from reporter.coordination.roster import ROSTER_FILE, add_member
from reporter.inbox.inbox import Inbox, install_coalition_keys
from reporter.relay.serve import BackgroundRelay
from reporter.share.coalition import PROFILE_FILE, create_coalition, load_coalition_keys
from reporter.sync.engine import enroll
from reporter.vault.vault import Vault
from tests.coordination.roster_setup import coordinators_on_roster
from tests.share.signed_bundles import good_record, new_device, seal
from tests.sync.conftest import (  # noqa: F401 - fixtures used by name (both relay backends)
    KEYS,
    PASSPHRASE,
    pg_cluster,
    pytest_configure,
    pytest_generate_tests,
    relay_backend,
    relay_store,
    s3_server,
    token,
)


@dataclass
class Pair:
    root: Path
    relay: BackgroundRelay
    store_dir: Path
    coalition_dir: Path
    ana: Vault
    beto: Vault
    incidents: list[str]
    bundle: bytes

    def sync(self, vault: Vault) -> ExchangeReport:
        return sync_with_relay(vault)

    def new_coordinator(
        self, name: str, with_roster: bool = True, with_bundle: bool = True
    ) -> Vault:
        vault = Vault.create(self.root / name, PASSPHRASE, role="coordinator")
        install_coalition_keys(vault, load_coalition_keys(self.coalition_dir, KEYS))
        enroll(vault, token(self.store_dir, "coordinator"))
        if with_bundle:
            receive(vault, self.bundle)
        if with_roster:
            accept_roster(vault, self.roster_bytes(), forward=False)
        return vault

    def admit(self, vault: Vault) -> None:
        keys = load_coalition_keys(self.coalition_dir, KEYS)
        add_member(self.coalition_dir, keys.signing_key, parse_card(card(vault)))

    def roster_bytes(self) -> bytes:
        return (self.coalition_dir / ROSTER_FILE).read_bytes()

    def relay_objects(self) -> list[tuple[str, int]]:
        with contextlib.closing(sqlite3.connect(self.store_dir / "relay.sqlite")) as db:
            return [
                (str(r[0]), int(r[1]))
                for r in db.execute("SELECT id, cursor FROM coordination ORDER BY cursor")
            ]

    def relay_object(self, object_id: str) -> bytes:
        with contextlib.closing(sqlite3.connect(self.store_dir / "relay.sqlite")) as db:
            row = db.execute("SELECT data FROM coordination WHERE id = ?", (object_id,)).fetchone()
        return bytes(row[0])

    def relay_sql(self, sql: str, params: tuple[Any, ...]) -> None:
        db = sqlite3.connect(self.store_dir / "relay.sqlite")
        try:
            with db:
                db.execute(sql, params)
        finally:
            db.close()


def receive(vault: Vault, bundle: bytes) -> None:
    path = vault.home.parent / f"{vault.home.name}-bundle.age"
    path.write_bytes(bundle)
    assert Inbox(vault).import_file(path).status == "imported"
    path.unlink()


@pytest.fixture
def relay_limits() -> dict[str, Any]:
    """The relay's settings beyond its defaults (a test module may override this)."""
    return {}


@pytest.fixture
def pair(tmp_path: Path, relay_limits: dict[str, Any]) -> Iterator[Pair]:
    store_dir = tmp_path / "relay"
    relay = BackgroundRelay(store_dir, **relay_limits).start()
    coalition_dir = tmp_path / "coalition"
    create_coalition(coalition_dir, "Red TDT", [relay.url], KEYS, "x25519")
    keys = load_coalition_keys(coalition_dir, KEYS)
    records = [good_record(title=f"Reporte {i}") for i in range(3)]
    bundle = seal(keys.profile, new_device(), records)
    vaults = coordinators_on_roster(
        tmp_path, coalition_dir, store_dir, ("ana", "beto"), each=lambda v: receive(v, bundle)
    )
    assert (coalition_dir / PROFILE_FILE).exists()
    p = Pair(
        tmp_path,
        relay,
        store_dir,
        coalition_dir,
        vaults[0],
        vaults[1],
        sorted(r["id"] for r in records),
        bundle,
    )
    yield p
    for vault in vaults:
        vault.close()
    relay.stop()


def snapshot(vault: Vault) -> dict[str, Any]:
    """The whole shared triage state of a vault, in a form two vaults can be compared in."""

    def q(sql: str) -> list[tuple[Any, ...]]:
        return [tuple(r) for r in vault.query(sql)]

    return {
        "triage": q(
            "SELECT incident_id, review, assignee, verification, counting, exclusion"
            " FROM inbox_triage ORDER BY incident_id"
        ),
        "tags": q("SELECT incident_id, tag FROM inbox_tags ORDER BY 1, 2"),
        "links": q("SELECT a, b, kind FROM inbox_links ORDER BY 1, 2, 3"),
        "notes": q("SELECT incident_id, text, event FROM inbox_notes WHERE shared ORDER BY event"),
        "claims": q("SELECT incident_id, by, until FROM coord_claims ORDER BY 1"),
    }


def event_docs(vault: Vault) -> list[Any]:
    return [json.loads(bytes(r[0])) for r in vault.query("SELECT doc FROM coord_events")]
