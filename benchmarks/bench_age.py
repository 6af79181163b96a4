"""Throughput and memory of Testigo's age implementation, against `age` and raw ChaCha20.

Run: python benchmarks/bench_age.py [--size-mib 256] [--runs 7] [--rss-gib 1] [--json FILE]
    [--sweep-kib 1,64,1024,16384] [--sweep-runs 3]

For each place (tmpfs: /dev/shm; disk: the temp directory) and each kind of input file (written
by Python, and the same bytes copied there with `cp`, which has been seen to read differently),
seal and open --size-mib MiB with: Testigo (X25519 and post-quantum), the `age` binary and raw
ChaCha20-Poly1305 over 64 KiB chunks in `cryptography` (the same file I/O, no format). The
implementations take turns within each round, in an order that rotates every round, so load on
a shared machine falls on all of them; each ratio is taken within a round, and the table shows
medians with the min-max spread over --runs rounds, never the best run; beside each ratio by the
clock, the same ratio by CPU seconds (this process's, and the `age` child's), which a busy
machine disturbs less. Before each timed job, untimed, the last seal's output file is removed
and ``os.sync()`` run, so no job pays for freeing or writing back another's. Opening reads the
file Testigo sealed (age opens that same file); raw opens its own. Also the peak RSS growth of
sealing and opening --rss-gib GiB, in a fresh subprocess (/proc/self/status VmHWM).
Goals: seal and open >= 1.2x `age` and >= 0.9x raw; < 64 MiB RSS growth.
The sweep seals bundles of each --sweep-kib size on tmpfs with the same three (as many as fill
about 16 MiB per round, so a 1 KiB bundle counts the `age` process start, as a real one does):
the data of the throughput plot that `python -m benchmarks` draws.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305  # noqa: E402

from benchmarks.common import row, write_json  # noqa: E402
from reporter.age import (  # noqa: E402
    HybridIdentity,
    X25519Identity,
    decrypt,
    encrypt,
    format_identity_file,
)
from reporter.age.stream import CHUNK_SIZE, ENCRYPTED_CHUNK_SIZE  # noqa: E402

MIB = 1024 * 1024
GOAL_VS_AGE = 1.2
GOAL_VS_RAW = 0.9
TESTIGO, PQ, AGE, RAW = "testigo X25519", "testigo mlkem768x25519", "age binary", "raw ChaCha20"


def testigo_seal(recipient: object, src: Path, dst: Path) -> None:
    with src.open("rb") as fin, dst.open("wb") as fout:
        encrypt([recipient], fin, fout)  # type: ignore[list-item]


def testigo_open(identity: object, src: Path) -> None:
    with src.open("rb") as fin, open(os.devnull, "wb") as sink:
        for chunk in decrypt([identity], fin):  # type: ignore[list-item]
            sink.write(chunk)


def raw_seal(key: bytes, src: Path, dst: Path) -> None:
    aead = ChaCha20Poly1305(key)
    counter = 0
    with src.open("rb") as fin, dst.open("wb") as fout:
        while block := fin.read(CHUNK_SIZE):
            fout.write(aead.encrypt(counter.to_bytes(12, "big"), block, None))
            counter += 1


def raw_open(key: bytes, src: Path) -> None:
    aead = ChaCha20Poly1305(key)
    counter = 0
    with src.open("rb") as fin, open(os.devnull, "wb") as sink:
        while block := fin.read(ENCRYPTED_CHUNK_SIZE):
            sink.write(aead.decrypt(counter.to_bytes(12, "big"), block, None))
            counter += 1


def run(cmd: list[str]) -> None:
    subprocess.run(cmd, check=True, capture_output=True)


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the `age` runs)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def timed(work: Callable[[], None]) -> tuple[float, float]:
    """Wall-clock and CPU seconds: on a shared machine the second moves less with the load."""
    start, cpu = time.perf_counter(), cpu_seconds()
    work()
    return time.perf_counter() - start, cpu_seconds() - cpu


Jobs = dict[str, Callable[[], None]]


def place_jobs(work: Path, size_mib: int, age: str | None) -> dict[str, dict[str, Jobs]]:
    """Prepare the files in ``work``; return {"seal"|"open": {input kind: {impl: job}}}."""
    plain = work / "plain-python.bin"
    with plain.open("wb") as f:
        for _ in range(size_mib):
            f.write(os.urandom(MIB))
    copied = work / "plain-cp.bin"
    subprocess.run(["cp", str(plain), str(copied)], check=True)
    identity, pq = X25519Identity.generate(), HybridIdentity.generate()
    key_file = work / "key.txt"
    key_file.write_text(format_identity_file([identity]))
    raw_key = ChaCha20Poly1305.generate_key()
    sealed: dict[str, dict[str, Path]] = {"python": {}, "cp": {}}
    # On tmpfs the first sealed file written after the plain ones (and its copy) read ~12 %
    # slower than the next, whichever implementation's it is (seen by swapping the order):
    # a sealed file nobody opens takes that place, so no implementation is measured on it.
    ballast = work / "sealed-ballast"
    raw_seal(raw_key, plain, ballast)
    subprocess.run(["cp", str(ballast), str(work / "sealed-ballast-cp")], check=True)
    for impl, seal in (
        (TESTIGO, lambda s, d: testigo_seal(identity.recipient(), s, d)),
        (PQ, lambda s, d: testigo_seal(pq.recipient(), s, d)),
        (RAW, lambda s, d: raw_seal(raw_key, s, d)),
    ):
        target = work / f"sealed-{len(sealed['python'])}"
        seal(plain, target)
        sealed["python"][impl] = target
        sealed["cp"][impl] = work / f"{target.name}-cp"
        subprocess.run(["cp", str(target), str(sealed["cp"][impl])], check=True)
    out = work / "out.bin"
    jobs: dict[str, dict[str, Jobs]] = {"seal": {}, "open": {}}
    for kind, src in (("python", plain), ("cp", copied)):
        jobs["seal"][kind] = {
            TESTIGO: lambda s=src: testigo_seal(identity.recipient(), s, out),
            PQ: lambda s=src: testigo_seal(pq.recipient(), s, out),
            RAW: lambda s=src: raw_seal(raw_key, s, out),
        }
        files = sealed[kind]
        jobs["open"][kind] = {
            TESTIGO: lambda f=files: testigo_open(identity, f[TESTIGO]),
            PQ: lambda f=files: testigo_open(pq, f[PQ]),
            RAW: lambda f=files: raw_open(raw_key, f[RAW]),
        }
        if age:
            recipient = identity.recipient().to_string()
            jobs["seal"][kind][AGE] = lambda s=src, r=recipient: run(
                [age, "-r", r, "-o", str(out), str(s)]
            )
            jobs["open"][kind][AGE] = lambda f=files: run(
                [age, "-d", "-i", str(key_file), "-o", os.devnull, str(f[TESTIGO])]
            )
    return jobs


def settled(out: Path | None = None) -> None:
    """Before a timed job: the last one's output gone and its writeback done (``os.sync``),
    so no job pays for freeing or flushing another's 256 MiB (it did, by the clock)."""
    if out is not None:
        out.unlink(missing_ok=True)
    os.sync()


