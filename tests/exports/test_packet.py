"""The evidence packet verifies offline, and refuses any change (issue 14, test 3).

Every file of a real packet is changed by one byte in turn, one is removed, one is added:
``verify_packet`` refuses each and names the file; the untouched packet, zipped or unpacked
into a folder, verifies with only the coalition's public key from its profile.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from reporter.errors import PacketMismatch
from reporter.exports.base import ExportContext
from reporter.exports.packet import MANIFEST, SIGNATURE, verify_packet
from reporter.exports.run import run_export
from reporter.inbox.query import ReportFilter
from reporter.share.coalition import PROFILE_FILE
from reporter.share.profile import parse_profile
from tests.exports.conftest import EVIDENCE, Received


@pytest.fixture(scope="module")
def packet(received: Received, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("packet") / "casos.zip"
    ctx = ExportContext(lang="es", coalition="Red TDT")
    run_export(received.vault, "packet", out, ctx, ReportFilter(ids=tuple(received.ids[:2])))
    return out


@pytest.fixture(scope="module")
def key(received: Received) -> bytes:
    return parse_profile((received.coalition_dir / PROFILE_FILE).read_bytes()).signing_public_key


def _rewrite(
    src: Path, dst: Path, change: dict[str, bytes | None], extra: dict[str, bytes] | None = None
) -> None:
    """Copy the zip, replacing (or with None, dropping) some members, adding others."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            data = change.get(info.filename, zin.read(info.filename))
            if data is not None:
                zout.writestr(info.filename, data)
        for name, data in (extra or {}).items():
            zout.writestr(name, data)


def test_a_packet_holds_the_cases_evidence_originals_and_verifies(
    packet: Path, key: bytes, received: Received
) -> None:
    result = verify_packet(packet, key)
    assert result["verified"]
    assert sorted(result["cases"]) == sorted(received.ids[:2])
    with zipfile.ZipFile(packet) as zf:
        names = zf.namelist()
        manifest = json.loads(zf.read(MANIFEST))
        first = received.ids[0]
        assert f"cases/{first}/case.pdf" in names
        assert f"cases/{first}/case.json" in names
        evidence = [n for n in names if n.startswith(f"cases/{first}/evidence/")]
        assert [zf.read(n) for n in evidence] == [EVIDENCE]
        bundles = [n for n in names if n.startswith("bundles/") and n.endswith(".age")]
        assert len(bundles) == 2
        assert all(zf.read(n).startswith(b"age-encryption.org/v1\n") for n in bundles)
        arrival = json.loads(zf.read(f"cases/{first}/arrival.json"))
        assert arrival["via"] == "file"
        assert arrival["bundle_sha256"]
        history = json.loads(zf.read(f"cases/{first}/history.json"))
        assert {h["field"] for h in history} >= {"counting", "verification", "note"}
        assert "Confirmado por el laboratorio" not in json.dumps(history)  # no --with-notes
        assert manifest["export"]["vocabulary_version"]
        assert manifest["cases"] == result["cases"]


def test_every_one_byte_change_of_every_file_is_refused(
    packet: Path, key: bytes, tmp_path: Path
) -> None:
    with zipfile.ZipFile(packet) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    assert len(members) >= 10
    for name, data in members.items():
        for offset in sorted({0, len(data) // 2, len(data) - 1}):
            changed = bytearray(data)
            changed[offset] ^= 0x01
            bad = tmp_path / "bad.zip"
            _rewrite(packet, bad, {name: bytes(changed)})
            with pytest.raises(PacketMismatch) as caught:
                verify_packet(bad, key)
            expected = MANIFEST if name in (MANIFEST, SIGNATURE) else name
            assert caught.value.params["file"] == expected, (name, offset)


def test_a_removed_or_added_file_is_refused(packet: Path, key: bytes, tmp_path: Path) -> None:
    with zipfile.ZipFile(packet) as zf:
        evidence = next(n for n in zf.namelist() if "/evidence/" in n)
    bad = tmp_path / "removed.zip"
    _rewrite(packet, bad, {evidence: None})
    with pytest.raises(PacketMismatch, match="missing") as caught:
        verify_packet(bad, key)
    assert caught.value.params["file"] == evidence
    bad = tmp_path / "added.zip"
    _rewrite(packet, bad, {}, {"cases/extra.txt": b"planted"})
    with pytest.raises(PacketMismatch, match="added") as caught:
        verify_packet(bad, key)
    assert caught.value.params["file"] == "cases/extra.txt"
    for name in (MANIFEST, SIGNATURE):
        _rewrite(packet, bad, {name: None})
        with pytest.raises(PacketMismatch):
            verify_packet(bad, key)


def test_another_key_or_a_hostile_name_is_refused(packet: Path, key: bytes, tmp_path: Path) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    other = Ed25519PrivateKey.generate().public_key().public_bytes_raw()
    with pytest.raises(PacketMismatch, match="signature"):
        verify_packet(packet, other)
    bad = tmp_path / "evil.zip"
    _rewrite(packet, bad, {}, {"../escape.txt": b"x"})
    with pytest.raises(PacketMismatch, match="leaves the packet"):
        verify_packet(bad, key)
    (tmp_path / "not.zip").write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(PacketMismatch, match="zip"):
        verify_packet(tmp_path / "not.zip", key)


def test_an_unpacked_packet_verifies_as_a_folder(packet: Path, key: bytes, tmp_path: Path) -> None:
    folder = tmp_path / "unpacked"
    with zipfile.ZipFile(packet) as zf:
        zf.extractall(folder)
    assert verify_packet(folder, key)["verified"]
    target = next((folder / "cases").rglob("case.json"))
    target.write_bytes(target.read_bytes() + b" ")
    with pytest.raises(PacketMismatch, match="does not match"):
        verify_packet(folder, key)


def test_the_message_is_in_spanish_too() -> None:
    error = PacketMismatch(reason="a file of the manifest is missing", file="cases/x.pdf")
    assert error.message("es") == (
        "El paquete de evidencia no pasa la verificación: falta un"
        " archivo del manifiesto (cases/x.pdf)."
    )


def test_a_signed_but_malformed_manifest_is_a_mismatch_not_a_crash(
    packet: Path, key: bytes, received: Received, tmp_path: Path
) -> None:
    import base64

    from reporter.exports.packet import CONTEXT
    from reporter.inbox.inbox import coalition_signing_key

    signer = coalition_signing_key(received.vault)
    for body in (
        b"[]",
        b'{"files": [{"path": "README.txt", "size": -1, "sha256": ""}]}',
        b'{"files": "x"}',
        b"not json",
    ):
        sig = base64.b64encode(signer.sign(CONTEXT + b"\x00" + body)) + b"\n"
        bad = tmp_path / "malformed.zip"
        _rewrite(packet, bad, {MANIFEST: body, SIGNATURE: sig})
        with pytest.raises(PacketMismatch, match="not a packet manifest"):
            verify_packet(bad, key)
