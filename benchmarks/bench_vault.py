"""The vault against plain sqlite3 with the same schema, measured in the same run.

Run: python benchmarks/bench_vault.py [--quick]

1. Insert N incidents (10,000), each its own durable transaction, with FTS: Testigo's
   IncidentStore.add (validation + SQLCipher) vs the same rows into plain sqlite3 (same
   schema, WAL, synchronous=FULL). Goal <= 1.5x.
2. Search M incidents (100,000): FTS word + a state filter, first page of 50, many queries;
   Testigo's IncidentStore.find vs the same SQL on plain sqlite3. Goal <= 1.5x, p95 < 50 ms.
3. Attach a G GiB file (1 GiB) in a fresh subprocess; peak RSS growth from /proc VmHWM.
   Goal < 64 MiB.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.common import row, write_json  # noqa: E402
from reporter.incidents.record import normalize_record  # noqa: E402
from reporter.vault import database, keyfile  # noqa: E402
from reporter.vault.incident_store import IncidentFilter, fts_query  # noqa: E402
from reporter.vault.vault import Vault  # noqa: E402

keyfile.FAST_KDF_FOR_TESTS = True  # unlock cost is not what is measured

PASSPHRASE = "benchmark passphrase 2026"  # noqa: S105 - a throwaway vault
WORDS = (  # noqa: SIM905
    "amenaza seguimiento periodista redacción llamada mensaje enlace teléfono "
    "vigilancia patrulla camioneta domicilio oficina colectivo madres búsqueda fosa "
    "reportaje denuncia audiencia fiscalía policía militar hackeo cuenta correo"
).split()
STATES = [f"{n:02d}" for n in range(1, 33)]
# A realistic spread of words: a few very common ones, a long tail of rare ones (Zipf).
LEXICON = WORDS + [
    f"{a}{b}{c}"
    for a in ("ca", "me", "ti", "lo", "su", "ra", "pe", "no")
    for b in ("ba", "de", "fi", "go", "ju", "ke", "la", "mi", "ne", "po")
    for c in ("ro", "sa", "ta", "va", "xo", "yo", "zu", "ni", "mo", "le")
]
WEIGHTS = [1.0 / (rank + 1) for rank in range(len(LEXICON))]


def words(rng: random.Random, k: int) -> str:
    return " ".join(rng.choices(LEXICON, WEIGHTS, k=k))


TYPES = ["HAR.THREAT", "HAR.INTIMIDATION", "SURV.PHYSICAL", "SURV.SPYWARE", "SURV.ACCOUNT"]


def sample_record(rng: random.Random) -> dict[str, Any]:
    return {
        "title": words(rng, 5),
        "description": words(rng, 40),
        "incident_types": rng.sample(TYPES, k=2),
        "when": {
            "date": f"20{rng.randint(18, 26)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        },
        "where": {"state": rng.choice(STATES), "place": words(rng, 3)},
        "perpetrators": [{"code": rng.choice(["STATE.SECURITY", "UNKNOWN"])}],
        "tags": rng.sample(WORDS, k=2),
        "private_notes": words(rng, 10),
    }


# -- the baseline: the same schema and the same statements in plain sqlite3 -----------------
def plain_db(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA cache_size = -65536")  # the same page cache as the vault
    for _, _, sql in database.migrations():
        for statement in database._split_sql(sql):  # noqa: SLF001 - same schema on purpose
            conn.execute(statement)
    return conn


def plain_insert(conn: sqlite3.Connection, records: list[dict[str, Any]], seq: int) -> int:
    conn.execute("BEGIN IMMEDIATE")
    for rec in records:
        seq += 1
        iid = str(uuid.uuid4())
        conn.execute(
            "INSERT INTO incidents(id, seq, data, status, state, date_start, title, revision,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
            (
                iid,
                seq,
                json.dumps(rec, ensure_ascii=False),
                rec["status"],
                rec["where"]["state"],
                rec["when"]["date"],
                rec["title"],
                "now",
                "now",
            ),
        )
        conn.executemany(
            "INSERT INTO incident_codes VALUES (?, ?, ?)",
            [(iid, "incident_type", t) for t in rec["incident_types"]],
        )
        conn.execute(
            "INSERT INTO incident_fts(rowid, incident_id, title, description, notes,"
            " tags, places) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                seq,
                iid,
                rec["title"],
                rec["description"],
                rec["private_notes"],
                " ".join(rec["tags"]),
                rec["where"]["place"],
            ),
        )
        conn.execute("INSERT INTO revisions VALUES (?, 1, 'now', 'created', '{}')", (iid,))
        conn.execute("INSERT INTO audit(at, action, incident_id) VALUES ('now', 'c', ?)", (iid,))
    conn.execute("COMMIT")
    return seq


def plain_search(conn: sqlite3.Connection, word: str, state: str) -> list[Any]:
    """The same query, returning the same thing: records parsed from JSON."""
    return [
        json.loads(row[1])
        for row in conn.execute(
            "SELECT i.id, i.data, i.created_at, i.updated_at, i.revision FROM incidents i"
            " WHERE i.seq IN (SELECT i.seq FROM incident_fts f"
            " JOIN incidents i INDEXED BY incidents_search ON i.seq = f.rowid"
            " WHERE incident_fts MATCH ? AND i.state IN (?)"
            " ORDER BY i.updated_at DESC, i.seq DESC LIMIT 50 OFFSET 0)"
            " ORDER BY i.updated_at DESC, i.seq DESC",
            (fts_query(word), state),
        ).fetchall()
    ]


# -- the measurements ----------------------------------------------------------------------
def bench_insert(work: Path, n: int, batch: int) -> tuple[float, float]:
    """``batch`` incidents per durable transaction (1 = each save, as a person saves)."""
    rng = random.Random(1)
    raws = [sample_record(rng) for _ in range(n)]
    vault = Vault.create(work / f"ins{batch}", PASSPHRASE)
    start = time.perf_counter()
    for i in range(0, n, batch):
        vault.incidents.add_many(raws[i : i + batch])
    ours = time.perf_counter() - start
    vault.close()

    normalized = [normalize_record(r) for r in raws]  # the baseline gets clean rows for free
    conn = plain_db(work / f"ins{batch}.sqlite")
    start = time.perf_counter()
    seq = 0
    for i in range(0, n, batch):
        seq = plain_insert(conn, normalized[i : i + batch], seq)
    base = time.perf_counter() - start
    conn.close()
    return ours, base


def bench_search(work: Path, n: int, queries: int) -> dict[str, float]:
    rng = random.Random(2)
    raws = [sample_record(rng) for _ in range(n)]
    vault = Vault.create(work / "search", PASSPHRASE)
    conn = plain_db(work / "search.sqlite")
    seq = 0
    for i in range(0, n, 5000):
        vault.incidents.add_many(raws[i : i + 5000])
        seq = plain_insert(conn, [normalize_record(r) for r in raws[i : i + 5000]], seq)
    # What people search: a word of the vocabulary (any frequency) within one state.
    probes = [(rng.choice(LEXICON), rng.choice(STATES)) for _ in range(queries)]
    ours_t, base_t = [], []
    for word, state in probes:  # interleaved so both see the same machine state
        t0 = time.perf_counter()
        vault.incidents.find(IncidentFilter(query=word, states=[state]), limit=50)
        t1 = time.perf_counter()
        plain_search(conn, word, state)
        t2 = time.perf_counter()
        ours_t.append(t1 - t0)
        base_t.append(t2 - t1)
    vault.close()
    conn.close()
    return {
        "ours_mean": statistics.mean(ours_t),
        "base_mean": statistics.mean(base_t),
        "ours_p95": statistics.quantiles(ours_t, n=20)[18],
        "base_p95": statistics.quantiles(base_t, n=20)[18],
    }


ATTACH_CHILD = r"""
import os, sys
from pathlib import Path
def hwm():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
from reporter.vault.vault import Vault
vault = Vault.create(Path(sys.argv[1]), "benchmark passphrase 2026")
iid = vault.incidents.add({"title": "grande", "incident_types": ["OTHER"]})
before = hwm()
vault.attachments.add(iid, Path(sys.argv[2]))
print(hwm() - before)
"""


def bench_attach_rss(work: Path, gib: float) -> int:
    big = work / "big.bin"
    size = int(gib * 1024**3)
    with big.open("wb") as handle:  # mostly sparse, with real data at both ends
        handle.write(os.urandom(4 * 1024 * 1024))
        handle.truncate(size)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run(
        [sys.executable, "-c", ATTACH_CHILD, str(work / "att"), str(big)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return int(out.stdout.strip())


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="small sizes (a smoke run)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    n_insert, n_search, queries, gib = (
        (500, 5000, 100, 0.0625) if args.quick else (10_000, 100_000, 1000, 1.0)
    )
    with tempfile.TemporaryDirectory(dir=ROOT / "benchmarks") as tmp:
        work = Path(tmp)
        ours, base = bench_insert(work, n_insert, 1)
        ours_b, base_b = bench_insert(work, n_insert, 500)
        search = bench_search(work, n_search, queries)
        rss = bench_attach_rss(work, gib)
    ins_ratio = ours / base
    batch_ratio = ours_b / base_b
    search_ratio = search["ours_mean"] / search["base_mean"]
    rows = [
        (
            f"insert {n_insert:,} (durable, FTS)",
            f"{ours:.2f} s",
            f"{base:.2f} s",
            f"{ins_ratio:.2f}x",
            "<= 1.5x",
            ins_ratio <= 1.5,
        ),
        (
            f"insert {n_insert:,} (500 per transaction)",
            f"{ours_b:.2f} s",
            f"{base_b:.2f} s",
            f"{batch_ratio:.2f}x",
            "<= 1.5x",
            batch_ratio <= 1.5,
        ),
        (
            f"search {n_search:,} (FTS + state), mean",
            f"{search['ours_mean'] * 1000:.2f} ms",
            f"{search['base_mean'] * 1000:.2f} ms",
            f"{search_ratio:.2f}x",
            "<= 1.5x",
            search_ratio <= 1.5,
        ),
        (
            "search p95",
            f"{search['ours_p95'] * 1000:.2f} ms",
            f"{search['base_p95'] * 1000:.2f} ms",
            "",
            "< 50 ms",
            search["ours_p95"] < 0.05,
        ),
        (
            f"attach {gib:g} GiB: peak RSS growth",
            f"{rss / 1024**2:.1f} MiB",
            "",
            "",
            "< 64 MiB",
            rss < 64 * 1024**2,
        ),
    ]
    print(f"{'benchmark':42} {'Testigo':>12} {'sqlite3':>12} {'ratio':>8} {'goal':>9}  met")
    for name, a, b, r, goal, met in rows:
        print(f"{name:42} {a:>12} {b:>12} {r:>8} {goal:>9}  {'yes' if met else 'NO'}")
    numbers = [
        (ours, base, ins_ratio, "s"),
        (ours_b, base_b, batch_ratio, "s"),
        (search["ours_mean"] * 1000, search["base_mean"] * 1000, search_ratio, "ms"),
        (search["ours_p95"] * 1000, search["base_p95"] * 1000, None, "ms"),
        (rss / 1024**2, None, None, "MiB"),
    ]
    write_json(
        args.json,
        "vault",
        [
            row(f"vault {name}", a, b, unit, ratio, goal, met)
            for (name, _, _, _, goal, met), (a, b, ratio, unit) in zip(rows, numbers, strict=True)
        ],
    )
    return 0 if all(row[-1] for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
