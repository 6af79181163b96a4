"""Receipts for bundles imported from files go back as files the reporter's outbox takes.

The whole way by hand with real parts: a reporter shares an incident, its bundle goes to
the coordinator as a file, `testigo-cli inbox receipts --out DIR` writes the receipt, and
the reporter's own import (reporter.share.receipt_files) marks the bundle received.
"""

from __future__ import annotations

import io
import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from reporter.cli.main import main
from reporter.inbox.inbox import Arrival, Inbox
from reporter.share.outbox_store import OutboxStore
from reporter.share.receipt_files import import_receipt_files
from reporter.share.sharing import share_incidents
from reporter.vault.blob_store import BlobStore
from tests.share.conftest import PASSPHRASE, World, make_world


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    monkeypatch.setenv("TESTIGO_PASSPHRASE", PASSPHRASE)
    w = make_world(tmp_path, "x25519")
    yield w
    w.reporter.close()
    w.coordinator.close()


def _share(world: World, title: str) -> str:
    iid = world.reporter.incidents.add(
        {"title": title, "incident_types": ["HAR.THREAT"], "when": {"date": "2026-10-01"}}
    )
    return share_incidents(world.reporter, [iid], [], ["share_free_text"])


def _receipts(
    world: World, out: Path, capsys: pytest.CaptureFixture[str], *extra: str
) -> list[dict[str, str]]:
    capsys.readouterr()
    home = str(world.coordinator.home)
    world.coordinator.close()  # the CLI opens the vault itself
    try:
        status = main(["--home", home, "inbox", "receipts", "--out", str(out), *extra, "--json"])
        assert status == 0
        return list(json.loads(capsys.readouterr().out))
    finally:
        world.coordinator = type(world.coordinator).open(Path(home), PASSPHRASE)


def test_receipt_files_mark_the_bundles_received_on_the_device(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    sent = [_share(world, f"Reporte {n}") for n in range(2)]
    for bundle_id in sent:
        (stick / f"{bundle_id}.age").write_bytes(world.ciphertext(bundle_id))
    inbox = Inbox(world.coordinator)
    for path in sorted(stick.iterdir()):
        assert inbox.import_file(path).status == "imported"

    out = tmp_path / "receipts"
    written = _receipts(world, out, capsys)
    assert sorted(w["bundle_id"] for w in written) == sorted(sent)
    files = sorted(out.iterdir())
    assert len(files) == 2
    for path in files:  # the shared name; nothing of the bundle or device in it
        assert path.name.startswith("receipt-")
        assert path.name.endswith(".testigo-receipt")
        assert len(path.name) == len("receipt-") + 16 + len(".testigo-receipt")
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
        assert all(b not in path.name for b in sent)

    outcomes = import_receipt_files(world.reporter, [out])
    assert sorted((o.status, o.bundle_id) for o in outcomes) == [
        ("received", b) for b in sorted(sent)
    ]
    states = {i["bundle_id"]: i["state"] for i in OutboxStore(world.reporter).list()}
    assert {states[b] for b in sent} == {"received"}

    # Written once: a second run writes none; --all writes them again, harmlessly.
    assert _receipts(world, tmp_path / "again", capsys) == []
    again = _receipts(world, tmp_path / "all", capsys, "--all")
    assert len(again) == 2
    assert {o.status for o in import_receipt_files(world.reporter, [tmp_path / "all"])} == {
        "already_received"
    }


def test_a_bundle_that_came_by_the_relay_gets_no_receipt_file(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundle_id = _share(world, "Por el servidor")
    by_file = _share(world, "Por archivo")
    blobs = BlobStore(world.coordinator)
    with blobs.sink() as sink:
        sink.write(world.ciphertext(bundle_id))
        blob = sink.commit()
    inbox = Inbox(world.coordinator)
    relay = Arrival("relay", "upload-1", None, blob)
    assert inbox.receive(io.BytesIO(world.ciphertext(bundle_id)), arrival=relay).status == (
        "imported"
    )
    path = tmp_path / "b.age"
    path.write_bytes(world.ciphertext(by_file))
    inbox.import_file(path)

    written = _receipts(world, tmp_path / "out", capsys)
    assert [w["bundle_id"] for w in written] == [by_file]
