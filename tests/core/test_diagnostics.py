"""The diagnostics buffer keeps where an error happened, never what it carried."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reporter import diagnostics
from reporter.diagnostics import Diagnostics, short_file
from reporter.errors import DiskFull

SECRET = "CANARYDIAG77 nombre de la víctima"


def _inner(note: str) -> None:
    payload = {"notes": note}  # a local holding content
    raise ValueError(f"bad value {payload['notes']}")


def _outer(note: str) -> None:
    try:
        _inner(note)
    except ValueError as exc:
        raise KeyError(note) from exc


def test_an_entry_has_the_type_and_frames_but_no_message_or_value() -> None:
    buffer = Diagnostics()
    try:
        _inner(SECRET)
    except ValueError as exc:
        entry = buffer.record(exc)
    text = buffer.text()
    assert entry.code == "internal_error"
    assert "ValueError" in text
    assert "tests/core/test_diagnostics.py:" in text
    assert ":_inner" in text
    assert ":test_an_entry_has_the_type_and_frames" in text
    assert "CANARYDIAG77" not in text
    assert "víctima" not in text
    assert "notes" not in text  # not even the local's name or the source line


def test_a_chain_names_each_cause() -> None:
    buffer = Diagnostics()
    try:
        _outer(SECRET)
    except KeyError as exc:
        buffer.record(exc)
    (entry,) = buffer.entries()
    assert [failure.type for failure in entry.chain] == ["KeyError", "ValueError"]
    assert any(frame.function == "_inner" for frame in entry.chain[1].frames)
    assert SECRET not in entry.text()


def test_our_errors_keep_their_code_not_their_params() -> None:
    buffer = Diagnostics()
    try:
        raise DiskFull(detail=SECRET, path=SECRET)
    except DiskFull as exc:
        buffer.record(exc)
    text = buffer.text()
    assert "disk_full" in text
    assert "reporter.errors.DiskFull" in text
    assert "CANARYDIAG77" not in text


def test_the_buffer_is_bounded() -> None:
    buffer = Diagnostics(limit=5)
    for n in range(12):
        try:
            raise OSError(n)
        except OSError as exc:
            buffer.record(exc)
    assert len(buffer.entries()) == 5


@pytest.mark.parametrize(
    ("path", "short"),
    [
        ("/home/maria/testigo/reporter/vault/vault.py", "reporter/vault/vault.py"),
        (
            "/home/maria/.venv/lib/python3.11/site-packages/sqlcipher3/dbapi2.py",
            "sqlcipher3/dbapi2.py",
        ),
        ("/home/maria/secret-project/thing.py", "thing.py"),
        ("<string>", "<string>"),
    ],
)
def test_paths_never_show_the_users_directory(path: str, short: str) -> None:
    assert short_file(path) == short


def test_the_process_buffer_is_shared() -> None:
    diagnostics.clear()
    try:
        raise RuntimeError(SECRET)
    except RuntimeError as exc:
        diagnostics.record(exc)
    assert len(diagnostics.entries()) == 1
    assert "RuntimeError" in diagnostics.text()
    diagnostics.clear()


CRASHING_CLI = """
import sys
from reporter.cli import commands, main as cli_main, vocab_cmd
def boom(args, ctx):
    notes = sys.argv[-1]
    raise ValueError("leaked " + notes)
def register(subparsers):
    commands.add_command(subparsers, "boom", "x", "x").set_defaults(handler=boom)
vocab_cmd.register = (lambda original: lambda s: (original(s), register(s)))(vocab_cmd.register)
sys.exit(cli_main.main(["boom"]))
"""


@pytest.mark.parametrize("debug", ["1", None])
def test_cli_last_resort_prints_frames_not_secrets(tmp_path: Path, debug: str | None) -> None:
    env = {k: v for k, v in os.environ.items() if k != "TESTIGO_DEBUG"}
    env.update(HOME=str(tmp_path), TESTIGO_HOME=str(tmp_path / "home"))
    if debug:
        env["TESTIGO_DEBUG"] = debug
    done = subprocess.run(
        [sys.executable, "-c", CRASHING_CLI, SECRET],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 1
    assert "CANARYDIAG77" not in done.stderr + done.stdout
    assert "Traceback" not in done.stderr
    first, *rest = done.stderr.splitlines()
    assert first.startswith("testigo-cli: internal_error: unexpected ValueError")
    if debug:
        assert "ValueError" in "\n".join(rest)
        assert any(line.strip().endswith(":boom") for line in rest), done.stderr
    else:
        assert rest == []
