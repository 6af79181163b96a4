"""Lint, types and layering are part of the tests: a red check here is a red build."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SOURCES = ("reporter", "ui", "tests", "benchmarks", "packaging")


def _run(*cmd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_is_clean() -> None:
    result = _run(str(BIN / "ruff"), "check", *SOURCES)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_clean() -> None:
    # One layout for everyone: `ruff format reporter ui tests benchmarks packaging` fixes it.
    result = _run(str(BIN / "ruff"), "format", "--check", *SOURCES)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_on_the_core_and_the_app() -> None:
    # pyproject.toml's [tool.mypy] packages: reporter and ui, both strict.
    result = _run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_import_contracts_are_kept() -> None:
    # pyproject.toml: the core never imports Qt or the app; the layers of the core, of the
    # vault and of the app's workspaces.
    linter = BIN / "lint-imports"
    if not linter.exists():
        pytest.fail("import-linter is not installed (pip install -e .[dev])")
    result = _run(str(linter), "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count(" KEPT") >= 4, result.stdout


def _cycles(package: str) -> list[list[str]]:
    """Groups of modules that import each other, function-level imports included (Tarjan)."""
    import grimp

    graph = grimp.build_graph(package, cache_dir=None)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in graph.find_modules_directly_imported_by(module):
            if other not in graph.modules:
                continue
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = [stack.pop()]
            while group[-1] != module:
                group.append(stack.pop())
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return found


@pytest.mark.parametrize("package", ["reporter", "ui"])
def test_no_import_cycles(package: str) -> None:
    # An import inside a function hides a cycle from Python but not from the design: the
    # modules of one cycle can only be understood, tested and layered together.
    assert _cycles(package) == []


def test_no_module_is_too_big() -> None:
    big = [
        f"{p.relative_to(ROOT)} ({n} lines)"
        for p in [*ROOT.glob("reporter/**/*.py"), *ROOT.glob("ui/**/*.py")]
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 600
    ]
    assert not big, big


def test_age_tool_installed_for_interop() -> None:
    # The install step provides it; interop tests would otherwise silently skip.
    if shutil.which("age") is None:
        pytest.fail("the `age` tool is missing: run packaging/install.sh")
