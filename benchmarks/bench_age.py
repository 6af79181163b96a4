"""Throughput and memory of Testigo's age implementation, against `age` and raw ChaCha20.

Run: python benchmarks/bench_age.py [--size-mib 256] [--rss-gib 1] [--repeat 3]

Prints a table: seal/open MiB/s for Testigo (X25519 and post-quantum), the `age` binary on the
same file in the same run, and raw ChaCha20-Poly1305 over 64 KiB chunks in `cryptography`
(same file I/O); the ratios; and the peak RSS growth of sealing and opening --rss-gib GiB,
measured in a fresh subprocess from /proc/self/status VmHWM. Goals: >= 1.0x age,
>= 70% of raw, < 64 MiB RSS growth.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305  # noqa: E402

from reporter.crypto.stream import CHUNK_SIZE, ENCRYPTED_CHUNK_SIZE  # noqa: E402
from reporter.share.age import (  # noqa: E402
    HybridIdentity,
    X25519Identity,
    decrypt,
    encrypt,
    format_identity_file,
)

MIB = 1024 * 1024


def best_of(repeat: int, work: Callable[[], None]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


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


_RSS_CHILD = r"""
import io, os, sys, tempfile
sys.path.insert(0, sys.argv[1])
from reporter.share.age import X25519Identity, encrypt, decrypt

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mib", type=int, default=256)
    parser.add_argument("--rss-gib", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    age = shutil.which("age")

    with tempfile.TemporaryDirectory(prefix="bench-age-") as tmp:
        work = Path(tmp)
        plain = work / "plain.bin"
        with plain.open("wb") as f:
            for _ in range(args.size_mib):
                f.write(os.urandom(MIB))
        sealed, sealed_pq, sealed_age, sealed_raw = (
            work / n for n in ("t.age", "pq.age", "a.age", "raw.bin")
        )
        identity, pq = X25519Identity.generate(), HybridIdentity.generate()
        key_file = work / "key.txt"
        key_file.write_text(format_identity_file([identity]))
        raw_key = ChaCha20Poly1305.generate_key()
        r = args.repeat
        rows: dict[str, tuple[float, float]] = {}
        rows["testigo X25519"] = (
            best_of(r, lambda: testigo_seal(identity.recipient(), plain, sealed)),
            best_of(r, lambda: testigo_open(identity, sealed)),
        )
        rows["testigo mlkem768x25519"] = (
            best_of(r, lambda: testigo_seal(pq.recipient(), plain, sealed_pq)),
            best_of(r, lambda: testigo_open(pq, sealed_pq)),
        )
        rows["raw ChaCha20Poly1305 64 KiB"] = (
            best_of(r, lambda: raw_seal(raw_key, plain, sealed_raw)),
            best_of(r, lambda: raw_open(raw_key, sealed_raw)),
        )
        if age:
            recipient = identity.recipient().to_string()
            rows["age binary (X25519)"] = (
                best_of(r, lambda: run([age, "-r", recipient, "-o", str(sealed_age), str(plain)])),
                best_of(
                    r,
                    lambda: run(
                        [age, "-d", "-i", str(key_file), "-o", os.devnull, str(sealed_age)]
                    ),
                ),
            )
        seal_rss, open_rss = rss_growth(int(args.rss_gib * 1024) * MIB, work)

    print(f"age benchmark: {args.size_mib} MiB, best of {r}, python {sys.version.split()[0]}")
    print(f"{'implementation':30} {'seal MiB/s':>11} {'open MiB/s':>11}")
    for name, (seal_s, open_s) in rows.items():
        print(f"{name:30} {args.size_mib / seal_s:11.0f} {args.size_mib / open_s:11.0f}")
    mine = rows["testigo X25519"]
    raw = rows["raw ChaCha20Poly1305 64 KiB"]
    print(
        f"testigo / raw   : seal {raw[0] / mine[0]:.2f}x  open {raw[1] / mine[1]:.2f}x"
        "  (goal >= 0.70)"
    )
    if age:
        ref = rows["age binary (X25519)"]
        print(
            f"testigo / age   : seal {ref[0] / mine[0]:.2f}x  open {ref[1] / mine[1]:.2f}x"
            "  (goal >= 1.0)"
        )
    else:
        print("testigo / age   : n/a (age binary not installed)")
    print(
        f"peak RSS growth, {args.rss_gib:g} GiB: seal {seal_rss / MIB:.1f} MiB, "
        f"open {open_rss / MIB:.1f} MiB (goal < 64 MiB)"
    )


if __name__ == "__main__":
    main()
