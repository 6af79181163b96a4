"""`testigo-cli export` and `export verify` as a coordinator and a lawyer run them."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from reporter.share.coalition import PROFILE_FILE
from tests.exports.conftest import PASSPHRASE, Received, build_received

ROOT = Path(__file__).resolve().parents[2]


def cli(home: Path | None, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, TESTIGO_PASSPHRASE=PASSPHRASE, PYTHONPATH=str(ROOT))
    env.pop("TESTIGO_DEBUG", None)
    cmd = [sys.executable, "-m", "tests.fast_cli"] + (["--home", str(home)] if home else [])
    return subprocess.run(
        [*cmd, *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120, check=False
    )


@pytest.fixture
def closed(tmp_path: Path) -> Received:
    """A received vault the CLI opens itself (closed here)."""
    got = build_received(tmp_path / "w")
    got.vault.close()
    return got


def test_export_counts_what_stats_counts_and_says_so(closed: Received, tmp_path: Path) -> None:
    home = closed.vault.home
    stats = cli(home, "stats", "--by", "state", "--state", "09", "--json")
    assert stats.returncode == 0, stats.stderr
    out = tmp_path / "informe.csv"
    done = cli(home, "export", "csv", "--out", str(out), "--state", "09", "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["reports"] == json.loads(stats.stdout)["total"] == 3
    assert (tmp_path / "informe.codebook.csv").exists()
    listed = cli(home, "inbox", "list", "--state", "09", "--counted-only", "--json")
    rows = out.read_text("utf-8").splitlines()[1:]
    assert [item["record"]["id"] for item in json.loads(listed.stdout)] == [
        row.split(",")[0] for row in rows
    ]  # the same reports, same order
    pdf = tmp_path / "resumen.pdf"
    assert cli(home, "--lang", "es", "export", "pdf", "--out", str(pdf)).returncode == 0
    everything = json.loads(cli(home, "stats", "--by", "type", "--json").stdout)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert f"Total de reportes documentados: {everything['total']}" in text
    for code, n in everything["counts"].items():
        assert re.search(rf"{re.escape(code)}\s.*\s{n}\n", text), code
    said = cli(home, "--lang", "es", "export", "stix", "--out", str(tmp_path / "x.stix2"), "--all")
    assert said.returncode == 0
    assert "indicador(es) en el archivo STIX" in said.stdout
    assert "omitidos 1: los teléfonos no tienen objeto STIX" in said.stdout


def test_verify_accepts_a_packet_and_refuses_a_changed_one(
    closed: Received, tmp_path: Path
) -> None:
    home = closed.vault.home
    packet = tmp_path / "caso.zip"
    made = cli(home, "export", "packet", "--out", str(packet), "--id", closed.ids[0])
    assert made.returncode == 0, made.stderr
    profile = str(closed.coalition_dir / PROFILE_FILE)
    ok = cli(None, "--lang", "es", "export", "verify", str(packet), "--profile", profile)
    assert ok.returncode == 0
    assert "El paquete se verifica" in ok.stdout
    bad = tmp_path / "changed.zip"
    with zipfile.ZipFile(packet) as zin, zipfile.ZipFile(bad, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename.endswith("case.json"):
                data = data.replace(b'"en"', b'"es"', 1)
            zout.writestr(info, data)
    refused = cli(None, "export", "verify", str(bad), "--profile", profile)
    assert refused.returncode == 9
    assert refused.stderr.count("\n") == 1
    assert "Traceback" not in refused.stderr
    assert "does not match the manifest" in refused.stderr
    assert "case.json" in refused.stderr


def test_usage_errors_are_one_line(closed: Received, tmp_path: Path) -> None:
    home = closed.vault.home
    for args in (
        ["export", "json", "--out", str(tmp_path / "a.json"), "--public"],
        ["export", "csv"],
        ["export", "verify"],
    ):
        got = cli(home, *args)
        assert got.returncode == 2, (args, got.stderr)
        assert got.stderr.count("\n") == 1, (args, got.stderr)
