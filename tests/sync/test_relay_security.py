"""Authorization, TLS pinning, SOCKS5h without local DNS, and no 5xx for any input."""

from __future__ import annotations

import socket
import ssl
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import requests

from reporter.errors import PinMismatch, RelayRefused
from reporter.relay.tls import make_certificate
from reporter.relay_client.transport import RelayClient
from reporter.sync.engine import SyncEngine
from tests.sync.conftest import Mission, token

pytestmark = pytest.mark.both_backends  # SQLite + files, PostgreSQL + S3
KEY = "ab" * 32


def _client(mission: Mission, role: str = "device") -> RelayClient:
    client = RelayClient(mission.relay.url)
    client.credential = client.enroll(token(mission.store_dir, role))["credential"]
    return client


def test_devices_see_only_their_own_uploads(mission: Mission) -> None:
    alice, bob, coordinator = _client(mission), _client(mission), _client(mission, "coordinator")
    upload = alice.create_upload(KEY, 10)
    alice.append(upload["upload_id"], 0, b"0123456789")
    import hashlib

    alice.finish(upload["upload_id"], hashlib.sha256(b"0123456789").hexdigest())
    uid = upload["upload_id"]
    for call in (
        lambda: bob.upload_status(uid),
        lambda: bob.append(uid, 0, b"x"),
        lambda: bob.request("GET", f"/v1/uploads/{uid}/receipt"),
        lambda: bob.pending(0),
        lambda: list(bob.download(uid, 10)),
        lambda: bob.acknowledge(uid),
        lambda: bob.put_receipt(uid, b"forged"),
        lambda: alice.pending(0),
        lambda: alice.acknowledge(uid),
        lambda: coordinator.create_upload(KEY, 10),
    ):
        with pytest.raises(RelayRefused) as info:
            call()
        assert info.value.params["status"] in (403, 404)
    # Bob's own upload with the same key is his own, not Alice's.
    assert bob.create_upload(KEY, 10)["upload_id"] != uid
    assert [i["upload_id"] for i in coordinator.pending(0)] == [uid]


def test_a_spent_or_unknown_token_is_refused(mission: Mission) -> None:
    one = token(mission.store_dir)
    client = RelayClient(mission.relay.url)
    client.enroll(one)
    for bad in (one, "tt1-made-up"):
        with pytest.raises(RelayRefused) as info:
            client.enroll(bad)
        assert info.value.params["status"] == 403
    stored = mission.relay.server.config.app.state.store.query("SELECT hash FROM tokens")
    assert all(one not in row[0] for row in stored)  # only hashes are stored


def test_retries_never_make_a_second_copy(mission: Mission) -> None:
    alice = _client(mission)
    first = alice.create_upload(KEY, 4)
    again = alice.create_upload(KEY, 4)
    assert first["upload_id"] == again["upload_id"]
    with pytest.raises(RelayRefused) as info:
        alice.append(first["upload_id"], 2, b"zz")  # wrong offset
    assert info.value.params["status"] == 409
    with pytest.raises(RelayRefused):
        alice.create_upload(KEY, 5)  # same key, other size


def test_one_request_upload_is_idempotent_and_checked(mission: Mission) -> None:
    import hashlib

    alice, bob = _client(mission), _client(mission)
    data = b"sealed bytes" * 1000
    digest = hashlib.sha256(data).hexdigest()
    with pytest.raises(RelayRefused) as info:  # wrong hash: nothing completes
        alice.upload_whole(KEY, "00" * 32, data)
    assert info.value.params["status"] == 409
    first = alice.upload_whole(KEY, digest, data)
    assert first["complete"]
    assert first["relay_receipt"]["sha256"] == digest
    again = alice.upload_whole(KEY, digest, data)  # a retry after a lost answer
    assert again["upload_id"] == first["upload_id"]
    with pytest.raises(RelayRefused):
        alice.upload_whole(KEY, hashlib.sha256(b"other").hexdigest(), b"other")
    coordinator = _client(mission, "coordinator")
    assert [i["upload_id"] for i in coordinator.pending(0)] == [first["upload_id"]]
    assert b"".join(coordinator.download(first["upload_id"], len(data))) == data
    # Receipts in one request: only the caller's own uploads are answered.
    coordinator.put_receipt(first["upload_id"], b"receipt for alice")
    assert alice.receipts([first["upload_id"], "0" * 32]) == {
        first["upload_id"]: b"receipt for alice"
    }
    assert bob.receipts([first["upload_id"]]) == {}


