"""Sharing: turn chosen incidents into a sealed bundle in the outbox.

The act of sharing records the consent to share with the coalition (a revision says so).
Then: the shared versions (the one function), the chosen attachments with their metadata
removed (or refused, see ``cleaning``), the manifest, the device's signature, age encryption
to the coalition's coordinators, Padmé padding, and a durable place in the outbox, all before
any network call.
"""

from __future__ import annotations

import functools
import hashlib
import secrets
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import Any

from reporter.age import ml_kem_available
from reporter.errors import CannotClean, InvalidField, Unavailable
from reporter.incidents.record import require_title
from reporter.share.bundle import OutgoingAttachment, build_manifest, write_bundle
from reporter.share.cleaning import clean
from reporter.share.device import device_identity, receipt_identity
from reporter.share.device_questions import answers_for, mark_carried
from reporter.share.outbox_store import OutboxStore
from reporter.share.profile import CoalitionProfile, require_profile
from reporter.share.shared_version import shared_version
from reporter.vault.vault import Vault

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]
# Cleaned copies wait in memory until the bundle is written (their hashes go in the manifest
# first): what one share or preview holds at once, above which it is refused.
MAX_CLEANED_AT_ONCE = 512 * 1024 * 1024


def _next_device_seq(vault: Vault) -> int:
    """Bundles from one device are numbered 1, 2, 3…; a replay reuses a number."""
    with vault.transaction() as conn:
        row = conn.execute("SELECT value FROM meta WHERE key = 'device_seq'").fetchone()
        seq = int(row[0]) + 1 if row else 1
        conn.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES ('device_seq', ?)", (str(seq),)
        )
    return seq


def _cleaned_attachments(
    vault: Vault, incident_id: str, attachment_ids: Iterable[str], held: list[int] | None = None
) -> list[tuple[OutgoingAttachment, list[str]]]:
    """Each chosen attachment as it leaves, with what cleaning removed from it.

    ``held`` counts the cleaned bytes kept in memory, across the incidents of one share.
    """
    held = [0] if held is None else held
    out = []
    for attachment_id in attachment_ids:
        meta = vault.attachments.get(attachment_id)
        if meta["incident_id"] != incident_id:
            continue
        entry = {
            "id": meta["id"],
            "incident_id": incident_id,
            "size": meta["size"],
            "media_type": meta["media_type"],
            "sha256": meta["sha256"],
        }
        result = clean(meta["media_type"], vault.attachments.chunks(attachment_id))
        if result.data is not None:
            held[0] += len(result.data)
            if held[0] > MAX_CLEANED_AT_ONCE:
                raise CannotClean(
                    kind=meta["media_type"],
                    reason="the files chosen with it are too large to clean at once;"
                    " share them in several bundles",
                )
            entry["size"] = len(result.data)
            entry["sha256"] = hashlib.sha256(result.data).hexdigest()
            out.append(
                (OutgoingAttachment(entry, functools.partial(_one, result.data)), result.removed)
            )
        else:
            out.append(
                (
                    OutgoingAttachment(
                        entry, functools.partial(vault.attachments.chunks, attachment_id)
                    ),
                    [],
                )
            )
    return out


def _one(data: bytes | bytearray) -> Iterator[bytes]:
    """The cleaned copy, in pieces of 1 MiB (no second copy of the whole file)."""
    for start in range(0, len(data), 1024 * 1024):
        yield bytes(data[start : start + 1024 * 1024])


def preview(
    vault: Vault, incident_id: str, attachment_ids: Sequence[str] = (), consents: Sequence[str] = ()
) -> dict[str, Any]:
    """Exactly the record that would leave (the same function builds the bundle)."""
    return preview_and_cleaning(vault, incident_id, attachment_ids, consents)[0]


def preview_and_cleaning(
    vault: Vault, incident_id: str, attachment_ids: Sequence[str] = (), consents: Sequence[str] = ()
) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """The record that would leave and what cleaning removes from each attachment, cleaning
    each file once."""
    profile = require_profile(vault)
    stored = vault.incidents.get(incident_id)
    record = _with_consents(stored, ["share_with_coalition", *consents])
    if record["consent"] != stored.get("consent"):
        record["revision"] = int(stored["revision"]) + 1  # sharing saves the consent first
    cleaned = _cleaned_attachments(vault, incident_id, attachment_ids)
    shared = with_answers(
        vault, record, shared_version(record, profile.policy, [a.entry for a, _ in cleaned])
    )
    return shared, {a.entry["id"]: removed for a, removed in cleaned}


