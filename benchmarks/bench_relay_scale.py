"""The relay at coalition scale: 1 SQLite relay vs 1 and 3 relay processes on PostgreSQL + S3.

Run: python benchmarks/bench_relay_scale.py [--full] [--devices N] [--small 2]
     [--large-every 10] [--large-mib 16] [--processes 3] [--failure-rate 0.05] [--json FILE]
The default run (30 devices) takes a few minutes; ``--full`` is issue 17's scale (200).
Each device (a thread with the project's RelayClient) enrolls, then sends its bundles (small
ones of 4-64 KiB in one request; every ``--large-every``-th device also one of
``--large-mib`` in 4 MiB pieces) through a flaky proxy (connections dropped or reset, some
mid-body), resuming from the relay's offset after any failure. Two coordinators pull at the
same time (each from its own relay process when there are several), verify each bundle's
SHA-256 and acknowledge it. With several processes, process 0 is killed with SIGKILL once a
third of the bundles are in, and restarted. Checked: every bundle reaches BOTH coordinators,
intact, exactly once each; the relay holds no bundle's bytes once both acknowledged it; no
answer is a 5xx. PostgreSQL is a throwaway cluster
(Debian's binaries), S3 is moto's server in this process: its speed, not the relay's, bounds
the MiB/s on S3.
"""

from __future__ import annotations

import argparse
import faulthandler
import hashlib
import logging
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
import requests  # noqa: E402

from benchmarks.common import row, write_json  # noqa: E402
from reporter.errors import NetworkError, RelayRefused  # noqa: E402
from reporter.relay.storage import open_storage  # noqa: E402
from reporter.relay.storage.base import PostgresS3, StorageConfig  # noqa: E402
from reporter.relay_client.transport import RelayClient  # noqa: E402
from tests.pg_fixture import PgCluster  # noqa: E402
from tests.s3_fixture import S3Server  # noqa: E402
from tests.sync.backends import store_flags  # noqa: E402
from tests.sync.faulty_proxy import FaultyProxy  # noqa: E402

PIECE = 4 * 1024 * 1024
OPEN = [
    "--max-bundle-mib",
    "2048",
    "--quota-mib",
    "10000000",
    "--max-open-uploads",
    "100000",
    "--requests-per-minute",
    "100000000",
    "--enroll-per-minute",
    "100000",
]


