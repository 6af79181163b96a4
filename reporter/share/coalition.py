"""Making a coalition: its age identity, its signing key and its signed profile.

The secret keys are written only encrypted: an age file sealed with a passphrase (scrypt),
which `init --role coordinator --coalition-dir` then moves into a coordinator's vault.
"""

from __future__ import annotations

import base64
import io
import json
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from reporter.age import (
    AgeReader,
    HybridIdentity,
    ScryptIdentity,
    ScryptRecipient,
    X25519Identity,
    encrypt,
    format_identity_file,
    parse_identity,
)
from reporter.errors import Conflict, FormatError, InvalidField, NotFound, TestigoError
from reporter.fsutil import atomic_write, ensure_private_dir
from reporter.incidents.vocab import vocabulary
from reporter.share.fingerprint import qr_svg
from reporter.share.policy import Policy
from reporter.share.profile import CoalitionProfile, build_body, parse_profile, sign_profile
from reporter.vault import passphrase as passphrase_policy

PROFILE_FILE = "coalition.testigo-profile"
KEYS_FILE = "coalition-keys.age"
QR_FILE = "fingerprint.svg"
KEYS_FORMAT = "testigo-coalition-keys"


def _work_factor() -> int:
    # Tests choose cheap parameters in code (never the environment); people get age's cost.
    from reporter.vault import keyfile

    return 10 if keyfile.FAST_KDF_FOR_TESTS else 18


@dataclass(frozen=True)
class CoalitionKeys:
    identity: HybridIdentity | X25519Identity
    signing_key: Ed25519PrivateKey
    profile: CoalitionProfile


def create_coalition(
    out: Path,
    name: str,
    relays: list[str],
    keys_passphrase: str,
    recipient_type: str = "hybrid",
    tls_pin: str | None = None,
    policy: Policy | None = None,
) -> CoalitionProfile:
    """Write the profile, the encrypted keys and a QR of the fingerprint into ``out``."""
    passphrase_policy.check(keys_passphrase)
    if recipient_type not in ("hybrid", "x25519"):
        raise InvalidField(field="recipients", reason="hybrid or x25519")
    ensure_private_dir(out)
    if (out / PROFILE_FILE).exists() or (out / KEYS_FILE).exists():
        raise Conflict(reason="that directory already holds a coalition; nothing was replaced")
    identity = (
        HybridIdentity.generate() if recipient_type == "hybrid" else X25519Identity.generate()
    )
    signing_key = Ed25519PrivateKey.generate()
    profile = build_body(
        name,
        recipient_type,
        [identity.recipient().to_string()],
        relays,
        tls_pin,
        vocabulary().version,
        policy or Policy(),
        signing_key.public_key().public_bytes_raw(),
    )
    keys = json.dumps(
        {
            "format": KEYS_FORMAT,
            "version": 1,
            "identity": identity.to_string(),
            "signing_key": base64.b64encode(signing_key.private_bytes_raw()).decode(),
        }
    ).encode()
    sealed = io.BytesIO()
    encrypt(
        [ScryptRecipient(keys_passphrase, _work_factor())], io.BytesIO(keys), sealed, armor=True
    )
    atomic_write(out / KEYS_FILE, sealed.getvalue())
    signed = sign_profile(profile, signing_key)
    atomic_write(out / PROFILE_FILE, signed)
    parsed = parse_profile(signed)
    atomic_write(out / QR_FILE, qr_svg(parsed.fingerprint).encode())
    return parsed


def load_coalition_keys(directory: Path, keys_passphrase: str) -> CoalitionKeys:
    """Open DIR/coalition-keys.age with the passphrase; check it matches DIR's profile."""
    try:
        profile = parse_profile((directory / PROFILE_FILE).read_bytes())
        sealed = (directory / KEYS_FILE).read_bytes()
    except FileNotFoundError:
        raise NotFound(what=f"{PROFILE_FILE} and {KEYS_FILE} in the coalition directory") from None
    except OSError:
        raise NotFound(what="the coalition directory") from None
    try:
        reader = AgeReader(io.BytesIO(sealed), [ScryptIdentity(keys_passphrase)])
        document = json.loads(reader.read_all(64 * 1024).decode("utf-8"))
        if document.get("format") != KEYS_FORMAT:
            raise FormatError(what="coalition keys", reason="not a Testigo coalition key file")
        identity = parse_identity(document["identity"])
        signing_key = Ed25519PrivateKey.from_private_bytes(
            base64.b64decode(document["signing_key"])
        )
    except TestigoError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError):
        raise FormatError(what="coalition keys", reason="unreadable") from None
    return check_keys(identity, signing_key, profile)


def check_keys(
    identity: HybridIdentity | X25519Identity,
    signing_key: Ed25519PrivateKey,
    profile: CoalitionProfile,
) -> CoalitionKeys:
    if (
        signing_key.public_key().public_bytes_raw() != profile.signing_public_key
        or identity.recipient().to_string() not in profile.recipients
    ):
        raise FormatError(what="coalition keys", reason="they do not belong to this profile")
    return CoalitionKeys(identity, signing_key, profile)


def export_identity(keys: CoalitionKeys, kind: str, out: Path) -> None:
    """A standard age identity file (for `age -d -i`, interop checks and recovery)."""
    wanted = HybridIdentity if kind == "hybrid" else X25519Identity
    if not isinstance(keys.identity, wanted):
        raise InvalidField(
            field="type", reason=f"this coalition uses {keys.profile.recipient_type} recipients"
        )
    if out.exists():
        raise Conflict(reason="the output file exists; nothing was replaced")
    atomic_write(out, format_identity_file([keys.identity]).encode())
