"""Bundle files import in group commits: several per transaction, each all or nothing.

A refused bundle writes nothing, and one whose writes fail anyway leaves its batch as it
was before it (rolled back, the earlier bundles written again), never losing the good ones; an
outcome is handed out only once its batch is durable; a kill -9 in the middle of a folder
leaves every bundle whole or absent, and importing the folder again completes it once.
"""

from __future__ import annotations

import hashlib
import os
import select
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reporter.errors import IncidentOwnedElsewhere, TestigoError
from reporter.inbox.evidence import original_chunks
from reporter.inbox.group_commit import Limits, import_files
from reporter.inbox.inbox import ImportResult, Inbox
from reporter.inbox.received import import_bundle_files
from reporter.vault.vault import Vault
from tests.share.conftest import PASSPHRASE, World, make_world
from tests.share.signed_bundles import good_record, new_device, profile_of, seal


@pytest.fixture
def x_world(tmp_path: Path) -> Iterator[World]:
    world = make_world(tmp_path, "x25519")
    yield world
    world.reporter.close()
    world.coordinator.close()


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _table(vault: Vault, sql: str) -> list[tuple[object, ...]]:
    return [tuple(r) for r in vault.query(sql)]


def test_a_refused_bundle_rolls_back_alone_and_the_batch_keeps_the_good_ones(
    x_world: World, tmp_path: Path
) -> None:
    profile = profile_of(x_world.reporter)
    owner, other = new_device(), new_device()
    taken = good_record(title="Primero")
    folder = tmp_path / "stick"
    folder.mkdir()
    first = _write(folder, "01.age", seal(profile, owner, [taken], seq=1))
    # Another device names the same incident: refused after its device row was written.
    _write(folder, "02.age", seal(profile, other, [good_record(taken["id"], 2)], seq=1))
    _write(folder, "03.age", seal(profile, owner, [good_record(title="Segundo")], seq=2))
    broken = bytearray(seal(profile, owner, [good_record(title="Roto")], seq=3))
    broken[-40] ^= 1
    _write(folder, "04.age", bytes(broken))
    _write(folder, "05.age", first.read_bytes())  # the same bundle again

    inbox = Inbox(x_world.coordinator)
    outcomes = list(import_files(inbox, sorted(folder.iterdir())))

    kinds = [o.status if isinstance(o, ImportResult) else type(o).__name__ for _, o in outcomes]
    assert [p.name for p, _ in outcomes] == ["01.age", "02.age", "03.age", "04.age", "05.age"]
    assert kinds[:3] == ["imported", "IncidentOwnedElsewhere", "imported"]
    assert isinstance(outcomes[3][1], TestigoError)
    assert kinds[4] == "duplicate"
    vault = x_world.coordinator
    # Nothing of the refused bundle stayed: not its device, bundle or record.
    assert len(_table(vault, "SELECT device_id FROM devices")) == 1
    assert len(_table(vault, "SELECT bundle_id FROM inbox_bundles")) == 2
    titles = sorted(r["record"]["title"] for r in inbox.list())
    assert titles == ["Primero", "Segundo"]
    refused = _table(vault, "SELECT file_name, code FROM inbox_rejections ORDER BY file_name")
    assert refused[0] == ("02.age", IncidentOwnedElsewhere.code)
    assert [r[0] for r in refused] == ["02.age", "04.age"]
    assert vault.integrity_check() == "ok"


def test_a_bundle_whose_writes_fail_leaves_the_good_ones_of_its_batch(
    x_world: World, tmp_path: Path
) -> None:
    """Checks refuse every bad bundle we know how to make before it writes; a failure of
    the writes themselves (a full disk, a constraint) is made here by a trigger of the
    database's own, on the vault's connection, for one title."""
    profile = profile_of(x_world.reporter)
    owner, other = new_device(), new_device()
    x_world.coordinator.conn.execute(
        "CREATE TEMP TRIGGER fail_one BEFORE INSERT ON inbox_records"
        " WHEN NEW.data LIKE '%Falla al escribir%' BEGIN SELECT RAISE(ABORT, 'full'); END"
    )
    paths = [
        _write(tmp_path, "01.age", seal(profile, owner, [good_record(title="Antes")], seq=1)),
        _write(
            tmp_path,
            "02.age",
            seal(profile, other, [good_record(title="Falla al escribir")], seq=1),
        ),
        _write(tmp_path, "03.age", seal(profile, owner, [good_record(title="Después")], seq=2)),
    ]
    outcomes = [o for _, o in import_files(Inbox(x_world.coordinator), paths)]

    assert isinstance(outcomes[0], ImportResult)
    assert isinstance(outcomes[1], TestigoError)
    assert isinstance(outcomes[2], ImportResult)
    vault = x_world.coordinator
    titles = sorted(r["record"]["title"] for r in Inbox(vault).list())
    assert titles == ["Antes", "Después"]
    assert len(_table(vault, "SELECT device_id FROM devices")) == 1  # not the failed sender
    assert len(_table(vault, "SELECT bundle_id FROM inbox_bundles")) == 2
    assert len(_table(vault, "SELECT 1 FROM inbox_originals")) == 2
    assert vault.integrity_check() == "ok"


def test_each_outcome_is_durable_when_it_is_handed_out(x_world: World, tmp_path: Path) -> None:
    profile = profile_of(x_world.reporter)
    device = new_device()
    paths = [
        _write(tmp_path, f"{n:02d}.age", seal(profile, device, [good_record()], seq=n))
        for n in range(1, 8)
    ]
    other = Vault.open(x_world.coordinator.home, PASSPHRASE)  # a second connection
    try:
        seen = []
        limits = Limits(bundles=3, seconds=60)
        for path, outcome in import_files(Inbox(x_world.coordinator), paths, limits=limits):
            assert isinstance(outcome, ImportResult), path
            # Committed, not only visible to the importing connection.
            rows = other.query(
                "SELECT 1 FROM inbox_bundles WHERE bundle_id = ?", (outcome.bundle_id,)
            )
            assert rows, path.name
            seen.append(path)
        assert seen == paths
    finally:
        other.close()