def test_after_a_relay_restart_the_last_piece_is_checked_against_the_file(mission: Mission) -> None:
    """The running hash lives in memory: a restarted relay must hash the bytes on disk."""
    import hashlib

    from reporter.relay.serve import BackgroundRelay

    alice = _client(mission)
    data = bytes(range(256)) * 64
    upload = alice.create_upload(KEY, len(data))["upload_id"]
    alice.append(upload, 0, data[:5000])
    mission.relay.stop()
    mission.relay = BackgroundRelay(mission.store_dir, port=mission.relay.port).start()
    with pytest.raises(RelayRefused) as info:  # the wrong hash is still caught
        alice.append(upload, 5000, data[5000:], hashlib.sha256(data[5000:]).hexdigest())
    assert info.value.params["status"] == 409
    assert alice.upload_status(upload)["offset"] == 0  # and the bytes must be resent
    alice.append(upload, 0, data[:5000])
    mission.relay.stop()
    mission.relay = BackgroundRelay(mission.store_dir, port=mission.relay.port).start()
    status = alice.append(upload, 5000, data[5000:], hashlib.sha256(data).hexdigest())
    assert status["complete"]
    assert status["relay_receipt"]["sha256"] == hashlib.sha256(data).hexdigest()


def test_a_running_hash_is_kept_only_while_it_matches_the_bytes_on_disk() -> None:
    from reporter.relay.app import RunningHashes

    hashes = RunningHashes(limit=2)
    first = hashes.take("a", 0)
    first.update(b"12345")
    hashes.keep("a", 5, first)
    assert hashes.take("a", 3) is None  # another offset: the hash no longer matches
    assert hashes.take("a", 5) is None  # and it was dropped, not left half-updated
    digest = hashes.take("b", 0)
    digest.update(b"xy")
    hashes.keep("b", 2, digest)
    for name in ("c", "d"):  # bounded: the oldest is forgotten
        hashes.keep(name, 0, hashes.take(name, 0))
    assert hashes.hexdigest("b", 2) is None
    assert hashes.hexdigest("d", 0) is not None


class CountingTLSServer:
    """Accepts TLS, then counts every application byte the client sends."""

    def __init__(self, cert: Path, key: Path) -> None:
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.context.load_cert_chain(cert, key)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.received = 0
        self.handshakes = 0
        self.closed = threading.Event()  # set each time a connection has ended
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        while True:
            try:
                raw, _ = self.listener.accept()
            except OSError:
                return
            try:
                conn = self.context.wrap_socket(raw, server_side=True)
                self.handshakes += 1
                conn.settimeout(2)
                while data := conn.recv(65536):
                    self.received += len(data)
                    if b"\r\n\r\n" in data:
                        conn.sendall(
                            b"HTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n"
                            b"Content-Type: application/json\r\n\r\n{}"
                        )
            except (OSError, ssl.SSLError):
                pass
            finally:
                raw.close()
                self.closed.set()


def test_wrong_pin_is_refused_before_any_byte_is_sent(tmp_path: Path) -> None:
    pin = make_certificate(tmp_path / "tls", ["127.0.0.1"])
    other_pin = make_certificate(tmp_path / "other", ["127.0.0.1"])
    server = CountingTLSServer(tmp_path / "tls" / "relay.crt", tmp_path / "tls" / "relay.key")
    url = f"https://127.0.0.1:{server.port}"
    wrong = RelayClient(url, tls_pin=other_pin, credential="tc1-x")
    with pytest.raises(PinMismatch):
        wrong.create_upload(KEY, 100)
    assert server.closed.wait(5)  # the server has seen the whole connection
    assert server.handshakes >= 1  # the TLS handshake happened...
    assert server.received == 0  # ...but not one byte of the request followed
    right = RelayClient(url, tls_pin=pin, credential="tc1-x")
    with pytest.raises(RelayRefused):  # the stub answers 404: the request went through
        right.create_upload(KEY, 100)
    assert server.received > 0


