"""Issue 19, test 4: backup -> wipe -> restore gives the same vault; a changed byte is refused."""

from __future__ import annotations

import hashlib
import io
import os
import tracemalloc
from pathlib import Path

import pytest

from reporter.age import ScryptIdentity, ScryptRecipient
from reporter.errors import FormatError, IntegrityError, InvalidInput, VaultExists
from reporter.vault.backup import restore_backup, write_backup
from reporter.vault.vault import Vault, wipe
from tests.core.conftest import PASSPHRASE, CliRunner, json_out, snapshot

BACKUP_PASS = "a backup passphrase of its own 9"
MiB = 1024 * 1024


def _fill(vault: Vault, n: int = 3, size: int = 150_000) -> dict[str, str]:
    hashes = {}
    for i in range(n):
        iid = vault.incidents.add(
            {"title": f"registro {i}", "incident_types": ["HAR.THREAT"], "description": "d" * i}
        )
        att = vault.attachments.add(iid, io.BytesIO(os.urandom(size)), f"e{i}.bin")
        hashes[att["id"]] = hashlib.sha256(
            b"".join(vault.attachments.chunks(att["id"]))
        ).hexdigest()
    return hashes


def _state(vault: Vault) -> tuple[list[tuple[str, str]], dict[str, str]]:
    incidents = sorted((i, vault.incidents.get(i)["title"]) for i in vault.incidents.ids())
    hashes = {}
    for iid, _ in incidents:
        for att in vault.attachments.list(iid):
            hashes[att["id"]] = hashlib.sha256(
                b"".join(vault.attachments.chunks(att["id"]))
            ).hexdigest()
    return incidents, hashes


def test_backup_wipe_restore_same_incidents_and_attachments(tmp_path: Path) -> None:
    home = tmp_path / "v"
    backup = tmp_path / "b.age"
    with Vault.create(home, PASSPHRASE) as vault:
        written = _fill(vault)
        before = _state(vault)
        with backup.open("wb") as dst:
            write_backup(vault, dst, [ScryptRecipient(BACKUP_PASS, work_factor=10)])
        assert vault.get_meta("last_backup_at")
    assert set(before[1].values()) == set(written.values())
    wipe(home)
    assert not home.exists()
    with backup.open("rb") as src:
        restore_backup(src, home, [ScryptIdentity(BACKUP_PASS)])
    with Vault.open(home, PASSPHRASE) as vault:
        assert _state(vault) == before
        assert vault.integrity_check() == "ok"
    with backup.open("rb") as src, pytest.raises(VaultExists):  # never over a vault
        restore_backup(src, home, [ScryptIdentity(BACKUP_PASS)])
    assert not list(tmp_path.glob(".*restore*"))


@pytest.mark.parametrize("where", [100, -200, -20])
def test_a_changed_byte_is_refused_and_changes_nothing(tmp_path: Path, where: int) -> None:
    home = tmp_path / "v"
    backup = tmp_path / "b.age"
    with Vault.create(home, PASSPHRASE) as vault:
        _fill(vault, 2)
        with backup.open("wb") as dst:
            write_backup(vault, dst, [ScryptRecipient(BACKUP_PASS, work_factor=10)])
    data = bytearray(backup.read_bytes())
    data[where] ^= 0x01
    target = tmp_path / "other"
    with pytest.raises((IntegrityError, FormatError)) as refused:
        restore_backup(io.BytesIO(bytes(data)), target, [ScryptIdentity(BACKUP_PASS)])
    if isinstance(refused.value, IntegrityError):  # said as a restore, not as an import
        assert refused.value.code == "backup_integrity"
        assert refused.value.message("es").endswith("; no se cambió nada.")
    assert not target.exists()
    assert not list(tmp_path.glob(".*restore*"))
    before = snapshot(home)  # with --replace too, a bad file leaves the vault as it was
    with pytest.raises((IntegrityError, FormatError)):
        restore_backup(io.BytesIO(bytes(data)), home, [ScryptIdentity(BACKUP_PASS)], replace=True)
    assert snapshot(home) == before


