"""Search reads indexes, not the rows that hold each record's JSON (decrypting those pages is
what made a search of 100,000 incidents take 100 ms and more; see docs/benchmarks.md).

The plan is checked instead of the time: SQLite picks plans by cost estimates, and a
changed query or a dropped index would quietly bring the slow plan back.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reporter.vault.incident_store import IncidentFilter
from reporter.vault.vault import Vault
from tests.core.conftest import PASSPHRASE


def plan(vault: Vault, flt: IncidentFilter) -> str:
    inner, params = vault.incidents._select("i.seq", flt)  # noqa: SLF001 - the SQL find runs
    rows = vault.query(f"EXPLAIN QUERY PLAN {inner} ORDER BY i.updated_at DESC, i.seq DESC", params)
    return " | ".join(str(r[3]) for r in rows)


@pytest.fixture
def vault(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Vault]:
    v = Vault.create(tmp_path / "v", PASSPHRASE)
    v.incidents.add_many(
        [
            {
                "title": f"amenaza {n}",
                "incident_types": ["HAR.THREAT"],
                "where": {"state": f"{n % 32 + 1:02d}"},
            }
            for n in range(200)
        ]
    )
    yield v
    v.close()


@pytest.mark.parametrize(
    "flt",
    [
        IncidentFilter(query="amenaza"),
        IncidentFilter(query="amenaza", states=["09"]),
        IncidentFilter(query="amenaza", states=["09"], types=["HAR.THREAT"]),
        IncidentFilter(query="amenaza", status="DRAFT", date_from="2020-01-01"),
    ],
)
def test_a_text_search_is_driven_by_fts_and_reads_no_row(vault: Vault, flt: IncidentFilter) -> None:
    text = plan(vault, flt)
    assert text.startswith("SCAN f VIRTUAL TABLE"), text
    assert "COVERING INDEX incidents_search" in text, text


def test_a_states_list_newest_first_needs_no_sort(vault: Vault) -> None:
    text = plan(vault, IncidentFilter(states=["09"]))
    assert "COVERING INDEX incidents_state_updated" in text, text
    assert "TEMP B-TREE" not in text, text


def test_titles_of_existing_incidents_only(vault: Vault) -> None:
    first = vault.incidents.find(IncidentFilter(query="amenaza 7"), limit=1)[0]
    missing = "6f1c2b9e-8a1d-4c35-9d2e-5b7f0e4a1c3d"
    assert vault.incidents.titles([first["id"], missing]) == {first["id"]: first["title"]}
    assert vault.incidents.titles([]) == {}
