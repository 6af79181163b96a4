"""The dashboard's picture, counted from in-memory bitmaps, equals the SQL figures.

Every key in both units, the overview, data quality and the funnel, for several filters,
must be exactly what ``reporter.stats.figures`` and ``overview`` say; and the bitmaps must
follow the vault: a new report, a new link and a triage change show at the next picture.
"""

from __future__ import annotations

import io
import random
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from reporter.coordination.linking import link, unlink
from reporter.coordination.triaging import TriageChange, apply_triage
from reporter.inbox.inbox import Inbox
from reporter.inbox.query import ReportFilter
from reporter.stats import KEYS, counts, data_quality, overview, spyware_funnel
from reporter.stats import picture as picture_module
from reporter.stats.picture import SPYWARE_KEYS, picture
from reporter.vault.vault import Vault
from tests.inbox.conftest import Received, receive, varied_record
from tests.share.conftest import PASSPHRASE
from tests.share.signed_bundles import new_device, profile_of, seal

FILTERS = (
    ReportFilter(),
    ReportFilter(states=("09", "12")),
    ReportFilter(types=("SURV.SPYWARE", "HAR.THREAT")),
    ReportFilter(date_from="2026-03"),
    ReportFilter(date_from="2026-01-10", date_to="2026-07"),
    ReportFilter(perpetrators=("STATE",), verification=("unverified",)),
)


def _expected(vault: Vault, flt: ReportFilter, unit: str) -> dict[str, object]:
    spyware = flt if flt.types else replace(flt, types=("SURV.SPYWARE",))
    return {
        "counts": {k: counts(vault, k, flt, unit) for k in KEYS},
        "overview": overview(vault, flt, unit),
        "spyware": {k: counts(vault, k, spyware, unit) for k in SPYWARE_KEYS},
        "spyware_filter": spyware,
        "funnel": spyware_funnel(vault, flt, unit),
        "quality": data_quality(vault, flt),
    }


@pytest.fixture(scope="module")
def received(tmp_path_factory: pytest.TempPathFactory) -> Received:
    received = receive(tmp_path_factory.mktemp("picture"), bundles_per_device=6, seed=4)
    ids = [r["id"] for r in received.records]
    with Vault.open(received.home, PASSPHRASE) as vault:
        for n, incident_id in enumerate(ids):
            if n % 7:  # a seventh stay pending
                apply_triage(vault, incident_id, TriageChange(counting="counted"), "Ana")
        for a, b in ((ids[0], ids[1]), (ids[1], ids[2]), (ids[5], ids[9]), (ids[10], ids[30])):
            link(vault, a, b, "same-event", "Ana")
        link(vault, ids[3], ids[4], "same-campaign", "Ana")  # not an event
    return received


@pytest.mark.parametrize("unit", ["reports", "events"])
@pytest.mark.parametrize("flt", FILTERS, ids=range(len(FILTERS)))
def test_the_picture_equals_every_sql_figure(
    received: Received, flt: ReportFilter, unit: str
) -> None:
    with Vault.open(received.home, PASSPHRASE) as vault:
        got = picture(vault, flt, unit, KEYS)
        assert got == _expected(vault, flt, unit)
        assert picture(vault, flt, unit, KEYS) == got  # from the kept bitmaps, the same


def test_the_picture_follows_new_reports_links_and_triage(tmp_path: Path) -> None:
    received = receive(tmp_path, bundles_per_device=3, seed=4)
    ids = [r["id"] for r in received.records]
    with Vault.open(received.home, PASSPHRASE) as vault:
        for incident_id in ids:
            apply_triage(vault, incident_id, TriageChange(counting="counted"), "Ana")
        before = picture(vault, unit="events", keys=KEYS)
        link(vault, ids[0], ids[1], "same-event", "Ana")
        linked = picture(vault, unit="events", keys=KEYS)
        assert linked["overview"]["total"] == before["overview"]["total"] - 1
        assert linked == _expected(vault, ReportFilter(), "events")
        unlink(vault, ids[0], ids[1], "same-event", "Ana")
        assert picture(vault, unit="events", keys=KEYS) == before
        apply_triage(vault, ids[2], TriageChange(counting="excluded", reason="duplicate"), "Ana")
        excluded = picture(vault, keys=KEYS)
        assert excluded["overview"]["total"] == len(ids) - 1
        assert excluded == _expected(vault, ReportFilter(), "reports")
        with Vault.open(tmp_path / "reporter-x25519", PASSPHRASE) as reporter:
            profile = profile_of(reporter)
        record = varied_record(random.Random(1), 99)
        Inbox(vault).import_bundle(io.BytesIO(seal(profile, new_device(), [record])))
        apply_triage(vault, record["id"], TriageChange(counting="counted"), "Ana")
        arrived = picture(vault, keys=KEYS)
        assert arrived["overview"]["total"] == len(ids)
        assert arrived == _expected(vault, ReportFilter(), "reports")
        assert _contents(picture_module._CACHE[vault]) == _contents(_rebuilt(vault))


def _contents(index: Any) -> dict[tuple[str, str, str], frozenset[str]]:
    """Every non-empty bitmap of an index as the set of incident ids in it."""
    out = {}
    tables = [("code", k, t) for k, t in index.codes.items()]
    tables += [("column", k, t) for k, t in index.columns.items()] + [("day", "", index.days)]
    for kind, key, table in tables:
        for value, bits in table.items():
            if bits:
                out[(kind, key, value)] = frozenset(
                    i for n, i in enumerate(index.ids) if bits >> n & 1
                )
    return out


def _rebuilt(vault: Vault) -> Any:
    return picture_module._build(vault, picture_module._signature(vault))


def test_new_reports_and_revisions_update_the_bitmaps_as_a_rebuild_would(tmp_path: Path) -> None:
    received = receive(tmp_path, bundles_per_device=3, seed=4)
    first = received.records[0]  # the first device's first report
    with Vault.open(tmp_path / "reporter-x25519", PASSPHRASE) as reporter:
        profile = profile_of(reporter)
    revised = dict(first, revision=first["revision"] + 1, incident_types=["HAR.RAID"])
    revised["where"] = dict(first["where"], state="30")
    fresh = varied_record(random.Random(2), 77)
    with Vault.open(received.home, PASSPHRASE) as vault:
        for r in received.records:
            apply_triage(vault, r["id"], TriageChange(counting="counted"), "Ana")
        picture(vault, keys=KEYS)
        built = picture_module._CACHE[vault]
        device = received.devices[0]
        Inbox(vault).import_bundle(io.BytesIO(seal(profile, device, [revised, fresh], seq=4)))
        apply_triage(vault, fresh["id"], TriageChange(counting="counted"), "Ana")
        got = picture(vault, keys=KEYS)
        updated = picture_module._CACHE[vault]
        assert updated is not built
        assert len(updated.ids) == len(built.ids) + 1  # updated, not rebuilt in id order
        assert updated.ids[-1] == fresh["id"]
        assert _contents(updated) == _contents(_rebuilt(vault))
        assert got == _expected(vault, ReportFilter(), "reports")
        assert got["counts"]["state"].counts.get("30", 0) >= 1
