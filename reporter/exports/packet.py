"""The evidence packet for lawyers and international bodies, and its offline check.

A zip with, per case, its JSON and PDF, its evidence files, the original bundles as received
(the evidentiary copy: the device's signature inside is intact), how and when each arrived,
its triage history, the coalition profile it was made under, and ``manifest.json`` listing
every file's size and SHA-256, signed in ``manifest.sig`` by that profile's service key (the
epoch's key coordinators hold). ``verify_packet`` needs only the coalition's root key (in any
of its profiles: the root stays through rotations): the packet's profile must be signed by it,
and names the key the manifest is checked with. A packet without a profile (made before
service keys) was signed by the root key itself. It names the first thing that does not match.
"""

from __future__ import annotations

import base64
import hashlib
import json
import mimetypes
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import IO, Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from reporter.errors import PacketMismatch, TestigoError
from reporter.exports.base import ExportContext, Report
from reporter.exports.json_export import export_document
from reporter.exports.pdf_case import case_pdf
from reporter.fsutil import replacing, storage_error
from reporter.inbox.evidence import original_chunks
from reporter.inbox.triage import history
from reporter.share.profile import MAX_PROFILE, parse_profile, require_profile
from reporter.vault.blob_store import BlobStore
from reporter.vault.vault import Vault

MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
PROFILE = "coalition.testigo-profile"  # the profile whose service key signed the manifest
CONTEXT = b"testigo evidence packet v1"
MAX_MANIFEST = 16 * 1024 * 1024
MAX_ENTRIES = 100_000
_CHUNK = 1 << 16
_README = """\
Testigo evidence packet / Paquete de evidencia de Testigo

manifest.json lists every file of this packet with its size and SHA-256; manifest.sig is
the coalition's Ed25519 signature over it, by the service key that the coalition profile in
this packet names (coalition.testigo-profile, signed by the coalition's root key). Check
everything offline with a profile you got from the coalition itself, not this packet's copy:
    testigo-cli export verify PACKET.zip --profile coalition.testigo-profile
bundles/ holds the bundles exactly as received (encrypted, with the device's signature).

manifest.json lista cada archivo del paquete con su tamaño y SHA-256; manifest.sig es la
firma Ed25519 de la coalición sobre él, con la clave de servicio que nombra el perfil de
coalición incluido (coalition.testigo-profile, firmado por la clave raíz de la coalición).
Verifíquelo todo sin conexión con un perfil obtenido de la propia coalición, no con esta copia:
    testigo-cli export verify PAQUETE.zip --profile coalition.testigo-profile
bundles/ contiene los paquetes tal como se recibieron (cifrados, con la firma del dispositivo).
"""


class _Writer:
    """Streams entries into the zip and hashes them on the way (bounded memory)."""

    def __init__(self, zf: zipfile.ZipFile) -> None:
        self.zf = zf
        self.files: list[dict[str, Any]] = []

    def add(self, name: str, chunks: Iterator[bytes] | bytes) -> None:
        digest = hashlib.sha256()
        size = 0
        with self.zf.open(
            zipfile.ZipInfo(name, (2026, 1, 1, 0, 0, 0)), "w", force_zip64=True
        ) as out:
            for chunk in [chunks] if isinstance(chunks, bytes) else chunks:
                out.write(chunk)
                digest.update(chunk)
                size += len(chunk)
        self.files.append({"path": name, "size": size, "sha256": digest.hexdigest()})


