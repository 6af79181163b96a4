"""Only the coalition's admin holds the root key; coordinators sign with the epoch's service key.

The root key (the profile's ``signing_key``) signs profiles, rosters and epoch keys and lives
only in the coalition folder's encrypted keys file. A coordinator vault holds the epoch's
service key, which devices check receipts and questions against, so a removed coordinator can
neither hand devices a profile of their own nor, after a rotation, speak to them as the
coalition. Real SQLCipher vaults, the real CLI and a real relay on 127.0.0.1.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from reporter.coordination.epoch_keys import accept_epoch_keys, epoch_keys_object, verify_epoch_keys
from reporter.coordination.identity import my_identity
from reporter.coordination.replay import accept_roster
from reporter.coordination.roster import remove_member
from reporter.coordination.rotation import publish_epoch
from reporter.errors import FormatError, IntegrityError
from reporter.exports.base import ExportContext
from reporter.exports.packet import verify_packet
from reporter.exports.run import run_export
from reporter.inbox.inbox import coalition_signing_key
from reporter.inbox.query import ReportFilter
from reporter.questions.asking import ask
from reporter.relay_client.transport import RelayClient
from reporter.share.coalition import (
    KEYS_FILE,
    PROFILE_FILE,
    create_coalition,
    load_coalition_keys,
    rotate_coalition,
)
from reporter.share.device import device_identity, receipt_identity
from reporter.share.device_questions import questions
from reporter.share.profile import (
    PROFILE_CONTEXT,
    build_body,
    canonical,
    current_profile,
    parse_profile,
    service_keys,
    sign_profile,
)
from reporter.share.profile_update import notices, take_profile_update
from reporter.share.receipts import make_receipt, open_receipt
from reporter.sync.coordinator import pull
from reporter.vault.vault import Vault
from tests.rotation.conftest import (
    KEYS,
    PASSPHRASE,
    Coalition,
    Network,
    make_coalition,
    relay_network,
)


def _root_private(directory: Path) -> bytes:
    return load_coalition_keys(directory, KEYS).signing_key.private_bytes_raw()


def _every_stored_value(vault: Vault) -> Iterator[bytes]:
    """Every text and blob in every table of the decrypted vault."""
    tables = [r[0] for r in vault.query("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for table in tables:
        for row in vault.query(f'SELECT * FROM "{table}"'):  # noqa: S608 (names from the schema)
            for value in row:
                if isinstance(value, bytes | memoryview):
                    yield bytes(value)
                elif isinstance(value, str):
                    yield value.encode()


def _ed25519_keys(vault: Vault) -> list[Ed25519PrivateKey]:
    """Every Ed25519 private key the vault material holds (the whole key table, and more)."""
    found = []
    for (secret,) in vault.query("SELECT secret FROM coalition_keys"):
        if len(bytes(secret)) == 32:
            found.append(Ed25519PrivateKey.from_private_bytes(bytes(secret)))
    found.append(my_identity(vault).signing_key)
    found.append(coalition_signing_key(vault))
    return found


def _receipt_for(c: Coalition, key: Ed25519PrivateKey, bundle_id: str = "b" * 32) -> bytes:
    return make_receipt(
        key,
        bundle_id,
        device_identity(c.reporter).device_id,
        receipt_identity(c.reporter).recipient().to_string(),
    )


def _open(c: Coalition, data: bytes) -> dict[str, object]:
    return open_receipt(c.reporter, data, device_identity(c.reporter).device_id)


# -- where the root key is, and is not ---------------------------------------------------------
def test_a_coordinator_vault_made_by_init_holds_no_root_key(tmp_path: Path) -> None:
    co, home = tmp_path / "co", tmp_path / "coord"
    env = dict(os.environ, TESTIGO_PASSPHRASE=PASSPHRASE, TESTIGO_COALITION_PASSPHRASE=KEYS)
    cli = [sys.executable, "-m", "tests.fast_cli"]
    for args in (
        ["coalition", "create", "--name", "Red", "--relay", "https://relay.example.org"]
        + ["--recipients", "x25519", "--out", str(co)],
        ["--home", str(home), "init", "--role", "coordinator", "--coalition-dir", str(co)],
    ):
        proc = subprocess.run(  # noqa: S603
            [*cli, *args], capture_output=True, text=True, env=env, timeout=120, check=False
        )
        assert proc.returncode == 0, proc.stderr
    root = _root_private(co)
    profile = parse_profile((co / PROFILE_FILE).read_bytes())
    assert profile.service_key is not None
    with Vault.open(home, PASSPHRASE) as vault:
        names = {r[0] for r in vault.query("SELECT name FROM coalition_keys")}
        assert names == {"identity", "service"}
        assert all(root not in value for value in _every_stored_value(vault))
        publics = {k.public_key().public_bytes_raw() for k in _ed25519_keys(vault)}
        assert profile.signing_public_key not in publics
        assert profile.service_key in publics
        # What it signs with is the service key, and a device checks that key.
        assert coalition_signing_key(vault).public_key().public_bytes_raw() == profile.service_key


def test_no_key_a_coordinator_holds_signs_a_profile_a_device_takes(coalition: Coalition) -> None:
    c = coalition
    before = current_profile(c.reporter)
    assert before is not None
    mine = my_identity(c.coordinator).recipient
    for key in _ed25519_keys(c.coordinator):
        for named in (before.signing_public_key, key.public_key().public_bytes_raw()):
            forged = build_body(
                before.name,
                before.recipient_type,
                [mine],
                list(before.relays),
                before.tls_pin,
                before.vocabulary_version,
                before.policy,
                named,
                epoch=before.epoch + 1,
            )
            try:
                data = sign_profile(forged, key)
            except FormatError:
                continue
            assert take_profile_update(c.reporter, data) is None
    assert current_profile(c.reporter) == before
    assert {n["code"] for n in notices(c.reporter)} == {"untrusted_key", "integrity"}


# -- receipts and questions under the service key ----------------------------------------------
def test_receipts_verify_with_the_service_key_and_not_with_the_root(coalition: Coalition) -> None:
    c = coalition
    keys = load_coalition_keys(c.directory, KEYS)
    assert keys.service_key is not None
    assert _open(c, _receipt_for(c, coalition_signing_key(c.coordinator)))["bundle_id"] == "b" * 32
    with pytest.raises(IntegrityError, match="not signed by the coalition"):
        _open(c, _receipt_for(c, keys.signing_key))


def test_after_a_rotation_the_old_service_key_convinces_a_device_no_longer(
    coalition: Coalition,
) -> None:
    """Once the old epoch's grace is over (none here), its service key confirms nothing."""
    c = coalition
    old = coalition_signing_key(c.coordinator)
    rotated = rotate_coalition(c.directory, KEYS, grace_days=0)
    assert rotated.service_key is not None
    assert rotated.profile.service_key != parse_profile(_old_profile(c)).service_key
    assert take_profile_update(c.reporter, rotated.profile.raw) is not None
    with pytest.raises(IntegrityError):
        _open(c, _receipt_for(c, old))
    with pytest.raises(IntegrityError):
        _open(c, _receipt_for(c, rotated.signing_key))
    assert _open(c, _receipt_for(c, rotated.service_key))["device_id"]


