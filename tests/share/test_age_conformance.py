"""Every C2SP/CCTV age conformance vector, decrypted through Testigo's age reader.

Each vector names the outcome (success, or which layer must fail) and the SHA-256 of all the
plaintext an implementation may release, even when it fails later. Our typed errors map to
the vector's classes: FormatError(what="age armor") is an armor failure, FormatError(what=
"age header") a header failure, NoMatchingIdentity "no match", IntegrityError with reason
"header MAC mismatch" an HMAC failure, any other IntegrityError while reading the payload a
payload failure. No vector is skipped (SKIPPED stays empty; the last test holds us to it).

The vectors live in shared/, beside the repository (``<repo>/../shared``), as CI lays it out.
Without them the suite fails when ``CI`` is set and skips, saying why, on a developer's machine.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from reporter.age import AgeReader, ScryptIdentity, ml_kem_available, parse_identity
from reporter.age.keys import Identity
from reporter.errors import FormatError, IntegrityError, NoMatchingIdentity, TestigoError

REPO = Path(__file__).resolve().parents[2]
VECTORS = REPO.parent / "shared" / "conformance" / "age" / "testdata"
SKIPPED: dict[str, str] = {}  # name -> justification; none needed today
# C2SP/CCTV at shared/conformance/age/SOURCE-COMMIT has 143 vectors, all of kinds we implement.
MIN_VECTORS = 143
OUTCOMES = {
    "success",
    "no match",
    "HMAC failure",
    "header failure",
    "payload failure",
    "armor failure",
}


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def vectors_missing() -> None:
    """CI must run every vector, so there a missing copy is a failure, not a quiet skip."""
    reason = (
        f"age conformance vectors not found at {VECTORS} (a copy of shared/ beside the repository)"
    )
    if in_ci():
        pytest.fail(f"{reason}; CI is set, so they must run", pytrace=False)
    pytest.skip(reason)


@dataclass
class Vector:
    name: str
    expect: str
    payload_sha256: str | None = None
    identities: list[str] = field(default_factory=list)
    passphrases: list[str] = field(default_factory=list)
    armored: bool = False
    body: bytes = b""


def load(path: Path) -> Vector:
    raw = path.read_bytes()
    text, _, body = raw.partition(b"\n\n")
    vector = Vector(name=path.name, expect="")
    compressed = False
    for line in text.decode("utf-8").splitlines():
        key, _, value = line.partition(": ")
        if key == "expect":
            vector.expect = value
        elif key == "payload":
            vector.payload_sha256 = value
        elif key == "identity":
            vector.identities.append(value)
        elif key == "passphrase":
            vector.passphrases.append(value)
        elif key == "armored":
            vector.armored = value == "yes"
        elif key == "compressed":
            assert value == "zlib"
            compressed = True
    vector.body = zlib.decompress(body) if compressed else body
    return vector


def vector_names() -> list[str]:
    if not VECTORS.is_dir():
        return []
    return sorted(p.name for p in VECTORS.iterdir() if p.is_file() and p.name != "README.md")


def run(vector: Vector) -> tuple[str, bytes, TestigoError | None]:
    """Return (stage reached, plaintext released, error) for one vector."""
    identities: list[Identity] = [parse_identity(i) for i in vector.identities]
    identities += [ScryptIdentity(p) for p in vector.passphrases]
    released = hashlib.sha256()
    try:
        reader = AgeReader(io.BytesIO(vector.body), identities, armored=vector.armored)
    except TestigoError as exc:
        return "header", b"", exc
    try:
        for chunk in reader.chunks():
            released.update(chunk)
    except TestigoError as exc:
        return "payload", released.digest(), exc
    return "done", released.digest(), None


def classify(stage: str, error: TestigoError | None) -> str:
    if error is None:
        return "success"
    if isinstance(error, FormatError):
        what = error.params.get("what")
        if what == "age armor":
            return "armor failure"
        if what == "age header" and stage == "header":
            return "header failure"
        return f"unexpected format error {what} at {stage}"
    if isinstance(error, NoMatchingIdentity):
        return "no match"
    if isinstance(error, IntegrityError):
        if error.params.get("reason") == "header MAC mismatch":
            return "HMAC failure"
        if stage == "payload":
            return "payload failure"
    return f"unexpected {type(error).__name__} at {stage}"


def check(name: str) -> str | None:
    """None if the vector behaves as it says, else what went wrong."""
    vector = load(VECTORS / name)
    stage, digest, error = run(vector)
    outcome = classify(stage, error)
    if outcome != vector.expect:
        return f"expected {vector.expect}, got {outcome}: {error!r}"
    if vector.payload_sha256 is not None and digest.hex() != vector.payload_sha256:
        return "released plaintext does not match the payload hash"
    return None


@pytest.mark.parametrize("name", vector_names())
def test_vector(name: str) -> None:
    if name in SKIPPED:
        pytest.skip(SKIPPED[name])
    assert check(name) is None


def test_every_vector_runs_and_passes() -> None:
    """Self-contained (works under xdist too): all vectors minus the justified skips."""
    names = vector_names()
    if not names:
        vectors_missing()
    assert len(names) >= MIN_VECTORS, f"only {len(names)} vectors: a partial copy of shared/?"
    assert ml_kem_available(), "post-quantum vectors need ML-KEM in cryptography"
    kinds = {n: load(VECTORS / n).expect for n in names}
    assert set(kinds.values()) <= OUTCOMES, "a vector expects an outcome we cannot judge"
    ran = [n for n in names if n not in SKIPPED]
    failures = {n: why for n in ran if (why := check(n)) is not None}
    counts = {k: sum(1 for n in ran if kinds[n] == k) for k in sorted(OUTCOMES)}
    print(f"\nage conformance: ran {len(ran)} of {len(names)} {counts}, skipped {SKIPPED}")
    assert not failures
    assert len(ran) == len(names) - len(SKIPPED)


@pytest.mark.parametrize(("ci", "outcome"), [("true", "failed"), (None, "skipped")])
def test_missing_vectors_fail_in_ci_and_skip_elsewhere(
    tmp_path: Path, ci: str | None, outcome: str
) -> None:
    """This module run from a checkout with no shared/ beside it, as a fresh clone would be."""
    checkout = tmp_path / "clone" / "tests" / "share"
    checkout.mkdir(parents=True)
    shutil.copy(__file__, checkout / "test_age_conformance.py")
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["PYTHONPATH"] = str(REPO)
    if ci is not None:
        env["CI"] = ci
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-rs",
            "-p",
            "no:cacheprovider",
            "-k",
            "every_vector",
            str(checkout),
        ],
        cwd=checkout.parent.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    summary = result.stdout.strip().splitlines()[-1]
    assert f"1 {outcome}" in summary, result.stdout
    assert "age conformance vectors not found" in result.stdout
