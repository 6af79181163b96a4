"""Issue 3, test 3: bad input and broken surroundings get one clear line, and change nothing."""

from __future__ import annotations

import hashlib
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tests.core.conftest import CliRunner, cli_env, json_out, snapshot


def _one_line(proc: subprocess.CompletedProcess[str]) -> str:
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("testigo-cli: ")
    assert "Traceback" not in proc.stderr
    return lines[0]


@pytest.fixture
def vault_with_data(cli: CliRunner, tmp_path: Path) -> str:
    cli("init")
    incident_id = json_out(
        cli("add", "--title", "Amenaza", "--type", "HAR.THREAT", "--state", "09", "--json")
    )["id"]
    evidence = tmp_path / "evidence.txt"
    evidence.write_text("captura de pantalla", encoding="utf-8")
    cli("attach", incident_id, str(evidence))
    return str(incident_id)


def test_wrong_passphrase_exits_3_and_changes_no_byte(
    cli: CliRunner, home: Path, vault_with_data: str
) -> None:
    before = snapshot(home)
    proc = cli("list", env={"TESTIGO_PASSPHRASE": "not the right one at all"}, check=False)
    assert proc.returncode == 3
    assert "wrong_passphrase" in _one_line(proc)
    after = snapshot(home)
    # Only the failed-unlock count moves (issue 19: written before every check).
    assert after.pop("vault.state") != before.pop("vault.state")
    assert after == before


