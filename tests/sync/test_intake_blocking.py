"""Issue 12, test 1: no bundle can stop the coalition's intake (a real relay on 127.0.0.1).

Each bad bundle is built with the project's own writer and signed by a device key of the
test, uploaded by a real sync engine between two good bundles of another device; one pull
must bring both good ones, list the bad one as rejected with its reason and device, and a
second pull must change nothing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from reporter.inbox.inbox import Inbox
from reporter.inbox.rejections import rejections, set_aside_items
from reporter.relay.serve import BackgroundRelay
from reporter.relay.store import RelayStore
from reporter.share.device import DeviceIdentity
from reporter.sync.coordinator import SET_ASIDE_PASSES, PullReport, pull
from tests.share.signed_bundles import good_record, new_device, profile_of, queue, seal
from tests.sync.conftest import NO_WAIT, PASSPHRASE, Mission


def _relay(mission: Mission) -> RelayStore:
    store: RelayStore = mission.relay.server.config.app.state.store
    return store


def _upload(mission: Mission, data: bytes) -> str:
    """Send ready ciphertext through the reporter's real engine; returns its relay upload id."""
    before = {r[0] for r in _relay(mission).query("SELECT id FROM uploads")}
    bundle_id = queue(mission.reporter, data)
    engine = mission.engine()
    try:
        assert bundle_id in engine.run(force=True).uploaded
    finally:
        engine.close()
    (upload_id,) = {r[0] for r in _relay(mission).query("SELECT id FROM uploads")} - before
    return str(upload_id)


def _share_and_send(mission: Mission, title: str) -> str:
    bundle_id = mission.add_and_share(title)
    engine = mission.engine()
    try:
        assert bundle_id in engine.run(force=True).uploaded
    finally:
        engine.close()
    return bundle_id


def _pull(mission: Mission) -> PullReport:
    report = pull(mission.coordinator, backoff=NO_WAIT)
    assert report.error is None
    return report


def _state(mission: Mission) -> dict[str, Any]:
    """What a pull could change: the inbox, the rejections, the relay's queue."""
    vault = mission.coordinator
    return {
        "bundles": sorted(r[0] for r in vault.query("SELECT bundle_id FROM inbox_bundles")),
        "records": vault.query("SELECT count(*) FROM inbox_records")[0][0],
        "rejected": [(r["upload_id"], r["error"]) for r in rejections(vault)],
        "set_aside": [(r["upload_id"], r["passes"]) for r in set_aside_items(vault)],
        "pending": len(
            _relay(mission).pending(0, 1000, _relay(mission).coordinators()[0]["pseudonym"])
        ),
    }


def _between_two_good(mission: Mission, bad: bytes) -> tuple[list[str], str]:
    first = _share_and_send(mission, "Primero bueno")
    upload_id = _upload(mission, bad)
    second = _share_and_send(mission, "Segundo bueno")
    return [first, second], upload_id


def _assert_good_ones_arrived(mission: Mission, report: PullReport, good: list[str]) -> None:
    assert sorted(i["bundle_id"] for i in report.imported) == sorted(good)
    titles = sorted(i["record"]["title"] for i in Inbox(mission.coordinator).list())
    assert titles == ["Primero bueno", "Segundo bueno"]


@pytest.mark.parametrize(("revision", "case"), [("abc", "text"), (10**30, "huge"), ([1], "list")])
def test_a_bad_revision_is_rejected_and_the_pull_goes_on(
    mission: Mission, revision: Any, case: str
) -> None:
    device = new_device()
    record = dict(good_record(), revision=revision)
    good, upload_id = _between_two_good(
        mission, seal(profile_of(mission.reporter), device, [record])
    )
    report = _pull(mission)
    _assert_good_ones_arrived(mission, report, good)
    _assert_rejected(mission, report, upload_id, device, "records[0].revision")
    after = _state(mission)
    assert after["pending"] == 0  # acknowledged: it never comes back
    assert _pull(mission) == PullReport()
    assert _state(mission) == after


