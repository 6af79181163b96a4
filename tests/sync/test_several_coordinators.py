"""Issue 16, test 1 and the relay's new kinds: every coordinator gets every bundle.

Two coordinators on one loopback relay each pull (the real `inbox pull`) every bundle from
three devices; the relay forgets a bundle only once both acknowledged, a removed coordinator
no longer holds one back, and one coordinator's acknowledgements never hide a bundle from
the other. Then coordination objects, messages to a device and the published profile.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from reporter.errors import RelayRefused
from reporter.inbox.inbox import install_coalition_keys
from reporter.relay.limits import MAX_COORDINATION, MAX_MESSAGE, MAX_PROFILE
from reporter.relay.serve import BackgroundRelay
from reporter.relay.storage.base import StorageConfig
from reporter.relay_client.transport import RelayClient
from reporter.share.coalition import PROFILE_FILE, load_coalition_keys
from reporter.share.outbox_store import OutboxStore
from reporter.share.profile import import_profile
from reporter.share.sharing import share_incidents
from reporter.sync.coordinator import pull
from reporter.sync.engine import SyncEngine, enroll
from reporter.vault.vault import Vault
from tests.sync.backends import rows, store_flags, stored_bytes
from tests.sync.clients import cli
from tests.sync.conftest import KEYS, NO_WAIT, PASSPHRASE, Mission, token

pytestmark = pytest.mark.both_backends  # SQLite + files, PostgreSQL + S3


def _client(mission: Mission, role: str = "device") -> RelayClient:
    client = RelayClient(mission.relay.url)
    client.credential = client.enroll(token(mission.store_dir, role))["credential"]
    return client


def _device(mission: Mission, root: Path, n: int) -> Vault:
    vault = Vault.create(root / f"device-{n}", PASSPHRASE)
    import_profile(vault, (mission.coalition_dir / PROFILE_FILE).read_bytes())
    enroll(vault, token(mission.store_dir))
    return vault


def _coordinator(mission: Mission, root: Path) -> Vault:
    vault = Vault.create(root / "second-coordinator", PASSPHRASE, role="coordinator")
    install_coalition_keys(vault, load_coalition_keys(mission.coalition_dir, KEYS))
    enroll(vault, token(mission.store_dir, "coordinator"))
    return vault


def _send(vault: Vault, title: str) -> str:
    """Share one incident and send it; the relay's upload id."""
    iid = vault.incidents.add({"title": title, "incident_types": ["HAR.THREAT"]})
    bundle_id = share_incidents(vault, [iid], consents=["share_free_text"])
    engine = SyncEngine(vault, backoff=NO_WAIT)
    try:
        assert engine.run().uploaded == [bundle_id]
    finally:
        engine.close()
    return str(OutboxStore(vault).get(bundle_id)["upload_id"])


def _state(store: StorageConfig, upload_id: str) -> tuple[str, bool]:
    """(the row's state, whether its bytes are still stored)."""
    ((state,),) = rows(store, f"SELECT state FROM uploads WHERE id = '{upload_id}'")  # noqa: S608
    return state, stored_bytes(store, upload_id) is not None


@pytest.fixture
def devices(mission: Mission, tmp_path: Path) -> Iterator[list[Vault]]:
    vaults = [mission.reporter, _device(mission, tmp_path, 2), _device(mission, tmp_path, 3)]
    yield vaults
    for vault in vaults[1:]:
        vault.close()


@pytest.fixture
def second(mission: Mission, tmp_path: Path) -> Iterator[Vault]:
    vault = _coordinator(mission, tmp_path)
    yield vault
    vault.close()


def _imported(vault: Vault) -> list[str]:
    report = pull(vault)
    assert report.error is None
    return sorted(i["bundle_id"] for i in report.imported)


