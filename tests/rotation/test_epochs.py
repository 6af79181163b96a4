"""Coalition key epochs without a relay: profile v2, rotate, grace, profile updates, v1 files."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from reporter.age import X25519Identity
from reporter.coordination.epoch_keys import (
    accept_epoch_keys,
    epoch_keys_object,
    verify_epoch_keys,
)
from reporter.errors import EpochExpired, FormatError, NoMatchingIdentity, UntrustedKey
from reporter.inbox.epochs import epoch_identities
from reporter.inbox.evidence import original_chunks
from reporter.inbox.inbox import coalition_identity
from reporter.inbox.rejections import rejections
from reporter.share.bundle import read_bundle
from reporter.share.coalition import (
    KEYS_FILE,
    PROFILE_FILE,
    create_coalition,
    load_coalition_keys,
    rotate_coalition,
)
from reporter.share.profile import (
    canonical,
    current_profile,
    import_profile,
    parse_profile,
    sign_profile,
)
from reporter.share.profile_update import notice_text, notices, take_profile_update
from reporter.vault.blob_store import BlobSink
from reporter.vault.vault import Vault
from tests.rotation.conftest import KEYS, PASSPHRASE, V1_COALITION, Coalition, stanzas


def _reopen(vault: Vault, bundle_id: str) -> dict[str, object]:
    """Open the kept original with the identities the vault keeps (no grace applies)."""
    from reporter.vault.blob_store import BlobStore

    original = io.BytesIO(b"".join(original_chunks(vault, bundle_id)))
    sinks: list[BlobSink] = []

    def sink(_entry: dict[str, object]) -> BlobSink:
        sinks.append(BlobStore(vault).sink())
        return sinks[-1]

    try:
        return read_bundle(original, [e.identity for e in epoch_identities(vault)], sink).manifest
    finally:
        for s in sinks:
            s.abort()


def test_v1_profile_and_keys_still_load(tmp_path: Path) -> None:
    data = (V1_COALITION / PROFILE_FILE).read_bytes()
    assert json.loads(data)["version"] == 1
    profile = parse_profile(data)
    assert (profile.version, profile.epoch, profile.previous_epochs) == (1, 1, ())
    # Its id is the hash of the body as signed, unchanged, so old bundles still name it.
    assert profile.profile_id == "1a25b0a05d60714129ca70fa69578879167fca74e989e43430485539b1453e57"
    vault = Vault.create(tmp_path / "r", PASSPHRASE)
    assert import_profile(vault, data).profile_id == profile.profile_id
    keys = load_coalition_keys(V1_COALITION, KEYS)
    assert keys.profile.epoch == 1
    assert set(keys.all_epochs()) == {1}
    vault.close()


def test_new_profiles_are_version_2_epoch_1(tmp_path: Path) -> None:
    profile = create_coalition(tmp_path / "c", "Red", ["http://127.0.0.1:9"], KEYS, "x25519")
    document = json.loads((tmp_path / "c" / PROFILE_FILE).read_bytes())
    assert document["version"] == 2
    assert document["profile"]["epoch"] == 1
    assert document["profile"]["previous_epochs"] == []
    assert profile.epoch == 1


def _resign(data: bytes, change: dict[str, object], version: int | None = None) -> bytes:
    """The same profile with fields changed, signed by the v1 fixture's real key."""
    keys = load_coalition_keys(V1_COALITION, KEYS)
    document = json.loads(data)
    body = {**document["profile"], **change}
    signature = keys.signing_key.sign(b"testigo coalition profile v1\x00" + canonical(body))
    import base64

    document.update(profile=body, signature=base64.b64encode(signature).decode())
    if version is not None:
        document["version"] = version
    return json.dumps(document).encode()


