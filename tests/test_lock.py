"""Installs cannot change under us: every dependency pyproject.toml names is pinned, with hashes.

install.sh and CI install only from packaging/requirements.lock with ``--require-hashes``, so a
dependency added to pyproject.toml without refreshing the lock (``bash packaging/lock.sh``)
would break the next clean install; this test breaks first.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "packaging" / "requirements.lock"
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)")
_HASH = re.compile(r"--hash=sha256:[0-9a-f]{64}\b")


def declared(pyproject: dict[str, object]) -> list[Requirement]:
    """Runtime, every extra (install.sh installs the whole lock), and the build backend."""
    project = pyproject["project"]
    build = pyproject["build-system"]
    assert isinstance(project, dict)
    assert isinstance(build, dict)
    names = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        names += extra
    names += build["requires"]
    return [Requirement(n) for n in names]


def pins(lock_text: str) -> dict[str, tuple[Version, int]]:
    """name -> (pinned version, number of hashes) for each requirement of the lock."""
    found: dict[str, tuple[Version, int]] = {}
    # A requirement runs over continuation lines ("\\" at the end) up to its comments.
    for entry in re.split(r"\n(?=[A-Za-z0-9])", lock_text):
        match = _PIN.match(entry)
        if match:
            name = canonicalize_name(match.group(1))
            found[name] = (Version(match.group(2).rstrip("\\ ")), len(_HASH.findall(entry)))
    return found


def problems(pyproject: dict[str, object], lock_text: str) -> list[str]:
    locked = pins(lock_text)
    wrong = []
    for req in declared(pyproject):
        if req.marker is not None and not req.marker.evaluate():
            continue
        name = canonicalize_name(req.name)
        if name not in locked:
            wrong.append(f"{req} is not in the lock")
            continue
        version, hashes = locked[name]
        if not req.specifier.contains(version, prereleases=True):
            wrong.append(f"{req}: the lock pins {version}")
        if hashes == 0:
            wrong.append(f"{req}: pinned without a hash")
    return wrong


def _pyproject() -> dict[str, object]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def test_every_declared_dependency_is_pinned_with_hashes() -> None:
    assert LOCK.is_file(), "no lock: run bash packaging/lock.sh"
    wrong = problems(_pyproject(), LOCK.read_text())
    assert not wrong, "refresh the lock with: bash packaging/lock.sh\n" + "\n".join(wrong)


def test_every_pin_in_the_lock_has_a_hash() -> None:
    """--require-hashes refuses the whole install over one bare pin, transitive ones included."""
    locked = pins(LOCK.read_text())
    assert len(locked) > 50  # the parser found the lock's entries, not a handful
    assert not [name for name, (_, hashes) in locked.items() if hashes == 0]


def test_a_new_dependency_without_a_refresh_is_caught() -> None:
    pyproject = _pyproject()
    lock = LOCK.read_text()
    project = pyproject["project"]
    assert isinstance(project, dict)
    project["optional-dependencies"]["relay"].append("brand-new-package>=1")
    project["dependencies"].append("cryptography>=999")
    assert problems(pyproject, lock) == [
        "cryptography>=999: the lock pins " + str(pins(lock)["cryptography"][0]),
        "brand-new-package>=1 is not in the lock",
    ]
    unhashed = _HASH.sub("", lock)
    qt = next(
        Requirement(r)
        for r in _pyproject()["project"]["dependencies"]
        if r.lower().startswith("pyside6")
    )
    assert f"{qt}: pinned without a hash" in problems(_pyproject(), unhashed)