def test_two_coordinators_each_get_every_bundle_and_the_relay_waits_for_both(
    mission: Mission, devices: list[Vault], second: Vault
) -> None:
    uploads = [_send(vault, f"Amenaza {n}") for n, vault in enumerate(devices)]
    bundles = sorted(OutboxStore(v).list()[0]["bundle_id"] for v in devices)  # one bundle each
    assert _imported(mission.coordinator) == bundles
    # The first coordinator's acknowledgements neither delete nor hide anything from the other.
    assert all(_state(mission.store_dir, u) == ("complete", True) for u in uploads)
    assert rows(mission.store_dir, "SELECT count(*) FROM acks") == [(3,)]
    assert _imported(second) == bundles
    for upload_id in uploads:  # both acknowledged: the bytes are gone, the row stripped
        assert _state(mission.store_dir, upload_id) == ("acked", False)
    assert rows(mission.store_dir, "SELECT count(*) FROM acks") == [(0,)]
    assert rows(
        mission.store_dir, "SELECT DISTINCT size, sha256, cursor, receipt IS NOT NULL FROM uploads"
    ) == [(0, None, None, True)]
    for vault in devices:  # each device gets the coalition's receipt
        engine = SyncEngine(vault, backoff=NO_WAIT)
        try:
            assert len(engine.run().received) == 1
        finally:
            engine.close()
    assert pull(mission.coordinator).imported == pull(second).imported == []


def test_a_removed_coordinator_no_longer_holds_a_bundle_back(
    mission: Mission, second: Vault, tmp_path: Path
) -> None:
    third = _client(mission, "coordinator")
    upload_id = _send(mission.reporter, "Allanamiento")
    assert len(pull(mission.coordinator).imported) == len(pull(second).imported) == 1
    assert _state(mission.store_dir, upload_id) == ("complete", True)  # the third owes it
    assert [i["upload_id"] for i in third.pending(0)] == [upload_id]
    listed = cli(
        tmp_path, "relay", "coordinators", "list", "--json", *store_flags(mission.store_dir)
    )
    assert listed.returncode == 0, listed.stderr
    import json

    waiting = {c["pseudonym"]: c["waiting"] for c in json.loads(listed.stdout)}
    assert sorted(waiting.values()) == [0, 0, 1]
    (pseudonym,) = [p for p, n in waiting.items() if n == 1]
    removed = cli(
        tmp_path, "relay", "coordinators", "remove", pseudonym, *store_flags(mission.store_dir)
    )
    assert removed.returncode == 0, removed.stderr
    assert _state(mission.store_dir, upload_id) == ("acked", False)
    with pytest.raises(RelayRefused) as info:
        third.pending(0)
    assert info.value.params["status"] == 401
    again = cli(
        tmp_path, "relay", "coordinators", "remove", pseudonym, *store_flags(mission.store_dir)
    )
    assert again.returncode == 4
    assert again.stderr.count("\n") == 1
    assert "Traceback" not in again.stderr
    assert pseudonym in again.stderr


def test_one_coordinators_acknowledgements_never_hide_a_bundle_from_another(
    mission: Mission,
) -> None:
    alice, bob = _client(mission, "coordinator"), _client(mission, "coordinator")
    device = _client(mission)
    import hashlib

    ids = []
    for n in range(3):
        data = os.urandom(1000 + n)
        key = hashlib.sha256(b"k%d" % n).hexdigest()
        ids.append(device.upload_whole(key, hashlib.sha256(data).hexdigest(), data)["upload_id"])
    # Three coordinators (the mission's too): each sees what it has not acknowledged.
    alice.acknowledge(ids[0])
    assert [i["upload_id"] for i in alice.pending(0)] == ids[1:]
    assert [i["upload_id"] for i in bob.pending(0)] == ids
    with pytest.raises(RelayRefused) as info:  # acknowledged by the caller: gone for them
        list(alice.download(ids[0], 1000))
    assert info.value.params["status"] == 410
    assert len(b"".join(bob.download(ids[0], 1000))) == 1000
    alice.acknowledge(ids[0])  # twice is once
    assert rows(mission.store_dir, "SELECT count(*) FROM acks") == [(1,)]
    # The first receipt stays; another coordinator's later one answers 200, changes nothing.
    alice.put_receipt(ids[1], b"first receipt")
    bob.put_receipt(ids[1], b"second receipt")
    assert device.receipts([ids[1]]) == {ids[1]: b"first receipt"}