@pytest.mark.parametrize(
    ("change", "version"),
    [
        ({"epoch": 2, "previous_epochs": []}, 1),  # epoch fields in a v1 file
        ({"epoch": 0, "previous_epochs": []}, 2),
        ({"epoch": True, "previous_epochs": []}, 2),
        ({"epoch": 2, "previous_epochs": [{"epoch": 2, "accepted_until": "x"}]}, 2),
        ({"epoch": 3, "previous_epochs": [{"epoch": 1, "accepted_until": "2027-01-01"}]}, 2),
        ({"epoch": 3, "previous_epochs": [{"epoch": 1}]}, 2),
        ({"epoch": 2, "previous_epochs": "1"}, 2),
        ({}, 2),  # a v2 file without its epoch
    ],
)
def test_malformed_epochs_are_refused(change: dict[str, object], version: int) -> None:
    data = _resign((V1_COALITION / PROFILE_FILE).read_bytes(), change, version)
    with pytest.raises(FormatError):
        parse_profile(data)


_KEY = "A" * 43 + "="  # 32 bytes of base64, not the fixture's root key


@pytest.mark.parametrize(
    ("entry", "version"),
    [
        ({"epoch": 1, "accepted_until": "2099-01-01T00:00:00Z", "service_key": _KEY}, 2),
        ({"epoch": 1, "accepted_until": "2099-01-01T00:00:00Z", "service_key": "AAAA"}, 3),
        ({"epoch": 1, "accepted_until": "2099-01-01T00:00:00Z", "service_key": 7}, 3),
        ({"epoch": 1, "accepted_until": "2099-01-01T00:00:00Z", "other": _KEY}, 3),
    ],
)
def test_previous_service_keys_only_in_version_3_and_well_formed(
    entry: dict[str, object], version: int
) -> None:
    data = _resign(
        (V1_COALITION / PROFILE_FILE).read_bytes(),
        {"epoch": 2, "previous_epochs": [entry]},
        version,
    )
    with pytest.raises(FormatError):
        parse_profile(data)


def test_a_version_3_profile_names_the_previous_epochs_service_keys(tmp_path: Path) -> None:
    """The smallest change: only previous_epochs entries grow a service_key."""
    directory = tmp_path / "c"
    first = create_coalition(directory, "Red", ["http://127.0.0.1:9"], KEYS, "x25519")
    second = rotate_coalition(directory, KEYS, grace_days=10)
    document = json.loads(second.profile.raw)
    assert document["version"] == 3
    assert document["profile"]["previous_epochs"] == [
        {
            "epoch": 1,
            "accepted_until": second.profile.previous_epochs[0][1],
            "service_key": document["profile"]["previous_epochs"][0]["service_key"],
        }
    ]
    assert second.profile.previous_service_keys == ((1, first.service_key),)
    assert parse_profile(second.profile.raw) == second.profile
    # An epoch whose grace is over leaves the next profile, its key with it.
    third = rotate_coalition(directory, KEYS, grace_days=0)
    fourth = rotate_coalition(directory, KEYS, grace_days=10)
    assert [e for e, _ in third.profile.previous_epochs] == [2, 1]
    assert [e for e, _ in fourth.profile.previous_epochs] == [3, 1]
    assert [e for e, _ in fourth.profile.previous_service_keys] == [3, 1]
    assert third.profile.receipt_keys("2000-01-01T00:00:00Z")[1:] == [
        k for _, k in third.profile.previous_service_keys
    ]
    assert third.profile.receipt_keys("2999-01-01T00:00:00Z") == [third.profile.service_key]


