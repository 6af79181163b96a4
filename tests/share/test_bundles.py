"""Bundles: round trip, interop with `age`, tampering, replay, other coalitions, padding."""

from __future__ import annotations

import base64
import io
import json
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PIL import Image

from reporter.age import X25519Identity, decrypt, encrypt
from reporter.errors import (
    Conflict,
    FormatError,
    IntegrityError,
    NoMatchingIdentity,
    TestigoError,
    Unavailable,
)
from reporter.share import sharing
from reporter.share.bundle import MAGIC, SIGNING_CONTEXT, signing_input
from reporter.share.coalition import export_identity, load_coalition_keys
from reporter.share.outbox_store import OutboxStore
from reporter.share.padding import MIN_PADDED, padded_size, padme
from reporter.share.profile import canonical
from reporter.share.sharing import share_incidents
from tests.share.conftest import KEYS_PASSPHRASE, World, make_world

CANARY_NOTE = "CANARYNOTE-5f2a"
CANARY_NAME = "Canarina Pérez"


def add_incident(world: World, with_image: bool = False) -> tuple[str, list[str]]:
    iid = world.reporter.incidents.add(
        {
            "title": f"Amenaza a {CANARY_NAME}",
            "incident_types": ["HAR.THREAT"],
            "where": {"state": "09", "place": "CANARYPLACE"},
            "targets": [{"names": [CANARY_NAME], "contact": "CANARYCONTACT"}],
            "private_notes": CANARY_NOTE,
            "when": {"date": "2026-10-01"},
        }
    )
    attachments = []
    if with_image:
        exif = Image.Exif()
        exif[0x010F] = "CANARYEXIF"
        buffer = io.BytesIO()
        Image.new("RGB", (40, 30), (1, 2, 3)).save(buffer, "JPEG", exif=exif.tobytes())
        attachments.append(
            world.reporter.attachments.add(
                iid, io.BytesIO(buffer.getvalue()), "CANARYFILENAME.jpg"
            )["id"]
        )
        attachments.append(
            world.reporter.attachments.add(
                iid, io.BytesIO(b"texto de evidencia " * 10_000), "notas.txt"
            )["id"]
        )
    return iid, attachments


def seal(world: World, with_image: bool = False) -> tuple[str, bytes]:
    iid, attachments = add_incident(world, with_image)
    bundle_id = share_incidents(
        world.reporter, [iid], attachments, ["share_free_text", "share_attachments"]
    )
    return bundle_id, world.ciphertext(bundle_id)


def plaintext(world: World, data: bytes) -> bytes:
    identity = load_coalition_keys(world.coalition_dir, KEYS_PASSPHRASE).identity
    return b"".join(decrypt([identity], io.BytesIO(data)))


def test_round_trip_imports_exactly_the_shared_version(world: World) -> None:
    bundle_id, data = seal(world, with_image=True)
    result = world.import_bytes(data)
    assert result.status == "imported"
    assert result.device_new
    received = world.inbox.list()
    assert len(received) == 1
    iid = received[0]["record"]["id"]
    expected = sharing.preview(world.reporter, iid)  # consents are recorded now
    expected["attachments"] = received[0]["record"]["attachments"]
    assert received[0]["record"] == expected
    assert received[0]["record"]["title"] == "Amenaza a […]"
    shown = world.inbox.show(iid)
    assert [a["media_type"] for a in shown["attachments"]] == ["image/jpeg", "text/plain"]
    body = plaintext(world, data)
    for canary in (
        CANARY_NOTE,
        CANARY_NAME,
        "CANARYPLACE",
        "CANARYCONTACT",
        "CANARYEXIF",
        "CANARYFILENAME",
    ):
        assert canary.encode() not in body
        assert canary.encode() not in data
    assert OutboxStore(world.reporter).get(bundle_id)["state"] == "queued"


def test_sizes_are_padme_buckets_of_at_least_64_kib(x_world: World) -> None:
    _, small = seal(x_world)
    body = plaintext(x_world, small)
    assert len(body) == MIN_PADDED
    _, big = seal(x_world, with_image=True)
    body = plaintext(x_world, big)
    assert len(body) == padme(len(body))
    assert len(body) > MIN_PADDED
    assert [padded_size(n) for n in (1, 65536, 65537, 1_000_000)] == [
        65536,
        65536,
        67584,
        1_015_808,
    ]  # Padmé: 11 low bits at 2^16


