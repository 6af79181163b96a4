"""Round trips through Testigo's age writer and reader, and the rules the writer enforces."""

from __future__ import annotations

import io
import os

import pytest

from reporter.age import (
    AgeReader,
    AgeWriter,
    HybridIdentity,
    HybridRecipient,
    ScryptIdentity,
    ScryptRecipient,
    X25519Identity,
    X25519Recipient,
    decrypt,
    encrypt,
    format_identity_file,
    hybrid,
    parse_header,
    parse_identity,
    parse_identity_file,
    parse_recipient,
)
from reporter.age.stream import CHUNK_SIZE
from reporter.errors import (
    FormatError,
    IntegrityError,
    InvalidInput,
    NoMatchingIdentity,
    Unavailable,
)

SIZES = [0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 3 * CHUNK_SIZE]


@pytest.fixture(scope="module")
def x25519() -> X25519Identity:
    return X25519Identity.generate()


@pytest.fixture(scope="module")
def pq() -> HybridIdentity:
    return HybridIdentity.generate()


def seal(recipients: list, plaintext: bytes, armor: bool = False) -> bytes:
    out = io.BytesIO()
    encrypt(recipients, io.BytesIO(plaintext), out, armor=armor)
    return out.getvalue()


def open_all(identities: list, sealed: bytes) -> bytes:
    return b"".join(decrypt(identities, io.BytesIO(sealed)))


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("kind", ["x25519", "hybrid", "scrypt", "x25519-armor", "hybrid-armor"])
def test_round_trip(kind: str, size: int, x25519: X25519Identity, pq: HybridIdentity) -> None:
    plaintext = os.urandom(size)
    if kind.startswith("x25519"):
        recipients, identities = [x25519.recipient()], [x25519]
    elif kind.startswith("hybrid"):
        recipients, identities = [pq.recipient()], [pq]
    else:
        recipients = [ScryptRecipient("correct horse", work_factor=10)]
        identities = [ScryptIdentity("correct horse")]
    armor = kind.endswith("armor")
    sealed = seal(recipients, plaintext, armor=armor)
    assert sealed.startswith(b"-----BEGIN AGE" if armor else b"age-encryption.org/v1\n")
    assert size < 16 or plaintext not in sealed
    assert open_all(identities, sealed) == plaintext


def test_chunks_are_bounded(x25519: X25519Identity) -> None:
    plaintext = os.urandom(5 * CHUNK_SIZE + 3)
    reader = AgeReader(io.BytesIO(seal([x25519.recipient()], plaintext)), [x25519])
    sizes = [len(c) for c in reader.chunks()]
    assert sizes == [CHUNK_SIZE] * 5 + [3]


def test_writer_context_manager_and_pieces(pq: HybridIdentity) -> None:
    out = io.BytesIO()
    with AgeWriter(out, [pq.recipient()]) as writer:
        for piece in (b"a" * 10, b"b" * CHUNK_SIZE, b"c" * 7):
            writer.write(piece)
    assert open_all([pq], out.getvalue()) == b"a" * 10 + b"b" * CHUNK_SIZE + b"c" * 7


def test_writer_left_by_an_exception_leaves_a_truncated_file(x25519: X25519Identity) -> None:
    out = io.BytesIO()

    def interrupted_write() -> None:
        with AgeWriter(out, [x25519.recipient()]) as writer:
            writer.write(os.urandom(2 * CHUNK_SIZE + 5))
            raise KeyError("interrupted")

    with pytest.raises(KeyError):
        interrupted_write()
    assert out.getvalue()  # the header and the full chunks were written
    with pytest.raises(IntegrityError):
        open_all([x25519], out.getvalue())


def test_writer_refuses_mixing_post_quantum_with_classical(
    x25519: X25519Identity, pq: HybridIdentity
) -> None:
    out = io.BytesIO()
    with pytest.raises(InvalidInput, match="post-quantum and classical"):
        AgeWriter(out, [pq.recipient(), x25519.recipient()])
    with pytest.raises(InvalidInput, match="post-quantum and classical"):
        encrypt([x25519.recipient(), pq.recipient()], io.BytesIO(b"x"), out)
    assert out.getvalue() == b""


def test_writer_refuses_scrypt_with_others_and_no_recipients(x25519: X25519Identity) -> None:
    with pytest.raises(InvalidInput):
        AgeWriter(io.BytesIO(), [ScryptRecipient("pw", work_factor=10), x25519.recipient()])
    with pytest.raises(InvalidInput):
        AgeWriter(io.BytesIO(), [])


def test_several_recipients_of_one_type_each_open(pq: HybridIdentity) -> None:
    others = [HybridIdentity.generate() for _ in range(3)]
    sealed = seal([pq.recipient()] + [o.recipient() for o in others], b"for the coalition")
    assert [s.type for s in parse_header(io.BytesIO(sealed)).stanzas] == ["mlkem768x25519"] * 4
    for identity in [pq, *others]:
        assert open_all([identity], sealed) == b"for the coalition"


