"""Bundles built in a test with the project's own writer and a test device key.

The records inside can be anything JSON allows: the bundle is validly signed and encrypted
to the coalition, so the coordinator's checks of the records themselves are what is tested.
"""

from __future__ import annotations

import io
import secrets
import uuid
from collections.abc import Sequence
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from reporter.age import X25519Identity
from reporter.incidents.record import normalize_record
from reporter.incidents.vocab import vocabulary
from reporter.share.bundle import OutgoingAttachment, build_manifest, write_bundle
from reporter.share.device import DeviceIdentity
from reporter.share.outbox_store import OutboxStore
from reporter.share.profile import CoalitionProfile, require_profile
from reporter.share.shared_version import shared_version
from reporter.vault.blob_store import BlobStore
from reporter.vault.vault import Vault


def new_device() -> DeviceIdentity:
    key = Ed25519PrivateKey.generate()
    return DeviceIdentity(key.private_bytes_raw(), key.public_key().public_bytes_raw())


def good_record(
    incident_id: str | None = None,
    revision: int = 1,
    title: str = "Vigilancia afuera de la oficina",
) -> dict[str, Any]:
    """What a real device sends for a simple incident (free text shared)."""
    record = normalize_record(
        {
            "title": title,
            "incident_types": ["SURV.PHYSICAL"],
            "where": {"state": "09"},
            "when": {"date": "2026-10-01"},
            "consent": {"share_free_text": True},
        }
    )
    record.update(id=incident_id or str(uuid.uuid4()), revision=revision)
    return shared_version(record)


def seal(
    profile: CoalitionProfile,
    device: DeviceIdentity,
    records: list[dict[str, Any]],
    *,
    seq: int = 1,
    receipt_recipient: str | None = None,
    vocabulary_version: str | None = None,
    attachments: Sequence[OutgoingAttachment] = (),
) -> bytes:
    manifest = build_manifest(
        bundle_id=secrets.token_hex(16),
        created_on="2026-11-30",
        device=device,
        device_seq=seq,
        profile_id=profile.profile_id,
        receipt_recipient=receipt_recipient or X25519Identity.generate().recipient().to_string(),
        vocabulary_version=vocabulary_version or vocabulary().version,
        records=records,
        attachments=attachments,
    )
    out = io.BytesIO()
    write_bundle(out, profile.age_recipients(), device, manifest, attachments)
    return out.getvalue()


def profile_of(vault: Vault) -> CoalitionProfile:
    return require_profile(vault)


def queue(vault: Vault, data: bytes) -> str:
    """Put ready ciphertext into ``vault``'s outbox, so its sync engine uploads it as it is."""
    blobs = BlobStore(vault)
    with blobs.sink() as sink:
        sink.write(data)
        blob = sink.commit()
    bundle_id = secrets.token_hex(16)
    seq = 1 + max([10_000] + [i["device_seq"] for i in OutboxStore(vault).list()])
    OutboxStore(vault).add(bundle_id, seq, blob, [], [])
    return bundle_id
