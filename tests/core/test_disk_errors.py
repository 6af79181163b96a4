"""A full disk and a read-only mount are told apart from a damaged vault (issue 12, test 5).

A small tmpfs holds a real vault; every command of the CLI runs in-process against it. A user
told `vault_corrupt` might wipe a healthy vault: here no command may ever say it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from reporter.cli.main import main
from reporter.vault.vault import Vault
from tests.core.conftest import PASSPHRASE

MiB = 1024 * 1024
EVIDENCE = os.urandom(200_000)


class Disk:
    """A tmpfs of our own, mounted for one test and unmounted after it."""

    def __init__(self, where: Path) -> None:
        self.where = where
        self.filler = where / "filler"

    def mount(self, size: int) -> None:
        self.where.mkdir(mode=0o700)
        done = subprocess.run(
            [
                "mount",
                "-t",
                "tmpfs",
                "-o",
                f"size={size},mode=0700",  # noqa: S607
                "tmpfs",
                str(self.where),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            pytest.skip(f"mounting a tmpfs is not permitted here: {done.stderr.strip()}")

    def remount(self, mode: str) -> None:
        subprocess.run(
            ["mount", "-o", f"remount,{mode}", str(self.where)],  # noqa: S603,S607
            check=True,
            capture_output=True,
        )

    def free(self) -> int:
        st = os.statvfs(self.where)
        return st.f_bavail * st.f_frsize

    def fill(self, leave: int) -> None:
        """Write a filler file until the disk is full, then give back ``leave`` bytes."""
        fd = os.open(self.filler, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            block = b"\0" * 65536
            for _ in range(100_000):  # bounded: the tmpfs is a few MiB
                try:
                    os.write(fd, block)
                except OSError as exc:
                    if exc.errno != errno.ENOSPC:
                        raise
                    break
            for size in (4096, 1):  # the last pages, down to the byte
                with contextlib.suppress(OSError):
                    for _ in range(64):
                        os.write(fd, b"\0" * size)
            os.ftruncate(fd, max(os.fstat(fd).st_size - leave, 0))
        finally:
            os.close(fd)
        assert self.free() <= 24 * 1024

    def unfill(self) -> None:
        self.filler.unlink()

    def unmount(self) -> None:
        subprocess.run(
            ["umount", "-l", str(self.where)],
            check=False,  # noqa: S603,S607
            capture_output=True,
        )


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Disk]:
    d = Disk(tmp_path / "mnt")
    try:
        yield d
    finally:
        d.unmount()


def cli(capsys: pytest.CaptureFixture[str], home: Path, *args: str) -> tuple[int, str, str]:
    status = main(["--home", str(home), "--lang", "en", *args])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TESTIGO_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("TESTIGO_NEW_PASSPHRASE", PASSPHRASE + " new")
    monkeypatch.delenv("TESTIGO_HOME", raising=False)


def _seed(capsys: pytest.CaptureFixture[str], home: Path, outside: Path) -> tuple[str, str]:
    assert cli(capsys, home, "init")[0] == 0
    status, out, _ = cli(
        capsys,
        home,
        "add",
        "--title",
        "Patrulla frente a la casa",
        "--type",
        "SURV.PHYSICAL",
        "--state",
        "09",
        "--date",
        "2026-11-02",
    )
    assert status == 0
    incident = out.strip()
    (outside / "foto.bin").write_bytes(EVIDENCE)
    status, out, _ = cli(capsys, home, "attach", incident, str(outside / "foto.bin"), "--json")
    assert status == 0, out
    import json

    return incident, json.loads(out)["id"]


def _reading(incident: str, attachment: str, outside: Path) -> list[list[str]]:
    return [
        ["status"],
        ["list"],
        ["search", "patrulla"],
        ["show", incident],
        ["history", incident],
        ["attachments", incident],
        ["extract", attachment, "--out", str(outside / "copia.bin"), "--force"],
    ]


def _writing(incident: str, attachment: str, outside: Path) -> list[list[str]]:
    return [
        ["add", "--title", "Otra", "--type", "SURV.PHYSICAL"],
        ["edit", incident, "--title", "Cambiado"],
        ["attach", incident, str(outside / "foto.bin")],
        ["detach", attachment],
        ["delete", incident, "--yes"],
        ["passwd"],
    ]


def _files(home: Path) -> dict[str, bytes]:
    """The vault's own files (SQLite's -wal/-shm come and go with every open)."""
    return {
        p.name: p.read_bytes()
        for p in [home / "vault.key", home / "vault.db", *sorted((home / "blobs").iterdir())]
    }


def _intact(home: Path, incident: str, passphrase: str = PASSPHRASE) -> None:
    with Vault.open(home, passphrase) as vault:
        assert vault.integrity_check() == "ok"
        assert vault.incidents.count() == 1
        assert vault.incidents.get(incident)["title"] == "Patrulla frente a la casa"
        (attachment,) = vault.attachments.list(incident)
        data = b"".join(vault.attachments.chunks(attachment["id"]))
        assert data == EVIDENCE


def _seeded(
    disk: Disk, size: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[Path, Path, str, str]:
    """(home, outside, incident, attachment): a vault on a disk of ``size`` bytes, seeded."""
    disk.mount(size)
    home = disk.where / "vault"
    outside = tmp_path / "outside"
    outside.mkdir()
    return (home, outside, *_seed(capsys, home, outside))


def _reads_all(
    capsys: pytest.CaptureFixture[str], home: Path, incident: str, attachment: str, outside: Path
) -> None:
    """Every reading command works, and the attachment comes out whole."""
    for args in _reading(incident, attachment, outside):
        status, _, err = cli(capsys, home, *args)
        assert status == 0, (args, status, err)
    assert (outside / "copia.bin").read_bytes() == EVIDENCE


@pytest.mark.usefixtures("env")
def test_a_full_disk_says_disk_full_never_corrupt(
    disk: Disk, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home, outside, incident, attachment = _seeded(disk, 6 * MiB, tmp_path, capsys)
    disk.fill(leave=8 * 1024)
    before = _files(home)
    # Alone with the vault, reading works even without room for SQLite's -shm file.
    _reads_all(capsys, home, incident, attachment, outside)
    for args in _writing(incident, attachment, outside):
        status, _, err = cli(capsys, home, *args)
        assert "vault_corrupt" not in err, (args, err)
        assert (status, err.split(":")[1].strip()) == (6, "disk_full"), (args, err)
    assert _files(home) == before
    status, _, err = cli(capsys, disk.where / "new", "init")
    assert (status, "disk_full" in err) == (6, True), err
    assert not (disk.where / "new" / "vault.db").exists()  # no half-made vault left behind
    disk.unfill()
    _intact(home, incident)
    assert cli(capsys, home, "add", "--title", "Ya hay espacio")[0] == 0


@pytest.mark.usefixtures("env")
def test_a_read_only_disk_reads_and_refuses_writes_clearly(
    disk: Disk, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home, outside, incident, attachment = _seeded(disk, 8 * MiB, tmp_path, capsys)
    disk.remount("ro")
    before = _files(home)
    _reads_all(capsys, home, incident, attachment, outside)
    status, out, _ = cli(capsys, home, "list")
    assert "Patrulla frente a la casa" in out
    for args in _writing(incident, attachment, outside):
        status, _, err = cli(capsys, home, *args)
        assert (status, err.split(":")[1].strip()) == (6, "read_only"), (args, err)
        assert "read-only" in err
    status, _, err = cli(capsys, home, "--lang", "es", "add", "--title", "x")
    assert "solo lectura" in err, err
    status, _, err = cli(capsys, disk.where / "new", "init")
    assert (status, "read_only" in err) == (6, True), err
    assert _files(home) == before
    disk.remount("rw")
    _intact(home, incident)
    assert cli(capsys, home, "add", "--title", "Ya se puede escribir")[0] == 0
