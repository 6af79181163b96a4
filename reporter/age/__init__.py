"""The age v1 file format (c2sp.org/age) that Testigo's bundles use.

Recipients: ``mlkem768x25519`` (post-quantum hybrid, the default for coalitions), ``X25519``
(classical, for coalitions whose tools read only classical age) and ``scrypt`` (passphrase,
for keeping secret keys). Streaming in both directions, strict parsing, typed errors.
"""

from reporter.age.armor import ArmorReader, ArmorWriter
from reporter.age.header import Header, Stanza, parse_header
from reporter.age.hybrid import HybridIdentity, HybridRecipient, ml_kem_available
from reporter.age.keys import (
    Identity,
    Recipient,
    format_identity_file,
    parse_identity,
    parse_identity_file,
    parse_recipient,
)
from reporter.age.passphrase import ScryptIdentity, ScryptRecipient
from reporter.age.reader import AgeReader, decrypt, unwrap_file_key
from reporter.age.writer import AgeWriter, check_recipients, encrypt
from reporter.age.x25519 import X25519Identity, X25519Recipient

__all__ = [
    "AgeReader",
    "AgeWriter",
    "ArmorReader",
    "ArmorWriter",
    "Header",
    "HybridIdentity",
    "HybridRecipient",
    "Identity",
    "Recipient",
    "ScryptIdentity",
    "ScryptRecipient",
    "Stanza",
    "X25519Identity",
    "X25519Recipient",
    "check_recipients",
    "decrypt",
    "encrypt",
    "format_identity_file",
    "ml_kem_available",
    "parse_header",
    "parse_identity",
    "parse_identity_file",
    "parse_recipient",
    "unwrap_file_key",
]