def test_rotate_keeps_every_epoch_and_signs_a_new_profile(tmp_path: Path) -> None:
    import shutil

    directory = tmp_path / "c"
    shutil.copytree(V1_COALITION, directory)
    before = load_coalition_keys(directory, KEYS)
    rotated = rotate_coalition(directory, KEYS, grace_days=10)
    assert rotated.profile.epoch == 2
    assert rotated.profile.version == 2
    (epoch, until), *rest = rotated.profile.previous_epochs
    assert epoch == 1
    assert not rest
    assert until.endswith(":00:00Z")
    assert rotated.profile.signing_public_key == before.profile.signing_public_key
    new, old = rotated.identity.recipient().to_string(), before.identity.recipient().to_string()
    assert rotated.profile.recipients == (new,)
    assert new != old
    assert isinstance(rotated.identity, X25519Identity)  # the same type as before
    # What is on disk now is what a later load finds: both epochs, the new one current.
    loaded = load_coalition_keys(directory, KEYS)
    assert loaded.profile.profile_id == rotated.profile.profile_id
    assert {e: i.to_string() for e, i in loaded.all_epochs().items()} == {
        1: before.identity.to_string(),
        2: rotated.identity.to_string(),
    }
    again = rotate_coalition(directory, KEYS, grace_days=0)
    assert again.profile.epoch == 3
    assert set(again.all_epochs()) == {1, 2, 3}
    assert [e for e, _ in again.profile.previous_epochs] == [2, 1]


def test_rotation_cut_short_leaves_the_old_profile_usable(tmp_path: Path) -> None:
    import shutil

    directory = tmp_path / "c"
    shutil.copytree(V1_COALITION, directory)
    old_profile = (directory / PROFILE_FILE).read_bytes()
    rotate_coalition(directory, KEYS)
    (directory / PROFILE_FILE).write_bytes(old_profile)  # the keys were written, not the profile
    keys = load_coalition_keys(directory, KEYS)
    assert keys.profile.epoch == 1
    assert set(keys.all_epochs()) == {1}
    assert rotate_coalition(directory, KEYS).profile.epoch == 2


def test_grace_days_are_bounded(tmp_path: Path) -> None:
    from reporter.errors import InvalidField

    with pytest.raises(InvalidField):
        rotate_coalition(V1_COALITION, KEYS, grace_days=-1)
    with pytest.raises(InvalidField):
        rotate_coalition(V1_COALITION, KEYS, grace_days=366)


def _rotate_and_deliver(c: Coalition, grace_days: int) -> None:
    """The admin rotates; the coordinator takes the epoch keys; the device the new profile."""
    keys = rotate_coalition(c.directory, KEYS, grace_days=grace_days)
    accept_epoch_keys(c.coordinator, epoch_keys_object(keys))
    assert take_profile_update(c.reporter, keys.profile.raw) is not None


def test_device_seals_to_the_new_epoch_and_old_bundles_open_in_grace(
    coalition: Coalition,
) -> None:
    c = coalition
    old_recipient = current_profile(c.reporter).recipients[0]  # type: ignore[union-attr]
    before = c.share("antes")
    _rotate_and_deliver(c, grace_days=30)
    after = c.share("después")
    new_profile = current_profile(c.reporter)
    assert new_profile is not None
    assert new_profile.epoch == 2
    # The new bundle has one X25519 stanza, for the new epoch only: the old key cannot open it.
    (stanza,) = stanzas(c.sealed(after))
    assert stanza.type == "X25519"
    old_identity = load_coalition_keys(c.directory, KEYS).epochs[1]
    assert old_identity.recipient().to_string() == old_recipient
    assert old_identity.unwrap(stanza) is None
    assert coalition_identity(c.coordinator).unwrap(stanza) is not None
    # The coordinator opens both: the old one within its grace period.
    assert c.import_into(c.coordinator, before).status == "imported"  # type: ignore[attr-defined]
    assert c.import_into(c.coordinator, after).status == "imported"  # type: ignore[attr-defined]
    assert {e.epoch for e in epoch_identities(c.coordinator)} == {1, 2}