def _bounded(tmp_path: Path, size: int) -> None:
    home = tmp_path / "v"
    source = tmp_path / "big.bin"
    digest = hashlib.sha256()
    with source.open("wb") as out:
        for _ in range(size // MiB):
            block = os.urandom(MiB)
            digest.update(block)
            out.write(block)
    with Vault.create(home, PASSPHRASE) as vault:
        iid = vault.incidents.add({"title": "grande", "incident_types": ["HAR.THREAT"]})
        vault.attachments.add(iid, source, "big.bin")
        source.unlink()
        backup = tmp_path / "b.age"
        tracemalloc.start()
        try:
            with backup.open("wb") as dst:
                write_backup(vault, dst, [ScryptRecipient(BACKUP_PASS, work_factor=10)])
            written_peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert backup.stat().st_size > size
    wipe(home)
    tracemalloc.start()
    try:
        with backup.open("rb") as src:
            restore_backup(src, home, [ScryptIdentity(BACKUP_PASS)])
        read_peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert written_peak < 4 * MiB, written_peak
    assert read_peak < 4 * MiB, read_peak
    with Vault.open(home, PASSPHRASE) as vault:
        att = vault.attachments.list(iid)[0]
        check = hashlib.sha256()
        for chunk in vault.attachments.chunks(att["id"]):
            check.update(chunk)
    assert check.hexdigest() == digest.hexdigest()


def test_memory_stays_bounded(tmp_path: Path) -> None:
    _bounded(tmp_path, 24 * MiB)


@pytest.mark.slow
def test_memory_stays_bounded_for_200_mib(tmp_path: Path) -> None:
    _bounded(tmp_path, 200 * MiB)


def test_cli_backup_restore_replace(cli: CliRunner, home: Path, tmp_path: Path) -> None:
    env = {"TESTIGO_BACKUP_PASSPHRASE": BACKUP_PASS}
    cli("init")
    iid = json_out(cli("add", "--title", "copia", "--type", "HAR.THREAT", "--json"))["id"]
    backup = tmp_path / "b.age"
    cli("backup", "--out", str(backup), env=env)
    assert json_out(cli("status", "--json"))["last_backup_at"]
    assert cli("backup", "--out", str(backup), env=env, check=False).returncode == 5
    refused = cli("restore", str(backup), env=env, check=False)
    assert refused.returncode == 7
    assert "Traceback" not in refused.stderr
    cli("wipe", "--yes")
    cli("restore", str(backup), env=env)
    assert json_out(cli("show", iid, "--json"))["title"] == "copia"
    cli("restore", str(backup), "--replace", env=env)
    wrong = cli(
        "restore",
        str(backup),
        "--replace",
        env={"TESTIGO_BACKUP_PASSPHRASE": "not it at all"},
        check=False,
    )
    assert wrong.returncode == 9
    assert len(wrong.stderr.strip().splitlines()) == 1
    assert json_out(cli("show", iid, "--json"))["title"] == "copia"


def test_the_reminder_says_when_the_last_backup_is_old(tmp_path: Path) -> None:
    from reporter.vault.backup import backup_overdue, backup_to_file

    with Vault.create(tmp_path / "v", PASSPHRASE) as vault:
        assert not backup_overdue(vault)  # a new vault has nothing to lose yet
        vault.set_meta("created_at", "2020-01-01T00:00:00Z")
        assert backup_overdue(vault)
        out = tmp_path / "b.age"
        backup_to_file(vault, out, [ScryptRecipient(BACKUP_PASS, work_factor=10)])
        assert not backup_overdue(vault)
        vault.set_meta("last_backup_at", "2020-02-01T00:00:00Z")
        assert backup_overdue(vault)
        with pytest.raises(InvalidInput):  # never over an existing file
            backup_to_file(vault, out, [ScryptRecipient(BACKUP_PASS, work_factor=10)])
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