def test_sync_over_pinned_tls_relay(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reporter.relay.serve import BackgroundRelay
    from tests.sync.conftest import build_mission

    pin = make_certificate(tmp_path / "tls", ["127.0.0.1"])
    relay = BackgroundRelay(
        tmp_path / "relay",
        tls_cert=str(tmp_path / "tls" / "relay.crt"),
        tls_key=str(tmp_path / "tls" / "relay.key"),
    ).start()
    try:
        from reporter.share import coalition

        real = coalition.create_coalition
        monkeypatch.setattr(
            coalition, "create_coalition", lambda *a, **k: real(*a, **{**k, "tls_pin": pin})
        )
        import tests.sync.conftest as conf

        monkeypatch.setattr(conf, "create_coalition", coalition.create_coalition)
        mission = build_mission(tmp_path, relay, tmp_path / "relay")
        bundle_id = mission.add_and_share()
        engine = SyncEngine(mission.reporter)
        assert engine.run().uploaded == [bundle_id]
        engine.close()
        mission.reporter.close()
        mission.coordinator.close()
    finally:
        relay.stop()


def test_socks5h_proxy_carries_sync_without_local_dns(
    mission: Mission, dns_lookups: list[str]
) -> None:
    proxy_port = _free_port()
    proxy = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pproxy",
            "-l",  # noqa: S603
            f"socks5://127.0.0.1:{proxy_port}",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert proxy.stdout is not None  # pproxy says so once it listens (EOF if it died)
        assert proxy.stdout.readline().startswith(b"Serving on")
        # The relay by name: only the proxy may resolve it.
        mission.reporter.set_meta("relay_url", f"http://localhost:{mission.relay.port}")
        bundle_id = mission.add_and_share()
        engine = SyncEngine(mission.reporter, proxy=f"socks5h://127.0.0.1:{proxy_port}")
        report = engine.run()
        engine.close()
        assert report.uploaded == [bundle_id]
        assert "localhost" not in dns_lookups
    finally:
        proxy.terminate()
        proxy.wait(10)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_openapi_fuzzing_never_gives_5xx(mission: Mission, request: pytest.FixtureRequest) -> None:
    import schemathesis
    from hypothesis import HealthCheck, settings

    from reporter.relay.serve import BackgroundRelay

    examples = 1000 if request.config.getoption("--full") else 100  # per operation
    assert requests.get(mission.relay.url + "/openapi.json", timeout=10).status_code == 404
    mission.relay.stop()  # the API description only when asked for
    mission.relay = BackgroundRelay(
        mission.store_dir, port=mission.relay.port, api_docs=True
    ).start()
    # Each example as a device or as a coordinator: coordinators' routes (the queue,
    # coordination objects, messages, the profile) are exercised past their role check.
    credentials = [_client(mission).credential, _client(mission, "coordinator").credential]
    schema = schemathesis.openapi.from_url(mission.relay.url + "/openapi.json")
    failures: list[str] = []

    # Drive every operation through hypothesis with its own strategy.
    from hypothesis import given
    from hypothesis import strategies as st

    operations = [operation.ok() for operation in schema.get_all_operations()]
    for new in ("/v1/coordination", "/v1/messages", "/v1/profile"):
        assert any(op.path.startswith(new) for op in operations), new
    for op in operations:

        @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck))
        @given(op.as_strategy(), st.sampled_from(credentials))
        def run(case, credential):  # type: ignore[no-untyped-def]
            response = case.call(headers={"Authorization": f"Bearer {credential}"})
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.path}: {response.status_code}")

        run()
    assert failures == []
    assert requests.get(mission.relay.url + "/openapi.json", timeout=10).status_code == 200


def test_a_receipt_moved_to_another_upload_is_refused(mission: Mission) -> None:
    """Receipts are opaque to the relay, so it could hand bundle B's receipt out as A's: the
    device checks the signed bundle id and keeps waiting for A's own."""
    from reporter.inbox.inbox import coalition_signing_key
    from reporter.relay_client.settings import relay_settings
    from reporter.share.device import device_identity, receipt_identity
    from reporter.share.outbox_store import OutboxStore
    from reporter.share.receipts import make_receipt

    first, second = mission.add_and_share("Uno"), mission.add_and_share("Dos")
    engine = mission.engine()
    assert sorted(engine.run().uploaded) == sorted([first, second])
    outbox = OutboxStore(mission.reporter)
    genuine_for_second = make_receipt(
        coalition_signing_key(mission.coordinator),
        second,
        device_identity(mission.reporter).device_id,
        receipt_identity(mission.reporter).recipient().to_string(),
    )
    url, pin, credential = relay_settings(mission.coordinator)
    coordinator = RelayClient(url, tls_pin=pin, credential=credential)
    coordinator.put_receipt(outbox.get(first)["upload_id"], genuine_for_second)
    coordinator.close()

    report = engine.run()
    engine.close()
    assert report.received == []
    item = outbox.get(first)
    assert item["state"] == "uploaded"  # still waiting for its own receipt
    assert item["last_error_code"] == "wrong_receipt"