def test_old_epoch_bundle_refused_after_grace_and_originals_still_reopen(
    coalition: Coalition,
) -> None:
    c = coalition
    kept = c.share("recibido antes")
    assert c.import_into(c.coordinator, kept).status == "imported"  # type: ignore[attr-defined]
    late = c.share("llega tarde")  # sealed to epoch 1, arrives after its grace ended
    _rotate_and_deliver(c, grace_days=0)
    with pytest.raises(EpochExpired) as refused:
        c.import_into(c.coordinator, late)
    assert refused.value.params["epoch"] == 1
    assert "época 1" in refused.value.message("es")
    (rejection,) = rejections(c.coordinator)
    assert rejection["error"] == "epoch_expired"
    assert "grace" not in rejection["message"]
    assert "epoch 1" in rejection["message"]
    assert c.coordinator.query("SELECT count(*) FROM inbox_bundles")[0][0] == 1
    # The bundle received in time re-opens from its original with the kept epoch 1 identity.
    assert _reopen(c.coordinator, kept)["bundle_id"] == kept
    # New bundles go to epoch 2 and are accepted.
    assert c.import_into(c.coordinator, c.share("nuevo")).status == "imported"  # type: ignore[attr-defined]


def test_a_late_older_object_does_not_reopen_a_closed_epoch(coalition: Coalition) -> None:
    c = coalition
    first = rotate_coalition(c.directory, KEYS, grace_days=0)
    second = rotate_coalition(c.directory, KEYS, grace_days=30)
    accept_epoch_keys(c.coordinator, epoch_keys_object(second))
    accept_epoch_keys(c.coordinator, epoch_keys_object(first))  # arrives late
    assert current_profile(c.coordinator).epoch == 3  # type: ignore[union-attr]
    grace = {e.epoch: e.accepted_until for e in epoch_identities(c.coordinator)}
    assert grace[3] is None
    assert dict(second.profile.previous_epochs) == {2: grace[2]}
    # Epoch 1's grace had ended when epoch 3 was made: the profile drops it and it stays closed.
    assert grace[1] is not None
    assert grace[1] <= first.profile.created_at


def test_epoch_keys_travel_sealed_only_to_the_chosen_coordinators(
    coalition: Coalition, tmp_path: Path
) -> None:
    from reporter.age import X25519Recipient
    from reporter.coordination.exchange import open_object
    from reporter.coordination.identity import my_identity
    from reporter.coordination.rotation import import_file, seal_for
    from reporter.inbox.inbox import install_coalition_keys

    c = coalition
    other = Vault.create(tmp_path / "otra", PASSPHRASE, role="coordinator")
    install_coalition_keys(other, load_coalition_keys(c.directory, KEYS))
    keys = rotate_coalition(c.directory, KEYS)
    chosen = X25519Recipient.from_string(my_identity(c.coordinator).recipient)
    sealed = seal_for(epoch_keys_object(keys), [chosen])
    assert len(sealed) >= 64 * 1024  # padded like bundles
    obj = open_object(c.coordinator, sealed)
    assert verify_epoch_keys(obj, keys.profile.signing_public_key)[0].epoch == 2
    assert import_file(c.coordinator, sealed).epoch == 2
    with pytest.raises(NoMatchingIdentity):
        import_file(other, sealed)
    assert {e.epoch for e in epoch_identities(other)} == {1}
    other.close()


def test_epoch_keys_from_another_coalition_or_altered_are_refused(
    coalition: Coalition, tmp_path: Path
) -> None:
    c = coalition
    create_coalition(tmp_path / "other", "Otra", ["http://127.0.0.1:9"], KEYS, "x25519")
    other = rotate_coalition(tmp_path / "other", KEYS)
    with pytest.raises(UntrustedKey):
        accept_epoch_keys(c.coordinator, epoch_keys_object(other))
    obj = epoch_keys_object(rotate_coalition(c.directory, KEYS))
    obj["epoch"] = 7
    from reporter.errors import IntegrityError

    with pytest.raises(IntegrityError):
        accept_epoch_keys(c.coordinator, obj)
    assert {e.epoch for e in epoch_identities(c.coordinator)} == {1}
    assert current_profile(c.coordinator).epoch == 1  # type: ignore[union-attr]