def test_within_the_grace_the_old_service_key_confirms_receipts_but_asks_nothing(
    coalition: Coalition,
) -> None:
    """A receipt signed just before the rotation was in flight; a question never was."""
    c = coalition
    old = coalition_signing_key(c.coordinator)
    rotated = rotate_coalition(c.directory, KEYS, grace_days=30)
    assert rotated.profile.version == 3
    assert take_profile_update(c.reporter, rotated.profile.raw) is not None
    assert _open(c, _receipt_for(c, old))["bundle_id"] == "b" * 32
    with pytest.raises(IntegrityError):
        _open(c, _receipt_for(c, rotated.signing_key))  # the root never signs receipts
    with pytest.raises(IntegrityError):
        _open(c, _receipt_for(c, Ed25519PrivateKey.generate()))
    assert service_keys(c.reporter) == [rotated.profile.service_key]


def test_a_device_that_skipped_an_epoch_still_believes_both_earlier_keys(
    coalition: Coalition,
) -> None:
    """The relay holds only the newest profile: epoch 3 lists epochs 1 and 2 with their keys."""
    c = coalition
    first = coalition_signing_key(c.coordinator)
    second = rotate_coalition(c.directory, KEYS, grace_days=30)
    third = rotate_coalition(c.directory, KEYS, grace_days=30)
    assert second.service_key is not None
    assert [e for e, _ in third.profile.previous_service_keys] == [2, 1]
    assert take_profile_update(c.reporter, third.profile.raw) is not None
    assert current_profile(c.reporter).epoch == 3  # type: ignore[union-attr]
    for key in (first, second.service_key, third.message_key()):
        assert _open(c, _receipt_for(c, key))["bundle_id"] == "b" * 32


