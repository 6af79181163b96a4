"""Suite-wide options: `--full` runs the full-scale tests marked `slow`."""

from __future__ import annotations

import os

import pytest

from reporter.vault import keyfile

os.umask(0o077)
# Cheap Argon2 for vaults and coalition keys the suite creates in this process; subprocesses
# get it by running `python -m tests.fast_cli` (no environment variable can turn it on).
keyfile.FAST_KDF_FOR_TESTS = True
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--full",
        action="store_true",
        default=False,
        help="also run full-scale tests (thousands of kills, long fuzzing)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--full"):
        for item in items:  # thousands of kills take longer than the default
            if "slow" in item.keywords:
                item.add_marker(pytest.mark.timeout(3600))
        return
    skip = pytest.mark.skip(reason="full-scale run: use --full")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
