"""Issue 12, test 2: hostile records inside validly signed, encrypted bundles.

An enrolled device can sign any JSON. Whatever its records hold, the coordinator answers with a
typed ``TestigoError`` (never another exception), refuses the bundle whole (no row, no file
left behind) and names the field; and every record the real device writer produces passes.
"""

from __future__ import annotations

import copy
import io
import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reporter.age import X25519Identity
from reporter.errors import FormatError, InvalidField, TestigoError, UnprocessableBundle
from reporter.inbox.record_schema import check_shared_record
from reporter.incidents.record import CONSENTS, normalize_record
from reporter.incidents.vocab import vocabulary
from reporter.share.policy import Policy
from reporter.share.shared_version import shared_version
from tests.core.test_record_properties import records as raw_records
from tests.share.conftest import PASSPHRASE, World, make_world
from tests.share.signed_bundles import good_record, new_device, profile_of, seal

VERSION = vocabulary().version
INDICATORS = [
    ("domain-name", "ejemplo.com"),
    ("url", "https://bit.ly/AbC"),
    ("email-addr", "agente@ejemplo.mx"),
    ("phone-number", "+525512345678"),
    ("file-hash", "a" * 64),
    ("process-name", "bh"),
    ("app-id", "com.example.app"),
]
TABLES = ("inbox_bundles", "inbox_records", "inbox_attachments", "devices", "inbox_incident_owners")


# -- every record the device writer produces passes ------------------------------------------
device_records = st.fixed_dictionaries(
    {
        "raw": raw_records,
        "consents": st.lists(st.sampled_from(CONSENTS), unique=True),
        "indicators": st.lists(
            st.tuples(st.sampled_from(INDICATORS), st.sampled_from(["ATTACKER", "VICTIM"])),
            max_size=3,
        ),
        "date_end": st.none() | st.sampled_from(["2026-12-31", "2027-01"]),
        "municipality": st.booleans(),
        "revision": st.integers(1, 2**31),
        "policy": st.builds(
            Policy,
            st.sampled_from(["day", "week", "month"]),
            st.sampled_from(["municipality", "state"]),
            st.booleans(),
            st.booleans(),
        ),
    }
)


def device_side(drawn: dict[str, Any]) -> dict[str, Any]:
    raw = dict(drawn["raw"])
    raw["consent"] = {name: True for name in drawn["consents"]}
    raw["indicators"] = [
        {"type": t, "value": v, "role": role} for (t, v), role in drawn["indicators"]
    ]
    if drawn["date_end"] and "when" in raw:
        raw["when"] = dict(raw["when"], date_end=max(drawn["date_end"], raw["when"]["date"]))
    if drawn["municipality"] and "where" in raw:
        raw["where"] = dict(raw["where"], municipality=raw["where"]["state"] + "001")
    record = normalize_record(raw)
    record.update(id=str(uuid.uuid4()), revision=drawn["revision"])
    return shared_version(record, drawn["policy"])


@given(device_records)
@settings(max_examples=120, deadline=None)
def test_every_shared_version_the_device_writes_passes(drawn: dict[str, Any]) -> None:
    check_shared_record(device_side(drawn), VERSION)


@pytest.mark.slow
@given(device_records)
@settings(max_examples=3000, deadline=None)
def test_every_shared_version_the_device_writes_passes_full(drawn: dict[str, Any]) -> None:
    check_shared_record(device_side(drawn), VERSION)


# -- hostile records -------------------------------------------------------------------------
junk = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**80), 2**80)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=8)
    | st.from_regex(r"[A-Z]{3}\.[A-Z]{3,8}", fullmatch=True)
    | st.sampled_from(
        [
            "2026-13-01",
            "2026-W54",
            "1899-01",
            "2026-02-30",
            "26-01-01",
            "2026-10-01T00:00",
            "day",
            "VICTIM",
            "\x1b[2J",
            "1" * 5,
            "09001",
        ]
    )
    | st.integers(1, 4).map(lambda n: "x" * (400_000 if n == 4 else 1000 * n)),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=12,
)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if path:
        yield path
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _paths(inner, (*path, key))
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            yield from _paths(inner, (*path, i))