def _old_profile(c: Coalition) -> bytes:
    rows = c.reporter.query("SELECT data FROM profiles ORDER BY imported_at LIMIT 1")
    return bytes(rows[0][0])


# -- a removed coordinator, over the relay -----------------------------------------------------
@pytest.fixture
def network(tmp_path: Path) -> Iterator[Network]:
    with relay_network(tmp_path, ("ana", "beto")) as net:  # carla is beto: no third
        yield net


def _client(vault: Vault) -> RelayClient:
    url = current_profile(vault).relays[0]  # type: ignore[union-attr]
    return RelayClient(url, credential=vault.get_meta("relay_credential"))


def test_a_removed_coordinator_can_neither_replace_the_profile_nor_ask_after_rotation(
    network: Network,
) -> None:
    c, ana, beto = network.coalition, network.ana, network.beto
    iid = c.reporter.incidents.add({"title": "Amenaza", "incident_types": ["HAR.THREAT"]})
    from reporter.share.sharing import share_incidents

    share_incidents(c.reporter, [iid], consents=["share_free_text"])
    network.device_sync()
    assert len(pull(beto).imported) == 1  # Beto saw the report while he was a member
    assert len(pull(ana).imported) == 1

    # Removed from the roster, Beto puts a profile of his own on the relay, signed by each
    # key his vault holds; the device's sync refuses every one and keeps the coalition's.
    keys = load_coalition_keys(c.directory, KEYS)
    removed = remove_member(c.directory, keys.signing_key, my_identity(beto).member_id, 0, None)
    accept_roster(ana, removed.raw, forward=True)
    trusted = current_profile(c.reporter)
    assert trusted is not None
    client = _client(beto)
    try:
        for key in _ed25519_keys(beto):
            body = json.loads(trusted.raw)["profile"]
            body.update(recipients=[my_identity(beto).recipient], epoch=trusted.epoch + 1)
            signature = key.sign(PROFILE_CONTEXT + b"\x00" + canonical(body))
            document = {"format": "testigo-coalition-profile", "version": 2, "profile": body}
            document["signature"] = base64.b64encode(signature).decode()
            client.put_profile(json.dumps(document).encode())
            network.device_sync()
            assert current_profile(c.reporter) == trusted
    finally:
        client.close()
    assert [n["kind"] for n in notices(c.reporter)] == ["refused"]

    # Ana rotates; the device takes the new profile. A question Beto signs with the old
    # epoch's service key is refused, one Ana signs with the new one is kept.
    publish_epoch(ana, rotate_coalition(c.directory, KEYS))
    network.device_sync()
    assert current_profile(c.reporter).epoch == 2  # type: ignore[union-attr]
    for vault, text in ((beto, "¿Me mandas la dirección exacta?"), (ana, "¿Qué día fue?")):
        client = _client(vault)
        try:
            ask(vault, client, iid, text=text)
        finally:
            client.close()
    network.device_sync()
    assert [q["text"] for q in questions(c.reporter)] == ["¿Qué día fue?"]


