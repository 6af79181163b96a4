"""`python -m benchmarks`: one real (tiny) benchmark through the whole command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from benchmarks.report import BEGIN, END, update_doc

ROOT = Path(__file__).resolve().parent.parent
TINY_AGE = "--size-mib 1 --runs 1 --rss-gib 0.001 --sweep-kib 1,64 --sweep-runs 1"


def test_the_command_collects_a_benchmark_into_results_doc_and_plot(tmp_path: Path) -> None:
    doc = tmp_path / "benchmarks.md"
    doc.write_text(f"# Benchmarks\n\nbefore\n\n{BEGIN}\nold table\n{END}\n\nafter\n")
    results, png = tmp_path / "results.json", tmp_path / "plot.png"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--only", "age", "--args", TINY_AGE]
        + ["--results", str(results), "--doc", str(doc), "--plot", str(png)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    data = json.loads(results.read_text())
    assert set(data) >= {"date", "machine", "load_before", "load_after", "benchmarks"}
    age = data["benchmarks"]["age"]
    rows = {r["metric"]: r for r in age["rows"]}
    seal = rows["age seal on tmpfs vs raw ChaCha20 (MiB/s)"]
    assert seal["testigo"] > 0
    assert seal["baseline"] > 0
    assert seal["ratio"] > 0
    assert seal["met"] in (True, False)
    assert [p["size_kib"] for p in age["detail"]["by_size"]] == [1, 64]
    text = doc.read_text()
    assert "old table" not in text
    assert text.startswith("# Benchmarks\n\nbefore\n")
    assert text.endswith("after\n")
    block = text[text.index(BEGIN) : text.index(END)]
    assert "| age | age seal on tmpfs vs raw ChaCha20 (MiB/s) |" in block
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_document_without_markers_gets_the_block_once(tmp_path: Path) -> None:
    doc = tmp_path / "benchmarks.md"
    doc.write_text("# Benchmarks\n\nkept\n")
    update_doc(doc, "first")
    update_doc(doc, "second")
    text = doc.read_text()
    assert text.count(BEGIN) == 1
    assert "first" not in text
    assert f"{BEGIN}\nsecond\n{END}" in text
    assert "kept" in text


def test_a_benchmark_that_writes_nothing_is_recorded_with_its_error(tmp_path: Path) -> None:
    results = tmp_path / "results.json"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--only", "startup", "--args", "--runs nope"]
        + ["--results", str(results), "--doc", str(tmp_path / "d.md")]
        + ["--plot", str(tmp_path / "p.png")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    startup = json.loads(results.read_text())["benchmarks"]["startup"]
    assert startup["error"].startswith("exited 2")
    assert "| startup | exited 2 without results |" in (tmp_path / "d.md").read_text()
    assert not (tmp_path / "p.png").exists()
