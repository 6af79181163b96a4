"""Test 4 of issue 15: `verify-release` accepts the release as signed and nothing else.

Signatures are minisign's format, cross-checked both ways with the real `minisign` tool
(installed by packaging/install.sh): ours verify with `minisign -Vm`, minisign's (prehashed and
legacy) verify with ours, and minisign signs with the secret key file we write.
"""

from __future__ import annotations

import base64
import hashlib
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import reporter
from reporter.cli.main import main
from reporter.errors import BadReleaseSignature, MalformedReleaseFile, TooLarge
from reporter.release import (
    SIGNATURE_FILE_LIMIT,
    PublicKey,
    generate_key,
    read_limited,
    read_public_key,
    read_secret_key,
    sha256sums,
    sign_file,
    verify_file,
)

ROOT = Path(__file__).resolve().parents[2]
MINISIGN = shutil.which("minisign")
needs_minisign = pytest.mark.skipif(
    MINISIGN is None, reason="minisign is not installed (bash packaging/install.sh installs it)"
)


@pytest.fixture
def artifact(tmp_path: Path) -> Path:
    path = tmp_path / "testigo_0.1.0_amd64.deb"
    path.write_bytes(hashlib.sha256(b"seed").digest() * 40_000)  # 1.25 MiB, > one chunk
    return path