# -- older coalitions --------------------------------------------------------------------------
def test_a_v1_coalition_keeps_working_and_drops_the_root_key_at_its_first_rotation(
    tmp_path: Path,
) -> None:
    c = make_coalition(tmp_path, [], v1=True)
    try:
        root = load_coalition_keys(c.directory, KEYS)
        assert root.service_key is None  # made before service keys
        assert {r[0] for r in c.coordinator.query("SELECT name FROM coalition_keys")} == {
            "identity",
            "signing",
        }
        # As before: the coordinator signs receipts with the root key, devices accept them.
        assert _open(c, _receipt_for(c, coalition_signing_key(c.coordinator)))
        bundle = c.share()
        assert c.import_into(c.coordinator, bundle).status == "imported"  # type: ignore[attr-defined]

        rotated = rotate_coalition(c.directory, KEYS)
        assert rotated.service_key is not None
        accept_epoch_keys(c.coordinator, epoch_keys_object(rotated))
        assert {r[0] for r in c.coordinator.query("SELECT name FROM coalition_keys")} == {
            "identity",
            "service",
        }
        secret = root.signing_key.private_bytes_raw()
        assert all(secret not in value for value in _every_stored_value(c.coordinator))
        assert take_profile_update(c.reporter, rotated.profile.raw) is not None
        assert _open(c, _receipt_for(c, coalition_signing_key(c.coordinator)))
        with pytest.raises(IntegrityError):
            _open(c, _receipt_for(c, root.signing_key))
    finally:
        c.reporter.close()
        c.coordinator.close()


def test_a_v2_profile_without_a_service_key_still_reads_and_uses_its_root(
    coalition: Coalition,
) -> None:
    keys = load_coalition_keys(coalition.directory, KEYS)
    p = keys.profile
    older = build_body(
        p.name,
        p.recipient_type,
        list(p.recipients),
        list(p.relays),
        p.tls_pin,
        p.vocabulary_version,
        p.policy,
        p.signing_public_key,
    )
    parsed = parse_profile(sign_profile(older, keys.signing_key))
    assert parsed.version == 2
    assert "service_key" not in json.loads(parsed.raw)["profile"]
    assert parsed.service_public_key == p.signing_public_key


def test_a_rotation_cut_short_leaves_the_old_service_key_usable(coalition: Coalition) -> None:
    c = coalition
    before = load_coalition_keys(c.directory, KEYS)
    old_profile = (c.directory / PROFILE_FILE).read_bytes()
    rotate_coalition(c.directory, KEYS)
    (c.directory / PROFILE_FILE).write_bytes(old_profile)  # the profile was never written
    again = load_coalition_keys(c.directory, KEYS)
    assert again.profile.epoch == 1
    assert again.service_key is not None
    assert before.service_key is not None
    assert again.service_key.private_bytes_raw() == before.service_key.private_bytes_raw()
    assert (c.directory / KEYS_FILE).is_file()


def test_epoch_keys_carry_only_the_service_key_the_profile_names(coalition: Coalition) -> None:
    c = coalition
    rotated = rotate_coalition(c.directory, KEYS)
    obj = epoch_keys_object(rotated)
    _, _, service = verify_epoch_keys(obj, rotated.profile.signing_public_key)
    assert service is not None
    assert service.public_key().public_bytes_raw() == rotated.profile.service_key
    # Another service key, even signed by the root, is not the one the profile names.
    other = Ed25519PrivateKey.generate().private_bytes_raw()
    body = {k: v for k, v in obj.items() if k != "signature"}
    body["service_key"] = base64.b64encode(other).decode()
    from reporter.coordination.epoch_keys import CONTEXT

    signed = rotated.signing_key.sign(CONTEXT + b"\x00" + canonical(body))
    forged = {**body, "signature": base64.b64encode(signed).decode()}
    with pytest.raises(FormatError, match="service key is not the one the profile names"):
        verify_epoch_keys(forged, rotated.profile.signing_public_key)
    # Swapped without the root's signature: the signature fails first.
    with pytest.raises(IntegrityError):
        verify_epoch_keys(
            {**obj, "service_key": body["service_key"]}, rotated.profile.signing_public_key
        )