def test_a_bad_receipt_key_is_rejected_before_anything_is_stored(mission: Mission) -> None:
    device = new_device()
    bad = seal(
        profile_of(mission.reporter),
        device,
        [good_record(title="Con clave mala")],
        receipt_recipient="age1notarecipientatall",
    )
    good, upload_id = _between_two_good(mission, bad)
    report = _pull(mission)
    _assert_good_ones_arrived(mission, report, good)
    _assert_rejected(mission, report, upload_id, device, "receipt_recipient")
    assert len(Inbox(mission.coordinator).bundles()) == 2  # the bad one stored nothing
    after = _state(mission)
    assert after["pending"] == 0
    assert _pull(mission) == PullReport()
    assert _state(mission) == after


def _assert_rejected(
    mission: Mission, report: PullReport, upload_id: str, device: DeviceIdentity, field: str
) -> None:
    assert [
        (r["upload_id"], r["error"], r["params"]["field"], r["device_fingerprint"])
        for r in report.rejected
    ] == [(upload_id, "invalid_field", field, device.fingerprint)]
    (row,) = rejections(mission.coordinator, "es")
    assert (row["upload_id"], row["device_id"], row["device_fingerprint"]) == (
        upload_id,
        device.device_id,
        device.fingerprint,
    )
    assert row["params"]["field"] == field
    assert row["message"].startswith(f"Valor no válido para '{field}'")