def test_corrupted_key_file_is_reported_and_left_alone(
    cli: CliRunner, home: Path, vault_with_data: str
) -> None:
    key = home / "vault.key"
    data = bytearray(key.read_bytes())
    data[len(data) // 2] ^= 0x20
    key.write_bytes(bytes(data))
    before = snapshot(home)
    proc = cli("list", check=False)
    assert proc.returncode in (3, 9)  # a flipped bit in the MAC'd part reads as wrong key
    _one_line(proc)
    assert snapshot(home) == before
    key.write_bytes(b"{not json")
    proc = cli("list", check=False)
    assert proc.returncode == 9
    assert "vault_corrupt" in _one_line(proc)


def test_random_file_named_like_the_database_is_never_overwritten(
    cli: CliRunner, home: Path
) -> None:
    home.mkdir(mode=0o700)
    (home / "vault.db").write_bytes(os.urandom(64 * 1024))
    before = snapshot(home)
    init = cli("init", check=False)
    assert init.returncode == 7
    assert "vault_exists" in _one_line(init)
    assert snapshot(home) == before


def test_random_database_beside_a_real_key_is_corrupt(
    cli: CliRunner, home: Path, vault_with_data: str
) -> None:
    (home / "vault.db").write_bytes(os.urandom(96 * 1024))
    for leftover in ("vault.db-wal", "vault.db-shm"):
        (home / leftover).unlink(missing_ok=True)
    before = snapshot(home)
    proc = cli("list", check=False)
    assert proc.returncode == 9
    assert "vault_corrupt" in _one_line(proc)
    assert snapshot(home) == before


def test_missing_directory_is_not_found_and_not_created(cli: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    proc = cli("list", home_dir=missing, check=False)
    assert proc.returncode == 4
    assert "vault_not_found" in _one_line(proc)
    assert not missing.exists()


@pytest.mark.parametrize(
    ("flags", "needle"),
    [
        (["--type", "NOT.A.TYPE"], "HAR.THREAT"),  # lists the valid codes
        (["--type", "HAR.THREAT", "--state", "33"], "09"),
        (["--type", "HAR.THREAT", "--perpetrator", "ALIENS"], "STATE.SECURITY"),
        (["--type", "HAR.THREAT", "--date", "2026-02-30"], "when.date"),
        (["--type", "HAR.THREAT", "--date", "30/01/2026"], "YYYY-MM-DD"),
        (["--type", "HAR.THREAT", "--time", "25:00"], "when.time"),
        (["--type", "HAR.THREAT", "--indicator", "domain-name=not a domain"], "indicator"),
        (["--type", "HAR.THREAT", "--state", "09", "--municipality", "30087"], "municipality"),
    ],
)
def test_invalid_input_exits_5_and_saves_nothing(
    cli: CliRunner, home: Path, vault_with_data: str, flags: list[str], needle: str
) -> None:
    count = len(json_out(cli("list", "--json")))
    proc = cli("add", "--title", "x", *flags, check=False)
    assert proc.returncode == 5
    assert needle.lower() in _one_line(proc).lower()
    assert len(json_out(cli("list", "--json"))) == count


def test_bad_json_is_invalid_input(cli: CliRunner, vault_with_data: str) -> None:
    for text in ("{", "[]", '{"title": 5}', '{"unknown_key": 1, "title": "t"}'):
        proc = cli("add", "--from-json", "-", stdin=text, check=False)
        assert proc.returncode == 5, text
        _one_line(proc)


def test_zero_byte_attachment_round_trips(
    cli: CliRunner, vault_with_data: str, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.bin"
    empty.write_bytes(b"")
    added = json_out(cli("attach", vault_with_data, str(empty), "--json"))
    assert added["size"] == 0
    assert added["sha256"] == hashlib.sha256(b"").hexdigest()
    out = tmp_path / "out.bin"
    cli("extract", added["id"], "--out", str(out))
    assert out.read_bytes() == b""


def test_missing_attachment_file_is_not_found(
    cli: CliRunner, home: Path, vault_with_data: str, tmp_path: Path
) -> None:
    before = snapshot(home)
    proc = cli("attach", vault_with_data, str(tmp_path / "no-such-file"), check=False)
    assert proc.returncode == 4
    _one_line(proc)
    assert snapshot(home) == before


def test_two_gib_sparse_attachment_streams_in(
    cli: CliRunner, vault_with_data: str, tmp_path: Path
) -> None:
    sparse = tmp_path / "sparse.img"
    size = 2 * 1024**3
    with sparse.open("wb") as handle:
        handle.truncate(size)
        handle.seek(size - 5)
        handle.write(b"final")
    expected = hashlib.sha256()
    with sparse.open("rb") as handle:
        while block := handle.read(8 * 1024 * 1024):
            expected.update(block)
    added = json_out(cli("attach", vault_with_data, str(sparse), "--json"))
    assert added["size"] == size
    assert added["sha256"] == expected.hexdigest()
    listed = json_out(cli("attachments", vault_with_data, "--json"))
    assert any(a["id"] == added["id"] and a["size"] == size for a in listed)


def _limited_cli(home: Path, tmp: Path, limit: int, *args: str) -> subprocess.CompletedProcess[str]:
    def set_limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run(  # noqa: S603 - our own CLI
        [sys.executable, "-m", "tests.fast_cli", "--home", str(home), *args],
        capture_output=True,
        text=True,
        env=cli_env(tmp),
        timeout=120,
        check=False,
        preexec_fn=set_limit,  # noqa: PLW1509 - single-threaded parent in this test
    )


def test_full_disk_during_attach_fails_cleanly_and_loses_nothing(
    cli: CliRunner, home: Path, vault_with_data: str, tmp_path: Path, private_tmp: Path
) -> None:
    big = tmp_path / "big.bin"
    big.write_bytes(os.urandom(4 * 1024 * 1024))
    proc = _limited_cli(home, private_tmp, 1024 * 1024, "attach", vault_with_data, str(big))
    assert proc.returncode == 6
    assert "disk_full" in _one_line(proc)
    status = json_out(cli("status", "--check", "--json"))
    assert status["integrity"] == "ok"
    attachments = json_out(cli("attachments", vault_with_data, "--json"))
    assert [a["size"] for a in attachments] == [len("captura de pantalla")]
    assert not [p for p in (home / "blobs").iterdir() if p.stat().st_size > 1024 * 1024]


def test_full_disk_during_add_fails_cleanly_and_loses_nothing(
    cli: CliRunner, home: Path, vault_with_data: str, private_tmp: Path
) -> None:
    db = home / "vault.db"
    wal = home / "vault.db-wal"
    used = max(db.stat().st_size, wal.stat().st_size if wal.exists() else 0)
    long_text = "x" * 90_000
    proc = _limited_cli(
        home,
        private_tmp,
        used,
        "add",
        "--title",
        "lleno",
        "--type",
        "HAR.THREAT",
        "--description",
        long_text,
        "--private-note",
        long_text,
    )
    assert proc.returncode == 6, proc.stderr
    _one_line(proc)
    assert json_out(cli("status", "--check", "--json"))["integrity"] == "ok"
    titles = [r["title"] for r in json_out(cli("list", "--json"))]
    assert titles == ["Amenaza"]