def test_cancelling_commits_what_was_imported_and_stops(x_world: World, tmp_path: Path) -> None:
    profile = profile_of(x_world.reporter)
    device = new_device()
    for n in range(1, 7):
        _write(tmp_path, f"{n:02d}.age", seal(profile, device, [good_record()], seq=n))
    calls = {"n": 0}

    def cancelled() -> bool:
        calls["n"] += 1
        return calls["n"] > 4

    outcome = import_bundle_files(x_world.coordinator, [tmp_path], cancelled=cancelled)
    assert outcome["cancelled"] is True
    assert [r["status"] for r in outcome["results"]] == ["imported"] * 4
    assert len(Inbox(x_world.coordinator).list()) == 4


def test_a_large_file_is_imported_in_a_transaction_of_its_own(
    x_world: World, tmp_path: Path
) -> None:
    """A file above ``alone`` bytes is not held in a batch; the order of outcomes stays."""
    profile = profile_of(x_world.reporter)
    device = new_device()
    paths = [
        _write(tmp_path, f"{n:02d}.age", seal(profile, device, [good_record()], seq=n))
        for n in range(1, 5)
    ]
    limits = Limits(alone=min(p.stat().st_size for p in paths) - 1)
    got = list(import_files(Inbox(x_world.coordinator), paths, limits=limits))
    assert [p for p, _ in got] == paths
    assert all(isinstance(o, ImportResult) and o.status == "imported" for _, o in got)


# The child imports a folder in small batches, printing each file only when it is handed
# out (its batch committed), until it is killed.
CHILD = r"""
import sys
from pathlib import Path
from reporter.vault import keyfile
from reporter.vault.vault import Vault
from reporter.inbox.inbox import Inbox, ImportResult
from reporter.inbox.group_commit import Limits, import_files
keyfile.FAST_KDF_FOR_TESTS = True
vault = Vault.open(Path(sys.argv[1]), sys.argv[2])
files = sorted(Path(sys.argv[3]).iterdir())
print("ready", flush=True)
for path, outcome in import_files(Inbox(vault), files, limits=Limits(bundles=4, seconds=60)):
    if isinstance(outcome, ImportResult):
        print(outcome.status, path.name, outcome.bundle_id, flush=True)
"""


def _import_until_killed(home: Path, folder: Path, after: int) -> dict[str, str]:
    """Run the child, kill -9 it once ``after`` files were reported; file -> bundle id."""
    child = subprocess.Popen(  # noqa: S603 - our own code
        [sys.executable, "-c", CHILD, str(home), PASSPHRASE, str(folder)],
        stdout=subprocess.PIPE,
        cwd=Path(__file__).parents[2],
    )
    assert child.stdout is not None
    fd, buffer = child.stdout.fileno(), b""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and buffer.count(b"\n") < after + 1:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            buffer += chunk
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    buffer += child.stdout.read()
    child.stdout.close()
    lines = buffer.decode().split("\n")[:-1]  # only complete lines were reported
    assert len(lines) > after, "the child did not get that far"
    return {name: bundle for _, name, bundle in (line.split() for line in lines[1:])}


def test_kill_during_a_folder_import_loses_nothing_reported_and_duplicates_nothing(
    x_world: World, tmp_path: Path
) -> None:
    profile = profile_of(x_world.reporter)
    device = new_device()
    folder = tmp_path / "stick"
    folder.mkdir()
    titles = {}
    for n in range(1, 41):
        record = good_record(title=f"Reporte {n}")
        titles[record["id"]] = record["title"]
        _write(folder, f"{n:03d}.age", seal(profile, device, [record], seq=n))
    home = x_world.coordinator.home
    x_world.coordinator.close()

    reported = _import_until_killed(home, folder, after=9)

    vault = Vault.open(home, PASSPHRASE)
    try:
        assert vault.integrity_check() == "ok"
        present = {r[0] for r in vault.query("SELECT bundle_id FROM inbox_bundles")}
        assert set(reported.values()) <= present  # nothing reported is lost
        # Whatever is there is whole: its record, its index row and its original.
        for (bundle_id,) in vault.query("SELECT bundle_id FROM inbox_bundles"):
            assert vault.query("SELECT 1 FROM inbox_records WHERE bundle_id = ?", (bundle_id,))
            assert vault.query("SELECT 1 FROM inbox_current WHERE bundle_id = ?", (bundle_id,))
            assert vault.query("SELECT 1 FROM inbox_originals WHERE bundle_id = ?", (bundle_id,))
        again = list(import_files(Inbox(vault), sorted(folder.iterdir())))
        results = [o for _, o in again if isinstance(o, ImportResult)]
        assert len(results) == 40
        for result in results:  # a duplicate exactly when it had been committed
            assert (result.status == "duplicate") == (result.bundle_id in present)
        listed = Inbox(vault).list()
        assert sorted(r["record"]["title"] for r in listed) == sorted(titles.values())
        assert len(vault.query("SELECT bundle_id FROM inbox_bundles")) == 40
        for bundle_id, sha256 in vault.query("SELECT bundle_id, sha256 FROM inbox_originals"):
            kept = b"".join(original_chunks(vault, bundle_id))  # whole, packed or not
            assert hashlib.sha256(kept).hexdigest() == sha256
    finally:
        vault.close()


def test_an_empty_list_imports_nothing(x_world: World) -> None:
    assert list(import_files(Inbox(x_world.coordinator), [])) == []
