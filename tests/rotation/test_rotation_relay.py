"""Issue 16, test 4, over a real relay on 127.0.0.1: rotation, the device's update, removal.

Real SQLCipher vaults, the project's relay (SQLite + files), a real sync pass on the device and
real pulls on the coordinators; nothing of ours is mocked.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from reporter.coordination.exchange import open_object, sync_with_relay
from reporter.coordination.identity import my_identity
from reporter.coordination.replay import accept_roster
from reporter.coordination.roster import remove_member
from reporter.coordination.rotation import publish_epoch
from reporter.errors import NoMatchingIdentity
from reporter.inbox.epochs import epoch_identities
from reporter.relay_client.transport import RelayClient
from reporter.share.bundle import read_bundle
from reporter.share.coalition import (
    create_coalition,
    load_coalition_keys,
    rotate_coalition,
)
from reporter.share.device import device_identity, receipt_identity
from reporter.share.outbox_store import OutboxStore
from reporter.share.profile import current_profile
from reporter.share.profile_update import notices
from reporter.share.receipts import make_receipt
from reporter.sync.coordinator import pull
from reporter.sync.engine import SyncEngine
from tests.rotation.conftest import KEYS, NO_WAIT, Coalition, Network, relay_network, stanzas


@pytest.fixture
def network(tmp_path: Path) -> Iterator[Network]:
    with relay_network(tmp_path, ("ana", "beto", "carla")) as net:
        yield net


def test_rotation_reaches_the_device_and_shuts_out_the_removed_coordinator(
    network: Network,
) -> None:
    c, ana, beto = network.coalition, network.ana, network.beto
    before = c.share("antes de la rotación")
    network.device_sync()
    # Ana removes Beto from the roster, then rotates the coalition key and publishes.
    keys = load_coalition_keys(c.directory, KEYS)
    removed = remove_member(c.directory, keys.signing_key, my_identity(beto).member_id, 0, None)
    accept_roster(ana, removed.raw, forward=True)
    objects_before = len(network.relay_objects(ana))
    rotated = rotate_coalition(c.directory, KEYS, grace_days=30)
    published = publish_epoch(ana, rotated)
    assert published.profile_published
    assert published.error is None
    assert published.objects_sent >= 2  # the new roster and the epoch keys

    # The device's ordinary sync pass takes the new profile, with a notice, and seals to it.
    network.device_sync()
    profile = current_profile(c.reporter)
    assert profile is not None
    assert profile.epoch == 2
    assert [n["kind"] for n in notices(c.reporter)] == ["key_changed"]
    after = c.share("después de la rotación")
    (stanza,) = stanzas(c.sealed(after))
    assert stanza.type == "X25519"
    assert rotated.identity.unwrap(stanza) is not None
    assert rotated.epochs[1].unwrap(stanza) is None
    network.device_sync()

    # Ana took her own epoch keys; she opens the old bundle (in grace) and the new one.
    assert {e.epoch for e in epoch_identities(ana)} == {1, 2}
    got = pull(ana)
    assert sorted(i["bundle_id"] for i in got.imported) == sorted([before, after])

    # Carla, still in the roster, gets the epoch keys through the relay and opens both.
    assert sync_with_relay(network.carla).outcomes.get("epoch 2 keys") == 1
    assert {e.epoch for e in epoch_identities(network.carla)} == {1, 2}
    assert current_profile(network.carla).epoch == 2  # type: ignore[union-attr]
    got = pull(network.carla)
    assert sorted(i["bundle_id"] for i in got.imported) == sorted([before, after])

    # Beto never got the epoch keys: nothing sealed after his removal opens with his keys.
    exchanged = sync_with_relay(beto)
    assert exchanged.not_for_us >= 2
    assert {e.epoch for e in epoch_identities(beto)} == {1}
    assert current_profile(beto).epoch == 1  # type: ignore[union-attr]
    with pytest.raises(NoMatchingIdentity):
        read_bundle(
            io.BytesIO(c.sealed(after)),
            [e.identity for e in epoch_identities(beto)],
            lambda _entry: pytest.fail("no attachment can be reached"),
        )
    after_removal = network.relay_objects(ana)[objects_before:]
    assert after_removal
    for data in after_removal:
        with pytest.raises(NoMatchingIdentity):
            open_object(beto, data)
        assert open_object(ana, data)["format"] == "testigo-coordination"
    # His pull of the new bundle fails to open it too (recorded, never imported).
    pulled = pull(beto)
    assert after not in [i["bundle_id"] for i in pulled.imported]
    assert not beto.query("SELECT 1 FROM inbox_bundles WHERE bundle_id = ?", (after,))


def test_a_profile_on_the_relay_signed_by_another_key_is_refused(
    network: Network, tmp_path: Path
) -> None:
    c = network.coalition
    create_coalition(tmp_path / "forger", "Red TDT", [network.relay.url], KEYS, "x25519")
    forged = rotate_coalition(tmp_path / "forger", KEYS)
    url = network.relay.url
    client = RelayClient(url, credential=network.ana.get_meta("relay_credential"))
    try:
        client.put_profile(forged.profile.raw)
    finally:
        client.close()
    original = current_profile(c.reporter)
    network.device_sync()
    assert current_profile(c.reporter) == original
    assert [(n["kind"], n["code"]) for n in notices(c.reporter)] == [("refused", "untrusted_key")]
    # The bundle the device seals still goes to the coalition it trusts, not the forger.
    (stanza,) = stanzas(c.sealed(c.share()))
    assert forged.identity.unwrap(stanza) is None
    assert load_coalition_keys(c.directory, KEYS).identity.unwrap(stanza) is not None


def test_a_device_with_no_profile_published_keeps_syncing(network: Network) -> None:
    c = network.coalition
    bundle = c.share()
    engine = SyncEngine(c.reporter, backoff=NO_WAIT)
    try:
        report = engine.run()
    finally:
        engine.close()
    assert report.uploaded == [bundle]
    assert notices(c.reporter) == []
    assert current_profile(c.reporter).epoch == 1  # type: ignore[union-attr]


def _outbox_state(c: Coalition, bundle_id: str) -> str:
    return str(OutboxStore(c.reporter).get(bundle_id)["state"])


def test_a_receipt_signed_just_before_a_rotation_still_confirms_the_bundle(
    network: Network,
) -> None:
    """The receipt was in flight, signed with the old epoch's service key: still believed."""
    c, ana = network.coalition, network.ana
    bundle = c.share("enviado antes de la rotación")
    network.device_sync()
    assert _outbox_state(c, bundle) == "uploaded"
    # Ana pulls: her receipt, signed with epoch 1's service key, waits on the relay.
    assert [i["bundle_id"] for i in pull(ana).imported] == [bundle]
    publish_epoch(ana, rotate_coalition(c.directory, KEYS, grace_days=30))
    # One sync pass: the device takes the epoch 2 profile first, then fetches the receipt.
    network.device_sync()
    assert current_profile(c.reporter).epoch == 2  # type: ignore[union-attr]
    assert _outbox_state(c, bundle) == "received"


def test_a_receipt_signed_by_a_key_no_profile_listed_is_still_refused(network: Network) -> None:
    c, ana = network.coalition, network.ana
    publish_epoch(ana, rotate_coalition(c.directory, KEYS, grace_days=30))
    bundle = c.share()
    network.device_sync()
    item = OutboxStore(c.reporter).get(bundle)
    forged = make_receipt(
        Ed25519PrivateKey.generate(),
        bundle,
        device_identity(c.reporter).device_id,
        receipt_identity(c.reporter).recipient().to_string(),
    )
    client = RelayClient(network.relay.url, credential=ana.get_meta("relay_credential"))
    try:
        client.put_receipt(item["upload_id"], forged)
    finally:
        client.close()
    network.device_sync()
    item = OutboxStore(c.reporter).get(bundle)
    assert item["state"] == "uploaded"
    assert item["last_error"] is not None