def test_replay_is_recognised_and_changes_nothing(world: World) -> None:
    _, data = seal(world)
    world.import_bytes(data)
    before = world.coordinator.query("SELECT count(*) FROM inbox_records")[0][0]
    assert world.import_bytes(data).status == "duplicate"
    assert world.coordinator.query("SELECT count(*) FROM inbox_records")[0][0] == before
    assert world.inbox.devices()[0]["bundles"] == 1


def _reseal(world: World, body: bytes) -> bytes:
    profile_recipients = world.reporter.query("SELECT data FROM profiles WHERE current = 1")[0][0]
    from reporter.share.profile import parse_profile

    out = io.BytesIO()
    encrypt(parse_profile(bytes(profile_recipients)).age_recipients(), io.BytesIO(body), out)
    return out.getvalue()


def _split(body: bytes) -> tuple[dict, bytes, bytes]:  # type: ignore[type-arg]
    (length,) = struct.unpack(">I", body[len(MAGIC) : len(MAGIC) + 4])
    start = len(MAGIC) + 4
    manifest = json.loads(body[start : start + length])
    return manifest, body[start + length : start + length + 64], body[start + length + 64 :]


def _join(manifest: dict, signature: bytes, rest: bytes) -> bytes:  # type: ignore[type-arg]
    raw = canonical(manifest)
    return MAGIC + struct.pack(">I", len(raw)) + raw + signature + rest


def assert_rejected(world: World, data: bytes, error: type[TestigoError]) -> None:
    before = world.coordinator.query("SELECT count(*) FROM inbox_bundles")[0][0]
    blobs = sorted(p.name for p in (world.coordinator.home / "blobs").iterdir())
    with pytest.raises(error):
        world.import_bytes(data)
    assert world.coordinator.query("SELECT count(*) FROM inbox_bundles")[0][0] == before
    assert sorted(p.name for p in (world.coordinator.home / "blobs").iterdir()) == blobs


