"""Interoperability with the stock ``age`` command (Debian's age 1.1.1: X25519 and armor).

age 1.1 predates post-quantum recipients, so only the classical path is checked here; the
hybrid path is checked against the CCTV vectors produced by the reference implementation.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from reporter.age import (
    X25519Identity,
    decrypt,
    encrypt,
    format_identity_file,
    parse_identity_file,
)
from reporter.age.stream import CHUNK_SIZE
from reporter.fsutil import atomic_write

AGE = shutil.which("age")
AGE_KEYGEN = shutil.which("age-keygen")
pytestmark = pytest.mark.skipif(
    AGE is None, reason="the `age` binary is not installed (apt-get install age)"
)


def run_age(*args: str, stdin: bytes = b"") -> bytes:
    assert AGE is not None
    done = subprocess.run([AGE, *args], input=stdin, capture_output=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    return done.stdout


@pytest.fixture
def identity_file(tmp_path: Path) -> tuple[X25519Identity, Path]:
    identity = X25519Identity.generate()
    path = tmp_path / "key.txt"
    atomic_write(path, format_identity_file([identity]).encode("ascii"))
    return identity, path


@pytest.mark.parametrize("armor", [False, True])
def test_age_decrypts_what_testigo_encrypts(
    identity_file: tuple[X25519Identity, Path], tmp_path: Path, armor: bool
) -> None:
    identity, key_path = identity_file
    plaintext = os.urandom(3 * CHUNK_SIZE + 7)
    sealed = io.BytesIO()
    encrypt([identity.recipient()], io.BytesIO(plaintext), sealed, armor=armor)
    path = tmp_path / "bundle.age"
    path.write_bytes(sealed.getvalue())
    assert run_age("-d", "-i", str(key_path), str(path)) == plaintext


@pytest.mark.parametrize("armor", [False, True])
def test_testigo_decrypts_what_age_encrypts(
    identity_file: tuple[X25519Identity, Path], armor: bool
) -> None:
    identity, _ = identity_file
    plaintext = os.urandom(2 * CHUNK_SIZE)  # a full-size last chunk
    flags = ["-a"] if armor else []
    sealed = run_age("-r", identity.recipient().to_string(), *flags, stdin=plaintext)
    assert b"".join(decrypt([identity], io.BytesIO(sealed))) == plaintext


def test_age_reads_testigo_identity_files_with_several_keys(tmp_path: Path) -> None:
    first, second = X25519Identity.generate(), X25519Identity.generate()
    key_path = tmp_path / "keys.txt"
    atomic_write(key_path, format_identity_file([first, second]).encode("ascii"))
    sealed = io.BytesIO()
    encrypt([second.recipient()], io.BytesIO(b"to the second key"), sealed)
    path = tmp_path / "bundle.age"
    path.write_bytes(sealed.getvalue())
    assert run_age("-d", "-i", str(key_path), str(path)) == b"to the second key"


@pytest.mark.skipif(AGE_KEYGEN is None, reason="age-keygen is not installed")
def test_testigo_reads_age_keygen_identity_files(tmp_path: Path) -> None:
    assert AGE_KEYGEN is not None
    key_path = tmp_path / "age-key.txt"
    subprocess.run([AGE_KEYGEN, "-o", str(key_path)], capture_output=True, check=True, timeout=60)
    identities = parse_identity_file(key_path.read_text("ascii"))
    recipient = identities[0].recipient().to_string()
    assert recipient in key_path.read_text("ascii")  # same public key as age-keygen printed
    sealed = run_age("-r", recipient, stdin=b"hello")
    assert b"".join(decrypt(identities, io.BytesIO(sealed))) == b"hello"
