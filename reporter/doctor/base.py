"""What every doctor check is made of: a context to look at, a result in en and es.

Apart from the package so the checks' modules import it and the package imports them,
without a cycle.
"""

from __future__ import annotations

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
