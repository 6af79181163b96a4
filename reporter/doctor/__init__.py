"""`doctor`: is this laptop ready and safe for Testigo? Checks that explain, in en and es.

Each check is a small function of a ``Context`` (where the data is, the open vault if the
passphrase was given, the relay, the system files it reads) returning one ``Result``: a
stable id, a status (ok, warn, fail, skipped), what was found and what to do, in plain
words. Tests point a context at a temp folder, a relay on 127.0.0.1 or given values.
Messages never hold content: paths and numbers at most.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from reporter.doctor.base import (
    FAIL,
    NOTHING,
    OK,
    SKIPPED,
    STATUSES,
    WARN,
    Check,
    Context,
    Result,
    Text,
)
from reporter.doctor.files import CHECKS as FILES
from reporter.doctor.network import CHECKS as NETWORK
from reporter.doctor.system import CHECKS as SYSTEM
from reporter.doctor.vault_checks import CHECKS as VAULT

__all__ = [
    "FAIL",
    "NOTHING",
    "OK",
    "SKIPPED",
    "STATUSES",
    "WARN",
    "Check",
    "Context",
    "Result",
    "Text",
    "all_checks",
    "run",
    "worst",
]


def all_checks() -> list[Check]:
    return [*FILES, *VAULT, *NETWORK, *SYSTEM]


def run(
    context: Context,
    checks: list[Check] | None = None,
    progress: Callable[[Result], None] | None = None,
) -> list[Result]:
    """Every check in order; one that breaks is reported as failed, never stops the rest."""
    results = []
    for check in checks if checks is not None else all_checks():
        try:
            result = check(context)
        except Exception as exc:  # a check that breaks is a finding, not the doctor's end
            name = getattr(check, "__name__", "check").removeprefix("check_")
            result = Result(
                name.replace("_", "."),
                FAIL,
                Text(
                    "The check could not run ({kind}).",
                    kind=type(exc).__name__,
                ),
                Text("Ask for help and show this line."),
            )
        results.append(result)
        if progress is not None:
            with contextlib.suppress(Exception):
                progress(result)
    return results


def worst(results: list[Result]) -> str:
    for status in (FAIL, WARN, OK):
        if any(r.status == status for r in results):
            return status
    return SKIPPED
