"""A self-signed TLS key and certificate for a relay, and the pin that goes in the profile."""

from __future__ import annotations

import datetime
import ipaddress
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from reporter.crypto.pin import spki_pin
from reporter.errors import Conflict
from reporter.fsutil import atomic_write, ensure_private_dir


def make_certificate(out: Path, hosts: list[str], days: int = 3650) -> str:
    """Write ``relay.key`` and ``relay.crt`` into ``out``; return the SPKI pin."""
    ensure_private_dir(out)
    if (out / "relay.key").exists():
        raise Conflict(reason="relay.key exists there; nothing was replaced")
    key = ec.generate_private_key(ec.SECP256R1())
    names: list[x509.GeneralName] = []
    for host in hosts:
        try:
            names.append(x509.IPAddress(ipaddress.ip_address(host)))
        except ValueError:
            names.append(x509.DNSName(host))
    now = datetime.datetime.now(datetime.UTC)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, hosts[0])])
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=days))
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .sign(key, hashes.SHA256())
    )
    atomic_write(
        out / "relay.key",
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
    )
    atomic_write(out / "relay.crt", cert.public_bytes(serialization.Encoding.PEM))
    return spki_pin(cert.public_bytes(serialization.Encoding.DER))