def _mission_coordinator(mission: Mission) -> RelayClient:
    from reporter.relay_client.settings import relay_settings

    url, pin, credential = relay_settings(mission.coordinator)
    return RelayClient(url, tls_pin=pin, credential=credential)


# -- coordination objects ---------------------------------------------------------------------
def test_coordination_objects_in_commit_order_own_included_for_coordinators_only(
    mission: Mission,
) -> None:
    alice, bob, device = (
        _client(mission, "coordinator"),
        _client(mission, "coordinator"),
        _client(mission),
    )
    posted = [
        (alice if n % 2 else bob).post_coordination(b"event %d" % n + bytes(100)) for n in range(5)
    ]
    assert [p["cursor"] for p in posted] == sorted(p["cursor"] for p in posted)
    listed = alice.list_coordination(0)
    assert [i["id"] for i in listed] == [p["id"] for p in posted]  # bob's and her own
    assert [i["size"] for i in listed] == [107] * 5
    assert [i["id"] for i in bob.list_coordination(posted[1]["cursor"], limit=2)] == [
        p["id"] for p in posted[2:4]
    ]
    assert bob.get_coordination(posted[3]["id"]) == b"event 3" + bytes(100)
    for call in (
        lambda: device.post_coordination(b"forged"),
        lambda: device.list_coordination(0),
        lambda: device.get_coordination(posted[0]["id"]),
    ):
        with pytest.raises(RelayRefused) as info:
            call()
        assert info.value.params["status"] == 403
    for bad in (lambda: alice.get_coordination("0" * 32), lambda: alice.list_coordination(0, 1001)):
        with pytest.raises(RelayRefused) as info:
            bad()
        assert info.value.params["status"] in (404, 422)


def test_coordination_objects_are_bounded_while_read(mission: Mission) -> None:
    alice = _client(mission, "coordinator")
    assert alice.post_coordination(bytes(MAX_COORDINATION))["cursor"] >= 1
    for body in (bytes(MAX_COORDINATION + 1), b""):
        with pytest.raises(RelayRefused) as info:
            alice.post_coordination(body)
        assert info.value.params["status"] in (413, 422)

    # A chunked body with no declared length is cut the moment it passes the limit.
    def chunks() -> Iterator[bytes]:
        for _ in range(64):
            yield bytes(64 * 1024)

    with pytest.raises(RelayRefused) as info:
        alice.request("POST", "/v1/coordination", data=chunks())
    assert info.value.params["status"] == 413
    assert len(alice.list_coordination(0)) == 1


def test_coordination_objects_and_messages_go_at_the_retention_time(
    relay_store: StorageConfig,
) -> None:
    relay = BackgroundRelay(relay_store, retention_seconds=1e-3, expire_every_seconds=0.05)
    relay.start()
    try:
        coordinator = RelayClient(relay.url)
        coordinator.credential = coordinator.enroll(token(relay_store, "coordinator"))["credential"]
        coordinator.post_coordination(b"old event")
        coordinator.put_profile(b"the profile")
        for _ in range(400):  # bounded: 20 s at most
            if not coordinator.list_coordination(0):
                break
            relay._thread.join(0.05)  # waits, unless the relay stopped
        assert coordinator.list_coordination(0) == []
        assert rows(relay_store, "SELECT count(*) FROM coordination") == [(0,)]
        assert coordinator.get_profile() == b"the profile"  # replaced, never expired
    finally:
        relay.stop()


