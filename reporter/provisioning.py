"""Make a laptop ready in one step: vault, coalition profile, language, discreet mode, relay.

What a trainer does in a workshop, shared by `testigo-cli provision` and the app's guided
page. The profile and the token are checked before anything changes; each step after that
is one the trainer can repeat (importing the same profile again, enrolling again), so a
failure half-way is fixed by running provision again.

Discreet mode moves a vault in the usual ``testigo`` data folder to the neutral ``notes``
one (``reporter.places``), where both front ends find it at their next start.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reporter import preferences
from reporter.doctor import Text
from reporter.errors import Conflict, InvalidField, TestigoError, VaultLocked
from reporter.places import Place, default_home, discreet_home
from reporter.share.profile import CoalitionProfile, import_profile, parse_profile
from reporter.sync.engine import check_token, enroll
from reporter.vault.holder import VaultHold
from reporter.vault.vault import LOCK_FILE, Vault, vault_exists

NEXT_STEPS = [
    Text("Compare the fingerprint above with the coordinators, by phone or in person."),
    Text("Run 'testigo-cli doctor' (or Help > Check this computer) and fix what it marks."),
    Text("Let the person choose and type their own passphrase; never write it down for them."),
    Text("Record a test incident together, share it, and check it reaches the coordinators."),
    Text("Show the lock shortcut and the emergency wipe."),
]
ENROLL_LATER = Text("Enroll with the relay when you have the token: testigo-cli enroll TOKEN.")


@dataclass
class Provisioned:
    home: Path
    profile: CoalitionProfile
    created: bool = False
    moved: bool = False
    enrolled: dict[str, str] | None = None
    menu_entry: str | None = None  # the neutral menu entry written, if any
    route: str | None = None  # the proxy the enrollment went through (None: direct)
    choices: dict[str, Any] = field(default_factory=dict)

    def next_steps(self) -> list[Text]:
        return NEXT_STEPS if self.enrolled else [*NEXT_STEPS[:1], ENROLL_LATER, *NEXT_STEPS[1:]]

    def to_json(self, lang: str) -> dict[str, Any]:
        return {
            "home": str(self.home),
            "created": self.created,
            "moved": self.moved,
            "profile": {
                "name": self.profile.name,
                "fingerprint": self.profile.fingerprint,
                "key_fingerprint": self.profile.key_fingerprint,
            },
            "enrolled": self.enrolled,
            "preferences": self.choices,
            "menu_entry": self.menu_entry,
            "next": [step.in_(lang) for step in self.next_steps()],
        }


def provision(
    place: Place,
    profile_data: bytes,
    *,
    passphrase: Callable[[], str],
    new_passphrase: Callable[[], str],
    language: str | None = None,
    discreet: bool = False,
    token: str | None = None,
    proxy: str | None = None,
    replace: bool = False,
) -> Provisioned:
    """Prepare the vault at ``place`` (made if absent); returns what the trainer checks."""
    _check(profile_data, language, token)  # a bad file or token changes nothing
    home, moved = _discreet_home(place) if discreet else (place.home, False)
    created = not vault_exists(home)
    vault = Vault.create(home, new_passphrase()) if created else Vault.open(home, passphrase())
    with vault:
        if created:
            from reporter.share.device import device_identity

            device_identity(vault)
        done = provision_vault(
            vault,
            profile_data,
            language=language,
            discreet=discreet,
            token=token,
            proxy=proxy,
            replace=replace,
            menu=place.portable is None,
        )
    done.created, done.moved = created, moved
    return done


def provision_vault(
    vault: Vault,
    profile_data: bytes,
    *,
    language: str | None = None,
    discreet: bool = False,
    token: str | None = None,
    proxy: str | None = None,
    replace: bool = False,
    menu: bool = True,
) -> Provisioned:
    """The same on a vault already open (the app's guided page): the folder stays where it
    is until the next start (``settle_discreet``). ``menu``: a discreet install also gets
    its neutral menu entry (not from a stick: the host's menu is not the stick's)."""
    token = _check(profile_data, language, token)
    profile = import_profile(vault, profile_data, replace=replace)
    preferences.write(vault.home, language=language, discreet=True if discreet else None)
    done = Provisioned(vault.home, profile, choices=preferences.read(vault.home))
    if discreet and menu:
        from reporter.desktop_entry import install_discreet

        entry = install_discreet()
        done.menu_entry = str(entry) if entry else None
    if token is not None:
        from reporter.relay_client.connection import route

        done.route = route(vault, proxy)  # an existing vault's choice of Tor or SOCKS holds
        done.enrolled = enroll(vault, token, proxy=done.route)
    return done


def _check(profile_data: bytes, language: str | None, token: str | None) -> str | None:
    parse_profile(profile_data)
    if language is not None and language not in preferences.LANGUAGES:
        raise InvalidField(field="language", reason="one of es, en")
    return None if token is None else check_token(token)


def settle_discreet(place: Place) -> Place:
    """At start, before the vault opens: discreet mode chosen for the usual folder moves it
    to the neutral one. Anything in the way leaves it where it is, to try at the next start."""
    if not preferences.read(place.home).get("discreet"):
        return place
    try:
        home, moved = _discreet_home(place)
    except (TestigoError, OSError):
        return place
    return Place(home, discreet=True) if moved else place


def _discreet_home(place: Place) -> tuple[Path, bool]:
    """The neutral folder for the usual one; a folder named on purpose stays as it is."""
    usual, neutral = default_home(), discreet_home()
    if place.portable is not None or place.home != usual:
        return place.home, False
    if vault_exists(neutral):
        return neutral, False
    if neutral.exists() and any(neutral.iterdir()):
        raise Conflict(reason="the neutral data folder holds another program's files")
    if not usual.exists():
        return neutral, False
    # A vault, or only what the app saved before one existed (its language): all of it goes.
    hold = VaultHold.take(usual / LOCK_FILE, create=False)
    try:
        if not hold.alone and (usual / LOCK_FILE).exists():
            raise VaultLocked()  # open in the app: close it first
        if neutral.exists():
            neutral.rmdir()
        neutral.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.rename(usual, neutral)  # one folder, one rename: nothing half-moved
    finally:
        hold.release()
    return neutral, True
