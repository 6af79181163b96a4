"""A coordinator vault holding reports received from three devices, as bundles really arrive.

The bundles are made with the project's own writer (tests/share/signed_bundles.py), written
to files and imported with the inbox, so the exports read exactly what a coalition holds:
shared versions, their triage, the original bundles and an evidence file.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from reporter.coordination.triaging import TriageChange, apply_triage
from reporter.inbox.inbox import Inbox
from reporter.incidents.record import normalize_record
from reporter.share.bundle import OutgoingAttachment
from reporter.share.shared_version import shared_version
from reporter.vault.vault import Vault
from tests.share.conftest import PASSPHRASE, make_world
from tests.share.signed_bundles import new_device, profile_of, seal

CONSENT = {
    name: True
    for name in (
        "share_with_coalition",
        "include_in_statistics",
        "share_technical_indicators",
        "share_free_text",
        "share_municipality",
        "share_exact_date",
        "share_attachments",
    )
}
EVIDENCE = "Captura del SMS: «su paquete está en camino» con enlace\n".encode()
# (device, counting, record fields)
CASES: list[tuple[int, str, dict[str, Any]]] = [
    (
        0,
        "counted",
        {
            "title": "Mensaje con enlace a Pegasus en la Ciudad de México (año electoral)",
            "incident_types": ["SURV.SPYWARE"],
            "sphere": "DIGITAL",
            "when": {"date": "2026-03-14"},
            "where": {"state": "09", "municipality": "09015"},
            "targets": [
                {
                    "profiles": ["JOURNALIST"],
                    "gender": "WOMAN",
                    "coverage_topics": ["CORRUPTION_POLITICS"],
                }
            ],
            "perpetrators": [
                {"code": "STATE.INTELLIGENCE", "level": "FEDERAL", "attribution": "SUSPECTED"}
            ],
            "digital": {
                "vectors": ["SMS_LINK"],
                "compromise_status": "INFECTION_CONFIRMED",
                "detection_source": "MVT_CHECK",
                "platform": "IOS",
                "spyware_family": "PEGASUS",
            },
            "indicators": [
                {"type": "domain-name", "value": "pegasus-c2.example.com"},
                {"type": "url", "value": "https://link.example.net/a?b=c"},
                {"type": "url", "value": "https://track.example.net/p/x1"},
                {"type": "email-addr", "value": "phish@evil.example"},
                {"type": "phone-number", "value": "+525511112222", "role": "VICTIM"},
            ],
            "sensitivity": "TLP:AMBER",
        },
    ),
    (
        0,
        "counted",
        {
            "incident_types": ["SURV.SPYWARE", "HAR.THREAT"],
            "when": {"date": "2026-04"},
            "where": {"state": "14"},
            "targets": [{"profiles": ["HRD"], "gender": "MAN"}],
            "perpetrators": [{"code": "UNKNOWN"}],
            "digital": {
                "compromise_status": "ATTEMPT_CONFIRMED",
                "spyware_family": "PREDATOR",
                "vectors": ["IM_LINK"],
            },
            "indicators": [
                {"type": "process-name", "value": "bh"},
                {"type": "file-hash", "value": "ab" * 32},
                {"type": "app-id", "value": "com.evil.app"},
                {"type": "phone-number", "value": "+525512345678"},
            ],
            "sensitivity": "TLP:RED",
        },
    ),
    (
        1,
        "counted",
        {
            "title": "Amenaza a periodista en Coyoacán",
            "incident_types": ["HAR.THREAT"],
            "when": {"date": "2026-03"},
            "where": {"state": "09"},
            "targets": [{"profiles": ["JOURNALIST"], "gender": "WOMAN"}],
            "perpetrators": [{"code": "ORGANISED_CRIME"}],
        },
    ),
    (
        1,
        "counted",
        {
            "incident_types": ["SURV.PHYSICAL"],
            "when": {"date": "2026-05-02"},
            "where": {"state": "20"},
            "targets": [{"profiles": ["LAND_ENV_DEFENDER"]}],
            "perpetrators": [{"code": "STATE.SECURITY", "level": "MUNICIPAL"}],
        },
    ),
    (
        1,
        "counted",
        {
            "incident_types": ["SURV.PHYSICAL"],
            "when": {"date": "2026-03-20"},
            "where": {"state": "09"},
            "targets": [{"profiles": ["JOURNALIST"], "gender": "MAN"}],
            "perpetrators": [{"code": "STATE.OFFICIAL", "level": "STATE"}],
        },
    ),
    (
        2,
        "counted",
        {
            "incident_types": ["HAR.ONLINE"],
            "when": {"date": "2026-04-09"},
            "where": {"state": "14"},
            "targets": [{"profiles": ["ACTIVIST"]}],
            "perpetrators": [{"code": "PRIVATE_INDIVIDUAL"}],
            "digital": {"compromise_status": "SUSPECTED", "spyware_family": "PEGASUS"},
            "indicators": [{"type": "domain-name", "value": "another.example.org"}],
        },
    ),
    (
        2,
        "excluded",
        {
            "incident_types": ["SURV.PHISHING"],
            "when": {"date": "2026-06"},
            "where": {"state": "09"},
            "targets": [{"profiles": ["JOURNALIST"]}],
        },
    ),
    (
        2,
        "pending",
        {
            "title": "Allanamiento en Mérida",
            "incident_types": ["HAR.RAID"],
            "when": {"date": "2026-07-01"},
            "where": {"state": "31"},
            "targets": [{"profiles": ["CSO"]}],
            "perpetrators": [{"code": "UNKNOWN"}],
        },
    ),
]


@dataclass
class Received:
    vault: Vault
    coalition_dir: Path
    ids: list[str] = field(default_factory=list)  # in CASES order
    counting: dict[str, str] = field(default_factory=dict)
    attachment_id: str = ""

    @property
    def counted(self) -> list[str]:
        return [i for i in self.ids if self.counting[i] == "counted"]


def _record(fields: dict[str, Any], attachments: list[dict[str, Any]]) -> dict[str, Any]:
    consent = dict(CONSENT)
    if "title" not in fields:  # a reporter who shares no free text: the title stays home
        consent["share_free_text"] = False
        fields = {**fields, "title": "Nombre de la periodista María Núñez"}
    record = normalize_record({**fields, "consent": consent})
    record.update(id=str(uuid.uuid4()), revision=1)
    return shared_version(record, attachments=attachments)


def build_received(root: Path) -> Received:
    world = make_world(root, "x25519")
    world.reporter.close()
    profile = profile_of(world.coordinator)
    devices = [new_device() for _ in range(3)]
    seqs = [0, 0, 0]
    received = Received(world.coordinator, world.coalition_dir)
    inbox = Inbox(world.coordinator)
    folder = root / "bundles"
    folder.mkdir()
    for n, (device, counting, fields) in enumerate(CASES):
        attachments: list[OutgoingAttachment] = []
        entries: list[dict[str, Any]] = []
        if n == 0:
            received.attachment_id = str(uuid.uuid4())
            entries = [
                {
                    "id": received.attachment_id,
                    "size": len(EVIDENCE),
                    "media_type": "text/plain",
                    "sha256": hashlib.sha256(EVIDENCE).hexdigest(),
                }
            ]
        record = _record(fields, entries)
        if entries:
            attachments = [
                OutgoingAttachment({**entries[0], "incident_id": record["id"]}, lambda: [EVIDENCE])
            ]
        seqs[device] += 1
        path = folder / f"{n}.age"
        path.write_bytes(
            seal(profile, devices[device], [record], seq=seqs[device], attachments=attachments)
        )
        inbox.import_file(path)
        received.ids.append(record["id"])
        received.counting[record["id"]] = counting
        if counting != "pending":
            apply_triage(
                world.coordinator,
                record["id"],
                TriageChange(
                    counting=counting,
                    reason="duplicate" if counting == "excluded" else None,
                    verification="corroborated" if n == 0 else None,
                    note="Confirmado por el laboratorio" if n == 0 else None,
                ),
                "Coordinación Sureste",
            )
    return received


@pytest.fixture(scope="module")
def received(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Received]:
    got = build_received(tmp_path_factory.mktemp("received"))
    yield got
    got.vault.close()


__all__ = ["PASSPHRASE", "Received", "build_received"]
