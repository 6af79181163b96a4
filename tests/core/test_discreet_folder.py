"""Issue 19: a discreet vault's folder can be chosen (``~/.local/share/journal``, say).

The trainer makes it with ``testigo-cli --home ~/.local/share/journal provision … --discreet``
(or init, then the discreet preference); the app and the CLI started without ``--home``
find it there next time. Nothing points to it: it is found in the platform's user data
folder, the neutral place a discreet install already lives in, by the vault it holds and
its own discreet preference, so no file anywhere names Testigo or the folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reporter import preferences
from reporter.places import default_home, discreet_home, locate
from reporter.vault.vault import Vault
from tests.core.conftest import PASSPHRASE


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "share"
    data.mkdir()
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    monkeypatch.delenv("TESTIGO_HOME", raising=False)
    assert default_home().parent == data
    return data


def _vault(home: Path, discreet: bool) -> None:
    Vault.create(home, PASSPHRASE).close()
    if discreet:
        preferences.write(home, discreet=True)


def test_a_discreet_vault_in_a_folder_of_its_own_name_is_found(data_home: Path) -> None:
    _vault(data_home / "journal", discreet=True)
    place = locate()
    assert place.home == data_home / "journal"
    assert place.discreet
    assert not default_home().exists()
    assert not discreet_home().exists()


def test_only_a_discreet_vault_is_taken_and_the_usual_one_comes_first(data_home: Path) -> None:
    (data_home / "journal").mkdir()
    (data_home / "journal" / "vault.key").write_text("another program's file")
    _vault(data_home / "plain", discreet=False)  # not chosen discreet: not a hidden install
    assert locate().home == default_home()
    _vault(data_home / "recipes", discreet=True)
    assert locate().home == data_home / "recipes"
    _vault(default_home(), discreet=False)
    assert locate().home == default_home()


def test_the_neutral_notes_folder_still_comes_before_a_chosen_one(data_home: Path) -> None:
    _vault(data_home / "journal", discreet=True)
    _vault(discreet_home(), discreet=True)
    assert locate().home == discreet_home()


def test_cli_without_home_opens_the_chosen_discreet_vault(data_home: Path, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    _vault(data_home / "journal", discreet=True)
    env = {**os.environ, "XDG_DATA_HOME": str(data_home), "TESTIGO_PASSPHRASE": PASSPHRASE}
    env.pop("TESTIGO_HOME", None)
    done = subprocess.run(  # noqa: S603 - our own CLI
        [sys.executable, "-m", "tests.fast_cli", "add", "--title", "nota", "--type", "HAR.THREAT"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    with Vault.open(data_home / "journal", PASSPHRASE) as vault:
        assert len(list(vault.incidents.ids())) == 1
    assert not default_home().exists()
