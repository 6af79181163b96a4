"""The bundle: what travels from a device to the coalition, as one age v1 file.

Plaintext layout inside age (sign, then encrypt, so the relay cannot link a signature to a
device)::

    b"testigo-bundle/1\\n"
    u32 big-endian manifest length, manifest (canonical JSON, at most 16 MiB)
    64-byte Ed25519 signature by the device over SIGNING_CONTEXT || 0x00 || manifest
    the attachments' bytes, in manifest order, sizes and SHA-256 as the manifest says
    zero bytes up to ``padded_size`` (Padmé, at least 64 KiB)

The manifest names the coalition profile it is for, the device (public key, id, sequence
number) and the receipt key coordinators seal their acknowledgement to. A reader hands
nothing over before the last chunk, the signature, every hash and the padding are checked.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
import struct
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO, Protocol

from reporter.age import AgeReader, AgeWriter, Identity, Recipient
from reporter.errors import FormatError, IntegrityError, TestigoError
from reporter.incidents.record import is_incident_id
from reporter.share.device import DeviceIdentity, device_id_of, verify_device_signature
from reporter.share.padding import padded_size
from reporter.share.profile import canonical

MAGIC = b"testigo-bundle/1\n"
SIGNING_CONTEXT = b"testigo bundle signature v1"
FORMAT = "testigo-bundle"
VERSION = 1
MAX_MANIFEST = 16 * 1024 * 1024
MAX_RECORDS = 5000
MAX_ATTACHMENTS = 500
MAX_ATTACHMENT = 8 * 1024**3
SIGNATURE_SIZE = 64
_HEX32 = re.compile(r"^[0-9a-f]{32}$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
MANIFEST_KEYS = (
    "format",
    "version",
    "bundle_id",
    "created_on",
    "device_id",
    "device_public_key",
    "device_seq",
    "profile_id",
    "receipt_recipient",
    "vocabulary_version",
    "records",
    "attachments",
    "padded_size",
)
ATTACHMENT_KEYS = ("id", "incident_id", "size", "media_type", "sha256")


class Sink(Protocol):
    def write(self, data: bytes) -> int: ...


@dataclass(frozen=True)
class OutgoingAttachment:
    """An attachment to send: its manifest entry and a way to read its (cleaned) bytes."""

    entry: dict[str, Any]
    chunks: Callable[[], Iterable[bytes]]


def _bad(reason: str, **values: Any) -> FormatError:
    return FormatError(what="bundle", reason=reason, **values)


def signing_input(manifest_bytes: bytes) -> bytes:
    return SIGNING_CONTEXT + b"\x00" + manifest_bytes


def build_manifest(
    *,
    bundle_id: str,
    created_on: str,
    device: DeviceIdentity,
    device_seq: int,
    profile_id: str,
    receipt_recipient: str,
    vocabulary_version: str,
    records: list[dict[str, Any]],
    attachments: Sequence[OutgoingAttachment],
) -> dict[str, Any]:
    manifest: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "bundle_id": bundle_id,
        "created_on": created_on,
        "device_id": device.device_id,
        "device_public_key": base64.b64encode(device.public_key).decode(),
        "device_seq": device_seq,
        "profile_id": profile_id,
        "receipt_recipient": receipt_recipient,
        "vocabulary_version": vocabulary_version,
        "records": records,
        "attachments": [a.entry for a in attachments],
        "padded_size": 0,
    }
    fixed = len(MAGIC) + 4 + SIGNATURE_SIZE + sum(a.entry["size"] for a in attachments)
    # The padded size is inside the manifest, whose length depends on it: iterate to a fixpoint.
    for _ in range(4):
        total = padded_size(fixed + len(canonical(manifest)))
        if manifest["padded_size"] == total:
            break
        manifest["padded_size"] = total
    check_manifest(manifest)
    return manifest


def write_bundle(
    dst: BinaryIO,
    recipients: Sequence[Recipient],
    device: DeviceIdentity,
    manifest: dict[str, Any],
    attachments: Sequence[OutgoingAttachment],
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Sign ``manifest``, then stream everything encrypted to ``recipients`` into ``dst``."""
    manifest_bytes = canonical(manifest)
    signature = device.sign(signing_input(manifest_bytes))
    total = manifest["padded_size"]
    with AgeWriter(dst, recipients) as writer:
        head = MAGIC + struct.pack(">I", len(manifest_bytes)) + manifest_bytes + signature
        writer.write(head)
        written = len(head)
        for attachment in attachments:
            sha = hashlib.sha256()
            size = 0
            for chunk in attachment.chunks():
                sha.update(chunk)
                size += len(chunk)
                writer.write(chunk)
                written += len(chunk)
                if progress is not None:
                    progress(written, total)
            if size != attachment.entry["size"] or sha.hexdigest() != attachment.entry["sha256"]:
                raise IntegrityError(reason="an attachment changed while it was being sealed")
        zeros = bytes(64 * 1024)
        while written < total:
            step = min(len(zeros), total - written)
            writer.write(zeros[:step])
            written += step
        if progress is not None:
            progress(written, total)


