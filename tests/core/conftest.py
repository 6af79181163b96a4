"""Fixtures for the core tests: real vault directories driven through the real CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

PASSPHRASE = "correct horse battery staple 42"


def cli_env(tmp: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        TESTIGO_PASSPHRASE=PASSPHRASE,
        TMPDIR=str(tmp),
        TESTIGO_LANG="en",
    )
    env.pop("TESTIGO_HOME", None)
    env.update(extra)
    return env


CliRunner = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def private_tmp(tmp_path: Path) -> Path:
    """A temp directory of the test's own, so a leak scan sees only our files."""
    path = tmp_path / "tmp"
    path.mkdir()
    return path


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def cli(home: Path, private_tmp: Path) -> CliRunner:
    """Run `testigo-cli --home HOME …` in a subprocess, as a script would."""

    def run(
        *args: str,
        stdin: str | None = None,
        env: dict[str, str] | None = None,
        check: bool = True,
        home_dir: Path | None = None,
    ) -> subprocess.CompletedProcess[str]:
        full_env = cli_env(private_tmp, **(env or {}))
        proc = subprocess.run(  # noqa: S603 - our own CLI
            [sys.executable, "-m", "tests.fast_cli", "--home", str(home_dir or home), *args],
            input=stdin,
            capture_output=True,
            text=True,
            env=full_env,
            timeout=120,
            check=False,
        )
        if check and proc.returncode != 0:
            raise AssertionError(f"{args} -> {proc.returncode}: {proc.stderr}")
        return proc

    return run


def json_out(proc: subprocess.CompletedProcess[str]) -> Any:
    return json.loads(proc.stdout)


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` with its bytes: 'nothing changed' means equal snapshots."""
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }
