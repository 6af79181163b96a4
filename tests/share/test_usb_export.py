"""Saving bundles to a USB stick: whole files, marked carried, and still waiting for a receipt."""

from __future__ import annotations

from pathlib import Path

import pytest

from reporter.errors import Cancelled, DraftNotConfirmed, InvalidField
from reporter.share.confirmation import drafts_among, require_confirmed
from reporter.share.outbox_store import OutboxStore
from reporter.share.sharing import share_incidents
from reporter.share.usb_export import carried_by_hand, export_bundles
from reporter.sync.status import sync_status
from tests.share.conftest import World


def shared(world: World, n: int = 1) -> list[str]:
    ids = []
    for i in range(n):
        iid = world.reporter.incidents.add(
            {"title": f"Amenaza {i}", "incident_types": ["HAR.THREAT"]}
        )
        ids.append(share_incidents(world.reporter, [iid]))
    return ids


def test_export_writes_each_bundle_whole_and_marks_it_carried(
    x_world: World, tmp_path: Path
) -> None:
    bundle_ids = shared(x_world, 2)
    usb = tmp_path / "usb"
    usb.mkdir()
    written = export_bundles(x_world.reporter, usb)
    assert sorted(w["bundle_id"] for w in written) == sorted(bundle_ids)
    for entry in written:
        path = Path(entry["file"])
        assert path.parent == usb
        assert path.suffix == ".age"
        assert len(path.stem) == 16
        assert path.read_bytes() == x_world.ciphertext(entry["bundle_id"])
        assert x_world.import_bytes(path.read_bytes()).bundle_id == entry["bundle_id"]
    assert sorted(p.name for p in usb.iterdir()) == sorted(Path(w["file"]).name for w in written)
    items = OutboxStore(x_world.reporter).list()
    assert all(carried_by_hand(item) for item in items)
    assert sync_status(items, connected=True) == sync_status(items, True)  # pure
    assert sync_status(items, connected=True).carried == 2
    assert export_bundles(x_world.reporter, usb) == []  # written once unless asked again
    assert len(export_bundles(x_world.reporter, usb, again=True)) == 2


def test_a_cancelled_export_leaves_no_file_and_marks_nothing(
    x_world: World, tmp_path: Path
) -> None:
    shared(x_world)
    usb = tmp_path / "usb"
    usb.mkdir()
    with pytest.raises(Cancelled):
        export_bundles(x_world.reporter, usb, cancel=lambda: True)
    assert list(usb.iterdir()) == []  # not even a temporary file
    assert not any(carried_by_hand(i) for i in OutboxStore(x_world.reporter).list())


def test_export_refuses_a_file_as_its_folder(x_world: World, tmp_path: Path) -> None:
    shared(x_world)
    not_a_folder = tmp_path / "stick"
    not_a_folder.write_text("x")
    with pytest.raises(InvalidField) as caught:
        export_bundles(x_world.reporter, not_a_folder)
    assert "no es una carpeta" in caught.value.message("es")
    assert not any(carried_by_hand(i) for i in OutboxStore(x_world.reporter).list())


def test_a_draft_is_shared_only_when_confirmed(x_world: World) -> None:
    draft = x_world.reporter.incidents.add({"title": "Borrador", "incident_types": ["HAR.THREAT"]})
    done = x_world.reporter.incidents.add(
        {"title": "Listo", "incident_types": ["HAR.THREAT"], "status": "COMPLETE"}
    )
    assert drafts_among(x_world.reporter, [draft, done]) == [draft]
    with pytest.raises(DraftNotConfirmed) as caught:
        require_confirmed(x_world.reporter, [done, draft], confirmed=False)
    assert "--yes" in caught.value.message("es")
    assert "borrador" in caught.value.message("es")
    require_confirmed(x_world.reporter, [done], confirmed=False)
    require_confirmed(x_world.reporter, [draft], confirmed=True)


def test_cli_share_of_a_draft_needs_yes_and_export_says_so_in_spanish(
    x_world: World, tmp_path: Path
) -> None:
    from tests.share.test_receipt_files import cli

    draft = x_world.reporter.incidents.add({"title": "Borrador", "incident_types": ["HAR.THREAT"]})
    home = x_world.reporter.home
    x_world.reporter.close()
    refused = cli(home, "--lang", "es", "share", draft)
    assert refused.returncode != 0
    assert refused.stderr.count("\n") == 1
    assert f"El incidente {draft} sigue siendo un borrador" in refused.stderr
    assert "Traceback" not in refused.stderr
    shared = cli(home, "share", draft, "--yes")
    assert shared.returncode == 0, shared.stderr
    usb = tmp_path / "usb"
    usb.mkdir()
    written = cli(home, "--lang", "es", "bundle", "export", "--out", str(usb))
    assert written.returncode == 0, written.stderr
    assert "1 paquete(s) escritos en" in written.stdout
    assert len(list(usb.glob("*.age"))) == 1