def _mutate(record: dict[str, Any], data: st.DataObject) -> dict[str, Any]:
    out = copy.deepcopy(record)
    paths = [p for p in _paths(out) if p != ("id",)]  # the id is the manifest's business
    path = data.draw(st.sampled_from(paths))
    parent = out
    for step in path[:-1]:
        parent = parent[step]
    action = data.draw(st.sampled_from(["replace", "replace", "delete", "add"]))
    if action == "delete" and isinstance(parent, dict):
        del parent[path[-1]]
    elif action == "add" and isinstance(parent, dict):
        parent[data.draw(st.text(min_size=1, max_size=10))] = data.draw(junk)
    else:
        parent[path[-1]] = data.draw(junk)
    return out


def _counts(world: World) -> tuple[Any, ...]:
    vault = world.coordinator
    rows = tuple(
        vault.query(f"SELECT count(*) FROM {t}")[0][0]  # noqa: S608
        for t in TABLES
        if vault.query("SELECT 1 FROM sqlite_master WHERE name = ?", (t,))
    )
    return rows, sorted(p.name for p in (vault.home / "blobs").iterdir())


@pytest.fixture(scope="module")
def hostile_world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    world = make_world(tmp_path_factory.mktemp("hostile"), "x25519")
    yield world
    world.reporter.close()
    world.coordinator.close()