def _with_consents(record: dict[str, Any], consents: Iterable[str]) -> dict[str, Any]:
    out = dict(record)
    out["consent"] = {k: dict(v) for k, v in (record.get("consent") or {}).items()}
    for name in consents:
        if name not in out["consent"]:
            raise InvalidField(field="consent", reason="unknown consent {name}", name=name)
        out["consent"][name] = {
            "granted": True,
            "method": "IN_APP",
            "date": date.today().isoformat(),
        }
    return out


def _record_consents(vault: Vault, incident_id: str, consents: Sequence[str]) -> dict[str, Any]:
    record = vault.incidents.get(incident_id)
    wanted = _with_consents(record, consents)
    if wanted["consent"] != record.get("consent"):
        vault.incidents.patch(incident_id, {"consent": wanted["consent"]})
        record = vault.incidents.get(incident_id)
    return record


def with_answers(vault: Vault, record: dict[str, Any], shared: dict[str, Any]) -> dict[str, Any]:
    """The shared record with the reporter's answers to the coalition's questions, if any."""
    answers = answers_for(vault, record)
    return {**shared, "answers": answers} if answers else shared


def check_recipients_available(profile: CoalitionProfile) -> None:
    if profile.recipient_type == "hybrid" and not ml_kem_available():
        raise Unavailable(
            what="post-quantum encryption (ML-KEM) that this coalition requires; nothing was shared"
        )


def share_incidents(
    vault: Vault,
    incident_ids: Sequence[str],
    attachment_ids: Sequence[str] = (),
    consents: Sequence[str] = (),
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> str:
    """Seal the chosen incidents into one bundle in the outbox; returns the bundle id."""
    profile = require_profile(vault)
    check_recipients_available(profile)  # fail closed, before anything changes
    if not incident_ids:
        raise InvalidField(field="incidents", reason="choose at least one incident")
    device = device_identity(vault)
    receipt = receipt_identity(vault).recipient().to_string()
    records, attachments, shares = [], [], []
    # Every refusal (an unknown id or consent, a file that cannot be cleaned) comes before
    # the first change: a refused share records no consent.
    cleaned: dict[str, list[OutgoingAttachment]] = {}
    held = [0]
    for incident_id in dict.fromkeys(incident_ids):
        record = vault.incidents.get(incident_id)
        require_title(record)
        _with_consents(record, consents)
        cleaned[incident_id] = [
            a for a, _ in _cleaned_attachments(vault, incident_id, attachment_ids, held)
        ]
    for incident_id, chosen in cleaned.items():
        record = _record_consents(vault, incident_id, ["share_with_coalition", *consents])
        shared = with_answers(
            vault, record, shared_version(record, profile.policy, [a.entry for a in chosen])
        )
        keep = {a["id"] for a in shared["attachments"]}
        attachments += [a for a in chosen if a.entry["id"] in keep]
        records.append(shared)
        shares.append((incident_id, int(record["revision"])))
    bundle_id = secrets.token_hex(16)
    seq = _next_device_seq(vault)
    manifest = build_manifest(
        bundle_id=bundle_id,
        created_on=date.today().isoformat(),
        device=device,
        device_seq=seq,
        profile_id=profile.profile_id,
        receipt_recipient=receipt,
        vocabulary_version=profile.vocabulary_version,
        records=records,
        attachments=attachments,
    )
    outbox = OutboxStore(vault)

    def report(done: int, total: int) -> None:
        if cancel is not None and cancel():
            from reporter.errors import Cancelled

            raise Cancelled()
        if progress is not None:
            progress(done, total)

    with outbox.blobs.sink() as sink:
        write_bundle(
            sink,  # type: ignore[arg-type]
            profile.age_recipients(),
            device,
            manifest,
            attachments,
            report,
        )
        blob = sink.commit()
    try:
        outbox.add(bundle_id, seq, blob, [r["id"] for r in records], shares)
    except BaseException:
        outbox.blobs.remove([blob.name])
        raise
    mark_carried(vault, bundle_id, records)
    return bundle_id