def _port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Relay:
    def __init__(self, store: StorageConfig, home: Path, pool_size: int = 16) -> None:
        self.store, self.home, self.port = store, home, _port()
        self.pool = ["--pool-size", str(pool_size)] if isinstance(store, PostgresS3) else []
        home.mkdir(parents=True, exist_ok=True)
        self.log = home / "relay.err"
        self.url = f"http://127.0.0.1:{self.port}"
        self.start()

    def start(self) -> None:
        code = "from reporter.cli.main import main; raise SystemExit(main())"
        self.process = subprocess.Popen(  # noqa: S603 - our own CLI
            [
                sys.executable,
                "-c",
                code,
                "--home",
                str(self.home),
                "relay",
                "serve",
                *store_flags(self.store),
                *self.pool,
                "--port",
                str(self.port),
                *OPEN,
            ],
            stdout=subprocess.DEVNULL,
            stderr=self.log.open("ab"),
            cwd=ROOT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                requests.get(self.url + "/v1/bundles", timeout=1)
                return
            except requests.ConnectionError:
                assert self.process.poll() is None, self.log.read_text()[-2000:]
                time.sleep(0.1)
        raise SystemExit("the relay did not start")

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(20)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(20)


class Run:
    def __init__(self, relays: list[Relay], proxies: list[FaultyProxy]) -> None:
        self.relays, self.proxies = relays, proxies
        self.sent: dict[str, int] = {}  # sha256 -> size
        self.received: list[dict[str, int]] = [{}, {}]  # per coordinator: sha256 -> downloads
        self.server_errors = 0
        self.refusals: dict[str, int] = {}  # what devices and coordinators were told
        self.deliveries = 0  # downloads verified, by both coordinators
        self.lock = threading.Lock()

    def all_delivered(self) -> bool:
        with self.lock:
            return all(set(got) == set(self.sent) for got in self.received)

    def note(self, exc: Exception) -> None:
        with self.lock:
            reason = (
                str(exc.params.get("reason", "")).split(":")[0]
                if isinstance(exc, RelayRefused)
                else type(exc).__name__
            )
            self.refusals[reason] = self.refusals.get(reason, 0) + 1
        if (
            isinstance(exc, RelayRefused)
            and int(exc.params.get("status", 0)) >= 500
            and int(exc.params.get("status", 0)) != 503
        ):
            with self.lock:
                self.server_errors += 1


def _retrying(run: Run, call: Any, seconds: float = 300) -> Any:
    deadline = time.monotonic() + seconds
    while True:
        try:
            return call()
        except (NetworkError, RelayRefused) as exc:
            run.note(exc)
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def device(run: Run, n: int, tokens: list[str], small: int, large: bool, large_mib: int) -> None:
    rng = random.Random(n)
    proxy = run.proxies[n % len(run.proxies)]
    client = RelayClient(proxy.url)
    credential = "tc1-" + hashlib.sha256(f"device-{n}".encode()).hexdigest()[:43]
    client.credential = _retrying(run, lambda: client.enroll(tokens[n], credential))["credential"]
    bundles = [os.urandom(rng.randint(4, 64) * 1024) for _ in range(small)]
    if large:
        bundles.append(os.urandom(large_mib * 1024 * 1024))
    for i, data in enumerate(bundles):
        sha = hashlib.sha256(data).hexdigest()
        key = hashlib.sha256(f"{n}-{i}".encode()).hexdigest()
        if len(data) <= PIECE:
            _retrying(run, lambda d=data, k=key, s=sha: client.upload_whole(k, s, d))
        else:
            upload_id = _retrying(run, lambda k=key, d=data: client.create_upload(k, len(d)))[
                "upload_id"
            ]
            while True:
                offset = _retrying(run, lambda u=upload_id: client.upload_status(u))["offset"]
                end = min(offset + PIECE, len(data))
                try:
                    if _retrying(run, lambda u=upload_id: client.upload_status(u))["complete"]:
                        break
                    if offset >= len(data):
                        client.finish(upload_id, sha)
                    else:
                        client.append(
                            upload_id, offset, data[offset:end], sha if end == len(data) else None
                        )
                except (NetworkError, RelayRefused) as exc:
                    run.note(exc)
                    time.sleep(0.05)
        with run.lock:
            run.sent[sha] = len(data)


def coordinator(run: Run, index: int, url: str, token: str, done: threading.Event) -> None:
    """One coordinator's pull: its own cursor, its own acknowledgements."""
    client = RelayClient(url)
    client.credential = _retrying(run, lambda: client.enroll(token))["credential"]
    got = run.received[index]
    cursor = 0
    while not done.is_set():
        try:
            items = client.pending(cursor, 200)
        except (NetworkError, RelayRefused) as exc:
            run.note(exc)
            time.sleep(0.05)
            continue
        if not items:
            time.sleep(0.05)
            continue
        for item in items:
            try:
                data = b"".join(client.download(item["upload_id"], item["size"]))
            except (NetworkError, RelayRefused) as exc:
                run.note(exc)
                if isinstance(exc, RelayRefused) and exc.params.get("status") == 410:
                    cursor = max(cursor, item["cursor"])  # counted as lost below
                    continue
                break  # the process went away: list again from the same cursor
            assert hashlib.sha256(data).hexdigest() == item["sha256"], "a bundle changed"
            with run.lock:
                run.deliveries += 1
                got[item["sha256"]] = got.get(item["sha256"], 0) + 1
            _retrying(run, lambda u=item["upload_id"]: client.acknowledge(u))
            cursor = max(cursor, item["cursor"])


def measure(
    label: str, stores: list[StorageConfig], args: argparse.Namespace, root: Path, kill: bool
) -> dict[str, float]:
    relays: list[Relay] = []
    try:
        return _measure(label, stores, args, root, kill, relays)
    finally:
        for relay in relays:
            relay.stop()


def _measure(
    label: str,
    stores: list[StorageConfig],
    args: argparse.Namespace,
    root: Path,
    kill: bool,
    relays: list[Relay],
) -> dict[str, float]:
    for i, store in enumerate(stores):
        relays.append(Relay(store, root / f"home-{len(stores)}-{i}", args.pool_size))
    proxies = [
        FaultyProxy(r.port, failure_rate=args.failure_rate, seed=i).start()
        for i, r in enumerate(relays)
    ]
    store = open_storage(stores[0])
    tokens = [store.create_token("device") for _ in range(args.devices)]
    coordinator_tokens = [store.create_token("coordinator") for _ in range(2)]
    store.close()
    run = Run(relays, proxies)
    done = threading.Event()
    pullers = [
        threading.Thread(
            target=coordinator,
            args=(run, i, relays[i % len(relays)].url, coordinator_tokens[i], done),
        )
        for i in range(2)
    ]
    start = time.monotonic()
    for puller in pullers:
        puller.start()
    killer = None
    if kill and len(relays) > 1:
        total = args.devices * args.small

        def kill_and_restart() -> None:
            """Once a third of the bundles are in: mid-run, pieces in flight."""
            deadline = time.monotonic() + 600
            while len(run.sent) < total // 3 and time.monotonic() < deadline:
                time.sleep(0.01)
            relays[0].kill()
            print(f"  killed process 0 (SIGKILL) after {len(run.sent)} bundles", flush=True)
            relays[0].start()

        killer = threading.Thread(target=kill_and_restart)
        killer.start()

    def progress() -> None:
        while not done.wait(10):
            print(
                f"  {time.monotonic() - start:6.1f} s: sent {len(run.sent)},"
                f" pulled {len(run.received[0])} and {len(run.received[1])}",
                flush=True,
            )

    threading.Thread(target=progress, daemon=True).start()
    with ThreadPoolExecutor(args.workers) as pool:
        jobs = [
            pool.submit(
                device, run, n, tokens, args.small, n % args.large_every == 0, args.large_mib
            )
            for n in range(args.devices)
        ]
        for job in jobs:
            job.result()
    deadline = time.monotonic() + 600
    while not run.all_delivered() and time.monotonic() < deadline:
        time.sleep(0.1)
    seconds = time.monotonic() - start
    done.set()
    for thread in [*pullers, *([killer] if killer else [])]:
        thread.join(60)
    for proxy in proxies:
        proxy.stop()
    for n, got in enumerate(run.received):
        assert set(got) == set(run.sent), f"coordinator {n}: bundles lost"
        twice = sum(1 for count in got.values() if count != 1)
        assert twice == 0, f"coordinator {n}: {twice} bundles came more than once"
    assert run.server_errors == 0, f"{run.server_errors} answers were 5xx"
    store = open_storage(stores[0])
    try:  # both acknowledged every bundle: the relay keeps none of their bytes
        ((kept,),) = store.query("SELECT count(*) FROM uploads WHERE state = 'complete'")
    finally:
        store.close()
    assert kept == 0, f"{kept} bundles still held after both coordinators acknowledged them"
    mib = sum(run.sent.values()) / 1024 / 1024
    result = {
        "bundles": len(run.sent),
        "seconds": seconds,
        "bundles_s": len(run.sent) / seconds,
        "mib_s": mib / seconds,
        "mib": mib,
    }
    print(
        f"{label:<28} {len(run.sent):>6} bundles {mib:8.1f} MiB  {seconds:7.1f} s"
        f"  {result['bundles_s']:7.1f} bundles/s  {result['mib_s']:6.1f} MiB/s"
        f"  (each coordinator got each once: {run.deliveries} downloads)",
        flush=True,
    )
    print(f"  retried after: {dict(sorted(run.refusals.items()))}", flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devices", type=int, default=30)
    parser.add_argument("--full", action="store_true", help="issue 17's scale: 200 devices")
    parser.add_argument("--small", type=int, default=2, help="small bundles per device")
    parser.add_argument(
        "--large-every", type=int, default=10, help="every n-th device also sends one large bundle"
    )
    parser.add_argument("--large-mib", type=int, default=16)
    parser.add_argument("--processes", type=int, default=3)
    parser.add_argument(
        "--pool-size", type=int, default=16, help="PostgreSQL connections per relay process"
    )
    parser.add_argument("--failure-rate", type=float, default=0.05)
    parser.add_argument("--workers", type=int, default=32, help="devices sending at once")
    parser.add_argument(
        "--no-kill", action="store_true", help="do not kill a process: throughput alone"
    )
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    if args.full:
        args.devices = max(args.devices, 200)
    os.umask(0o077)
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # moto's request log
    faulthandler.register(signal.SIGUSR1)  # `kill -USR1 PID`: where is it stuck?
    with tempfile.TemporaryDirectory(prefix="bench-relay-") as tmp:
        root = Path(tmp)
        cluster, s3 = PgCluster(), S3Server()
        try:
            results = {}
            results["SQLite, 1 process"] = measure(
                "SQLite, 1 process", [root / "sqlite"], args, root, kill=False
            )

            def pg() -> PostgresS3:
                return PostgresS3(cluster.new_database(), f"s3://{s3.new_bucket()}/r", s3.endpoint)

            one = pg()
            results["PostgreSQL + S3, 1 process"] = measure(
                "PostgreSQL + S3, 1 process", [one], args, root, kill=False
            )
            many = pg()
            results[f"PostgreSQL + S3, {args.processes} proc."] = measure(
                f"PostgreSQL + S3, {args.processes} proc.",
                [many] * args.processes,
                args,
                root,
                kill=not args.no_kill,
            )
        finally:
            s3.stop()
            cluster.stop()
    rows = [
        row(f"relay, {args.devices} devices: {label} (MiB/s)", r["mib_s"], None, "MiB/s")
        for label, r in results.items()
    ]
    write_json(args.json, "relay_scale", rows, results=results, devices=args.devices)


if __name__ == "__main__":
    main()
