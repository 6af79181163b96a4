"""Creating a vault, as the first run and ``testigo-cli init`` both do it.

Above the vault, the sharing and the inbox it sets up (not inside reporter.vault, which
they all stand on).

A coordinator vault takes the coalition's keys from the folder ``coalition create`` wrote;
they are opened before anything is made, so a wrong keys passphrase leaves no vault behind,
and a failure after the vault exists wipes it (a half-made vault would look like a real one).
"""

from __future__ import annotations

from pathlib import Path

from reporter.errors import UsageError
from reporter.inbox.inbox import install_coalition_keys
from reporter.share.coalition import load_coalition_keys
from reporter.share.device import device_identity
from reporter.share.profile import import_profile
from reporter.vault.vault import Vault


def create_vault(
    home: Path,
    passphrase: str,
    role: str = "reporter",
    coalition_dir: Path | None = None,
    keys_passphrase: str | None = None,
    profile: bytes | None = None,
) -> Vault:
    """A new, open vault with its device identity (and coalition keys or profile)."""
    keys = None
    if coalition_dir is not None:
        if role != "coordinator":
            raise UsageError("--coalition-dir goes with --role coordinator")
        keys = load_coalition_keys(coalition_dir, keys_passphrase or "")
    vault = Vault.create(home, passphrase, role=role)
    try:
        device_identity(vault)
        if keys is not None:
            install_coalition_keys(vault, keys)
        if profile is not None:
            import_profile(vault, profile)
    except BaseException:
        vault.wipe()
        raise
    return vault