# -- reading ---------------------------------------------------------------------------------
class _Plaintext:
    """Exact-length reads over the decrypted chunks; every chunk is authenticated by age."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._buffer = b""
        self.position = 0

    def read(self, size: int) -> bytes:
        while len(self._buffer) < size:
            chunk = next(self._chunks, None)
            if chunk is None:
                break
            self._buffer += chunk
        out, self._buffer = self._buffer[:size], self._buffer[size:]
        self.position += len(out)
        return out

    def exactly(self, size: int, what: str) -> bytes:
        data = self.read(size)
        if len(data) != size:
            raise IntegrityError(reason="the bundle ends inside the {part}", part=what)
        return data

    def at_end(self) -> bool:
        return not self.read(1)


def _b64(value: Any, size: int, what: str) -> bytes:
    if not isinstance(value, str) or len(value) > 4 * size:
        raise _bad("{field} is base64", field=what)
    try:
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise _bad("{field} is not base64", field=what) from None
    if len(raw) != size:
        raise _bad("{field} has the wrong size", field=what)
    return raw


def check_manifest(m: Any) -> dict[str, Any]:
    """Strict shape checks: every field present, of its type, within its limits."""
    if not isinstance(m, dict) or set(m) != set(MANIFEST_KEYS):
        raise _bad("the manifest has exactly: {keys}", keys=", ".join(MANIFEST_KEYS))
    if m["format"] != FORMAT or m["version"] != VERSION:
        raise _bad("unsupported bundle version")
    if not isinstance(m["bundle_id"], str) or not _HEX32.match(m["bundle_id"]):
        raise _bad("bundle_id is 32 hex digits")
    key = _b64(m["device_public_key"], 32, "device_public_key")
    if m["device_id"] != device_id_of(key):
        raise IntegrityError(reason="the device id does not match the device key")
    if type(m["device_seq"]) is not int or not 1 <= m["device_seq"] < 2**53:
        raise _bad("device_seq is a positive integer")
    if not isinstance(m["profile_id"], str) or not _HEX64.match(m["profile_id"]):
        raise _bad("profile_id is 64 hex digits")
    for name in ("created_on", "receipt_recipient", "vocabulary_version"):
        if not isinstance(m[name], str) or len(m[name]) > 100:
            raise _bad("{field} is a short text", field=name)
    records = m["records"]
    if not isinstance(records, list) or not 1 <= len(records) <= MAX_RECORDS:
        raise _bad("1 to {limit} records", limit=MAX_RECORDS)
    ids = set()
    for record in records:
        if not isinstance(record, dict) or not is_incident_id(str(record.get("id"))):
            raise _bad("each record is an object with an incident id")
        if record["id"] in ids:
            raise _bad("a record appears twice")
        ids.add(record["id"])
    attachments = m["attachments"]
    if not isinstance(attachments, list) or len(attachments) > MAX_ATTACHMENTS:
        raise _bad("at most {limit} attachments", limit=MAX_ATTACHMENTS)
    for a in attachments:
        if not isinstance(a, dict) or set(a) != set(ATTACHMENT_KEYS):
            raise _bad("an attachment has exactly: {keys}", keys=", ".join(ATTACHMENT_KEYS))
        if (
            not isinstance(a["incident_id"], str)
            or a["incident_id"] not in ids
            or not is_incident_id(str(a["id"]))
        ):
            raise _bad("an attachment belongs to a record in the bundle")
        if type(a["size"]) is not int or not 0 <= a["size"] <= MAX_ATTACHMENT:
            raise _bad("attachment size out of range")
        if not isinstance(a["sha256"], str) or not _HEX64.match(a["sha256"]):
            raise _bad("attachment sha256 is 64 hex digits")
        if not isinstance(a["media_type"], str) or len(a["media_type"]) > 100:
            raise _bad("bad media type")
    if type(m["padded_size"]) is not int or m["padded_size"] < 0:
        raise _bad("padded_size is a size")
    return m


@dataclass
class OpenedBundle:
    manifest: dict[str, Any]
    signature: bytes
    device_public_key: bytes


def read_bundle(
    src: BinaryIO, identities: Sequence[Identity], open_sink: Callable[[dict[str, Any]], Sink]
) -> OpenedBundle:
    """Decrypt, verify and stream the attachments into sinks from ``open_sink(entry)``.

    Returns only when everything checked out; on any error the caller discards the sinks.
    """
    try:
        plain = _Plaintext(AgeReader(src, identities).chunks())
        if plain.exactly(len(MAGIC), "magic") != MAGIC:
            raise _bad("not a Testigo bundle")
        (length,) = struct.unpack(">I", plain.exactly(4, "manifest length"))
        if length > MAX_MANIFEST:
            raise _bad("the manifest is larger than 16 MiB")
        manifest_bytes = plain.exactly(length, "manifest")
        signature = plain.exactly(SIGNATURE_SIZE, "signature")
        try:
            manifest = json.loads(manifest_bytes.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
            raise _bad("the manifest is not JSON") from None
        check_manifest(manifest)
        if canonical(manifest) != manifest_bytes:
            raise _bad("the manifest is not in canonical form")
        key = base64.b64decode(manifest["device_public_key"])
        if not verify_device_signature(key, signature, signing_input(manifest_bytes)):
            raise IntegrityError(reason="the device signature does not verify")
        for entry in manifest["attachments"]:
            sink = open_sink(entry)
            sha = hashlib.sha256()
            remaining = entry["size"]
            while remaining:
                block = plain.read(min(remaining, 1024 * 1024))
                if not block:
                    raise IntegrityError(reason="the bundle ends inside an attachment")
                sha.update(block)
                sink.write(block)
                remaining -= len(block)
            if sha.hexdigest() != entry["sha256"]:
                raise IntegrityError(reason="an attachment's hash does not match")
        _check_padding(plain, manifest["padded_size"])
    except TestigoError:
        raise
    except (ValueError, OverflowError, struct.error):
        raise _bad("unreadable structure") from None
    return OpenedBundle(manifest, signature, key)


def _check_padding(plain: _Plaintext, padded: int) -> None:
    if padded < plain.position:
        raise IntegrityError(reason="wrong padded size")
    remaining = padded - plain.position
    while remaining:
        block = plain.read(min(remaining, 1024 * 1024))
        if not block:
            raise IntegrityError(reason="the bundle is shorter than its padded size")
        if block.count(0) != len(block):
            raise IntegrityError(reason="padding is not zeros")
        remaining -= len(block)
    if not plain.at_end():  # also makes age check the last chunk
        raise IntegrityError(reason="data after the padding")