HOSTILE = settings(
    deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


@given(data=st.data(), base=device_records)
@settings(HOSTILE, max_examples=60)
def test_hostile_records_get_a_typed_error_and_change_nothing(
    data: st.DataObject, base: dict[str, Any], hostile_world: World
) -> None:
    _one_hostile_import(hostile_world, _mutate(device_side(base), data))


@pytest.mark.slow
@given(data=st.data(), base=device_records)
@settings(HOSTILE, max_examples=1500)
def test_hostile_records_get_a_typed_error_and_change_nothing_full(
    data: st.DataObject, base: dict[str, Any], hostile_world: World
) -> None:
    _one_hostile_import(hostile_world, _mutate(device_side(base), data))


def _one_hostile_import(hostile_world: World, record: dict[str, Any]) -> None:
    bundle = seal(profile_of(hostile_world.reporter), new_device(), [record])
    before = _counts(hostile_world)
    try:
        result = hostile_world.inbox.import_bundle(io.BytesIO(bundle))
    except UnprocessableBundle as exc:  # typed, but a bug refused it, not a check
        raise AssertionError(f"no check caught it: {exc.params}") from None
    except TestigoError:
        assert _counts(hostile_world) == before  # refused whole: nothing stayed
        return
    # Accepted: then it was a record v1 can emit, and it is stored exactly as sent.
    check_shared_record(record, VERSION)
    (item,) = [i for i in hostile_world.inbox.list() if i["record"]["id"] == record["id"]]
    assert json.dumps(item["record"], sort_keys=True) == json.dumps(record, sort_keys=True)
    assert result.status == "imported"


def _with(record: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    out = copy.deepcopy(record)
    *parents, last = path.split(".")
    target = out
    for step in parents:
        target = target[int(step)] if step.isdigit() else target[step]
    if value is KeyError:
        del target[last]
    else:
        target[last] = value
    return out


GOOD = good_record()
GOOD_RECIPIENT = X25519Identity.generate().recipient().to_string()
CASES = [
    ("revision", "abc", "records[0].revision"),
    ("revision", 10**30, "records[0].revision"),
    ("revision", [1], "records[0].revision"),
    ("revision", True, "records[0].revision"),
    ("revision", 0, "records[0].revision"),
    ("when.date", float("nan"), "records[0].when.date"),
    ("when.date", "2026-10-01T00:00", "records[0].when.date"),
    ("when.date", "2026-W54", "records[0].when.date"),
    (
        "when",
        {"date": "2026-10-01", "date_end": None, "precision": "month"},
        "records[0].when.date",
    ),  # a day is finer than the month it says
    ("when", {"date": "2026-W40", "date_end": None, "precision": "month"}, "records[0].when.date"),
    ("when.precision", None, "records[0].when.precision"),
    ("title", "x" * 10_000, "records[0].title"),
    ("title", "\x1b]0;pwned\x07", "records[0].title"),
    ("sphere", "NOT.A.CODE", "records[0].sphere"),
    ("incident_types", ["HAR.THREAT", {"nested": ["junk"]}], "records[0].incident_types[1]"),
    ("tags", ["ok"] * 201, "records[0].tags"),
    ("where.municipality", "14001", "records[0].where.municipality"),
    ("where.colour", "red", "records[0].where"),
    ("digital", KeyError, "records[0]"),
    ("private_notes", "a secret", "records[0]"),
    ("consent.share_nothing", True, "records[0].consent"),
    ("consent.share_free_text", 1, "records[0].consent.share_free_text"),
    (
        "indicators",
        [{"type": "domain-name", "value": "Ejemplo.COM", "role": "ATTACKER"}],
        "records[0].indicators[0].value",
    ),
    (
        "indicators",
        [{"type": "phone-number", "value": "+525512345678", "role": "VICTIM"}],
        "records[0].indicators[0].role",
    ),
    (
        "attachments",
        [{"id": str(uuid.uuid4()), "size": 1, "media_type": "image/png", "sha256": "0" * 64}],
        "records[0].attachments",
    ),
    ("shared_version", 2, "records[0].shared_version"),
]


@pytest.mark.parametrize(
    ("path", "value", "field"), CASES, ids=[f"{p}={str(v)[:12]}" for p, v, _ in CASES]
)
def test_each_kind_of_bad_field_is_named(x_world: World, path: str, value: Any, field: str) -> None:
    bundle = seal(profile_of(x_world.reporter), new_device(), [_with(GOOD, path, value)])
    before = _counts(x_world)
    with pytest.raises(InvalidField) as info:
        x_world.import_bytes(bundle)
    assert info.value.params["field"] == field
    assert _counts(x_world) == before


def test_an_unknown_vocabulary_version_is_refused(x_world: World) -> None:
    bundle = seal(profile_of(x_world.reporter), new_device(), [GOOD], vocabulary_version="1999.01")
    with pytest.raises(InvalidField) as info:
        x_world.import_bytes(bundle)
    assert info.value.params["field"] == "vocabulary_version"


def test_the_same_incident_twice_in_different_case_is_refused(x_world: World) -> None:
    twice = [GOOD, dict(GOOD, id=GOOD["id"].upper())]
    with pytest.raises(InvalidField) as info:
        x_world.import_bytes(seal(profile_of(x_world.reporter), new_device(), twice))
    assert info.value.params["field"] == "records[1].id"


# -- the same through `inbox import` ---------------------------------------------------------
def _cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, TESTIGO_PASSPHRASE=PASSPHRASE)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.fast_cli",
            "--home",
            str(home),  # noqa: S603
            *args,
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_inbox_import_refuses_hostile_files_and_lists_them(tmp_path: Path) -> None:
    world = make_world(tmp_path, "x25519")
    device = new_device()
    usb = tmp_path / "usb"
    usb.mkdir()
    profile = profile_of(world.reporter)
    (usb / "a-bad.age").write_bytes(seal(profile, device, [dict(GOOD, revision="abc")]))
    (usb / "b-good.age").write_bytes(seal(profile, device, [good_record()], seq=2))
    home = world.coordinator.home
    world.reporter.close()
    world.coordinator.close()
    proc = _cli(home, "inbox", "import", str(usb), "--json")
    assert proc.returncode == 5, proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert [r["status"] for r in json.loads(proc.stdout)] == ["rejected", "imported"]
    listed = _cli(home, "--lang", "es", "inbox", "rejected", "--json")
    assert listed.returncode == 0, listed.stderr
    (row,) = json.loads(listed.stdout)
    assert (row["file"], row["error"], row["device_fingerprint"]) == (
        "a-bad.age",
        "invalid_field",
        device.fingerprint,
    )
    assert row["message"].startswith("Valor no válido para 'records[0].revision'")
    text = _cli(home, "inbox", "rejected")
    assert "a-bad.age" in text.stdout
    assert device.fingerprint in text.stdout
    assert len(json.loads(_cli(home, "inbox", "list", "--json").stdout)) == 1


def test_an_attachment_naming_no_incident_is_a_format_error(x_world: World) -> None:
    from reporter.share.bundle import build_manifest, write_bundle

    device = new_device()
    profile = profile_of(x_world.reporter)
    manifest = build_manifest(
        bundle_id="ab" * 16,
        created_on="2026-11-30",
        device=device,
        device_seq=1,
        profile_id=profile.profile_id,
        receipt_recipient=GOOD_RECIPIENT,
        vocabulary_version=VERSION,
        records=[GOOD],
        attachments=[],
    )
    manifest["attachments"] = [
        {
            "id": str(uuid.uuid4()),
            "incident_id": [GOOD["id"]],
            "size": 0,
            "media_type": "text/plain",
            "sha256": "0" * 64,
        }
    ]
    out = io.BytesIO()
    write_bundle(out, profile.age_recipients(), device, manifest, [])
    with pytest.raises(FormatError):
        x_world.import_bytes(out.getvalue())
