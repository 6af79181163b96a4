"""The app in portable mode leaves nothing on the host (issue 15, test 2, the app's half).

``testigo --portable DIR --smoke-test`` runs in a child process whose HOME, XDG folders and
TMPDIR are fresh empty folders (Qt reads them once, so only a new process controls them):
it starts offscreen, unlocks the vault the CLI made on the stick, locks and quits. A scan of
those folders then finds no file at all: no settings, font cache, or Qt cache.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PASSPHRASE = "correct horse battery staple 42"
ROOTS = ("HOME", "TMPDIR", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME")


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def test_app_start_unlock_lock_and_quit_from_a_stick_leave_nothing_on_the_host(
    tmp_path: Path,
) -> None:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "TESTIGO_PASSPHRASE": PASSPHRASE,
    }
    for name in ROOTS:
        folder = tmp_path / "host" / name.lower()
        folder.mkdir(parents=True, mode=0o700)
        env[name] = str(folder)
    stick = tmp_path / "usb"
    made = _run(env, "-m", "tests.fast_cli", "--portable", str(stick), "init")
    assert made.returncode == 0, made.stderr

    run = _run(env, "-m", "ui.app", "--portable", str(stick), "--smoke-test")

    assert run.returncode == 0, run.stderr[-3000:]
    assert "smoke test: ok" in run.stdout
    assert sorted((stick / "data" / "settings").rglob("*.ini"))  # its settings: on the stick
    host = sorted(str(p) for name in ROOTS for p in (tmp_path / "host" / name.lower()).rglob("*"))
    assert host == []


def test_smoke_test_shows_the_first_run_window_on_a_new_laptop(tmp_path: Path) -> None:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "TESTIGO_HOME": str(tmp_path / "data"),
    }
    for name in ROOTS:
        folder = tmp_path / name.lower()
        folder.mkdir(mode=0o700)
        env.setdefault(name, str(folder))

    run = _run(env, "-m", "ui.app", "--smoke-test")

    assert run.returncode == 0, run.stderr[-3000:]
    assert "smoke test: ok" in run.stdout
    assert not (tmp_path / "data" / "vault.key").exists()  # it created no vault


def test_a_discreet_install_names_nothing_testigo_after_the_app_ran(tmp_path: Path) -> None:
    from reporter.share.coalition import PROFILE_FILE, create_coalition

    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "TESTIGO_PASSPHRASE": PASSPHRASE,
    }
    for name in ROOTS:
        folder = tmp_path / "host" / name.lower()
        folder.mkdir(parents=True, mode=0o700)
        env[name] = str(folder)
    create_coalition(
        tmp_path / "coalition",
        "Red TDT",
        ["http://127.0.0.1:9"],
        "frase de las llaves de la coalición 7",
        "x25519",
    )
    assert _run(env, "-m", "tests.fast_cli", "init").returncode == 0
    usual = tmp_path / "host" / "xdg_data_home" / "testigo"
    (usual / "settings" / "Testigo").mkdir(parents=True)
    (usual / "settings" / "Testigo" / "Testigo.ini").write_text("[General]\nautolock_minutes=9\n")
    made = _run(
        env,
        "-m",
        "tests.fast_cli",
        "provision",
        "--discreet",
        "--lang",
        "es",
        "--profile",
        str(tmp_path / "coalition" / PROFILE_FILE),
    )
    assert made.returncode == 0, made.stderr

    run = _run(env, "-m", "ui.app", "--smoke-test")

    assert run.returncode == 0, run.stderr[-3000:]
    names = [str(p.relative_to(tmp_path / "host")) for p in (tmp_path / "host").rglob("*")]
    assert not [n for n in names if "testigo" in n.lower()], names
    ini = tmp_path / "host" / "xdg_data_home" / "notes" / "settings" / "Notes" / "Notes.ini"
    assert "autolock_minutes=9" in ini.read_text()  # the app's choices kept
    assert "language=es" in ini.read_text()  # and the trainer's
