"""Issue 13, test 3 (core): a gap in a device's device_seq is flagged; `inbox extract` writes
the received file where asked and nothing else lands outside the vault; the original bundle
is kept as received.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from pathlib import Path

from reporter.errors import EXIT_CONFLICT
from reporter.inbox.evidence import device_gaps, original, original_chunks
from reporter.inbox.query import select_reports
from reporter.relay.serve import BackgroundRelay
from reporter.share.bundle import OutgoingAttachment
from reporter.share.outbox_store import OutboxStore
from reporter.sync.coordinator import pull
from reporter.vault.blob_store import BlobStore
from reporter.vault.vault import Vault
from tests.inbox.conftest import Cli, receive
from tests.share.conftest import PASSPHRASE, make_world
from tests.share.signed_bundles import good_record, new_device, profile_of, seal
from tests.sync.conftest import NO_WAIT, build_mission

CANARY = b"CANARY-EVIDENCE-7f3a " * 4000  # ~84 KB: more than one STREAM chunk


def test_a_missing_device_seq_is_flagged(tmp_path: Path, cli: Cli) -> None:
    got = receive(tmp_path, seqs=(1, 2, 4, 7))
    with Vault.open(got.home, PASSPHRASE) as vault:
        gaps = device_gaps(vault)
    assert len(gaps) == 3
    assert all(
        g == {"missing": [[3, 3], [5, 6]], "missing_count": 3, "last_seq": 7} for g in gaps.values()
    )
    devices = cli(got.home, "inbox", "devices", "--json")[1]
    assert [d["gap"]["missing"] for d in devices] == [[[3, 3], [5, 6]]] * 3
    listed = cli(got.home, "inbox", "list", "--json")[1]
    assert all(i["device_gap"]["missing_count"] == 3 for i in listed)
    text = cli(got.home, "inbox", "devices")[1]
    assert text.count("MISSING 3 bundle(s): 3, 5-6") == 3


def test_no_gap_means_no_flag(tmp_path: Path, cli: Cli) -> None:
    got = receive(tmp_path, bundles_per_device=3)
    assert all(d["gap"] is None for d in cli(got.home, "inbox", "devices", "--json")[1])


def _files(root: Path, skip: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file() and skip not in p.parents}


def test_extract_writes_the_file_and_nothing_else_outside_the_vault(
    tmp_path: Path, cli: Cli, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    world = make_world(tmp_path, "x25519")
    home = world.coordinator.home
    record = good_record()
    attachment_id = str(uuid.uuid4())
    entry = {
        "id": attachment_id,
        "incident_id": record["id"],
        "size": len(CANARY),
        "media_type": "text/plain",
        "sha256": hashlib.sha256(CANARY).hexdigest(),
    }
    record["attachments"] = [{k: entry[k] for k in ("id", "size", "media_type", "sha256")}]
    data = seal(
        profile_of(world.reporter),
        new_device(),
        [record],
        attachments=[OutgoingAttachment(entry, lambda: [CANARY])],
    )
    bundle = tmp_path / "in.age"
    bundle.write_bytes(data)
    try:
        result = world.inbox.import_file(bundle)
    finally:
        world.reporter.close()
        world.coordinator.close()
    bundle.unlink()
    before = _files(tmp_path, home)
    out = tmp_path / "caso" / "evidencia.txt"
    out.parent.mkdir()
    status, done, err = cli(
        home, "inbox", "extract", attachment_id.upper(), "--out", str(out), "--json"
    )
    assert status == 0, err
    assert out.read_bytes() == CANARY
    assert done["sha256"] == entry["sha256"]
    assert out.stat().st_mode & 0o077 == 0
    assert _files(tmp_path, home) - before == {out}  # only the file asked for
    for path in _files(tmp_path, home) - {out}:
        assert b"CANARY-EVIDENCE" not in path.read_bytes(), path
    for path in _files(home, tmp_path / "none"):  # inside the vault: ciphertext
        assert b"CANARY-EVIDENCE" not in path.read_bytes(), path
    # an existing file is kept unless --force
    out.write_bytes(b"mine")
    status, _, err = cli(home, "inbox", "extract", attachment_id, "--out", str(out))
    assert status == EXIT_CONFLICT
    assert out.read_bytes() == b"mine"
    assert cli(home, "inbox", "extract", attachment_id, "--out", str(out), "--force")[0] == 0
    assert out.read_bytes() == CANARY
    # the bundle itself is kept as it arrived, byte for byte
    with Vault.open(home, PASSPHRASE) as vault:
        kept = original(vault, result.bundle_id)
        assert b"".join(original_chunks(vault, result.bundle_id)) == data
    assert (kept["via"], kept["file_name"], kept["size"]) == ("file", "in.age", len(data))
    assert not os.listdir(tmp_path / "tmp")


def test_a_pulled_bundle_keeps_its_download_as_the_original(tmp_path: Path) -> None:
    relay = BackgroundRelay(tmp_path / "relay").start()
    try:
        mission = build_mission(tmp_path, relay, tmp_path / "relay")
        try:
            bundle_id = mission.add_and_share("Amenaza en la puerta")
            engine = mission.engine()
            try:
                assert bundle_id in engine.run(force=True).uploaded
            finally:
                engine.close()
            sent = b"".join(OutboxStore(mission.reporter).ciphertext_chunks(bundle_id))
            report = pull(mission.coordinator, backoff=NO_WAIT)
            assert report.error is None
            assert len(report.imported) == 1
            received_id = report.imported[0]["bundle_id"]
            vault = mission.coordinator
            kept = original(vault, received_id)
            assert kept["via"] == "relay"
            assert kept["upload_id"]
            assert BlobStore(vault).collect_orphans(0) == 0  # the original is no orphan
            assert b"".join(original_chunks(vault, received_id)) == sent
            (listed,) = select_reports(vault, include_all=True)
            assert (listed.received_via, listed.upload_id) == ("relay", kept["upload_id"])
        finally:
            mission.reporter.close()
            mission.coordinator.close()
    finally:
        relay.stop()
