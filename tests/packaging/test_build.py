"""Tests 1 and 5 of issue 15: the Linux package built from a clean clone works as shipped.

The binaries run are the built ones (the portable tarball, extracted, and the .deb installed
with dpkg), never the source tree: `testigo-cli --version`, a CLI round trip with a real
vault, the app's `--smoke-test` offscreen (first run, then unlock, main window and lock) and on
a real X server (Xvfb, through the bundled xcb plugin), then `dpkg -i`, a run from /usr/bin and
`dpkg --purge`, after which no file of the package remains.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from reporter.release import read_public_key, verify_file
from tests.packaging.conftest import BUILD_TIMEOUT, Release

pytestmark = [pytest.mark.packaging, pytest.mark.timeout(BUILD_TIMEOUT + 600)]
PASSPHRASE = "correct horse battery staple 42"
ROOT_DIR = Path(__file__).resolve().parents[2]
UNUSED_QT = (
    "WebEngine",
    "Qml",
    "Quick",
    "Multimedia",
    "3D",
    "Charts",
    "Pdf",
    "Bluetooth",
    "VirtualKeyboard",
    "NetworkAuth",
)  # QtNetwork itself ships: automatic sync watches the network's reachability


def private_env(tmp: Path, **extra: str) -> dict[str, str]:
    """A user with an empty home, so nothing of this machine's user is read or written."""
    home = tmp / "user"
    for sub in ("", ".config", ".local/share", ".cache", "tmp"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TESTIGO_", "XDG_"))}
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local/share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        TMPDIR=str(home / "tmp"),
        TESTIGO_PASSPHRASE=PASSPHRASE,
        LANG="C.UTF-8",
        PYTHONPATH="",
        PYTHONHOME="",
    )
    env.pop("PYTHONPATH")
    env.pop("PYTHONHOME")
    env.update(extra)
    return env


def run(
    cmd: list[str], env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cmd, env=env, capture_output=True, text=True, timeout=timeout, check=False, cwd="/"
    )


