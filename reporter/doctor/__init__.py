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
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reporter.vault.vault import Vault

OK, WARN, FAIL, SKIPPED = "ok", "warn", "fail", "skipped"
STATUSES = (OK, WARN, FAIL, SKIPPED)


@dataclass(frozen=True)
class Text:
    en: str
    es: str

    def in_(self, lang: str) -> str:
        return self.es if lang.startswith("es") else self.en


NOTHING = Text("", "")


@dataclass(frozen=True)
class Result:
    id: str
    status: str
    message: Text
    fix: Text = NOTHING

    def to_json(self, lang: str) -> dict[str, str]:
        return {
            "id": self.id,
            "status": self.status,
            "message": self.message.in_(lang),
            "fix": self.fix.in_(lang),
        }


@dataclass
class Context:
    """What the checks look at; every field can be pointed elsewhere by a test."""

    home: Path
    vault: Vault | None = None  # open when the passphrase was given
    passphrase_missing: bool = True
    relay_url: str | None = None  # else the vault's enrollment / profile
    tls_pin: str | None = None
    proxy: str | None = None  # Tor's SOCKS address when Tor is configured
    program_dir: Path | None = None  # a packaged install's folder, for its checksums
    proc: Path = Path("/proc")
    sys_root: Path = Path("/sys")
    core_limit: int | None = None  # RLIMIT_CORE soft limit (None: this process's)
    dumpable: int | None = None  # PR_GET_DUMPABLE (None: this process's)
    low_disk: int = 256 * 1024 * 1024  # below this, a warning; below a quarter, a failure
    timeout: float = 10.0
    cache: dict[str, Any] = field(default_factory=dict)


Check = Callable[[Context], Result]


def all_checks() -> list[Check]:
    from reporter.doctor.files import CHECKS as FILES
    from reporter.doctor.network import CHECKS as NETWORK
    from reporter.doctor.system import CHECKS as SYSTEM
    from reporter.doctor.vault_checks import CHECKS as VAULT

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
                    f"The check could not run ({type(exc).__name__}).",
                    f"No se pudo hacer la comprobación ({type(exc).__name__}).",
                ),
                Text("Ask for help and show this line.", "Pida ayuda y muestre esta línea."),
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