def _json(obj: Any) -> bytes:
    return (json.dumps(obj, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()


def _arrival(vault: Vault, report: Report) -> dict[str, Any]:
    rows = vault.query(
        "SELECT b.received_at, b.device_seq, b.created_on, o.via, o.upload_id, o.file_name,"
        " o.sha256 FROM inbox_bundles b LEFT JOIN inbox_originals o USING (bundle_id)"
        " WHERE b.bundle_id = ?",
        (report["bundle_id"],),
    )
    received, seq, created, via, upload, file_name, sha = rows[0]
    return {
        "bundle_id": report["bundle_id"],
        "received_at": received,
        "device_seq": seq,
        "bundle_created_on": created,
        "via": via or "unknown",
        "upload_id": upload,
        "file_name": file_name,
        "bundle_sha256": sha,
        "device_fingerprint": report.get("device_fingerprint"),
        "device_verified": bool(report.get("device_verified")),
    }


def _history(vault: Vault, incident_id: str, with_notes: bool) -> list[dict[str, Any]]:
    """The triage history; a note's text only with ``--with-notes`` (its event stays)."""
    out = []
    for change in history(vault, incident_id, limit=100_000):
        entry = {k: change[k] for k in ("at", "author", "field", "from", "to")}
        if entry["field"] == "note" and not with_notes:
            entry["from"] = entry["to"] = None
        out.append(entry)
    return out


def _evidence(vault: Vault, writer: _Writer, report: Report) -> None:
    blobs = BlobStore(vault)
    case = report["record"]["id"]
    rows = vault.query(
        "SELECT id, blob, blob_key, media_type FROM inbox_attachments"
        " WHERE incident_id = ? AND bundle_id = ? ORDER BY id",
        (case, report["bundle_id"]),
    )
    for att_id, blob, key, media_type in rows:
        ext = mimetypes.guess_extension(media_type) or ".bin"
        writer.add(f"cases/{case}/evidence/{att_id}{ext}", blobs.chunks(blob, bytes(key)))


def _original(vault: Vault, writer: _Writer, bundle_id: str, done: set[str]) -> None:
    """The bundle as received, once per packet (several cases may share one bundle)."""
    if bundle_id in done:
        return
    done.add(bundle_id)
    if vault.query("SELECT 1 FROM inbox_originals WHERE bundle_id = ?", (bundle_id,)):
        writer.add(f"bundles/{bundle_id}.age", original_chunks(vault, bundle_id))


def write_packet(
    vault: Vault, reports: list[Report], ctx: ExportContext, out: Path, key: Ed25519PrivateKey
) -> dict[str, Any]:
    """Write the packet to ``out`` (all or nothing) and return its manifest."""
    with replacing(out) as handle, zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as zf:
        manifest = _fill(vault, reports, ctx, _Writer(zf), key)
    return manifest


def _fill(
    vault: Vault, reports: list[Report], ctx: ExportContext, writer: _Writer, key: Ed25519PrivateKey
) -> dict[str, Any]:
    writer.add("README.txt", _README.encode())
    writer.add(PROFILE, require_profile(vault).raw)
    done: set[str] = set()
    for report in reports:
        case = report["record"]["id"]
        arrival = _arrival(vault, report)
        history = _history(vault, case, ctx.with_notes)
        writer.add(f"cases/{case}/case.json", _json(export_document([report], ctx)))
        writer.add(f"cases/{case}/case.pdf", case_pdf(report, ctx, arrival, history))
        writer.add(f"cases/{case}/arrival.json", _json(arrival))
        writer.add(f"cases/{case}/history.json", _json(history))
        _evidence(vault, writer, report)
        _original(vault, writer, report["bundle_id"], done)
    public = key.public_key().public_bytes_raw()
    manifest = {
        "format": "testigo-evidence-packet",
        "version": 1,
        "export": ctx.meta("packet", len(reports)),
        "cases": [r["record"]["id"] for r in reports],
        "coalition_key": base64.b64encode(public).decode(),
        "files": writer.files,
    }
    body = _json(manifest)
    writer.add(MANIFEST, body)
    writer.files.pop()
    sig = base64.b64encode(key.sign(CONTEXT + b"\x00" + body)).decode() + "\n"
    writer.add(SIGNATURE, sig.encode())
    return manifest


# -- verification ---------------------------------------------------------------------------
def _bad(reason: str, file: str = "") -> PacketMismatch:
    return PacketMismatch(reason=reason, file=file or "-")


def _safe(name: str) -> bool:
    path = PurePosixPath(name)
    return (
        not path.is_absolute()
        and ".." not in path.parts
        and "\\" not in name
        and bool(name)
        and not name.endswith("/")
    )


class _Source:
    """A packet as a zip or as the folder it was unpacked into."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.zf = None if path.is_dir() else zipfile.ZipFile(path)

    def names(self) -> list[str]:
        if self.zf is not None:
            return [i.filename for i in self.zf.infolist() if not i.is_dir()]
        return sorted(
            p.relative_to(self.path).as_posix()
            for p in self.path.rglob("*")
            if p.is_file() or p.is_symlink()
        )

    def open(self, name: str) -> IO[bytes]:
        if self.zf is not None:
            return self.zf.open(name)
        target = self.path / name
        if target.is_symlink():
            raise _bad("a packet file is a symbolic link", name)
        return target.open("rb")

    def close(self) -> None:
        if self.zf is not None:
            self.zf.close()


def _digest(src: _Source, name: str, limit: int) -> tuple[int, str]:
    digest = hashlib.sha256()
    size = 0
    with src.open(name) as handle:
        while chunk := handle.read(_CHUNK):
            size += len(chunk)
            if size > limit:
                break
            digest.update(chunk)
    return size, digest.hexdigest()


def verify_packet(path: Path, public_key: bytes) -> dict[str, Any]:
    """Check the signature, then every listed file and that nothing else is there."""
    try:
        src = _Source(path)
    except zipfile.BadZipFile:
        raise _bad("not a zip file", path.name) from None
    except OSError as exc:
        raise storage_error(exc) from None
    try:
        return _verify(src, public_key)
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise _bad("the zip is damaged", type(exc).__name__) from None
    finally:
        src.close()


def _verify(src: _Source, public_key: bytes) -> dict[str, Any]:
    names = src.names()
    if len(names) > MAX_ENTRIES:
        raise _bad("too many files", str(len(names)))
    if len(set(names)) != len(names):
        raise _bad(
            "a file name appears twice in the packet", next(n for n in names if names.count(n) > 1)
        )
    for name in names:
        if not _safe(name):
            raise _bad("a file name leaves the packet", name)
    if MANIFEST not in names or SIGNATURE not in names:
        raise _bad("the packet has no manifest or no signature", MANIFEST)
    with src.open(MANIFEST) as handle:
        body = handle.read(MAX_MANIFEST + 1)
    with src.open(SIGNATURE) as handle:
        sig_text = handle.read(200)
    signer, epoch = _signer(src, names, public_key)
    try:
        signature = base64.b64decode(sig_text.strip(), validate=True)
        if sig_text != base64.b64encode(signature) + b"\n":  # one form only: any byte counts
            raise ValueError("not the signature file's form")
        Ed25519PublicKey.from_public_bytes(signer).verify(signature, CONTEXT + b"\x00" + body)
    except (InvalidSignature, ValueError):
        raise _bad(
            "the manifest's signature does not verify with the coalition's key", MANIFEST
        ) from None
    try:
        manifest = json.loads(body)
        listed = {str(f["path"]): f for f in manifest["files"]}
        sizes = [int(f["size"]) for f in manifest["files"]]
        if not isinstance(manifest, dict) or min(sizes, default=0) < 0:
            raise ValueError("negative size")
    except (ValueError, KeyError, TypeError, AttributeError):
        raise _bad("the manifest is not a packet manifest", MANIFEST) from None
    for name in sorted(set(names) - set(listed) - {MANIFEST, SIGNATURE}):
        raise _bad("a file not in the manifest was added", name)
    for entry in manifest["files"]:
        name = entry["path"]
        if name not in names:
            raise _bad("a file of the manifest is missing", name)
        size, sha = _digest(src, name, int(entry["size"]))
        if size != entry["size"] or sha != entry["sha256"]:
            raise _bad("a file does not match the manifest", name)
    meta: dict[str, Any] = manifest.get("export") or {}
    meta = meta if isinstance(meta, dict) else {}
    return {
        "verified": True,
        "files": len(listed),
        "cases": list(manifest.get("cases") or []),
        "generated_at": str(meta.get("generated_at", "")),
        "coalition": str(meta.get("coalition", "")),
        "epoch": epoch,
    }


def _signer(src: _Source, names: list[str], root: bytes) -> tuple[bytes, int | None]:
    """The key the manifest must verify with: the packet's profile's, if the root signed it."""
    if PROFILE not in names:
        return root, None
    with src.open(PROFILE) as handle:
        data = handle.read(MAX_PROFILE + 1)
    try:
        profile = parse_profile(data)
    except TestigoError:
        raise _bad("the packet's coalition profile is not valid", PROFILE) from None
    if profile.signing_public_key != root:
        raise _bad(
            "the packet's coalition profile does not carry this coalition's signature", PROFILE
        )
    return profile.service_public_key, profile.epoch
