"""Every ``--…-passphrase-file`` flag reads its passphrase the same way (one helper).

A passphrase kept in a file is the file's text without its line end; a file that cannot be
read is one clear line (invalid_input) and changes nothing.
"""

from __future__ import annotations

from pathlib import Path

from tests.core.conftest import PASSPHRASE, CliRunner, json_out, snapshot

NEW = "otra frase de paso muy larga 77"
BACKUP = "la frase de la copia de seguridad 9"
DURESS = "una frase de coacción bastante larga 3"


def _file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text + "\n", encoding="utf-8")  # as an editor saves it
    return path


def test_init_and_passwd_take_their_passphrases_from_files(
    cli: CliRunner, home: Path, tmp_path: Path
) -> None:
    given = _file(tmp_path, "pass.txt", NEW)
    cli("--passphrase-file", str(given), "init")
    opened = {"TESTIGO_PASSPHRASE": NEW}
    iid = json_out(cli("add", "--title", "x", "--type", "HAR.THREAT", "--json", env=opened))["id"]
    cli("passwd", "--new-passphrase-file", str(_file(tmp_path, "new.txt", PASSPHRASE)), env=opened)
    assert json_out(cli("show", iid, "--json"))["title"] == "x"  # PASSPHRASE opens it now
    assert cli("list", env=opened, check=False).returncode == 3


def test_backup_restore_and_duress_take_their_passphrases_from_files(
    cli: CliRunner, home: Path, tmp_path: Path
) -> None:
    cli("init")
    iid = json_out(cli("add", "--title", "copia", "--type", "HAR.THREAT", "--json"))["id"]
    secret = _file(tmp_path, "backup.txt", BACKUP)
    cli("backup", "--out", str(tmp_path / "vault.age"), "--backup-passphrase-file", str(secret))
    other = tmp_path / "restored"
    restore = ("restore", str(tmp_path / "vault.age"))
    cli(*restore, "--backup-passphrase-file", str(secret), home_dir=other)
    assert json_out(cli("show", iid, "--json", home_dir=other))["title"] == "copia"
    cli("settings", "duress", "--duress-passphrase-file", str(_file(tmp_path, "d.txt", DURESS)))
    assert json_out(cli("list", "--json", env={"TESTIGO_PASSPHRASE": DURESS})) == []
    assert [r["id"] for r in json_out(cli("list", "--json"))] == [iid]


def test_an_unreadable_passphrase_file_is_one_clear_line_and_changes_nothing(
    cli: CliRunner, home: Path, tmp_path: Path
) -> None:
    cli("init")
    before = snapshot(home)
    missing = str(tmp_path / "no-such-file.txt")
    for args in (
        ("--passphrase-file", missing, "list"),
        ("passwd", "--new-passphrase-file", missing),
        ("settings", "duress", "--duress-passphrase-file", missing),
        ("backup", "--out", str(tmp_path / "b.age"), "--backup-passphrase-file", missing),
    ):
        proc = cli(*args, check=False)
        assert proc.returncode == 5, (args, proc.stderr)
        assert proc.stderr.count("\n") == 1, proc.stderr
        assert "invalid_input" in proc.stderr
        assert "cannot read the passphrase file" in proc.stderr.lower(), proc.stderr
    assert snapshot(home) == before
    assert not (tmp_path / "b.age").exists()
