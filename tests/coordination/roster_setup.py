"""Coordinator vaults of one coalition on one relay, each enrolled and on the signed roster."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from reporter.coordination.identity import card, parse_card
from reporter.coordination.replay import accept_roster
from reporter.coordination.roster import ROSTER_FILE, add_member
from reporter.inbox.inbox import install_coalition_keys
from reporter.share.coalition import load_coalition_keys
from reporter.sync.engine import enroll
from reporter.vault.vault import Vault
from tests.sync.conftest import KEYS, PASSPHRASE, token


def coordinators_on_roster(
    root: Path,
    directory: Path,
    store_dir: Path,
    names: Iterable[str],
    each: Callable[[Vault], object] | None = None,
) -> list[Vault]:
    """A coordinator vault per name (in ``root/name``): the coalition's keys, a coordinator's
    enrollment on the relay, ``each`` (say, a bundle received), a card the admin adds to the
    roster in ``directory``; then every vault accepts that roster."""
    keys = load_coalition_keys(directory, KEYS)
    vaults = []
    for name in names:
        vault = Vault.create(root / name, PASSPHRASE, role="coordinator")
        install_coalition_keys(vault, keys)
        enroll(vault, token(store_dir, "coordinator"))
        if each is not None:
            each(vault)
        add_member(directory, keys.signing_key, parse_card(card(vault, name=name.title())))
        vaults.append(vault)
    for vault in vaults:
        accept_roster(vault, (directory / ROSTER_FILE).read_bytes(), forward=False)
    return vaults
