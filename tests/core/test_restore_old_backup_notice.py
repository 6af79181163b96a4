"""A backup made before backups carried a snapshot mark, once restored, must say "restored,
catching up" and never "your identity is used on another computer": the restore itself
leaves the mark, whatever the backup's age. Real vaults, a real relay on 127.0.0.1."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from reporter.age import ScryptIdentity, ScryptRecipient
from reporter.coordination import triaging
from reporter.coordination.status import coordination_status
from reporter.coordination.triaging import TriageChange
from reporter.vault import backup
from reporter.vault.backup import SNAPSHOT_META, backup_to_file, restore_from_file
from reporter.vault.layout import RESTORED_FILE
from reporter.vault.vault import Vault
from reporter.vault.wiping import wipe
from tests.coordination.conftest import Pair, pair, relay_limits  # noqa: F401 - fixtures
from tests.sync.conftest import PASSPHRASE

BACKUP_PASS = "copia de seguridad larga y buena"


@contextlib.contextmanager
def _unmarked(vault: Vault) -> Iterator[None]:
    """How ``write_backup`` took its copy before the snapshot mark existed."""
    yield


def _old_backup(vault: Vault, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with monkeypatch.context() as m:
        m.setattr(backup, "_marked_as_copy", _unmarked)
        backup_to_file(vault, path, [ScryptRecipient(BACKUP_PASS, work_factor=10)])


def _restore(vault: Vault, path: Path) -> Vault:
    home = vault.home
    vault.close()
    restore_from_file(path, home, [ScryptIdentity(BACKUP_PASS)], replace=True)
    return Vault.open(home, PASSPHRASE)


def test_an_old_backup_restored_shows_the_catch_up_and_not_the_copied_identity_warning(
    pair: Pair,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    a, b, _ = pair.incidents
    path = tmp_path / "ana-old.age"
    _old_backup(pair.ana, path, monkeypatch)
    triaging.apply_triage(pair.ana, a, TriageChange(review="in-review"), "Ana")
    pair.sync(pair.ana)  # after the backup: a decision the relay holds, the backup does not

    pair.ana = _restore(pair.ana, path)
    assert pair.ana.get_meta(SNAPSHOT_META) is None  # the old backup says nothing itself
    status = coordination_status(pair.ana)
    assert status["restore"] == {
        "backup_at": None,
        "catching_up": True,
        "adopted": 0,
        "renumbered": 0,
    }
    triaging.apply_triage(pair.ana, b, TriageChange(review="in-review"), "Ana")
    pair.sync(pair.ana)
    status = coordination_status(pair.ana)
    assert status["elsewhere"] is None
    assert status["restore"]["catching_up"] is False
    assert status["restore"]["adopted"] == 1
    assert status["restore"]["renumbered"] == 1
    assert status["forks"] == []
    assert not (pair.ana.home / RESTORED_FILE).exists()  # taken into the vault, then gone


def test_a_vault_that_was_not_restored_carries_no_restore_mark(
    pair: Pair,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "ana-old.age"
    _old_backup(pair.ana, path, monkeypatch)
    assert not (pair.ana.home / RESTORED_FILE).exists()
    assert coordination_status(pair.ana)["restore"] is None
    elsewhere = tmp_path / "restored-copy"
    restore_from_file(path, elsewhere, [ScryptIdentity(BACKUP_PASS)])
    assert (elsewhere / RESTORED_FILE).is_file()
    assert (elsewhere / RESTORED_FILE).stat().st_size == 0  # a name, nothing of the vault
    wipe(elsewhere)  # the panic button leaves nothing behind
    assert not elsewhere.exists()


def test_a_restored_reporter_vault_drops_the_mark_at_its_first_unlock(tmp_path: Path) -> None:
    """Only a coordinator's exchange reads the mark; beside a reporter's vault the empty file
    would only tell anyone looking at the folder that it was restored."""
    vault = Vault.create(tmp_path / "vault", PASSPHRASE)
    vault.incidents.add({"title": "x", "incident_types": ["HAR.THREAT"]})
    path = tmp_path / "reporter.age"
    backup_to_file(vault, path, [ScryptRecipient(BACKUP_PASS, work_factor=10)])
    home = vault.home
    vault.close()
    restore_from_file(path, home, [ScryptIdentity(BACKUP_PASS)], replace=True)
    assert (home / RESTORED_FILE).exists()  # the restore left it

    Vault.open(home, PASSPHRASE).close()

    assert not (home / RESTORED_FILE).exists()
