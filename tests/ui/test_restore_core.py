"""Issue 19: what the app's restore needs from the core's one restore (the CLI's too).

Progress over the backup's bytes, a cancel heard while it reads that leaves nothing behind,
and a restore over a vault that keeps this install's preferences (language, discreet mode:
a discreet install is found by them), which a wipe by failed unlocks removes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reporter import preferences
from reporter.age import ScryptIdentity
from reporter.errors import Cancelled
from reporter.places import SETTINGS_DIR
from reporter.vault.backup import restore_from_file
from reporter.vault.vault import Vault
from tests.ui.conftest import PASSPHRASE
from tests.ui.test_restore_app import BACKUP_PASS, ITS_OWN, files, make_backup, state


def test_progress_counts_the_backups_bytes_to_the_end(tmp_path: Path) -> None:
    backup, held = make_backup(tmp_path, size=300_000)
    seen: list[tuple[int, int]] = []
    home = tmp_path / "data" / "vault"
    restore_from_file(
        backup, home, [ScryptIdentity(BACKUP_PASS)], progress=lambda d, t: seen.append((d, t))
    )
    size = backup.stat().st_size
    assert len(seen) > 3
    assert seen[-1] == (size, size)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    with Vault.open(home, ITS_OWN) as vault:
        assert state(vault) == held


def test_a_cancel_while_reading_leaves_the_vault_here_as_it_was(tmp_path: Path) -> None:
    backup, _ = make_backup(tmp_path, size=600_000)
    home = tmp_path / "data" / "vault"
    with Vault.create(home, PASSPHRASE) as vault:
        vault.incidents.add({"title": "lo que había", "incident_types": ["HAR.THREAT"]})
    before = files(tmp_path / "data")
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 4  # a few reads in

    with pytest.raises(Cancelled):
        restore_from_file(
            backup, home, [ScryptIdentity(BACKUP_PASS)], replace=True, cancelled=cancelled
        )
    assert files(tmp_path / "data") == before
    assert not list((tmp_path / "data").glob(".*"))


def test_restoring_over_a_vault_keeps_this_installs_preferences(tmp_path: Path) -> None:
    backup, held = make_backup(tmp_path)
    home = tmp_path / "data" / "notes"
    Vault.create(home, PASSPHRASE).close()
    preferences.write(home, language="es", discreet=True)
    app_file = home / SETTINGS_DIR / "Notes" / "Notes.ini"
    app_file.parent.mkdir(mode=0o700)
    app_file.write_text("[General]\nlanguage=es\nautolock_minutes=3\n")
    kept = {p: p.read_bytes() for p in (preferences.path(home), app_file)}
    restore_from_file(backup, home, [ScryptIdentity(BACKUP_PASS)], replace=True)
    assert {p: p.read_bytes() for p in kept} == kept
    with Vault.open(home, ITS_OWN) as vault:
        assert state(vault) == held