def cli(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def verify_release(
    artifact: Path, sig: Path, key: str | None, capsys: pytest.CaptureFixture[str], *first: str
) -> tuple[int, str, str]:
    """``verify-release`` of the artifact with its signature file (and ``--key``, if given);
    ``first`` goes before the command (``--lang es``)."""
    key_args = ("--key", key) if key is not None else ()
    return cli(
        *first, "verify-release", str(artifact), "--signature", str(sig), *key_args, capsys=capsys
    )


def tool(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Another program (minisign, sha256sum) run to completion: its status and output."""
    return subprocess.run(  # noqa: S603 - our own arguments
        list(args),
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def flip_one_byte(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


def test_a_correct_artifact_verifies_and_one_changed_byte_is_refused(
    tmp_path: Path, artifact: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key = generate_key()
    sig = tmp_path / "a.minisig"
    sig.write_text(sign_file(artifact, key))
    pub = tmp_path / "key.pub"
    pub.write_text(key.public_key().to_text())

    status, out, err = verify_release(artifact, sig, str(pub), capsys)
    assert (status, err) == (0, "")
    assert f"OK: {artifact.name} is signed by the release key {key.public_key().id_hex}" in out

    for offset in (0, 700_000, artifact.stat().st_size - 1):  # start, middle, last byte
        flip_one_byte(artifact, offset)
        status, out, err = verify_release(artifact, sig, str(pub), capsys)
        assert status == 9
        assert out == ""
        assert err == (
            "testigo-cli: bad_release_signature: The file does NOT verify (the file "
            "does not match its signature): do not install or run it.\n"
        )
        flip_one_byte(artifact, offset)  # back as signed
    assert verify_file(artifact, sig.read_text(), key.public_key()).prehashed


def test_a_file_signed_by_another_key_is_refused(
    tmp_path: Path, artifact: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ours, theirs = generate_key(), generate_key()
    sig = tmp_path / "a.minisig"
    sig.write_text(sign_file(artifact, theirs))
    with pytest.raises(BadReleaseSignature) as refused:
        verify_file(artifact, sig.read_text(), ours.public_key())
    assert refused.value.params["reason"] == "signed by another key"
    assert refused.value.params["signed_by"] == theirs.public_key().id_hex

    # The key id is only a label: another key under our key id fails on the signature itself.
    impostor = PublicKey(theirs.key_id, ours.private.public_key())
    with pytest.raises(BadReleaseSignature) as refused:
        verify_file(artifact, sig.read_text(), impostor)
    assert refused.value.params["reason"] == "the file does not match its signature"

    key_line = ours.public_key().to_text().splitlines()[1]
    status, _, err = verify_release(artifact, sig, key_line, capsys, "--lang", "es")
    assert status == 9
    assert err == (
        "testigo-cli: bad_release_signature: El archivo NO pasa la verificación "
        "(firmado con otra clave): no lo instale ni lo ejecute.\n"
    )


def test_the_default_key_is_the_projects_release_key(
    tmp_path: Path, artifact: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shipped = read_public_key((ROOT / "resources" / "release-key.pub").read_text())
    sig = tmp_path / "a.minisig"
    sig.write_text(sign_file(artifact, generate_key()))
    status, _, err = verify_release(artifact, sig, None, capsys)
    assert status == 9
    assert "signed by another key" in err
    assert len(shipped.id_hex) == 16


def test_a_changed_trusted_comment_is_refused(tmp_path: Path, artifact: Path) -> None:
    key = generate_key()
    lines = sign_file(artifact, key, "timestamp:1\tfile:testigo.deb\thashed").splitlines()
    lines[2] = "trusted comment: timestamp:2\tfile:testigo.deb\thashed"
    with pytest.raises(BadReleaseSignature) as refused:
        verify_file(artifact, "\n".join(lines) + "\n", key.public_key())
    assert refused.value.params["reason"] == "the trusted comment was changed"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "expected four lines: comment, signature, trusted comment, signature"),
        ("untrusted comment: x\n!!!!\ntrusted comment: x\nAAAA\n", "not valid base64"),
        ("untrusted comment: x\nAAAA\ntrusted comment: x\nAAAA\n", "wrong length"),
        (
            "untrusted comment: x\n"
            + base64.b64encode(b"XX" + bytes(72)).decode()
            + "\ntrusted comment: x\n"
            + base64.b64encode(bytes(64)).decode()
            + "\n",
            "unknown signature algorithm",
        ),
        (
            "untrusted comment: \x1b[2J\nAAAA\ntrusted comment: x\nAAAA\n",
            "contains control characters",
        ),
    ],
)
def test_a_malformed_signature_is_a_clear_error(
    tmp_path: Path, artifact: Path, text: str, reason: str, capsys: pytest.CaptureFixture[str]
) -> None:
    key = generate_key()
    with pytest.raises(MalformedReleaseFile) as refused:
        verify_file(artifact, text, key.public_key())
    assert refused.value.params["reason"] == reason
    sig = tmp_path / "bad.minisig"
    sig.write_text(text)
    status, out, err = verify_release(artifact, sig, key.public_key().to_text(), capsys)
    assert (status, out) == (5, "")
    assert err.count("\n") == 1
    assert err.startswith("testigo-cli: malformed_release_file: ")


def test_a_huge_signature_file_is_refused_unread(
    tmp_path: Path, artifact: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sig = tmp_path / "huge.minisig"
    sig.write_bytes(b"A" * (64 * 1024 * 1024))
    status, _, err = verify_release(artifact, sig, None, capsys)
    assert status == 5
    assert err.startswith("testigo-cli: too_large: ")
    with pytest.raises(TooLarge):
        read_limited(sig, SIGNATURE_FILE_LIMIT)


def test_a_missing_artifact_says_not_found(
    tmp_path: Path, artifact: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key = generate_key()
    sig = tmp_path / "a.minisig"
    sig.write_text(sign_file(artifact, key))
    artifact.unlink()
    status, _, err = verify_release(artifact, sig, key.public_key().to_text(), capsys)
    assert status == 4
    assert err.startswith("testigo-cli: not_found: ")


@needs_minisign
def test_minisign_verifies_our_signatures_and_signs_with_our_key(
    tmp_path: Path, artifact: Path
) -> None:
    key = generate_key()
    pub = tmp_path / "key.pub"
    pub.write_text(key.public_key().to_text())
    ours = tmp_path / "ours.minisig"
    ours.write_text(sign_file(artifact, key))
    done = tool(MINISIGN, "-V", "-m", str(artifact), "-p", str(pub), "-x", str(ours))
    assert done.returncode == 0, done.stderr
    assert "Signature and comment signature verified" in done.stdout
    flip_one_byte(artifact, 5)
    done = tool(MINISIGN, "-V", "-m", str(artifact), "-p", str(pub), "-x", str(ours))
    assert done.returncode != 0  # the same byte minisign also refuses
    flip_one_byte(artifact, 5)

    secret = tmp_path / "ours.key"
    secret.write_text(key.to_text())
    theirs = tmp_path / "theirs.minisig"
    done = tool(
        MINISIGN,
        "-S",
        "-s",
        str(secret),
        "-m",
        str(artifact),
        "-x",
        str(theirs),
        "-t",
        "made by minisign",
    )
    assert done.returncode == 0, done.stderr
    verified = verify_file(artifact, theirs.read_text(), key.public_key())
    assert verified.trusted_comment == "made by minisign"


@needs_minisign
@pytest.mark.parametrize("legacy", [False, True])
def test_we_verify_minisigns_keys_and_signatures(
    tmp_path: Path, artifact: Path, legacy: bool
) -> None:
    pub, secret = tmp_path / "m.pub", tmp_path / "m.key"
    made = tool(MINISIGN, "-G", "-W", "-p", str(pub), "-s", str(secret))
    assert made.returncode == 0, made.stderr
    sig = tmp_path / "m.minisig"
    legacy_flag = ["-l"] if legacy else []
    signed = tool(
        MINISIGN, "-S", *legacy_flag, "-s", str(secret), "-m", str(artifact), "-x", str(sig)
    )
    assert signed.returncode == 0, signed.stderr
    key = read_public_key(pub.read_text())
    verified = verify_file(artifact, sig.read_text(), key)
    assert verified.prehashed is not legacy
    assert read_secret_key(secret.read_text()).public_key().raw() == key.raw()
    flip_one_byte(artifact, 1)
    with pytest.raises(BadReleaseSignature):
        verify_file(artifact, sig.read_text(), key)


def test_sha256sums_is_what_sha256sum_checks(tmp_path: Path, artifact: Path) -> None:
    other = tmp_path / "testigo-0.1.0-linux-x86_64.tar.gz"
    other.write_bytes(b"tarball")
    (tmp_path / "SHA256SUMS").write_text(sha256sums([artifact, other]))
    done = tool("sha256sum", "-c", "SHA256SUMS", cwd=tmp_path)
    assert done.returncode == 0, done.stdout
    flip_one_byte(other, 0)
    done = tool("sha256sum", "-c", "SHA256SUMS", cwd=tmp_path)
    assert done.returncode == 1
    assert f"{other.name}: FAILED" in done.stdout


def test_version_is_the_projects_version() -> None:
    with (ROOT / "pyproject.toml").open("rb") as f:
        version = tomllib.load(f)["project"]["version"]
    assert reporter.__version__ == version
    done = subprocess.run(
        [sys.executable, "-m", "reporter.cli.main", "--version"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, f"testigo-cli {version}\n", "")
