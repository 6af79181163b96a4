"""Sync throughput over loopback vs raw `requests` PUTs of the same bytes, in the same run.

Run: python benchmarks/bench_sync.py [--small 1000] [--large 10] [--large-mib 64] [--runs 1]
    [--json FILE]
Runs alternate which goes first; each timed part starts after ``os.sync()``.
Testigo: SyncEngine walking the outbox (reading and decrypting each bundle from the vault,
durable state as it goes, the resumable protocol: a create, pieces the relay makes durable,
a finish checking the hash; several streams for small bundles, two large bundles at once).
Baseline: one `requests` PUT per bundle (per 16 MiB piece for large ones) of the same
ciphertext bytes, already in memory, to the relay's plain append endpoint (the same route and
fsyncs), on uploads created before the clock starts and never finished: it leaves out work
Testigo's side does. The relay runs in its own process, as it does in the field.
Goals (issue 18): small bundles >= 0.9x the raw throughput, large ones >= 1.0x, as the median
of --runs runs (each run measures both, baseline first, on a fresh relay and vault).
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
import requests  # noqa: E402

from benchmarks.common import row, write_json  # noqa: E402
from reporter.relay.store import RelayStore  # noqa: E402
from reporter.share.coalition import PROFILE_FILE, create_coalition  # noqa: E402
from reporter.share.outbox_store import OutboxStore  # noqa: E402
from reporter.share.profile import import_profile  # noqa: E402
from reporter.share.sharing import share_incidents  # noqa: E402
from reporter.sync.engine import Backoff, SyncEngine, enroll  # noqa: E402
from reporter.vault import keyfile  # noqa: E402
from reporter.vault.vault import Vault  # noqa: E402

keyfile.FAST_KDF_FOR_TESTS = True  # unlock cost is not what is measured

PASS = "benchmark passphrase 2026"  # noqa: S105 - throwaway vaults


class Relay:
    """``testigo-cli relay serve`` in a child process, limits opened for a benchmark."""

    def __init__(self, store: Path) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.store = store
        code = "from reporter.cli.main import main; raise SystemExit(main())"
        self.process = subprocess.Popen(  # noqa: S603 - our own CLI
            [
                sys.executable,
                "-c",
                code,
                "relay",
                "serve",
                "--store",
                str(store),
                "--port",
                str(self.port),
                "--max-bundle-mib",
                "2048",
                "--quota-mib",
                "10000000",
                "--max-open-uploads",
                "1000000",
                "--requests-per-minute",
                "100000000",
            ],
            stdout=subprocess.DEVNULL,
            cwd=ROOT,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the relay exited with {self.process.returncode}")
            try:
                requests.get(self.url + "/openapi.json", timeout=1)
                return
            except requests.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("the relay did not start")

    def token(self) -> str:
        store = RelayStore(self.store)
        try:
            return store.create_token("device")
        finally:
            store.close()

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(30)


def prepare(root: Path, relay: Relay, count: int, size: int) -> tuple[Vault, int]:
    create_coalition(root / "co", "Bench", [relay.url], PASS, "x25519")
    vault = Vault.create(root / "v", PASS)
    import_profile(vault, (root / "co" / PROFILE_FILE).read_bytes())
    enroll(vault, relay.token())
    iid = vault.incidents.add({"title": "x", "incident_types": ["HAR.THREAT"]})
    attachments = []
    if size:
        att = vault.attachments.add(iid, __import__("io").BytesIO(os.urandom(size)), "d.bin")
        attachments = [att["id"]]
    for _ in range(count):
        share_incidents(vault, [iid], attachments, ["share_attachments"])
    total = sum(item["size"] for item in OutboxStore(vault).list())
    return vault, total


def raw_baseline(relay: Relay, vault: Vault) -> float:
    """The same bytes, one plain PUT each (to the relay's append on fresh uploads)."""
    token = relay.token()
    session = requests.Session()
    credential = session.post(relay.url + "/v1/enroll", json={"token": token}, timeout=30).json()[
        "credential"
    ]
    headers = {"Authorization": f"Bearer {credential}"}
    outbox = OutboxStore(vault)
    items = outbox.list()
    payloads = [b"".join(outbox.ciphertext_chunks(i["bundle_id"])) for i in items]
    ids = [
        session.post(
            relay.url + "/v1/uploads",
            json={"key": f"{n:064x}", "size": len(p)},
            headers=headers,
            timeout=30,
        ).json()["upload_id"]
        for n, p in enumerate(payloads)
    ]
    start = time.perf_counter()
    piece = 16 * 1024 * 1024  # the relay's largest request, as the engine uses
    for upload_id, payload in zip(ids, payloads, strict=True):
        for offset in range(0, len(payload), piece):
            session.put(
                f"{relay.url}/v1/uploads/{upload_id}",
                params={"offset": offset},
                data=payload[offset : offset + piece],
                headers=headers,
                timeout=300,
            ).raise_for_status()
    return time.perf_counter() - start


def measure(count: int, size: int, ours_first: bool = False) -> tuple[int, float, float]:
    """(bytes, Testigo's seconds, the baseline's seconds) on a fresh relay and vault.

    Before each timed part the page cache is flushed (``os.sync``), so neither pays for the
    other's writeback; ``ours_first`` swaps the order (runs alternate it).
    """
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        relay = Relay(root / "relay")
        try:
            vault, total = prepare(root, relay, count, size)

            def ours() -> float:
                engine = SyncEngine(vault, backoff=Backoff(0, 0, 0))  # the app's defaults
                os.sync()
                start = time.perf_counter()
                report = engine.run(force=True)
                spent = time.perf_counter() - start
                engine.close()
                assert len(report.uploaded) == count
                return spent

            def base() -> float:
                os.sync()
                return raw_baseline(relay, vault)

            if ours_first:
                mine, theirs = ours(), base()
            else:
                theirs, mine = base(), ours()
            vault.close()
        finally:
            relay.stop()
    return total, mine, theirs


GOALS = {"small": 0.9, "large": 1.0}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=10)
    parser.add_argument("--large-mib", type=int, default=64)
    parser.add_argument("--runs", type=int, default=1, help="the table shows their medians")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    rows, summary = [], []
    for kind, label, count, size in (
        ("small", f"{args.small} small bundles", args.small, 0),
        ("large", f"{args.large} x {args.large_mib} MiB", args.large, args.large_mib * 2**20),
    ):
        runs = [measure(count, size, ours_first=n % 2 == 1) for n in range(args.runs)]
        ours_rate = statistics.median(total / ours / 2**20 for total, ours, _ in runs)
        base_rate = statistics.median(total / base / 2**20 for total, _, base in runs)
        ratios = [base / ours for _, ours, base in runs]
        ratio = statistics.median(ratios)
        goal = GOALS[kind]
        summary.append((label, ours_rate, base_rate, ratio, ratios, goal))
        rows.append(
            row(
                f"sync {label} vs raw PUTs (MiB/s)",
                ours_rate,
                base_rate,
                "MiB/s",
                ratio,
                f">= {goal}x",
                ratio >= goal,
            )
        )
    print(f"{'workload':24} {'Testigo MiB/s':>14} {'raw PUT MiB/s':>14} {'ratio':>7}  goal")
    for label, ours_rate, base_rate, ratio, ratios, goal in summary:
        every = " ".join(f"{r:.2f}" for r in ratios)
        print(
            f"{label:24} {ours_rate:>14.1f} {base_rate:>14.1f} {ratio:>7.2f}  >= {goal}: "
            f"{'met' if ratio >= goal else 'NOT met'} (runs: {every})"
        )
    write_json(args.json, "sync", rows, runs=args.runs)
    return 0 if all(r["met"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
