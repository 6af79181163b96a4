"""Receipt files carried back by hand: what marks a bundle received, and what is refused."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from reporter.age import X25519Identity
from reporter.errors import ReceiptFileRefused
from reporter.inbox.inbox import coalition_signing_key
from reporter.share.device import device_identity, receipt_identity
from reporter.share.outbox_store import OutboxStore
from reporter.share.receipt_files import RECEIPT_SUFFIX, import_receipt_files, receipt_paths
from reporter.share.receipts import MAX_RECEIPT, make_receipt
from reporter.share.sharing import share_incidents
from reporter.share.usb_export import export_bundles
from tests.share.conftest import PASSPHRASE, World


def shared_bundle(world: World, title: str = "Amenaza") -> str:
    iid = world.reporter.incidents.add({"title": title, "incident_types": ["HAR.THREAT"]})
    return share_incidents(world.reporter, [iid])


def receipt_for(world: World, bundle_id: str, key: Ed25519PrivateKey | None = None) -> bytes:
    """What the coordinator writes for a bundle it imported (its device id and receipt key)."""
    result = world.import_bytes(world.ciphertext(bundle_id))
    return make_receipt(
        key or coalition_signing_key(world.coordinator),
        result.bundle_id,
        result.device_id,
        result.receipt_recipient,
    )


def write(folder: Path, data: bytes, name: str = "receipt-0123456789abcdef") -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}{RECEIPT_SUFFIX}"
    path.write_bytes(data)
    return path


def state(world: World, bundle_id: str) -> str:
    return str(OutboxStore(world.reporter).get(bundle_id)["state"])


def test_a_receipt_file_marks_a_carried_bundle_received(x_world: World, tmp_path: Path) -> None:
    bundle_id = shared_bundle(x_world)
    usb = tmp_path / "usb"
    usb.mkdir()
    assert [w["bundle_id"] for w in export_bundles(x_world.reporter, usb)] == [bundle_id]
    path = write(tmp_path / "back", receipt_for(x_world, bundle_id))
    [outcome] = import_receipt_files(x_world.reporter, [path])
    assert (outcome.status, outcome.bundle_id, outcome.error) == ("received", bundle_id, None)
    item = OutboxStore(x_world.reporter).get(bundle_id)
    assert item["state"] == "received"
    assert json.loads(item["coordinator_receipt"])["bundle_id"] == bundle_id
    again = import_receipt_files(x_world.reporter, [path.parent])  # a folder: its receipts
    assert [o.status for o in again] == ["already_received"]


def test_a_receipt_for_another_device_is_refused(x_world: World, tmp_path: Path) -> None:
    bundle_id = shared_bundle(x_world)
    result = x_world.import_bytes(x_world.ciphertext(bundle_id))
    key = coalition_signing_key(x_world.coordinator)
    other = X25519Identity.generate().recipient().to_string()
    sealed_elsewhere = make_receipt(key, bundle_id, result.device_id, other)
    # Sealed to this device, but the coalition signed it for another device id.
    for_another_id = make_receipt(key, bundle_id, "f" * 32, result.receipt_recipient)
    outcomes = import_receipt_files(
        x_world.reporter,
        [write(tmp_path, sealed_elsewhere, "a"), write(tmp_path, for_another_id, "b")],
    )
    assert [o.status for o in outcomes] == ["refused", "refused"]
    assert all(isinstance(o.error, ReceiptFileRefused) for o in outcomes)
    assert "another device" in outcomes[0].error.message("en")  # type: ignore[union-attr]
    assert outcomes[1].error.params["reason"] == "it is for another device"  # type: ignore[union-attr]
    assert "otro dispositivo" in outcomes[1].error.message("es")  # type: ignore[union-attr]
    assert outcomes[0].file == f"a{RECEIPT_SUFFIX}"
    assert state(x_world, bundle_id) == "queued"


def test_a_tampered_or_forged_receipt_changes_nothing(x_world: World, tmp_path: Path) -> None:
    bundle_id = shared_bundle(x_world)
    good = receipt_for(x_world, bundle_id)
    tampered = bytearray(good)
    tampered[-5] ^= 0x01  # one bit of the sealed payload
    forged = make_receipt(
        Ed25519PrivateKey.generate(),  # not the coalition's key
        bundle_id,
        device_identity(x_world.reporter).device_id,
        receipt_identity(x_world.reporter).recipient().to_string(),
    )
    outcomes = import_receipt_files(
        x_world.reporter, [write(tmp_path, bytes(tampered), "t"), write(tmp_path, forged, "f")]
    )
    reasons = [o.error.params["reason"] for o in outcomes if o.error is not None]
    assert reasons == ["it was changed or damaged", "it is not signed by the coalition"]
    assert state(x_world, bundle_id) == "queued"
    item = OutboxStore(x_world.reporter).get(bundle_id)
    assert item["coordinator_receipt"] is None


def test_what_is_not_a_receipt_is_refused_by_name(x_world: World, tmp_path: Path) -> None:
    bundle_id = shared_bundle(x_world)
    files = [
        write(tmp_path, b"", "empty"),
        write(tmp_path, b"hello, not age at all\n", "text"),
        write(tmp_path, x_world.ciphertext(bundle_id), "bundle"),  # an age file, not for us
        write(tmp_path, b"age-encryption.org/v1\n" + os.urandom(MAX_RECEIPT), "huge"),
        tmp_path / "missing.testigo-receipt",
    ]
    outcomes = import_receipt_files(x_world.reporter, files)
    assert [o.status for o in outcomes] == ["refused"] * 5
    assert [o.file for o in outcomes] == [p.name for p in files]
    assert outcomes[0].error.params["reason"] == "not a receipt file"  # type: ignore[union-attr]
    assert outcomes[4].error.params["reason"] == "the file cannot be read"  # type: ignore[union-attr]
    assert state(x_world, bundle_id) == "queued"


def test_a_receipt_for_a_bundle_not_in_this_outbox_is_refused(
    x_world: World, tmp_path: Path
) -> None:
    bundle_id = shared_bundle(x_world)
    data = receipt_for(x_world, bundle_id)
    OutboxStore(x_world.reporter).remove(bundle_id)
    [outcome] = import_receipt_files(x_world.reporter, [write(tmp_path, data)])
    assert outcome.error is not None
    assert outcome.error.params["reason"] == "no bundle in this outbox has that id"


def test_a_folder_gives_only_its_receipt_files(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", b"x", "deeper")
    (tmp_path / "notes.txt").write_text("x")
    b = write(tmp_path, b"x", "b")
    a = write(tmp_path, b"x", "a")
    assert receipt_paths([tmp_path]) == [a, b]


def cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603
        [sys.executable, "-m", "tests.fast_cli", "--home", str(home), *args],
        capture_output=True,
        text=True,
        env=dict(os.environ, TESTIGO_PASSPHRASE=PASSPHRASE),
        timeout=120,
        check=False,
    )


def test_cli_imports_receipts_and_names_each_refusal(x_world: World, tmp_path: Path) -> None:
    bundle_id = shared_bundle(x_world)
    back = tmp_path / "back"
    write(back, receipt_for(x_world, bundle_id), "good")
    write(back, b"garbage", "bad")
    home = x_world.reporter.home
    x_world.reporter.close()  # the CLI opens the vault itself
    proc = cli(home, "--lang", "es", "bundle", "import-receipts", str(back))
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert f"good{RECEIPT_SUFFIX}: recibido por la coalición (paquete {bundle_id})." in proc.stdout
    assert f"bad{RECEIPT_SUFFIX}: rechazado (no es un archivo de acuse de recibo)" in proc.stdout
    assert proc.stderr.count("\n") == 1
    again = cli(home, "bundle", "import-receipts", str(back / f"good{RECEIPT_SUFFIX}"), "--json")
    assert again.returncode == 0, again.stderr
    assert [o["status"] for o in json.loads(again.stdout)] == ["already_received"]
    one_bad = cli(home, "bundle", "import-receipts", str(back / f"bad{RECEIPT_SUFFIX}"))
    assert one_bad.returncode != 0
    assert one_bad.stderr.strip().endswith("refused (not a receipt file); nothing was changed.")
