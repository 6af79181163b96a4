"""What every doctor check is made of: a context to look at, a result said in any language.

Apart from the package so the checks' modules import it and the package imports them,
without a cycle.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reporter.i18n import fill, translator

if TYPE_CHECKING:
    from reporter.vault.vault import Vault

OK, WARN, FAIL, SKIPPED = "ok", "warn", "fail", "skipped"
STATUSES = (OK, WARN, FAIL, SKIPPED)


class Text:
    """An English msgid of the core's catalogues and the safe values of its {placeholders}
    (paths, counts, another Text), said in the reader's language where it is shown."""

    def __init__(self, msgid: str, **values: Any) -> None:
        self.msgid = msgid
        self.values = values

    def in_(self, lang: str) -> str:
        if not self.msgid:
            return ""
        shown = {k: v.in_(lang) if isinstance(v, Text) else v for k, v in self.values.items()}
        return fill(translator(lang)(self.msgid), shown)

    @property
    def en(self) -> str:
        return self.in_("en")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Text) and (self.msgid, self.values) == (
            other.msgid,
            other.values,
        )

    def __hash__(self) -> int:
        return hash(self.msgid)

    def __repr__(self) -> str:
        return f"Text({self.msgid!r}, **{self.values!r})"


NOTHING = Text(msgid="")  # keyword: not a msgid for the catalogue scan


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
