"""Issue 19: a backup sealed to the coalition's key is restored with its age identity file.

The person backs up with ``--to-coalition``; after a wipe, ``restore FILE --identity KEYFILE``
(the identity from ``coalition export-identity``) puts back the same incidents and
attachments. Another identity is refused and changes nothing, also over an existing vault.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from reporter.errors import NoMatchingIdentity
from reporter.share.coalition import (
    PROFILE_FILE,
    create_coalition,
    export_identity,
    load_coalition_keys,
)
from reporter.share.profile import import_profile
from reporter.vault.backup import identities_from_file, restore_backup
from reporter.vault.vault import Vault
from tests.core.conftest import PASSPHRASE, CliRunner, snapshot
from tests.core.test_backup import _state

KEYS = "frase de las llaves de la coalición 7"


def _coalition(root: Path, name: str) -> tuple[Path, Path]:
    """A coalition's folder and its exported age identity file."""
    directory = root / name
    create_coalition(directory, name, ["https://relay.example.org"], KEYS, "x25519")
    identity = root / f"{name}-identity.txt"
    export_identity(load_coalition_keys(directory, KEYS), "x25519", identity)
    return directory, identity


def _vault_with_profile(home: Path, coalition: Path) -> None:
    with Vault.create(home, PASSPHRASE) as vault:
        import_profile(vault, (coalition / PROFILE_FILE).read_bytes())
        for i in range(2):
            iid = vault.incidents.add({"title": f"registro {i}", "incident_types": ["HAR.THREAT"]})
            vault.attachments.add(iid, io.BytesIO(os.urandom(70_000)), f"e{i}.bin")


def test_backup_to_the_coalition_wipe_restore_with_its_identity(
    cli: CliRunner, home: Path, tmp_path: Path
) -> None:
    coalition, identity = _coalition(tmp_path, "red")
    _vault_with_profile(home, coalition)
    with Vault.open(home, PASSPHRASE) as vault:
        before = _state(vault)
    backup = tmp_path / "copia.age"
    cli("backup", "--out", str(backup), "--to-coalition")
    cli("wipe", "--yes")
    assert not (home / "vault.key").exists()
    done = cli("restore", str(backup), "--identity", str(identity), env={"TESTIGO_LANG": "es"})
    assert "Bóveda restaurada" in done.stderr  # said, as every ctx.say
    with Vault.open(home, PASSPHRASE) as vault:
        assert _state(vault) == before


def test_another_identity_is_refused_and_changes_nothing(
    cli: CliRunner, home: Path, tmp_path: Path
) -> None:
    coalition, _ = _coalition(tmp_path, "red")
    _, other = _coalition(tmp_path, "otra")
    _vault_with_profile(home, coalition)
    backup = tmp_path / "copia.age"
    cli("backup", "--out", str(backup), "--to-coalition")
    before = snapshot(tmp_path)
    refused = cli("restore", str(backup), "--identity", str(other), "--replace", check=False)
    assert refused.returncode != 0
    assert len(refused.stderr.strip().splitlines()) == 1
    assert "Traceback" not in refused.stderr
    assert snapshot(tmp_path) == before
    with backup.open("rb") as src, pytest.raises(NoMatchingIdentity):
        restore_backup(src, tmp_path / "elsewhere", identities_from_file(other))
    assert not (tmp_path / "elsewhere").exists()


def test_an_identity_file_that_is_not_one_is_a_clear_error(
    cli: CliRunner, home: Path, tmp_path: Path
) -> None:
    coalition, _ = _coalition(tmp_path, "red")
    _vault_with_profile(home, coalition)
    backup = tmp_path / "copia.age"
    cli("backup", "--out", str(backup), "--to-coalition")
    junk = tmp_path / "junk.txt"
    junk.write_bytes(b"\xff\xfe not a key")
    before = snapshot(tmp_path)
    for path in (junk, tmp_path / "missing.txt"):
        refused = cli("restore", str(backup), "--identity", str(path), "--replace", check=False)
        assert refused.returncode != 0
        assert len(refused.stderr.strip().splitlines()) == 1
    assert snapshot(tmp_path) == before
