"""A coordinator vault that received bundles of three devices with a known distribution.

Records are built in the shared-version form a real device sends and sealed with the
project's own writer (tests/share/signed_bundles.py), then imported as files, so the
coordinator's whole intake runs. The distribution is drawn from a seeded random source and
kept in ``Received.records``: tests compute their expectations from it, not from the vault.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from reporter.cli.main import main
from reporter.share.device import DeviceIdentity
from tests.share.conftest import PASSPHRASE, make_world
from tests.share.signed_bundles import good_record, new_device, profile_of, seal

STATES = ("09", "12", "20", "30")
TYPES = ("SURV.SPYWARE", "SURV.PHISHING", "HAR.THREAT", "HAR.RAID")
PERPETRATORS = (
    ("STATE.SECURITY", "STATE"),
    ("STATE.ARMED_FORCES", "FEDERAL"),
    ("ORGANISED_CRIME", None),
    ("UNKNOWN", None),
)
PROFILES = ("JOURNALIST", "HRD", "LAWYER")
STATUSES = (None, "SUSPECTED", "ATTEMPT_CONFIRMED", "INFECTION_CONFIRMED")
FAMILIES = (None, "PEGASUS", "PREDATOR")
DOMAINS = ("aviso-embajada.example", "alerta-amber.example")


def varied_record(rng: random.Random, i: int) -> dict[str, Any]:
    """A valid shared record whose codes vary: several values, missing ones, coarse dates."""
    record = good_record(title=f"Reporte {i}")
    record["incident_types"] = sorted(rng.sample(TYPES, rng.choice((1, 1, 2))))
    record["where"]["state"] = rng.choice((*STATES, None))
    form = rng.choice(("month", "month", "day", "year"))
    month = rng.choice(("2026-01", "2026-03", "2026-07", "2026-11"))
    date = {"month": month, "day": f"{month}-15", "year": "2025"}[form]
    record["when"] = {
        "date": date,
        "date_end": None,
        "precision": "day" if form == "day" else "month",
    }
    record["perpetrators"] = [
        {"code": c, "level": lvl, "attribution": "SUSPECTED"}
        for c, lvl in rng.sample(PERPETRATORS, rng.choice((0, 1, 2)))
    ]
    record["targets"] = [
        {
            "profiles": sorted(rng.sample(PROFILES, rng.choice((1, 2)))),
            "gender": rng.choice(("WOMAN", "MAN", None)),
            "age_band": None,
            "coverage_topics": rng.choice(([], ["PROTEST"])),
        }
        for _ in range(rng.choice((0, 1, 1, 2)))
    ]
    spyware = "SURV.SPYWARE" in record["incident_types"]
    record["digital"] = {
        "vectors": ["SMS_LINK"] if spyware else [],
        "compromise_status": rng.choice(STATUSES) if spyware else None,
        "detection_source": rng.choice((None, "MVT_CHECK")),
        "platform": None,
        "spyware_family": rng.choice(FAMILIES) if spyware else None,
    }
    if spyware and rng.random() < 0.5:
        record["indicators"] = [
            {"type": "domain-name", "value": rng.choice(DOMAINS), "role": "ATTACKER"}
        ]
    return record


@dataclass
class Received:
    """The coordinator's vault home and what was sent to it, by whom."""

    home: Path
    root: Path
    records: list[dict[str, Any]] = field(default_factory=list)
    device_of: dict[str, str] = field(default_factory=dict)  # incident id -> device id
    devices: list[DeviceIdentity] = field(default_factory=list)

    def by_id(self, incident_id: str) -> dict[str, Any]:
        return next(r for r in self.records if r["id"] == incident_id)


def receive(
    root: Path, bundles_per_device: int = 4, seed: int = 13, seqs: tuple[int, ...] | None = None
) -> Received:
    """Three devices send bundles of 1-3 varied records; the coordinator imports them."""
    rng = random.Random(seed)
    world = make_world(root, "x25519")
    received = Received(world.coordinator.home, root)
    try:
        profile = profile_of(world.reporter)
        for _ in range(3):
            device = new_device()
            received.devices.append(device)
            for n, seq in enumerate(seqs or range(1, bundles_per_device + 1)):
                records = [varied_record(rng, len(received.records) + k) for k in range(1 + n % 3)]
                path = root / f"bundle-{len(received.devices)}-{seq}.age"
                path.write_bytes(seal(profile, device, records, seq=seq))
                result = world.inbox.import_file(path)
                assert result.status == "imported"
                path.unlink()
                received.records += records
                received.device_of.update({r["id"]: result.device_id for r in records})
    finally:
        world.reporter.close()
        world.coordinator.close()
    return received


@pytest.fixture
def received(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Received:
    monkeypatch.setenv("TESTIGO_PASSPHRASE", PASSPHRASE)
    return receive(tmp_path)


Cli = Callable[..., tuple[int, Any, str]]


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Cli:
    """The real `testigo-cli` in this process: (exit status, parsed --json output, stderr)."""
    monkeypatch.setenv("TESTIGO_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("TESTIGO_LANG", raising=False)

    def run(home: Path, *args: str) -> tuple[int, Any, str]:
        capsys.readouterr()
        status = main(["--home", str(home), *args])
        captured = capsys.readouterr()
        out = captured.out.strip()
        data = json.loads(out) if out and "--json" in args else out
        return status, data, captured.err

    return run