def test_every_artifact_is_checksummed_and_signed(release: Release) -> None:
    sums = (release.out / "SHA256SUMS").read_text()
    discreet = release.out / f"plain-notes_{release.version}_amd64.deb"
    assert sorted(line.split("  ")[1] for line in sums.splitlines()) == sorted(
        [release.deb.name, discreet.name, release.tarball.name]
    )
    done = subprocess.run(
        ["sha256sum", "-c", "SHA256SUMS"],
        cwd=release.out,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    key = read_public_key(release.public_key.read_text())
    for artifact in (release.deb, discreet, release.tarball, release.out / "SHA256SUMS"):
        sig = Path(f"{artifact}.minisig").read_text()
        assert verify_file(artifact, sig, key).prehashed
        # the built CLI says the same, and minisign too where it is installed
        done = run(
            [
                str(release.portable / "testigo-cli"),
                "verify-release",
                str(artifact),
                "--signature",
                f"{artifact}.minisig",
                "--key",
                str(release.public_key),
            ]
        )
        assert done.returncode == 0, done.stderr
        if shutil.which("minisign"):
            done = run(
                ["minisign", "-V", "-m", str(artifact), "-p", str(release.public_key)], timeout=300
            )
            assert done.returncode == 0, done.stderr


def test_the_built_cli_runs_version_and_a_round_trip(release: Release, tmp_path: Path) -> None:
    cli = str(release.portable / "testigo-cli")
    done = run([cli, "--version"])
    assert (done.returncode, done.stdout, done.stderr) == (
        0,
        f"testigo-cli {release.version}\n",
        "",
    )

    env = private_env(tmp_path)
    vault = tmp_path / "vault"
    done = run([cli, "--home", str(vault), "init"], env=env)
    assert done.returncode == 0, done.stderr
    done = run(
        [
            cli,
            "--home",
            str(vault),
            "add",
            "--title",
            "Seguimiento en Xalapa",
            "--description",
            "Dos hombres en motocicleta siguieron a la reportera.",
            "--type",
            "SURV.PHYSICAL",
            "--date",
            "2026-11-02",
            "--json",
        ],
        env=env,
    )
    assert done.returncode == 0, done.stderr
    incident_id = json.loads(done.stdout)["id"]
    done = run([cli, "--home", str(vault), "search", "motocicleta", "--json"], env=env)
    assert done.returncode == 0, done.stderr
    assert [hit["id"] for hit in json.loads(done.stdout)] == [incident_id]
    # and the errors of the frozen CLI are one line, as from source
    done = run(
        [cli, "--home", str(vault), "search", "x"],
        env={**env, "TESTIGO_PASSPHRASE": "wrong passphrase entirely"},
    )
    assert done.returncode == 3
    assert done.stderr.count("\n") == 1


def _smoke(release: Release, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return run([str(release.portable / "testigo"), *args, "--smoke-test"], env=env, timeout=180)


def test_the_built_app_starts_offscreen_unlocks_and_locks(release: Release, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    env = private_env(tmp_path, QT_QPA_PLATFORM="offscreen")
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    first_run = _smoke(
        release,
        {k: v for k, v in env.items() if k != "TESTIGO_PASSPHRASE"},
        "--portable",
        str(stick),
    )
    assert (first_run.returncode, first_run.stdout) == (0, "smoke test: ok\n"), first_run.stderr
    done = run([str(release.portable / "testigo-cli"), "--portable", str(stick), "init"], env=env)
    assert done.returncode == 0, done.stderr
    unlocked = _smoke(release, env, "--portable", str(stick))  # unlock, main window, lock
    assert (unlocked.returncode, unlocked.stdout) == (0, "smoke test: ok\n"), unlocked.stderr
    assert "Traceback" not in first_run.stderr + unlocked.stderr


def _free_display() -> Iterator[str]:
    """Start Xvfb on a display it picks itself (-displayfd) and yield ':N'."""
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=[write_fd],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()
        assert number.isdigit(), "Xvfb did not start"
        yield f":{number}"
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=30)


@pytest.mark.skipif(
    not shutil.which("Xvfb"), reason="needs Xvfb (packaging/install.sh installs it)"
)
def test_the_built_app_shows_its_window_on_an_x_server(release: Release, tmp_path: Path) -> None:
    """The bundled xcb plugin and its libraries load: what a desktop session uses."""
    with contextlib.contextmanager(_free_display)() as display:
        env = private_env(tmp_path, DISPLAY=display, QT_QPA_PLATFORM="xcb")
        done = _smoke(release, env, "--portable", str(tmp_path / "stick"))
    assert (done.returncode, done.stdout) == (0, "smoke test: ok\n"), done.stderr
    assert "Could not load the Qt platform plugin" not in done.stderr


def test_unused_qt_is_left_out(release: Release) -> None:
    libs = [p.name for p in release.portable.rglob("libQt6*.so*")]
    assert "libQt6Widgets.so.6" in libs
    assert [lib for lib in libs if any(f"Qt6{m}" in lib for m in UNUSED_QT)] == []
    files = [p for p in release.portable.rglob("*") if p.is_file() and not p.is_symlink()]
    size = sum(p.stat().st_size for p in files)
    print(
        f"\n[packaging] one-folder build {size / 2**20:.0f} MiB, .deb "
        f"{release.deb.stat().st_size / 2**20:.0f} MiB, tarball "
        f"{release.tarball.stat().st_size / 2**20:.0f} MiB, built in {release.seconds:.0f} s"
    )
    # 231 MiB before the PDF charts brought matplotlib and numpy (about 75 MiB): a guard
    # against a library or a Qt module slipping back in, not a target
    assert size < 400 * 2**20
    broken = [p for p in release.portable.rglob("*") if p.is_symlink() and not p.exists()]
    assert broken == []


def test_the_program_lists_its_own_files_and_their_checksums(release: Release) -> None:
    manifest = release.portable / "_internal" / "testigo-files.sha256"
    listed = {line.split("  ", 1)[1] for line in manifest.read_text().splitlines()}
    on_disk = {
        str(p.relative_to(release.portable))
        for p in release.portable.rglob("*")
        if p.is_file() and not p.is_symlink()
    }
    assert on_disk - listed == {"testigo-portable", "README.txt", "_internal/testigo-files.sha256"}
    done = subprocess.run(
        ["sha256sum", "--quiet", "-c", str(manifest)],
        cwd=release.portable,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert (done.returncode, done.stdout) == (0, "")


def test_the_portable_tarball_holds_the_marker_and_no_user_data(release: Release) -> None:
    with tarfile.open(release.tarball) as tar:
        names = tar.getnames()
        members = tar.getmembers()
    top = f"testigo-{release.version}-linux-x86_64"
    assert f"{top}/testigo-portable" in names
    assert {f"{top}/testigo", f"{top}/testigo-cli"} <= set(names)
    assert all(m.uid == 0 and m.gid == 0 for m in members)
    assert not [
        n
        for n in names
        if re.search(r"(^|/)(vault\.(key|db|lock)|data|[^/]*\.sqlite|__pycache__)(/|$)", n)
    ]


def _deb_contents(deb: Path) -> list[str]:
    done = run(["dpkg-deb", "-c", str(deb)], timeout=300)
    assert done.returncode == 0, done.stderr
    return [
        line.split(maxsplit=5)[5].split(" -> ")[0].lstrip(".") for line in done.stdout.splitlines()
    ]


def test_the_deb_owns_only_program_files(release: Release) -> None:
    paths = [p.rstrip("/") for p in _deb_contents(release.deb) if p.rstrip("/")]
    allowed = re.compile(
        r"^/(opt(/testigo(/.*)?)?|usr|usr/bin(/testigo(-cli)?)?|usr/share"
        r"|usr/share/applications(/testigo\.desktop)?"
        r"|usr/share/doc(/testigo(/copyright)?)?"
        r"|usr/share/icons(/hicolor(/[^/]+(/apps(/testigo\.(png|svg))?)?)?)?)$"
    )
    assert [p for p in paths if not allowed.match(p)] == []
    for needed in (
        "/usr/bin/testigo",
        "/usr/bin/testigo-cli",
        "/opt/testigo/testigo",
        "/usr/share/applications/testigo.desktop",
        "/usr/share/icons/hicolor/256x256/apps/testigo.png",
    ):
        assert needed in paths
    info = run(["dpkg-deb", "-f", str(release.deb), "Package", "Version", "Architecture"])
    assert info.stdout.split("\n")[:3] == [
        "Package: testigo",
        f"Version: {release.version}",
        "Architecture: amd64",
    ]


@pytest.mark.skipif(
    os.geteuid() != 0 or not shutil.which("dpkg"), reason="installing a .deb needs root and dpkg"
)
def test_the_deb_installs_runs_and_uninstalls_leaving_nothing(
    release: Release, tmp_path: Path
) -> None:
    if run(["dpkg-query", "-W", "-f", "${Status}", "testigo"]).stdout.endswith("installed"):
        pytest.skip("a testigo package is already installed here; the test leaves it alone")
    listed = [p.rstrip("/") or "/" for p in _deb_contents(release.deb)]
    existed = {p for p in listed if os.path.lexists(p)}
    owned: list[str] = []
    done = run(["dpkg", "-i", str(release.deb)], timeout=600)
    try:
        assert done.returncode == 0, done.stdout + done.stderr
        owned = [p for p in run(["dpkg", "-L", "testigo"]).stdout.split("\n") if p]
        assert "/opt/testigo/testigo-cli" in owned

        done = run(["/usr/bin/testigo-cli", "--version"])
        assert (done.returncode, done.stdout) == (0, f"testigo-cli {release.version}\n")
        env = private_env(tmp_path)
        done = run(["/usr/bin/testigo-cli", "--home", str(tmp_path / "vault"), "init"], env=env)
        assert done.returncode == 0, done.stderr
        # running the program wrote nothing beside it (no caches dpkg would leave behind)
        on_disk = {str(p) for p in Path("/opt/testigo").rglob("*")} | {"/opt/testigo"}
        assert on_disk <= set(owned)
        done = run(["dpkg", "--verify", "testigo"])
        assert (done.returncode, done.stdout) == (0, "")
    finally:
        removed = run(["dpkg", "--purge", "testigo"], timeout=600)
    assert removed.returncode == 0, removed.stdout + removed.stderr
    left = [p for p in owned if p not in existed and p != "/." and os.path.lexists(p)]
    assert left == []
    assert not Path("/opt/testigo").exists()
    assert run(["dpkg-query", "-W", "testigo"]).returncode != 0


# The discreet package: the same one-folder build as `plain-notes`, "Notes" in the menu,
# started discreet in the neutral `notes` folder. Whoever searches the laptop's package list,
# menu, PATH or /opt for the word finds nothing; only library files inside the program's
# `_internal` folder keep their names (the program loads them by those names).
DISCREET = "plain-notes"


def _said_testigo(text: str) -> bool:
    return "testigo" in text.lower()


def _fake_bundle(folder: Path) -> Path:
    """A tiny stand-in for the PyInstaller folder: two programs and a library folder."""
    bundle = folder / "testigo"
    (bundle / "_internal" / "resources").mkdir(parents=True)
    for name in ("testigo", "testigo-cli"):
        program = bundle / name
        program.write_text('#!/bin/sh\necho "$(basename "$0") 0.0-fake"\n')
        program.chmod(0o755)
    (bundle / "_internal" / "libpython.so").write_bytes(b"\x7fELF fake")
    (bundle / "_internal" / "testigo-files.sha256").write_text("stale\n")
    return bundle


def _visible_names(paths: list[str]) -> list[str]:
    return [p for p in paths if not p.startswith("/opt/notes/_internal/")]


def _check_discreet_deb(deb: Path, tmp: Path) -> Path:
    """What the discreet package shows says nothing of Testigo; its tree, extracted."""
    paths = [p.rstrip("/") for p in _deb_contents(deb) if p.rstrip("/")]
    assert [p for p in _visible_names(paths) if _said_testigo(p)] == []
    for needed in (
        "/usr/bin/notes",
        "/usr/bin/notes-cli",
        "/opt/notes/notes",
        "/opt/notes/notes-cli",
        "/opt/notes/notes-install",
        "/usr/share/applications/private-notes.desktop",
        "/usr/share/icons/hicolor/256x256/apps/plain-notes.png",
    ):
        assert needed in paths
    info = run(["dpkg-deb", "-I", str(deb)])
    assert info.returncode == 0, info.stderr
    assert not _said_testigo(info.stdout), info.stdout  # every control field
    assert run(["dpkg-deb", "-f", str(deb), "Package"]).stdout == f"{DISCREET}\n"
    tree = tmp / "extracted"
    tree.mkdir(parents=True)
    assert run(["dpkg-deb", "-x", str(deb), str(tree)], timeout=300).returncode == 0
    control = tmp / "control"
    assert run(["dpkg-deb", "-e", str(deb), str(control)]).returncode == 0
    assert not _said_testigo((control / "postrm").read_text())
    entry = (tree / "usr/share/applications/private-notes.desktop").read_text()
    assert not _said_testigo(entry)
    assert "\nName=Notes\n" in entry
    assert "\nName[es]=Notas\n" in entry
    assert "\nExec=notes\n" in entry
    assert "\nIcon=plain-notes\n" in entry
    # the program's list of its own files holds the names it has in this package
    done = subprocess.run(
        ["sha256sum", "--quiet", "-c", "_internal/testigo-files.sha256"],
        cwd=tree / "opt/notes",
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert (done.returncode, done.stdout) == (0, ""), done.stderr
    listed = (tree / "opt/notes/_internal/testigo-files.sha256").read_text()
    assert "  notes\n" in listed
    assert "  notes-install\n" in listed
    assert "  testigo\n" not in listed
    return tree


def test_the_discreet_deb_is_assembled_from_the_same_folder(tmp_path: Path) -> None:
    """The assembly step alone, on a tiny fake build: fast, and no PyInstaller run."""
    bundle = _fake_bundle(tmp_path)
    deb = tmp_path / f"{DISCREET}_0.0_amd64.deb"
    env = {**os.environ, "TESTIGO_DEB_COMPRESSION": "gzip"}
    done = subprocess.run(
        [
            "bash",
            str(ROOT_DIR / "packaging/deb/build_deb.sh"),
            str(bundle),
            str(deb),
            "0.0",
            "--discreet",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    tree = _check_discreet_deb(deb, tmp_path / "discreet")
    done = run([str(tree / "opt/notes/notes-cli")])
    assert done.stdout == "notes-cli 0.0-fake\n"
    # the bundle itself is untouched: the usual package is made from it too
    assert sorted(p.name for p in bundle.iterdir()) == ["_internal", "testigo", "testigo-cli"]
    usual = tmp_path / "testigo_0.0_amd64.deb"
    done = subprocess.run(
        ["bash", str(ROOT_DIR / "packaging/deb/build_deb.sh"), str(bundle), str(usual), "0.0"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "/usr/bin/testigo-cli" in _deb_contents(usual)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".deb-root")]


def test_the_discreet_program_starts_discreet_in_the_neutral_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reporter import places

    program = tmp_path / "opt" / "notes" / "notes"
    program.parent.mkdir(parents=True)
    program.write_bytes(b"")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.delenv("TESTIGO_HOME", raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program))
    assert places.locate().home == tmp_path / "share" / "testigo"  # the usual package
    (program.parent / places.DISCREET_MARKER).write_bytes(b"")
    place = places.locate()
    assert (place.home, place.discreet, place.app_name) == (
        tmp_path / "share" / "notes",
        True,
        "Notes",
    )
    assert places.locate(home=str(tmp_path / "elsewhere")).discreet
    monkeypatch.setattr(sys, "frozen", False)  # from a checkout a marker means nothing
    assert not places.locate().discreet


def test_the_built_discreet_deb_says_nothing_of_testigo_and_runs(
    release: Release, tmp_path: Path
) -> None:
    deb = release.out / f"{DISCREET}_{release.version}_amd64.deb"
    tree = _check_discreet_deb(deb, tmp_path)
    cli = str(tree / "opt/notes/notes-cli")
    done = run([cli, "--version"])
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    assert release.version in done.stdout
    env = private_env(tmp_path)
    done = run([cli, "init"], env=env)  # no --home: the package's own choice
    assert done.returncode == 0, done.stderr
    share = Path(env["XDG_DATA_HOME"])
    assert (share / "notes" / "vault.key").is_file()
    # the app unlocks that vault, shows its window and locks, and files nothing as Testigo
    app_env = {**env, "QT_QPA_PLATFORM": "offscreen"}
    app_env.pop("DISPLAY", None)
    app_env.pop("WAYLAND_DISPLAY", None)
    done = run([str(tree / "opt/notes/notes"), "--smoke-test"], env=app_env, timeout=180)
    assert (done.returncode, done.stdout) == (0, "smoke test: ok\n"), done.stderr
    assert [p for p in Path(env["HOME"]).rglob("*") if _said_testigo(p.name)] == []
    assert (share / "notes" / "settings").is_dir()


@pytest.mark.skipif(
    os.geteuid() != 0 or not shutil.which("dpkg"), reason="installing a .deb needs root and dpkg"
)
def test_the_discreet_deb_installs_and_uninstalls_leaving_nothing(
    release: Release, tmp_path: Path
) -> None:
    if run(["dpkg-query", "-W", "-f", "${Status}", DISCREET]).stdout.endswith("installed"):
        pytest.skip("a plain-notes package is already installed here; left alone")
    deb = release.out / f"{DISCREET}_{release.version}_amd64.deb"
    listed = [p.rstrip("/") or "/" for p in _deb_contents(deb)]
    existed = {p for p in listed if os.path.lexists(p)}
    owned: list[str] = []
    done = run(["dpkg", "-i", str(deb)], timeout=600)
    try:
        assert done.returncode == 0, done.stdout + done.stderr
        owned = [p for p in run(["dpkg", "-L", DISCREET]).stdout.split("\n") if p]
        shown = run(["dpkg", "-l", DISCREET]).stdout
        assert DISCREET in shown
        assert not _said_testigo(shown)
        done = run(["/usr/bin/notes-cli", "--version"])
        assert (done.returncode, release.version in done.stdout) == (0, True), done.stderr
        done = run(["dpkg", "--verify", DISCREET])
        assert (done.returncode, done.stdout) == (0, "")
    finally:
        removed = run(["dpkg", "--purge", DISCREET], timeout=600)
    assert removed.returncode == 0, removed.stdout + removed.stderr
    left = [p for p in owned if p not in existed and p != "/." and os.path.lexists(p)]
    assert left == []
    assert not Path("/opt/notes").exists()