def test_wrong_key_is_no_match(x25519: X25519Identity, pq: HybridIdentity) -> None:
    with pytest.raises(NoMatchingIdentity):
        open_all([X25519Identity.generate()], seal([x25519.recipient()], b"secret"))
    with pytest.raises(NoMatchingIdentity):
        open_all([HybridIdentity.generate(), x25519], seal([pq.recipient()], b"secret"))
    with pytest.raises(NoMatchingIdentity):
        open_all([ScryptIdentity("wrong")], seal([ScryptRecipient("right", 10)], b"secret"))


def test_tampered_mac_is_an_integrity_error(x25519: X25519Identity) -> None:
    sealed = bytearray(seal([x25519.recipient()], b"secret"))
    mac_at = sealed.index(b"\n--- ") + 5
    sealed[mac_at] = ord("A") if sealed[mac_at] != ord("A") else ord("B")
    with pytest.raises(IntegrityError, match="header MAC"):
        AgeReader(io.BytesIO(bytes(sealed)), [x25519])


def test_tampered_payload_is_an_integrity_error(x25519: X25519Identity) -> None:
    sealed = bytearray(seal([x25519.recipient()], os.urandom(100)))
    sealed[-5] ^= 1
    with pytest.raises(IntegrityError):
        open_all([x25519], bytes(sealed))


def test_scrypt_work_factor_above_the_limit_is_refused() -> None:
    sealed = seal([ScryptRecipient("pw", work_factor=12)], b"x")
    with pytest.raises(FormatError, match="work factor"):
        AgeReader(io.BytesIO(sealed), [ScryptIdentity("pw", max_work_factor=11)])


def test_key_strings_round_trip(x25519: X25519Identity, pq: HybridIdentity) -> None:
    for identity in (x25519, pq):
        text = identity.to_string()
        again = parse_identity(text)
        assert type(again) is type(identity)
        assert again.to_string() == text
        recipient = identity.recipient().to_string()
        assert parse_recipient(recipient) == identity.recipient()
    assert x25519.to_string().startswith("AGE-SECRET-KEY-1")
    assert pq.to_string().startswith("AGE-SECRET-KEY-PQ-1")
    assert x25519.recipient().to_string().startswith("age1")
    assert pq.recipient().to_string().startswith("age1pq1")
    assert isinstance(parse_recipient(pq.recipient().to_string()), HybridRecipient)
    assert isinstance(parse_recipient(x25519.recipient().to_string()), X25519Recipient)


def test_hybrid_recipient_matches_the_conformance_identity() -> None:
    """The seed expansion: the vectors' identity opens the vector, and its recipient too."""
    seed = "AGE-SECRET-KEY-PQ-1HZLGZUPT4ETPKDEV8HSGFDCYZ4E522W0A7PU2LHT8EH9W6YLNC3SW78XKG"
    identity = HybridIdentity.from_string(seed)
    assert open_all([identity], seal([identity.recipient()], b"known")) == b"known"
    assert len(identity.recipient().to_string()) == 1959


@pytest.mark.parametrize(
    "text",
    [
        "",
        "age1",
        "AGE-SECRET-KEY-1",
        "Age-Secret-Key-1QQQQ",
        "not a key",
    ],
)
def test_bad_key_strings_are_format_errors(text: str) -> None:
    with pytest.raises(FormatError):
        parse_identity(text)
    with pytest.raises(FormatError):
        parse_recipient(text)


def test_bad_checksum_is_a_format_error(x25519: X25519Identity) -> None:
    text = x25519.recipient().to_string()
    typo = text[:-1] + ("q" if text[-1] != "q" else "p")
    with pytest.raises(FormatError, match="checksum"):
        parse_recipient(typo)


def test_identity_case_is_strict(x25519: X25519Identity) -> None:
    with pytest.raises(FormatError):
        parse_identity(x25519.to_string().lower())
    with pytest.raises(FormatError):
        parse_recipient(x25519.recipient().to_string().upper())


def test_identity_file_round_trip(x25519: X25519Identity, pq: HybridIdentity) -> None:
    text = format_identity_file([x25519, pq])
    assert f"# public key: {x25519.recipient().to_string()}" in text
    parsed = parse_identity_file(text)
    assert [i.to_string() for i in parsed] == [x25519.to_string(), pq.to_string()]
    with pytest.raises(FormatError):
        parse_identity_file("# only a comment\n")


def test_hybrid_fails_closed_without_ml_kem(
    monkeypatch: pytest.MonkeyPatch, pq: HybridIdentity
) -> None:
    # Simulates a cryptography/OpenSSL build without ML-KEM: the probe answers False.
    monkeypatch.setattr(hybrid, "ml_kem_available", lambda: False)
    with pytest.raises(Unavailable):
        HybridIdentity.generate()
    with pytest.raises(Unavailable):
        parse_recipient(pq.recipient().to_string())