def test_a_download_that_does_not_match_is_set_aside_then_rejected(mission: Mission) -> None:
    device = new_device()
    bad = seal(profile_of(mission.reporter), device, [good_record(title="Disco podrido")])
    good, upload_id = _between_two_good(mission, bad)
    path = _relay(mission).path(upload_id)  # a relay that lies, or a disk that rots
    rotten = bytearray(path.read_bytes())
    rotten[len(rotten) // 2] ^= 0xFF
    path.write_bytes(bytes(rotten))

    report = _pull(mission)
    _assert_good_ones_arrived(mission, report, good)
    assert [(s["upload_id"], s["error"], s["passes"]) for s in report.set_aside] == [
        (upload_id, "download_mismatch", 1)
    ]
    assert report.rejected == []
    assert _state(mission)["pending"] == 1  # not acknowledged
    for passes in range(2, SET_ASIDE_PASSES):
        again = _pull(mission)
        assert [(s["upload_id"], s["passes"]) for s in again.set_aside] == [(upload_id, passes)]
    last = _pull(mission)
    assert [(r["upload_id"], r["error"], r["device_fingerprint"]) for r in last.rejected] == [
        (upload_id, "download_mismatch", None)
    ]
    after = _state(mission)
    assert after["rejected"] == [(upload_id, "download_mismatch")]
    assert after["set_aside"] == []
    assert after["bundles"] == sorted(good)
    assert _pull(mission) == PullReport()
    assert _state(mission) == after


def test_a_set_aside_download_that_heals_is_imported(mission: Mission) -> None:
    device = new_device()
    data = seal(profile_of(mission.reporter), device, [good_record(title="Vuelve sano")])
    upload_id = _upload(mission, data)
    path = _relay(mission).path(upload_id)
    healthy = path.read_bytes()
    path.write_bytes(healthy[:-1] + bytes([healthy[-1] ^ 1]))
    assert [s["upload_id"] for s in _pull(mission).set_aside] == [upload_id]
    path.write_bytes(healthy)
    report = _pull(mission)
    assert [i["device_fingerprint"] for i in report.imported] == [device.fingerprint]
    assert _state(mission)["set_aside"] == []
    assert _state(mission)["pending"] == 0


def test_another_device_cannot_replace_an_incident(mission: Mission) -> None:
    iid = mission.reporter.incidents.add({"title": "Original", "incident_types": ["HAR.THREAT"]})
    from reporter.share.sharing import share_incidents

    bundle_id = share_incidents(mission.reporter, [iid], consents=["share_free_text"])
    engine = mission.engine()
    engine.run(force=True)
    engine.close()
    intruder = new_device()
    profile = profile_of(mission.reporter)
    forged = [
        _upload(mission, seal(profile, intruder, [good_record(the_id, 99, "Reemplazo")], seq=n))
        for n, the_id in enumerate([iid, iid.upper()], 1)
    ]
    report = _pull(mission)
    assert [i["bundle_id"] for i in report.imported] == [bundle_id]
    assert [r["upload_id"] for r in report.rejected] == forged
    owner = mission.coordinator.query(
        "SELECT fingerprint FROM devices WHERE fingerprint != ?", (intruder.fingerprint,)
    )[0][0]
    for row in rejections(mission.coordinator):
        assert row["error"] == "incident_owned_elsewhere"
        assert row["device_fingerprint"] == intruder.fingerprint
        assert row["owner_fingerprint"] == owner
        assert iid in row["message"]
        assert owner in row["message"]
    (item,) = Inbox(mission.coordinator).list()
    assert (item["record"]["id"], item["record"]["title"], item["record"]["revision"]) == (
        iid,
        "Original",
        mission.reporter.incidents.get(iid)["revision"],
    )
    assert Inbox(mission.coordinator).show(iid.upper())["record"]["title"] == "Original"


def test_an_upper_case_copy_of_an_id_is_the_same_incident(mission: Mission) -> None:
    device = new_device()
    profile = profile_of(mission.reporter)
    iid = good_record()["id"]
    _upload(mission, seal(profile, device, [good_record(iid, 1, "Primera versión")], seq=1))
    _upload(mission, seal(profile, device, [good_record(iid.upper(), 2, "Segunda versión")], seq=2))
    report = _pull(mission)
    assert len(report.imported) == 2
    assert report.rejected == []
    (item,) = Inbox(mission.coordinator).list()
    assert (item["record"]["id"], item["record"]["title"]) == (iid, "Segunda versión")
    ids = mission.coordinator.query("SELECT DISTINCT incident_id FROM inbox_records")
    assert ids == [(iid,)]


def test_what_was_imported_is_reported_when_the_relay_goes_away(mission: Mission) -> None:
    sent = [_share_and_send(mission, f"Amenaza {n}") for n in range(3)]
    seen: list[dict[str, Any]] = []

    def relay_dies_after_the_first(step: dict[str, Any]) -> None:
        seen.append(step)
        if len(seen) == 1:
            mission.relay.stop()

    report = pull(mission.coordinator, progress=relay_dies_after_the_first, backoff=NO_WAIT)
    assert [i["bundle_id"] for i in report.imported] == [sent[0]]
    assert report.error is not None
    assert report.error.code == "network"
    assert len(report.set_aside) == 2  # their downloads failed: retried next time
    again = BackgroundRelay(mission.store_dir).start()
    try:
        later = pull(mission.coordinator, relay_url=again.url, backoff=NO_WAIT)
    finally:
        again.stop()
    assert later.error is None
    assert sorted(i["bundle_id"] for i in later.imported) == sorted(sent[1:])
    assert set_aside_items(mission.coordinator) == []


def _cli(mission: Mission, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, TESTIGO_PASSPHRASE=PASSPHRASE)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.fast_cli",
            "--home",  # noqa: S603
            str(mission.coordinator.home),
            *args,
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_inbox_pull_says_what_it_did_in_both_languages(mission: Mission) -> None:
    device = new_device()
    good, upload_id = _between_two_good(
        mission, seal(profile_of(mission.reporter), device, [dict(good_record(), revision="abc")])
    )
    mission.coordinator.close()  # the command opens the vault itself
    spanish = _cli(mission, "--lang", "es", "inbox", "pull")
    assert spanish.returncode == 0, spanish.stderr
    lines = spanish.stdout.splitlines()
    assert lines[0].startswith("importados 2, duplicados 0, rechazados 1, apartados 0")
    assert lines[1] == (
        f"  {upload_id}: Valor no válido para 'records[0].revision': debe ser "
        f"un número entero de 1 a {2**31}. [{device.fingerprint}]"
    )
    english = _cli(mission, "--lang", "en", "inbox", "pull", "--json")
    assert english.returncode == 0, english.stderr
    assert json.loads(english.stdout)["imported"] == []
    listed = _cli(mission, "inbox", "rejected")
    assert upload_id in listed.stdout
    assert "must be a whole number from 1 to" in listed.stdout
    mission.relay.stop()
    gone = _cli(mission, "inbox", "pull")
    assert gone.returncode == 8
    assert gone.stdout.startswith("imported 0, duplicates 0, rejected 0, set aside 0")
    assert len(gone.stderr.strip().splitlines()) == 1


def test_the_migration_binds_received_incidents_to_their_first_device(tmp_path: Path) -> None:
    from reporter.vault import database
    from reporter.vault.vault import Vault

    home = tmp_path / "coordinator"
    vault = Vault.create(home, PASSPHRASE, role="coordinator")
    key = vault._keyfile.unwrap(PASSPHRASE)  # noqa: SLF001 - to rebuild an old-schema vault
    vault.close()
    (home / "vault.db").unlink()
    conn = database.connect(home / "vault.db", key)
    assert database.migrate(conn, target=5) == 5
    conn.execute("INSERT INTO meta(key, value) VALUES ('role', 'coordinator')")
    iid = good_record()["id"]
    for n, (device, received, the_id, title) in enumerate(
        [
            ("a" * 32, "2026-01-01", iid.upper(), "Del primero"),
            ("b" * 32, "2026-02-01", iid, "Del intruso"),
        ],
        1,
    ):
        conn.execute(
            "INSERT INTO devices(device_id, public_key, fingerprint, first_seen,"
            " last_seen) VALUES (?, ?, ?, ?, ?)",
            (device, b"k%d" % n, str(n), received, received),
        )
        conn.execute(
            "INSERT INTO inbox_bundles(bundle_id, device_id, device_seq, profile_id,"
            " created_on, received_at, records, receipt_recipient) VALUES"
            " (?, ?, 1, 'p', ?, ?, 1, 'r')",
            (str(n) * 32, device, received, received),
        )
        conn.execute(
            "INSERT INTO inbox_records(incident_id, bundle_id, revision, data) VALUES (?, ?, ?, ?)",
            (the_id, str(n) * 32, n * 50, json.dumps(good_record(the_id, n * 50, title))),
        )
    conn.close()
    reopened = Vault.open(home, PASSPHRASE)
    try:
        (item,) = Inbox(reopened).list()
        assert (item["record"]["id"], item["record"]["title"]) == (iid, "Del primero")
        assert reopened.query("SELECT incident_id, device_id FROM inbox_incident_owners") == [
            (iid, "a" * 32)
        ]
    finally:
        reopened.close()


def test_a_set_aside_item_the_relay_no_longer_has_is_refused_at_once(mission: Mission) -> None:
    data = seal(profile_of(mission.reporter), new_device(), [good_record(title="Se va")])
    upload_id = _upload(mission, data)
    path = _relay(mission).path(upload_id)
    path.write_bytes(bytes(len(path.read_bytes())))
    assert [s["upload_id"] for s in _pull(mission).set_aside] == [upload_id]
    (coordinator,) = _relay(mission).coordinators()
    _relay(mission).acknowledge(upload_id, coordinator["pseudonym"])  # e.g. expired meanwhile
    report = _pull(mission)
    assert [(r["upload_id"], r["error"], r["params"]["status"]) for r in report.rejected] == [
        (upload_id, "relay_refused", 410)
    ]
    assert set_aside_items(mission.coordinator) == []
    assert _pull(mission) == PullReport()
