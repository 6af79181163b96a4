"""Issue 3, test 5: a passphrase change rewraps one key; wipe leaves nothing openable."""

from __future__ import annotations

from pathlib import Path

import pytest

from reporter.errors import WeakPassphrase
from reporter.vault import passphrase
from reporter.vault.keyfile import KeyFile
from tests.core.conftest import PASSPHRASE, CliRunner, json_out

NEW = "otra frase de paso muy larga 77"


def _changed_pages(a: bytes, b: bytes, page: int = 4096) -> int:
    pages = max(len(a), len(b)) // page
    return sum(a[i * page : (i + 1) * page] != b[i * page : (i + 1) * page] for i in range(pages))


def test_passwd_old_fails_new_opens_everything_db_untouched(
    cli: CliRunner, home: Path, tmp_path: Path
) -> None:
    cli("init")
    incident_id = json_out(cli("add", "--title", "antes", "--type", "HAR.THREAT", "--json"))["id"]
    evidence = tmp_path / "e.txt"
    evidence.write_bytes(b"evidencia " * 1000)
    attachment = json_out(cli("attach", incident_id, str(evidence), "--json"))
    cli("status")  # closes cleanly: the WAL is checkpointed into vault.db
    db_before = (home / "vault.db").read_bytes()
    key_before = (home / "vault.key").read_bytes()

    cli("passwd", env={"TESTIGO_NEW_PASSPHRASE": NEW})

    # The same database key, rewrapped: the data was not re-encrypted. Only the pages the
    # audit entry touched may differ.
    key_after = (home / "vault.key").read_bytes()
    assert key_after != key_before
    assert KeyFile.from_bytes(key_after).unwrap(NEW) == KeyFile.from_bytes(key_before).unwrap(
        PASSPHRASE
    )
    cli("status", env={"TESTIGO_PASSPHRASE": NEW})  # checkpoint the WAL
    assert len(db_before) // 4096 > 16
    assert _changed_pages(db_before, (home / "vault.db").read_bytes()) <= 8
    assert not list(home.glob("vault.key.*"))  # no leftover temp from the atomic write
    old = cli("list", check=False)
    assert old.returncode == 3
    new_env = {"TESTIGO_PASSPHRASE": NEW}
    assert json_out(cli("show", incident_id, "--json", env=new_env))["title"] == "antes"
    out = tmp_path / "out.txt"
    cli("extract", attachment["id"], "--out", str(out), env=new_env)
    assert out.read_bytes() == evidence.read_bytes()


def test_passwd_refuses_a_weak_new_passphrase_and_keeps_the_old(cli: CliRunner, home: Path) -> None:
    cli("init")
    key_before = (home / "vault.key").read_bytes()
    proc = cli("passwd", env={"TESTIGO_NEW_PASSPHRASE": "password123"}, check=False)
    assert proc.returncode == 5
    assert (home / "vault.key").read_bytes() == key_before
    cli("list")


def test_wipe_leaves_nothing_openable(cli: CliRunner, home: Path, tmp_path: Path) -> None:
    cli("init")
    incident_id = json_out(cli("add", "--title", "borrar todo", "--type", "HAR.THREAT", "--json"))[
        "id"
    ]
    evidence = tmp_path / "e.txt"
    evidence.write_bytes(b"x" * 100_000)
    cli("attach", incident_id, str(evidence))
    key_copy = (home / "vault.key").read_bytes()
    refused = cli("wipe", check=False)
    assert refused.returncode != 0
    assert (home / "vault.key").exists()

    cli("wipe", "--yes")
    remaining = [p for p in home.rglob("*") if p.is_file()] if home.exists() else []
    assert remaining == []
    assert cli("list", check=False).returncode == 4
    # Even with a copy of the old key file put back, there is nothing left to open.
    home.mkdir(mode=0o700, exist_ok=True)
    (home / "vault.key").write_bytes(key_copy)
    assert KeyFile.from_bytes(key_copy).unwrap(PASSPHRASE)  # the copy itself is intact
    reopened = cli("list", check=False)
    assert reopened.returncode == 9
    assert not (home / "vault.db").exists()


@pytest.mark.parametrize(
    "weak",
    [
        "",
        "short",
        "123456789",
        "password123",
        "contraseña1",
        "aaaaaaaaaaaaaaa",
        "qwertyuiopasdf",
        "1234567890123",
    ],
)
def test_weak_passphrases_are_refused_with_a_reason(weak: str) -> None:
    result = passphrase.assess(weak)
    assert not result.ok
    assert result.reason_in("en")
    assert result.reason_in("es") != result.reason_in("en")  # said in Spanish, not English
    with pytest.raises(WeakPassphrase):
        passphrase.check(weak)


@pytest.mark.parametrize("strong", [PASSPHRASE, NEW, "Tlacuache-azul-7-bosque-lluvia"])
def test_good_passphrases_pass(strong: str) -> None:
    assert passphrase.assess(strong).ok
    passphrase.check(strong)


def test_init_refuses_a_weak_passphrase_and_creates_nothing(cli: CliRunner, home: Path) -> None:
    proc = cli("init", env={"TESTIGO_PASSPHRASE": "corto"}, check=False)
    assert proc.returncode == 5
    assert "10" in proc.stderr
    assert not (home / "vault.key").exists()
