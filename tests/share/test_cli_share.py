"""The sharing command line, as the issue's scripts drive it (subprocesses, real files)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

PASS = "correct horse battery staple 42"
KEYS = "frase de las llaves de la coalición 7"


def run(home: Path | None, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, TESTIGO_PASSPHRASE=PASS, TESTIGO_COALITION_PASSPHRASE=KEYS)
    cmd = [sys.executable, "-m", "tests.fast_cli"]
    if home is not None:
        cmd += ["--home", str(home)]
    proc = subprocess.run(
        [*cmd, *args],
        capture_output=True,
        text=True,
        env=env,  # noqa: S603
        timeout=120,
        check=False,
    )
    if check and proc.returncode:
        raise AssertionError(f"{args}: {proc.returncode} {proc.stderr}")
    return proc


def out(proc: subprocess.CompletedProcess[str]) -> Any:
    return json.loads(proc.stdout)


def create_coalition(
    co: Path, *extra: str, name: str = "R", relay: str = "https://r.example.org"
) -> subprocess.CompletedProcess[str]:
    """``coalition create`` into ``co`` with one relay; ``extra`` adds e.g. ``--recipients``."""
    return run(
        None, "coalition", "create", "--name", name, "--relay", relay, "--out", str(co), *extra
    )


@pytest.mark.parametrize("kind", ["x25519", "hybrid"])
def test_coalition_to_inbox_through_the_cli(tmp_path: Path, kind: str) -> None:
    co, rep, coord, usb = (tmp_path / n for n in ("co", "rep", "coord", "usb"))
    created = out(
        create_coalition(
            co, "--recipients", kind, "--json", name="Red TDT", relay="https://relay.example.org"
        )
    )
    assert (co / "coalition.testigo-profile").is_file()
    run(rep, "init")
    imported = out(run(rep, "profile", "import", str(co / "coalition.testigo-profile"), "--json"))
    assert imported["fingerprint"] == created["fingerprint"]
    assert out(run(rep, "status", "--json"))["coalition"]["fingerprint"] == created["fingerprint"]
    iid = out(
        run(
            rep,
            "add",
            "--title",
            "Seguimiento a Lucía Gómez",
            "--type",
            "SURV.PHYSICAL",
            "--target-name",
            "Lucía Gómez",
            "--state",
            "09",
            "--date",
            "2026-11-02",
            "--private-note",
            "CANARYNOTE",
            "--json",
        )
    )["id"]
    preview = out(run(rep, "share", iid, "--consent", "share_free_text", "--preview", "--json"))
    assert preview["title"] == "Seguimiento a […]"
    assert "CANARYNOTE" not in json.dumps(preview)
    assert out(run(rep, "show", iid, "--json"))["revision"] == 1  # preview changed nothing
    shared = out(run(rep, "share", iid, "--consent", "share_free_text", "--yes", "--json"))
    assert shared["state"] == "queued"
    exported = out(run(rep, "bundle", "export", "--out", str(usb), "--json"))
    assert len(exported) == 1
    name = Path(exported[0]["file"]).name
    assert name.endswith(".age")
    assert shared["bundle_id"] not in name
    assert out(run(rep, "bundle", "export", "--out", str(usb), "--json")) == []

    run(coord, "init", "--role", "coordinator", "--coalition-dir", str(co))
    first = out(run(coord, "inbox", "import", str(usb), "--json"))
    assert [r["status"] for r in first] == ["imported"]
    again = out(run(coord, "inbox", "import", exported[0]["file"], "--json"))
    assert [r["status"] for r in again] == ["duplicate"]
    received = out(run(coord, "inbox", "list", "--json"))
    assert [r["record"] for r in received] == [preview]
    devices = out(run(coord, "inbox", "devices", "--json"))
    assert devices[0]["verified"] is False
    reporter_fp = out(run(rep, "status", "--json"))["device_fingerprint"]
    assert devices[0]["fingerprint"] == reporter_fp
    run(coord, "inbox", "trust", reporter_fp)
    assert out(run(coord, "inbox", "devices", "--json"))[0]["verified"] is True


def test_wrong_keys_passphrase_leaves_no_coordinator_vault(tmp_path: Path) -> None:
    co = tmp_path / "co"
    create_coalition(co, "--recipients", "x25519")
    env_bad = tmp_path / "bad"
    env_bad.write_text("no es la frase correcta 123")
    proc = run(
        tmp_path / "coord",
        "init",
        "--role",
        "coordinator",
        "--coalition-dir",
        str(co),
        "--keys-passphrase-file",
        str(env_bad),
        check=False,
    )
    assert proc.returncode != 0
    assert len(proc.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "coord" / "vault.key").exists()


def test_export_identity_is_a_standard_age_identity(tmp_path: Path) -> None:
    co = tmp_path / "co"
    create_coalition(co)
    run(
        None,
        "coalition",
        "export-identity",
        "--dir",
        str(co),
        "--type",
        "hybrid",
        "--out",
        str(tmp_path / "k.txt"),
    )
    text = (tmp_path / "k.txt").read_text()
    assert "AGE-SECRET-KEY-PQ-1" in text
    wrong = run(
        None,
        "coalition",
        "export-identity",
        "--dir",
        str(co),
        "--type",
        "x25519",
        "--out",
        str(tmp_path / "k2.txt"),
        check=False,
    )
    assert wrong.returncode == 5


def test_bundle_export_leaves_an_existing_folders_mode_alone(tmp_path: Path) -> None:
    co, rep, usb = tmp_path / "co", tmp_path / "rep", tmp_path / "usb"
    create_coalition(co, "--recipients", "x25519")
    run(rep, "init")
    run(rep, "profile", "import", str(co / "coalition.testigo-profile"))
    iid = out(run(rep, "add", "--title", "Amenaza", "--type", "HAR.THREAT", "--json"))["id"]
    run(rep, "share", iid, "--yes")
    usb.mkdir(mode=0o755)
    usb.chmod(0o755)  # a USB stick's folder, shared with other tools
    assert len(out(run(rep, "bundle", "export", "--out", str(usb), "--json"))) == 1
    assert usb.stat().st_mode & 0o777 == 0o755
    fresh = tmp_path / "new" / "folder"
    assert out(run(rep, "bundle", "export", "--all", "--out", str(fresh), "--json"))
    assert fresh.stat().st_mode & 0o777 == 0o700  # one we create is private