def test_device_takes_only_a_newer_profile_signed_by_its_coalition(
    coalition: Coalition, tmp_path: Path
) -> None:
    c = coalition
    original = current_profile(c.reporter)
    assert original is not None
    # Another key's profile (even a newer epoch) is refused and the person is told.
    create_coalition(tmp_path / "other", "Red TDT", ["http://127.0.0.1:9"], KEYS, "x25519")
    forged = rotate_coalition(tmp_path / "other", KEYS)
    assert take_profile_update(c.reporter, forged.profile.raw) is None
    assert take_profile_update(c.reporter, b"{not json") is None
    assert current_profile(c.reporter).profile_id == original.profile_id  # type: ignore[union-attr]
    told = notices(c.reporter)
    assert [(n["kind"], n["code"]) for n in told] == [
        ("refused", "format"),
        ("refused", "untrusted_key"),
    ]
    assert take_profile_update(c.reporter, forged.profile.raw) is None
    assert len(notices(c.reporter)) == 2  # said once until seen, not at every pass
    # The same profile again, or an older one, changes nothing.
    assert take_profile_update(c.reporter, original.raw) is None
    rotated = rotate_coalition(c.directory, KEYS)
    updated = take_profile_update(c.reporter, rotated.profile.raw)
    assert updated is not None
    assert updated.epoch == 2
    assert take_profile_update(c.reporter, original.raw) is None
    assert current_profile(c.reporter).epoch == 2  # type: ignore[union-attr]
    notice = notices(c.reporter)[0]
    assert notice["kind"] == "key_changed"
    assert notice["epoch"] == 2
    assert notice_text(notice, "en") == "The coalition changed its key (epoch 2)."
    assert notice_text(notice, "es") == "La coalición cambió su clave (época 2)."


def test_a_vault_from_before_epochs_opens_its_bundles_as_epoch_1(tmp_path: Path) -> None:
    """The migration moves the one identity an existing coordinator vault held to epoch 1."""
    from tests.rotation.conftest import make_coalition

    c = make_coalition(tmp_path, [], v1=True)
    c.coordinator.conn.execute("DELETE FROM coalition_epochs")  # as before the migration
    bundle = c.share()
    assert c.import_into(c.coordinator, bundle).status == "imported"  # type: ignore[attr-defined]
    with c.coordinator.transaction() as conn:
        conn.execute("DELETE FROM coalition_epochs")
        sql = Path(__file__).parents[2] / "reporter/vault/schema/0008_coalition_epochs.sql"
        statement = sql.read_text().split("INSERT INTO coalition_epochs", 1)[1].split(";")[0]
        conn.execute("INSERT INTO coalition_epochs" + statement)
    assert [e.epoch for e in epoch_identities(c.coordinator)] == [1]
    assert _reopen(c.coordinator, bundle)["bundle_id"] == bundle
    c.reporter.close()
    c.coordinator.close()


def test_keys_file_unchanged_when_the_passphrase_is_wrong(tmp_path: Path) -> None:
    import shutil

    from reporter.errors import TestigoError

    directory = tmp_path / "c"
    shutil.copytree(V1_COALITION, directory)
    before = (directory / KEYS_FILE).read_bytes(), (directory / PROFILE_FILE).read_bytes()
    with pytest.raises(TestigoError):
        rotate_coalition(directory, "not the passphrase at all 99")
    assert ((directory / KEYS_FILE).read_bytes(), (directory / PROFILE_FILE).read_bytes()) == before
    _ = sign_profile  # the profile writer is the one create and rotate use


def test_a_hybrid_coalition_rotates_to_a_hybrid_key(tmp_path: Path) -> None:
    from reporter.age import HybridIdentity

    directory = tmp_path / "pq"
    create_coalition(directory, "Red PQ", ["http://127.0.0.1:9"], KEYS, "hybrid")
    rotated = rotate_coalition(directory, KEYS)
    assert isinstance(rotated.identity, HybridIdentity)
    assert rotated.profile.recipient_type == "hybrid"
    assert rotated.profile.recipients[0].startswith("age1pq1")
    assert isinstance(load_coalition_keys(directory, KEYS).epochs[1], HybridIdentity)