# -- messages to a device ---------------------------------------------------------------------
def test_messages_reach_only_the_owner_also_after_acknowledgement(mission: Mission) -> None:
    coordinator = _client(mission, "coordinator")
    alice, bob = _client(mission), _client(mission)
    import hashlib

    data = b"sealed" * 100
    upload_id = alice.upload_whole("cd" * 32, hashlib.sha256(data).hexdigest(), data)["upload_id"]
    first = coordinator.put_message(upload_id, b"question one")
    coordinator.acknowledge(upload_id)
    _mission_coordinator(mission).acknowledge(upload_id)  # both have it: forgotten
    assert _state(mission.store_dir, upload_id) == ("acked", False)
    second = coordinator.put_message(upload_id, b"question two")  # after acknowledgement
    assert alice.messages() == [
        {"id": first, "upload_id": upload_id, "data": b"question one"},
        {"id": second, "upload_id": upload_id, "data": b"question two"},
    ]
    assert bob.messages() == []
    with pytest.raises(RelayRefused) as info:  # others' messages look absent
        bob.delete_message(first)
    assert info.value.params["status"] == 404
    alice.delete_message(first)
    assert [m["id"] for m in alice.messages()] == [second]
    for call, status in (
        (lambda: coordinator.put_message("0" * 32, b"to nobody"), 404),
        (lambda: coordinator.put_message(upload_id, bytes(MAX_MESSAGE + 1)), 413),
        (lambda: alice.put_message(upload_id, b"forged by a device"), 403),
        (lambda: coordinator.messages(), 403),
        (lambda: alice.delete_message(first), 404),
    ):
        with pytest.raises(RelayRefused) as info:
            call()
        assert info.value.params["status"] == status
    assert coordinator.put_message(upload_id, bytes(MAX_MESSAGE))


def test_a_message_to_an_open_upload_is_refused(mission: Mission) -> None:
    coordinator, alice = _client(mission, "coordinator"), _client(mission)
    upload_id = alice.create_upload("ef" * 32, 10)["upload_id"]
    with pytest.raises(RelayRefused) as info:
        coordinator.put_message(upload_id, b"too early")
    assert info.value.params["status"] == 404
    assert alice.messages() == []


# -- the published profile --------------------------------------------------------------------
def test_the_profile_is_put_by_coordinators_and_read_by_any_enrolled(mission: Mission) -> None:
    coordinator, device = _client(mission, "coordinator"), _client(mission)
    assert device.get_profile() is None  # 404 no_profile
    with pytest.raises(RelayRefused) as info:
        device.put_profile(b"forged profile")
    assert info.value.params["status"] == 403
    coordinator.put_profile(b"profile v1")
    coordinator.put_profile(b"profile v2")  # replaces
    assert device.get_profile() == coordinator.get_profile() == b"profile v2"
    with pytest.raises(RelayRefused) as info:
        coordinator.put_profile(bytes(MAX_PROFILE + 1))
    assert info.value.params["status"] == 413
    assert device.get_profile() == b"profile v2"
    stranger = RelayClient(mission.relay.url, credential="tc1-" + "x" * 43)
    with pytest.raises(RelayRefused) as info:
        stranger.get_profile()
    assert info.value.params["status"] == 401


# -- across processes, and the periodic job -----------------------------------------------------
def _uploads(device: RelayClient, count: int) -> list[str]:
    import hashlib

    ids = []
    for n in range(count):
        data = os.urandom(200)
        key = hashlib.sha256(b"many %d" % n).hexdigest()
        ids.append(device.upload_whole(key, hashlib.sha256(data).hexdigest(), data)["upload_id"])
    return ids


