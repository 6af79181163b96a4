"""Coalition profile (signature, TOFU, fingerprint, QR), image metadata, fuzzing of parsers."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from reporter.errors import IntegrityError, TestigoError, Unavailable, UntrustedKey
from reporter.share.bundle import read_bundle
from reporter.share.cleaning.image import strip_metadata
from reporter.share.coalition import PROFILE_FILE, QR_FILE, create_coalition
from reporter.share.profile import current_profile, import_profile, parse_profile
from reporter.vault.vault import Vault
from tests.share.conftest import KEYS_PASSPHRASE, PASSPHRASE, World


@pytest.fixture
def profile_bytes(tmp_path: Path) -> bytes:
    create_coalition(
        tmp_path / "c",
        "Red TDT",
        ["https://relay.example.org", "http://abcdefghij234567.onion"],
        KEYS_PASSPHRASE,
        "x25519",
        tls_pin="sha256/" + "A" * 43 + "=",
    )
    return (tmp_path / "c" / PROFILE_FILE).read_bytes()


def test_profile_verifies_and_has_a_readable_fingerprint(
    profile_bytes: bytes, tmp_path: Path
) -> None:
    profile = parse_profile(profile_bytes)
    assert profile.name == "Red TDT"
    assert profile.relays[1].endswith(".onion")
    groups = profile.fingerprint.split()
    assert len(groups) == 6
    assert all(len(g) == 5 and g.isdigit() for g in groups)
    svg = (tmp_path / "c" / QR_FILE).read_text()
    assert svg.lstrip().startswith("<?xml") or "<svg" in svg


def test_any_change_breaks_the_signature(profile_bytes: bytes) -> None:
    document = json.loads(profile_bytes)
    document["profile"]["relays"] = ["https://evil.example.com"]
    with pytest.raises(IntegrityError):
        parse_profile(json.dumps(document).encode())


def test_trust_on_first_use_refuses_another_key_unless_replaced(
    profile_bytes: bytes, tmp_path: Path
) -> None:
    create_coalition(
        tmp_path / "other", "Red TDT", ["https://relay.example.org"], KEYS_PASSPHRASE, "x25519"
    )
    other = (tmp_path / "other" / PROFILE_FILE).read_bytes()
    vault = Vault.create(tmp_path / "v", PASSPHRASE)
    try:
        first = import_profile(vault, profile_bytes)
        with pytest.raises(UntrustedKey):
            import_profile(vault, other)
        assert current_profile(vault) == first
        replaced = import_profile(vault, other, replace=True)
        assert current_profile(vault) == replaced
    finally:
        vault.close()


def test_http_relays_only_for_onion_or_loopback(tmp_path: Path) -> None:
    with pytest.raises(TestigoError):
        create_coalition(
            tmp_path / "c", "X", ["http://relay.example.org"], KEYS_PASSPHRASE, "x25519"
        )


@given(st.binary(max_size=2000))
@settings(max_examples=200, deadline=None)
def test_profile_parser_never_crashes_on_bytes(data: bytes) -> None:
    try:
        parse_profile(data)
    except TestigoError:
        return


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=8), c, max_size=4),
        max_leaves=20,
    )
)
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_profile_parser_never_crashes_on_json(value: object) -> None:
    document = {
        "format": "testigo-coalition-profile",
        "version": 1,
        "profile": value,
        "signature": "AAAA",
    }
    try:
        parse_profile(json.dumps(document).encode())
    except TestigoError:
        return


@given(st.binary(max_size=3000))
@settings(max_examples=200, deadline=None)
def test_bundle_reader_never_crashes(data: bytes) -> None:
    from reporter.age import X25519Identity

    try:
        read_bundle(
            io.BytesIO(b"age-encryption.org/v1\n" + data),
            [X25519Identity.generate()],
            lambda entry: io.BytesIO(),
        )
    except TestigoError:
        return


def test_bundle_reader_fuzzed_payloads_inside_valid_age(x_world: World) -> None:
    """Random plaintexts properly encrypted to the coalition: a typed error every time."""
    import random

    from tests.share.test_bundles import _reseal

    rng = random.Random(7)
    from reporter.share.bundle import MAGIC

    for _ in range(60):
        body = (
            MAGIC + rng.randbytes(rng.randint(0, 300))
            if rng.random() < 0.7
            else rng.randbytes(rng.randint(0, 300))
        )
        with pytest.raises(TestigoError):
            x_world.import_bytes(_reseal(x_world, body))
    assert x_world.coordinator.query("SELECT count(*) FROM inbox_bundles")[0][0] == 0


def _exif() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "CANARYMAKE"
    exif[0x8825] = {1: "N", 2: (19.0, 25.0, 0.0), 3: "W", 4: (99.0, 8.0, 0.0)}
    return exif.tobytes()


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_image_metadata_goes_pixels_stay(fmt: str) -> None:
    image = Image.effect_noise((48, 32), 40).convert("RGB")
    buffer = io.BytesIO()
    extra = {"exif": _exif()}
    if fmt == "PNG":
        info = PngInfo()
        info.add_text("Comment", "CANARYTEXT")
        extra["pnginfo"] = info
    if fmt == "WEBP":
        extra["xmp"] = b"<x:xmpmeta>CANARYXMP</x:xmpmeta>"
    if fmt == "JPEG":
        extra["comment"] = b"CANARYCOMMENT"
    image.save(buffer, fmt, **extra)
    original = buffer.getvalue()
    assert b"CANARY" in original
    cleaned = strip_metadata(original, f"image/{fmt.lower()}")
    assert b"CANARY" not in cleaned
    opened = Image.open(io.BytesIO(cleaned))
    assert not opened.getexif()
    assert opened.tobytes() == Image.open(io.BytesIO(original)).tobytes()  # same pixels


def test_images_we_cannot_clean_are_refused() -> None:
    with pytest.raises(Unavailable):
        strip_metadata(b"GIF89a....", "image/gif")
    with pytest.raises(TestigoError):
        strip_metadata(b"\xff\xd8\xff\xe1\x00", "image/jpeg")