def test_every_flipped_byte_is_rejected(x_world: World) -> None:
    _, data = seal(x_world, with_image=True)
    header_end = data.index(b"\n---") + 1
    # Header bytes, the MAC line, the nonce, and a byte of every 64 KiB chunk.
    positions = [0, 5, header_end // 2, header_end + 2, header_end + 50, len(data) - 1]
    positions += list(range(header_end + 60, len(data), 65_536 + 16))
    for pos in positions:
        tampered = bytearray(data)
        tampered[pos] ^= 0x01
        with pytest.raises(TestigoError):
            x_world.import_bytes(bytes(tampered))
    assert x_world.coordinator.query("SELECT count(*) FROM inbox_bundles")[0][0] == 0
    assert x_world.import_bytes(data).status == "imported"  # the original is fine


def test_truncated_appended_and_swapped_chunks_are_rejected(x_world: World) -> None:
    _, data = seal(x_world, with_image=True)
    assert_rejected(x_world, data[:-1], IntegrityError)
    assert_rejected(x_world, data[: len(data) // 2], IntegrityError)
    assert_rejected(x_world, data + b"\x00", TestigoError)
    header_end = data.index(b"\n---")
    payload_start = data.index(b"\n", header_end + 1) + 1 + 16
    chunk = 65_536 + 16
    first = data[payload_start : payload_start + chunk]
    second = data[payload_start + chunk : payload_start + 2 * chunk]
    swapped = data[:payload_start] + second + first + data[payload_start + 2 * chunk :]
    assert_rejected(x_world, swapped, IntegrityError)


def test_signature_and_manifest_tampering_is_rejected(x_world: World) -> None:
    _, data = seal(x_world)
    manifest, signature, rest = _split(plaintext(x_world, data))
    bad_signature = bytes([signature[0] ^ 1]) + signature[1:]
    assert_rejected(x_world, _reseal(x_world, _join(manifest, bad_signature, rest)), IntegrityError)
    changed = dict(manifest, records=[dict(manifest["records"][0], title="otra cosa")])
    assert_rejected(x_world, _reseal(x_world, _join(changed, signature, rest)), IntegrityError)


def test_resigned_with_another_key_under_the_same_device_id(x_world: World) -> None:
    _, data = seal(x_world)
    x_world.import_bytes(data)
    manifest, _, rest = _split(plaintext(x_world, data))
    attacker = Ed25519PrivateKey.generate()
    forged = dict(
        manifest,
        bundle_id="0" * 32,
        device_seq=manifest["device_seq"] + 1,
        device_public_key=base64.b64encode(attacker.public_key().public_bytes_raw()).decode(),
    )
    signature = attacker.sign(signing_input(canonical(forged)))
    assert_rejected(x_world, _reseal(x_world, _join(forged, signature, rest)), IntegrityError)
    assert SIGNING_CONTEXT in signing_input(b"x")


def test_same_device_number_with_another_bundle_id_is_a_replay(x_world: World) -> None:
    _, data = seal(x_world)
    x_world.import_bytes(data)
    manifest, _, rest = _split(plaintext(x_world, data))
    # The device itself signs a second bundle reusing its number: refused as a conflict.
    from reporter.share.device import device_identity

    device = device_identity(x_world.reporter)
    again = dict(manifest, bundle_id="1" * 32)
    signature = device.sign(signing_input(canonical(again)))
    assert_rejected(x_world, _reseal(x_world, _join(again, signature, rest)), Conflict)


def test_a_bundle_for_another_coalition_is_refused(tmp_path: Path, x_world: World) -> None:
    other = make_world(tmp_path / "other", "x25519", name="Otra red")
    try:
        _, data = seal(x_world)
        # Re-encrypt the valid signed payload to the other coalition: it names ours.
        body = plaintext(x_world, data)
        profile = other.reporter.query("SELECT data FROM profiles")[0][0]
        from reporter.share.profile import parse_profile

        out = io.BytesIO()
        encrypt(parse_profile(bytes(profile)).age_recipients(), io.BytesIO(body), out)
        assert_rejected(other, out.getvalue(), IntegrityError)
        # And the other coalition simply cannot open ours.
        assert_rejected(other, data, NoMatchingIdentity)
    finally:
        other.reporter.close()
        other.coordinator.close()


def test_not_a_bundle_inside_valid_age(x_world: World) -> None:
    assert_rejected(x_world, _reseal(x_world, b"hola" * 100), FormatError)
    body = MAGIC + struct.pack(">I", 2**31) + b"{}"
    assert_rejected(x_world, _reseal(x_world, body), FormatError)


def test_x25519_bundle_opens_with_the_stock_age_tool(x_world: World, tmp_path: Path) -> None:
    age = shutil.which("age")
    assert age, "the age tool is installed by packaging/install.sh"
    _, data = seal(x_world, with_image=True)
    bundle = tmp_path / "b.age"
    bundle.write_bytes(data)
    identity = tmp_path / "id.txt"
    export_identity(load_coalition_keys(x_world.coalition_dir, KEYS_PASSPHRASE), "x25519", identity)
    out = subprocess.run(
        [age, "-d", "-i", str(identity), str(bundle)], capture_output=True, check=True, timeout=60
    ).stdout  # noqa: S603
    assert out == plaintext(x_world, data)
    assert out.startswith(MAGIC)


def test_hybrid_coalition_fails_closed_without_ml_kem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = make_world(tmp_path, "hybrid")
    try:
        iid, _ = add_incident(world)
        monkeypatch.setattr(sharing, "ml_kem_available", lambda: False)
        revision = world.reporter.incidents.get(iid)["revision"]
        with pytest.raises(Unavailable):
            share_incidents(world.reporter, [iid])
        assert OutboxStore(world.reporter).list() == []
        assert world.reporter.incidents.get(iid)["revision"] == revision
    finally:
        world.reporter.close()
        world.coordinator.close()


def test_sharing_records_the_consent_as_a_revision(x_world: World) -> None:
    iid, _ = add_incident(x_world)
    share_incidents(x_world.reporter, [iid])
    record = x_world.reporter.incidents.get(iid)
    assert record["consent"]["share_with_coalition"]["granted"] is True
    assert record["revision"] == 2
    assert OutboxStore(x_world.reporter).share_state([iid]) == {iid: "queued"}


def test_a_foreign_identity_cannot_open(x_world: World) -> None:
    _, data = seal(x_world)
    with pytest.raises(NoMatchingIdentity):
        b"".join(decrypt([X25519Identity.generate()], io.BytesIO(data)))
