"""The age payload: key derivation from the file key; the STREAM reader is shared."""

from __future__ import annotations

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from reporter.age.stream import decrypt_chunks

NONCE_SIZE = 16


def payload_key(file_key: bytes, nonce: bytes) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=nonce, info=b"payload")
    return hkdf.derive(file_key)


# The age payload is STREAM under the payload key; one reader serves bundles and vault blobs.
open_payload = decrypt_chunks