def test_two_coordinators_acknowledging_at_once_on_two_relays_forget_every_bundle(
    mission: Mission,
) -> None:
    """Each relay has its own store object (its own connections); neither acknowledgement
    may miss the other's, or a bundle would wait for the periodic job (here: never)."""
    import threading

    other = BackgroundRelay(mission.store_dir).start()
    try:
        ids = _uploads(_client(mission), 30)
        alice = _client(mission, "coordinator")
        bob = RelayClient(other.url)
        bob.credential = bob.enroll(token(mission.store_dir, "coordinator"))["credential"]
        mission_coordinator = _mission_coordinator(mission)
        for upload_id in ids:  # the mission's coordinator is out of the way first
            mission_coordinator.acknowledge(upload_id)
        assert rows(mission.store_dir, "SELECT DISTINCT state FROM uploads") == [("complete",)]
        start = threading.Barrier(2)
        failures: list[BaseException] = []

        def acknowledge_all(client: RelayClient) -> None:
            try:
                for upload_id in ids:  # both at the same moment, bundle after bundle
                    start.wait(10)
                    client.acknowledge(upload_id)
            except BaseException as exc:  # noqa: BLE001 - reported below
                failures.append(exc)

        threads = [threading.Thread(target=acknowledge_all, args=(c,)) for c in (alice, bob)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert failures == []
        assert rows(mission.store_dir, "SELECT DISTINCT state FROM uploads") == [("acked",)]
        assert all(stored_bytes(mission.store_dir, u) is None for u in ids)
        assert rows(mission.store_dir, "SELECT count(*) FROM acks") == [(0,)]
    finally:
        other.stop()


def test_the_periodic_job_forgets_what_no_coordinator_left_holds_back(
    relay_store: StorageConfig,
) -> None:
    from tests.sync.backends import execute

    relay = BackgroundRelay(relay_store, expire_every_seconds=0.05).start()
    try:
        clients = []
        for role in ("device", "coordinator", "coordinator"):
            client = RelayClient(relay.url)
            client.credential = client.enroll(token(relay_store, role))["credential"]
            clients.append(client)
        device, alice, bob = clients
        (upload_id,) = _uploads(device, 1)
        alice.acknowledge(upload_id)
        assert _state(relay_store, upload_id) == ("complete", True)
        # Bob's credential deleted behind the relay's back (an operator's SQL, a restore):
        # nothing acknowledges again, the periodic job must notice.
        execute(
            relay_store,
            "DELETE FROM credentials WHERE role = 'coordinator'"
            " AND pseudonym NOT IN (SELECT coordinator FROM acks)",
        )
        for _ in range(400):  # bounded: 20 s at most
            if _state(relay_store, upload_id)[0] == "acked":
                break
            relay._thread.join(0.05)  # waits, unless the relay stopped
        assert _state(relay_store, upload_id) == ("acked", False)
    finally:
        relay.stop()


def test_a_device_gets_at_most_so_many_messages_waiting(
    mission: Mission, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reporter.relay.storage import shared

    monkeypatch.setattr(shared, "MAX_MESSAGES_WAITING", 3)
    coordinator, alice = _client(mission, "coordinator"), _client(mission)
    (upload_id,) = _uploads(alice, 1)
    sent = [coordinator.put_message(upload_id, b"q%d" % n) for n in range(3)]
    with pytest.raises(RelayRefused) as info:
        coordinator.put_message(upload_id, b"one too many")
    assert info.value.params["status"] == 429
    alice.delete_message(sent[0])  # read and deleted: room for the next
    coordinator.put_message(upload_id, b"q3")
    assert [m["data"] for m in alice.messages()] == [b"q1", b"q2", b"q3"]


def test_the_new_kinds_keep_times_to_the_hour_and_no_author(mission: Mission) -> None:
    coordinator, alice = _client(mission, "coordinator"), _client(mission)
    (upload_id,) = _uploads(alice, 1)
    coordinator.post_coordination(b"event")
    coordinator.put_message(upload_id, b"question")
    coordinator.put_profile(b"profile")
    times = rows(
        mission.store_dir,
        "SELECT created_at FROM coordination UNION ALL SELECT created_at FROM messages"
        " UNION ALL SELECT updated_at FROM profile",
    )
    assert len(times) == 3
    assert all(t % 3600 == 0 for (t,) in times)
    assert (
        rows(mission.store_dir, "SELECT * FROM coordination")[0][:3]
        == rows(mission.store_dir, "SELECT id, cursor, size FROM coordination")[0]
    )  # id, cursor, size, the bytes and the hour: nothing says who posted it


def test_relay_coordinators_list_speaks_spanish_and_pool_size_is_for_postgres(
    mission: Mission, tmp_path: Path
) -> None:
    listed = cli(
        tmp_path, "--lang", "es", "relay", "coordinators", "list", *store_flags(mission.store_dir)
    )
    assert listed.returncode == 0, listed.stderr
    assert "inscrito" in listed.stdout
    assert "sin confirmar aún: 0" in listed.stdout
    for flags in (["--store", str(tmp_path / "x")], [*store_flags(mission.store_dir)]):
        bad = cli(tmp_path, "relay", "serve", *flags, "--port", "0", "--pool-size", "0")
        assert bad.returncode == 2, bad.stderr
        assert "pool-size" in bad.stderr
    unknown = cli(
        tmp_path,
        "--lang",
        "es",
        "relay",
        "coordinators",
        "remove",
        "0" * 16,
        *store_flags(mission.store_dir),
    )
    assert unknown.returncode == 4
    assert "No hay ningún coordinador 0000000000000000" in unknown.stderr


def test_an_acknowledgement_waits_for_one_in_flight_and_then_sees_it(mission: Mission) -> None:
    """Bob's acknowledgement is in flight (its transaction holds the upload's row) when
    Alice's arrives on another process: hers must wait and then see his, or neither would
    find the other's row and the bundle would stay until the periodic job."""
    import threading

    import psycopg

    from tests.sync.backends import is_postgres

    if not is_postgres(mission.store_dir):
        pytest.skip("SQLite takes the whole store for each write (BEGIN IMMEDIATE)")
    (upload_id,) = _uploads(_client(mission), 1)
    alice = _client(mission, "coordinator")
    _mission_coordinator(mission).acknowledge(upload_id)
    bob = "b0b0b0b0b0b0b0b0"
    with psycopg.connect(mission.store_dir.database) as conn:  # type: ignore[union-attr]
        conn.execute("INSERT INTO credentials VALUES ('bob-hash', 'coordinator', %s, 0)", (bob,))
        conn.commit()
        conn.execute("SELECT state FROM uploads WHERE id = %s FOR UPDATE", (upload_id,))
        conn.execute("INSERT INTO acks VALUES (%s, %s)", (upload_id, bob))
        done = threading.Thread(target=alice.acknowledge, args=(upload_id,))
        done.start()
        for _ in range(400):  # bounded: until Alice waits on the row (or has finished)
            waiting = rows(mission.store_dir, "SELECT count(*) FROM pg_locks WHERE NOT granted")
            if waiting != [(0,)] or not done.is_alive():
                break
            done.join(0.05)
        assert done.is_alive()  # Alice waits for Bob's transaction
        conn.commit()  # Bob's acknowledgement lands
    done.join(30)
    assert _state(mission.store_dir, upload_id) == ("acked", False)


def test_a_relay_answering_nonsense_to_the_new_calls_is_a_clear_network_error() -> None:
    """The relay's answers are input like any other: shapes are checked before use."""
    import http.server
    import threading

    from reporter.errors import NetworkError

    class Nonsense(http.server.BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            self.rfile.read(length)
            body = b'{"items": [{"id": 5}], "id": null, "cursor": "x"}'
            if self.path.startswith("/v1/messages"):
                body = b'{"items": [{"id": "a", "upload_id": "b", "data": "not base64!"}]}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_PUT = _answer  # noqa: N815

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Nonsense)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        client = RelayClient(f"http://127.0.0.1:{server.server_port}", credential="tc1-x")
        for call in (
            lambda: client.post_coordination(b"x"),
            lambda: client.list_coordination(0),
            lambda: client.put_message("0" * 32, b"x"),
            lambda: client.messages(),
        ):
            with pytest.raises(NetworkError) as info:
                call()
            assert "malformed" in info.value.params["reason"]
    finally:
        server.shutdown()
        server.server_close()