# -- evidence packets --------------------------------------------------------------------------
def _packet(c: Coalition, out: Path) -> str:
    c.import_into(c.coordinator, c.share("Caso"))
    (report_id,) = [r[0] for r in c.coordinator.query("SELECT incident_id FROM inbox_records")]
    ctx = ExportContext(lang="en")
    run_export(c.coordinator, "packet", out, ctx, ReportFilter(ids=(report_id,)))
    return str(report_id)


def test_an_evidence_packet_is_signed_by_the_service_key_and_outlives_a_rotation(
    coalition: Coalition, tmp_path: Path
) -> None:
    import zipfile

    from reporter.errors import PacketMismatch
    from reporter.exports.packet import CONTEXT, MANIFEST, SIGNATURE

    c = coalition
    out = tmp_path / "packet.zip"
    report_id = _packet(c, out)
    profile = parse_profile((c.directory / PROFILE_FILE).read_bytes())
    with zipfile.ZipFile(out) as zf:
        body, sig = zf.read(MANIFEST), base64.b64decode(zf.read(SIGNATURE))
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    assert profile.service_key is not None
    Ed25519PublicKey.from_public_bytes(profile.service_key).verify(sig, CONTEXT + b"\x00" + body)
    with pytest.raises(InvalidSignature):
        Ed25519PublicKey.from_public_bytes(profile.signing_public_key).verify(
            sig, CONTEXT + b"\x00" + body
        )
    # Checked from the coalition's root key: the packet carries its epoch's profile.
    result = verify_packet(out, profile.signing_public_key)
    assert (result["cases"], result["epoch"]) == ([report_id], 1)
    rotated = rotate_coalition(c.directory, KEYS)
    assert rotated.profile.service_key != profile.service_key
    assert verify_packet(out, rotated.profile.signing_public_key)["epoch"] == 1
    # Without its profile the manifest is checked against the root, which did not sign it.
    stripped = tmp_path / "sin-perfil.zip"
    with zipfile.ZipFile(out) as src, zipfile.ZipFile(stripped, "w") as dst:
        for info in src.infolist():
            if info.filename != "coalition.testigo-profile":
                dst.writestr(info, src.read(info))
    with pytest.raises(PacketMismatch, match="signature does not verify"):
        verify_packet(stripped, profile.signing_public_key)
    other = tmp_path / "otra"
    create_coalition(other, "Otra", ["https://relay.example.org"], KEYS, "x25519")
    with pytest.raises(PacketMismatch, match="does not carry this coalition's signature"):
        verify_packet(out, parse_profile((other / PROFILE_FILE).read_bytes()).signing_public_key)


def test_a_receipt_signed_with_the_new_service_key_confirms_in_the_sync_that_takes_the_profile(
    network: Network,
) -> None:
    """The device takes the rotated profile before it reads receipts, so a receipt the new
    epoch's service key signed is not first refused as forged."""
    from reporter.share.outbox_store import OutboxStore

    c, ana = network.coalition, network.ana
    bundle = c.share("en camino durante la rotación")
    network.device_sync()
    publish_epoch(ana, rotate_coalition(c.directory, KEYS))
    assert len(pull(ana).imported) == 1  # its receipt is signed with epoch 2's service key
    network.device_sync()
    item = OutboxStore(c.reporter).get(bundle)
    assert item["state"] == "received"
    assert item["last_error_code"] is None


def test_a_receipt_signed_with_the_old_service_key_by_a_late_coordinator_confirms(
    network: Network,
) -> None:
    """A coordinator that has not yet taken the new epoch's keys signs with the old service
    key; a device on the new profile believes it within the old epoch's grace (the relay
    keeps the first receipt only, so refusing it would leave the bundle unconfirmed)."""
    from reporter.share.outbox_store import OutboxStore

    c, ana, beto = network.coalition, network.ana, network.beto
    bundle = c.share("recibo en vuelo")
    network.device_sync()
    publish_epoch(ana, rotate_coalition(c.directory, KEYS))
    network.device_sync()  # the device is on epoch 2
    assert len(pull(beto).imported) == 1  # Beto has not synced: epoch 1's service key
    assert len(pull(ana).imported) == 1
    network.device_sync()
    item = OutboxStore(c.reporter).get(bundle)
    assert item["state"] == "received"
    assert item["last_error_code"] is None