def measure(
    jobs: Jobs, runs: int, before: Callable[[], None] = settled
) -> dict[str, list[tuple[float, float]]]:
    """(wall, CPU) seconds per run for each implementation, taking turns in a rotating order;
    ``before`` runs untimed ahead of each."""
    names = list(jobs)
    times: dict[str, list[tuple[float, float]]] = {n: [] for n in names}
    for r in range(runs):
        for name in names[r % len(names) :] + names[: r % len(names)]:
            before()
            times[name].append(timed(jobs[name]))
    return times


def spread(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def summarize(times: dict[str, list[tuple[float, float]]], size_mib: int) -> dict[str, object]:
    """Speeds and, per round, Testigo's speed over each baseline's: by the clock and by CPU."""
    speeds = {n: spread([size_mib / wall for wall, _ in ts]) for n, ts in times.items()}
    ratios, cpu_ratios = {}, {}
    for base in (AGE, RAW):
        if base in times:
            pairs = list(zip(times[TESTIGO], times[base], strict=True))
            ratios[f"vs {base}"] = spread([b[0] / t[0] for t, b in pairs])
            cpu_ratios[f"vs {base}"] = spread([b[1] / t[1] for t, b in pairs])
    return {"MiB/s": speeds, "ratios": ratios, "cpu ratios": cpu_ratios}


_RSS_CHILD = r"""
import io, os, sys, tempfile
sys.path.insert(0, sys.argv[1])
from reporter.age import X25519Identity, encrypt, decrypt

def hwm():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024

class Source(io.RawIOBase):
    def __init__(self, size):
        self.left = size
        self.block = os.urandom(1 << 20)
    def readable(self):
        return True
    def readinto(self, buf):
        n = min(len(buf), self.left, len(self.block))
        buf[:n] = self.block[:n]
        self.left -= n
        return n

size = int(sys.argv[2])
identity = X25519Identity.generate()
with tempfile.TemporaryFile(dir=sys.argv[3]) as sealed:
    base = hwm()
    encrypt([identity.recipient()], io.BufferedReader(Source(size)), sealed)
    seal_growth = hwm() - base
    sealed.seek(0)
    opened = 0
    for chunk in decrypt([identity], sealed):
        opened += len(chunk)
    assert opened == size
    print(seal_growth, hwm() - base)
"""


def rss_growth(size: int, workdir: Path) -> tuple[int, int]:
    root = str(Path(__file__).resolve().parent.parent)
    out = subprocess.run(
        [sys.executable, "-c", _RSS_CHILD, root, str(size), str(workdir)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return int(out[0]), int(out[1])


def fmt(s: dict[str, float], digits: int = 0) -> str:
    return f"{s['median']:.{digits}f} ({s['min']:.{digits}f}-{s['max']:.{digits}f})"


def report(results: dict[str, dict[str, dict[str, dict[str, object]]]]) -> list[str]:
    """Markdown rows: place, input, operation, MiB/s per implementation, the two ratios."""
    lines = []
    for place, ops in results.items():
        for op, kinds in ops.items():
            for kind, summary in kinds.items():
                speeds = summary["MiB/s"]
                ratios = summary["ratios"]
                cpu = summary["cpu ratios"]
                assert isinstance(speeds, dict)
                assert isinstance(ratios, dict)
                assert isinstance(cpu, dict)
                cells = [fmt(speeds[n]) if n in speeds else "n/a" for n in (TESTIGO, PQ, AGE, RAW)]
                vs = [
                    fmt(r[f"vs {b}"], 2) if f"vs {b}" in r else "n/a"
                    for b in (AGE, RAW)
                    for r in (ratios, cpu)
                ]
                lines.append(f"| {place} | {kind} | {op} | " + " | ".join(cells + vs) + " |")
    return lines


def goals(results: dict[str, dict[str, dict[str, dict[str, object]]]]) -> list[str]:
    missed = []
    for place, ops in results.items():
        for op, kinds in ops.items():
            for kind, summary in kinds.items():
                ratios = summary["ratios"]
                assert isinstance(ratios, dict)
                for base, goal in ((AGE, GOAL_VS_AGE), (RAW, GOAL_VS_RAW)):
                    got = ratios.get(f"vs {base}")
                    if got is not None and got["median"] < goal:
                        missed.append(
                            f"{place}/{kind}/{op} vs {base}: {got['median']:.2f} < {goal}"
                        )
    return missed


SWEEP_BYTES = 16 * MIB  # sealed per implementation per round, whatever the bundle size


def sweep(root: Path, sizes_kib: list[int], runs: int, age: str | None) -> list[dict[str, Any]]:
    """Sealing throughput by bundle size: MiB/s of each implementation, medians of ``runs``."""
    identity = X25519Identity.generate()
    raw_key = ChaCha20Poly1305.generate_key()
    recipient = identity.recipient()
    points = []
    with tempfile.TemporaryDirectory(prefix="bench-age-sweep-", dir=root) as tmp:
        work = Path(tmp)
        for kib in sizes_kib:
            src, out = work / f"plain-{kib}", work / "out"
            src.write_bytes(os.urandom(kib * 1024))
            repeat = max(1, min(2000, SWEEP_BYTES // (kib * 1024)))
            if age:
                repeat = min(repeat, 200)  # a process per bundle: keep the round short
            jobs: Jobs = {
                TESTIGO: lambda s=src, o=out, n=repeat: [
                    testigo_seal(recipient, s, o) for _ in range(n)
                ],
                RAW: lambda s=src, o=out, n=repeat: [raw_seal(raw_key, s, o) for _ in range(n)],
            }
            if age:
                text = recipient.to_string()
                jobs[AGE] = lambda s=src, o=out, n=repeat, r=text: [
                    run([age, "-r", r, "-o", str(o), str(s)]) for _ in range(n)
                ]
            mib = kib * repeat / 1024
            speeds = {n: spread([mib / w for w, _ in ts]) for n, ts in measure(jobs, runs).items()}
            points.append({"size_kib": kib, "MiB/s": speeds})
    return points


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mib", type=int, default=256)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--rss-gib", type=float, default=1.0)
    parser.add_argument("--tmpfs", type=Path, default=Path("/dev/shm"))
    parser.add_argument("--disk", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--sweep-kib", default="1,64,1024,16384", help="bundle sizes, KiB")
    parser.add_argument("--sweep-runs", type=int, default=3)
    args = parser.parse_args()
    age = shutil.which("age")
    results: dict[str, dict[str, dict[str, dict[str, object]]]] = {}
    started = time.monotonic()
    load_before = os.getloadavg()
    for place, root in (("tmpfs", args.tmpfs), ("disk", args.disk)):
        with tempfile.TemporaryDirectory(prefix="bench-age-", dir=root) as tmp:
            jobs = place_jobs(Path(tmp), args.size_mib, age)
            out = Path(tmp) / "out.bin"  # what every seal job writes
            results[place] = {
                op: {
                    kind: summarize(
                        measure(j, args.runs, partial(settled, out if op == "seal" else None)),
                        args.size_mib,
                    )
                    for kind, j in by_kind.items()
                }
                for op, by_kind in jobs.items()
            }
            if place == "disk":
                seal_rss, open_rss = rss_growth(int(args.rss_gib * 1024) * MIB, Path(tmp))
    sizes = [int(k) for k in args.sweep_kib.split(",") if k]
    by_size = sweep(args.tmpfs, sizes, args.sweep_runs, age)
    load_after = os.getloadavg()

    print(
        f"age benchmark: {args.size_mib} MiB, median (min-max) of {args.runs} alternating runs,"
        f" python {sys.version.split()[0]}, {time.monotonic() - started:.0f} s, load average"
        f" {load_before[0]:.1f} before, {load_after[0]:.1f} after"
    )
    print(
        f"| place | input | op | {TESTIGO} MiB/s | {PQ} MiB/s | {AGE} MiB/s | {RAW} MiB/s |"
        " testigo / age | (by CPU) | testigo / raw | (by CPU) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    print("\n".join(report(results)))
    if not age:
        print("age binary not installed: no ratio against it")
    missed = goals(results)
    print(
        f"goals (median >= {GOAL_VS_AGE}x age, >= {GOAL_VS_RAW}x raw): "
        + ("met everywhere" if not missed else "missed: " + "; ".join(missed))
    )
    print(
        f"peak RSS growth, {args.rss_gib:g} GiB: seal {seal_rss / MIB:.1f} MiB, "
        f"open {open_rss / MIB:.1f} MiB (goal < 64 MiB)"
    )
    print("sealing by bundle size, MiB/s (tmpfs, median of --sweep-runs):")
    for point in by_size:
        cells = ", ".join(f"{n} {s['median']:.1f}" for n, s in point["MiB/s"].items())
        print(f"  {point['size_kib']:>8} KiB: {cells}")
    write_json(
        args.json,
        "age",
        summary_rows(results, seal_rss, open_rss),
        size_mib=args.size_mib,
        runs=args.runs,
        results=results,
        rss_growth_mib={"seal": seal_rss / MIB, "open": open_rss / MIB},
        load_average=[load_before[0], load_after[0]],
        goals_missed=missed,
        by_size=by_size,
    )


def summary_rows(
    results: dict[str, dict[str, dict[str, dict[str, object]]]], seal_rss: int, open_rss: int
) -> list[dict[str, Any]]:
    """The summary table's lines: each place and operation, Python-written input, vs both."""
    rows = []
    for place, ops in results.items():
        for op, kinds in ops.items():
            summary = kinds["python"]
            speeds, ratios = summary["MiB/s"], summary["ratios"]
            assert isinstance(speeds, dict)
            assert isinstance(ratios, dict)
            for base, goal in ((AGE, GOAL_VS_AGE), (RAW, GOAL_VS_RAW)):
                got = ratios.get(f"vs {base}")
                if got is None:
                    continue
                rows.append(
                    row(
                        f"age {op} on {place} vs {base} (MiB/s)",
                        speeds[TESTIGO]["median"],
                        speeds[base]["median"],
                        "MiB/s",
                        got["median"],
                        f">= {goal}x",
                        got["median"] >= goal,
                    )
                )
    for op, growth in (("seal", seal_rss), ("open", open_rss)):
        rows.append(
            row(
                f"age {op}: peak RSS growth",
                growth / MIB,
                None,
                "MiB",
                None,
                "< 64 MiB",
                growth < 64 * MIB,
            )
        )
    return rows


if __name__ == "__main__":
    main()
