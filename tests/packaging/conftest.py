"""The Linux release, built once per test run from a clean clone of HEAD.

The build runs `bash packaging/build_linux.sh` exactly as a release does, in a `git clone` of
the repository, so a file that is not committed cannot make it pass. It takes minutes: every
test of the build shares this one session-scoped build. Deselect them with `-m "not
packaging"`; reuse a build made earlier with TESTIGO_PACKAGING_DIST=DIR (the --out folder of a
build_linux.sh run).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD_TIMEOUT = 1800


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "packaging: builds and runs the Linux package (minutes; deselect with -m 'not packaging')",
    )


@dataclass(frozen=True)
class Release:
    out: Path  # the build's --out folder: artifacts, SHA256SUMS, signatures
    deb: Path
    tarball: Path
    portable: Path  # the tarball, extracted: the one-folder build as shipped
    public_key: Path  # the (ephemeral) key the build signed with
    seconds: float  # how long the build took (0 when reused)
    version: str


def _version() -> str:
    import tomllib

    with (ROOT / "pyproject.toml").open("rb") as f:
        return str(tomllib.load(f)["project"]["version"])


def _build(workdir: Path) -> tuple[Path, float]:
    src = workdir / "src"
    subprocess.run(
        ["git", "clone", "--quiet", "--no-local", str(ROOT), str(src)], check=True, timeout=300
    )
    out = workdir / "out"
    env = {**os.environ, "PYTHON": sys.executable, "TESTIGO_DEB_COMPRESSION": "gzip"}
    env.pop("TESTIGO_RELEASE_KEY", None)  # signed with a key of this run only
    start = time.monotonic()
    done = subprocess.run(
        ["bash", "packaging/build_linux.sh", "--out", str(out)],
        cwd=src,
        env=env,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
        check=False,
    )
    seconds = time.monotonic() - start
    (workdir / "build.log").write_text(done.stdout + done.stderr)
    if done.returncode != 0:
        raise AssertionError(
            f"build_linux.sh failed ({done.returncode}):\n"
            f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
        )
    sys.stderr.write(f"\n[packaging] build from a clean clone took {seconds:.0f} s\n")
    shutil.rmtree(src)  # about 1 GB of clone and build folders; the artifacts stay
    return out, seconds


@pytest.fixture(scope="session")
def release(tmp_path_factory: pytest.TempPathFactory) -> Release:
    workdir = tmp_path_factory.mktemp("release")
    reused = os.environ.get("TESTIGO_PACKAGING_DIST")
    if reused:
        out, seconds = Path(reused).resolve(), 0.0
    else:
        out, seconds = _build(workdir)
    version = _version()
    tarball = out / f"testigo-{version}-linux-x86_64.tar.gz"
    with tarfile.open(tarball) as tar:
        tar.extractall(workdir / "portable", filter="data")
    return Release(
        out=out,
        deb=out / f"testigo_{version}_amd64.deb",
        tarball=tarball,
        portable=workdir / "portable" / f"testigo-{version}-linux-x86_64",
        public_key=out / "ephemeral-release-key.pub",
        seconds=seconds,
        version=version,
    )
