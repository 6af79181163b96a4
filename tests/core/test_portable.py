"""Portable mode and the data folder's resolution (issue 15, test 2, the CLI's half).

The CLI runs in child processes whose HOME, XDG folders and TMPDIR are fresh empty folders;
after init, add, attach and list on a stick folder, a scan of those folders finds no file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reporter import places, preferences
from reporter.vault.vault import Vault, wipe
from tests.core.conftest import PASSPHRASE

ROOTS = ("HOME", "TMPDIR", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME")


def host_environment(root: Path) -> dict[str, str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "TESTIGO_PASSPHRASE": PASSPHRASE,
        "TESTIGO_LANG": "en",
    }
    for name in ROOTS:
        folder = root / name.lower()
        folder.mkdir(parents=True, mode=0o700)
        env[name] = str(folder)
    return env


def files_under(env: dict[str, str]) -> list[str]:
    return sorted(str(p) for name in ROOTS for p in Path(env[name]).rglob("*"))


def run_cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "tests.fast_cli", *args],
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, (args, proc.stderr)
    return proc


def test_cli_in_portable_mode_leaves_nothing_on_the_host(tmp_path: Path) -> None:
    env = host_environment(tmp_path / "host")
    stick = tmp_path / "usb" / "TESTIGO"
    evidence = tmp_path / "media" / "foto.txt"
    evidence.parent.mkdir()
    evidence.write_bytes(b"placas ABC-123\n" * 1000)

    run_cli(env, "--portable", str(stick), "init")
    incident = json.loads(
        run_cli(
            env,
            "--portable",
            str(stick),
            "add",
            "--title",
            "Amenaza",
            "--type",
            "HAR.THREAT",
            "--json",
        ).stdout
    )["id"]
    run_cli(env, "--portable", str(stick), "attach", incident, str(evidence))
    listed = json.loads(run_cli(env, "list", "--json", "--portable", str(stick)).stdout)

    assert [item["id"] for item in listed] == [incident]
    assert (stick / "data" / "vault.key").is_file()  # the data is beside the program
    assert files_under(env) == []  # and nothing is on the host


def test_portable_mode_sends_temp_and_cache_folders_into_the_stick(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ROOTS:
        monkeypatch.setenv(name, str(tmp_path / "host" / name.lower()))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    place = places.locate(portable=tmp_path / "stick")

    places.enter_portable(place)

    import tempfile

    assert place.home == (tmp_path / "stick" / "data")
    for name in ("TMPDIR", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        assert Path(os.environ[name]).parent == tmp_path / "stick", name
        assert Path(os.environ[name]).is_dir()
    assert Path(tempfile.gettempdir()) == tmp_path / "stick" / "tmp"
    assert sys.dont_write_bytecode is True
    assert os.environ["PYTHONDONTWRITEBYTECODE"] == "1"
    tempfile.tempdir = None


def test_a_marker_beside_a_packaged_program_means_portable_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    program = tmp_path / "usb" / "testigo"
    program.parent.mkdir()
    program.write_bytes(b"")
    monkeypatch.setattr(sys, "executable", str(program))
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setenv("TESTIGO_HOME", str(tmp_path / "elsewhere"))

    assert places.locate().home == tmp_path / "elsewhere"  # no marker: as before
    (program.parent / places.PORTABLE_MARKER).write_bytes(b"")
    assert places.locate().home == tmp_path / "usb" / "data"  # the host's variable loses
    assert places.locate(home=tmp_path / "x").home == tmp_path / "x"  # --home still wins
    monkeypatch.setattr(sys, "frozen", False)
    assert places.locate().home == tmp_path / "elsewhere"  # a checkout ignores it


def test_a_discreet_install_is_found_by_its_neutral_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TESTIGO_HOME", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    neutral = tmp_path / "share" / "notes"
    neutral.mkdir(parents=True)
    (neutral / "list.txt").write_text("another program's notes")

    assert places.locate() == places.Place(tmp_path / "share" / "testigo")  # not ours
    Vault.create(neutral, PASSPHRASE).close()
    found = places.locate()
    assert found == places.Place(neutral, discreet=True)
    assert "testigo" not in str(found.home).lower().replace(str(tmp_path).lower(), "")
    assert found.app_name == "Notes"


def test_wipe_removes_the_apps_preferences_and_the_old_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TESTIGO_HOME", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    for name in ("notes", "testigo"):
        home = tmp_path / "share" / name
        Vault.create(home, PASSPHRASE).close()
        if name == "testigo":
            (home / "vault.key").unlink()  # a discreet install: only 'notes' is a vault
    home = tmp_path / "share" / "notes"
    app_file = home / "settings" / "Notes" / "Notes.ini"
    app_file.parent.mkdir(parents=True)
    app_file.write_text("[General]\nlanguage=es\ndiscreet=true\n")
    preferences.write(home, language="es", discreet=True)
    legacy = [tmp_path / "config" / "Testigo" / name for name in places.LEGACY_SETTINGS]
    legacy[0].parent.mkdir(parents=True)
    for path in legacy:
        path.write_text("[General]\nlanguage=en\n")
    other = tmp_path / "other"
    Vault.create(other, PASSPHRASE).close()

    assert set(places.app_settings_files(home)) == {app_file, preferences.path(home), *legacy}
    assert places.app_settings_files(other) == []  # not the vault the app opens here
    wipe(home)

    assert not home.exists()
    assert not legacy[0].parent.exists()
    wipe(other)
    assert not other.exists()


def test_cli_wipe_removes_the_apps_preferences(tmp_path: Path) -> None:
    env = host_environment(tmp_path / "host")
    stick = tmp_path / "stick"
    run_cli(env, "--portable", str(stick), "init")
    preferences.write(stick / "data", language="es")
    qt_file = stick / "data" / "settings" / "Testigo" / "Testigo.ini"
    qt_file.parent.mkdir()
    qt_file.write_text("[General]\nlanguage=es\n")

    run_cli(env, "--portable", str(stick), "wipe", "--yes")

    assert not (stick / "data").exists()


def test_preferences_a_trainer_chose_are_read_strictly(tmp_path: Path) -> None:
    home = tmp_path / "v"
    preferences.write(home, language="es", discreet=True)
    assert preferences.read(home) == {"language": "es", "discreet": True}
    assert oct(preferences.path(home).stat().st_mode & 0o777) == "0o600"
    preferences.path(home).write_text('{"language": "fr", "discreet": "yes", "x": 1}')
    assert preferences.read(home) == {}
    preferences.path(home).write_bytes(b"{" * 10_000)
    assert preferences.read(home) == {}


def test_a_discreet_stick_files_the_apps_settings_under_a_neutral_name(tmp_path: Path) -> None:
    assert places.locate(portable=tmp_path / "usb").app_name == "Testigo"
    preferences.write(tmp_path / "usb" / "data", discreet=True)

    place = places.locate(portable=tmp_path / "usb")

    assert place.discreet
    assert place.app_name == "Notes"
    assert place.home == tmp_path / "usb" / "data"


def test_a_stick_whose_file_system_keeps_no_modes_still_holds_a_vault(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """FAT and exFAT refuse chmod with EPERM even to the owner (Linux, without 'quiet')."""
    import errno

    def no_modes(*_: object) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "chmod", no_modes)
    monkeypatch.setattr(os, "fchmod", no_modes)
    evidence = tmp_path / "foto.txt"
    evidence.write_bytes(b"placas ABC-123\n" * 100)
    home = places.locate(portable=tmp_path / "usb").home

    with Vault.create(home, PASSPHRASE) as vault:
        incident = vault.incidents.add({"title": "Amenaza", "incident_types": ["HAR.THREAT"]})
        vault.attachments.add(incident, evidence)

    with Vault.open(home, PASSPHRASE) as vault:
        assert len(vault.attachments.list(incident)) == 1
