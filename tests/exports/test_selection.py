"""An export holds what the same filters select, and --public hides small numbers (test 2)."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from PIL import Image

from reporter import stats
from reporter.errors import Conflict, UsageError
from reporter.exports.base import ExportContext
from reporter.exports.charts import SMALL, state_shades
from reporter.exports.run import run_export
from reporter.inbox.query import ReportFilter, count_reports, select_ids
from reporter.stats.geometry import EMPTY, fill_colour, fill_share
from tests.exports.conftest import Received

FILTERS = [
    (ReportFilter(), False),
    (ReportFilter(), True),
    (ReportFilter(states=("09",)), False),
    (ReportFilter(types=("SURV.SPYWARE",)), False),
    (ReportFilter(date_from="2026-04"), True),
    (ReportFilter(perpetrators=("STATE",)), False),
    (ReportFilter(counting=("excluded",)), False),
    (ReportFilter(states=("31",)), False),
]


@pytest.mark.parametrize(("flt", "everything"), FILTERS)
def test_an_export_holds_exactly_what_the_selection_holds(
    received: Received, tmp_path: Path, flt: ReportFilter, everything: bool
) -> None:
    ctx = ExportContext(lang="es", include_all=everything)
    expected = select_ids(received.vault, flt, everything)
    assert len(expected) == count_reports(received.vault, flt, everything)
    run_export(received.vault, "csv", tmp_path / "a.csv", ctx, flt)
    rows = list(csv.DictReader(io.StringIO((tmp_path / "a.csv").read_text("utf-8"))))
    assert [r["id"] for r in rows] == expected
    run_export(received.vault, "json", tmp_path / "a.json", ctx, flt)
    doc = json.loads((tmp_path / "a.json").read_text("utf-8"))
    assert [e["id"] for e in doc["events"]] == expected
    assert doc["export"]["selection"]["counting"] == ("all" if everything else "counted")


def test_by_default_only_counted_reports_are_exported(received: Received) -> None:
    assert set(select_ids(received.vault, ReportFilter())) == set(received.counted)


def _public_rows(received: Received, tmp_path: Path, k: int) -> list[list[str]]:
    ctx = ExportContext(lang="en", public=True, k=k)
    run_export(received.vault, "csv", tmp_path / "p.csv", ctx, ReportFilter())
    return list(csv.reader(io.StringIO((tmp_path / "p.csv").read_text("utf-8"))))


@pytest.mark.parametrize("k", [3, 5])
def test_public_csv_hides_every_count_below_k(received: Received, tmp_path: Path, k: int) -> None:
    rows = _public_rows(received, tmp_path, k)
    assert rows[0] == ["table", "unit", "code", "label", "count"]
    seen = 0
    from reporter.exports.tables import KEYS, TITLES

    for key in KEYS:
        truth = stats.counts(received.vault, key, ReportFilter()).to_json()
        mine = {r[2]: r[4] for r in rows[1:] if r[0] == TITLES["en"][key]}
        # a table is whole, or only its total when its rows would give a small count away
        assert set(mine) in ({"", *truth["counts"]}, {""})
        for code, printed in mine.items():
            n = truth["counts"][code] if code else truth["total"]
            # below k "< k"; at k or more the count, or "*" when a total would give back
            # a hidden one (tests/exports/test_suppression.py)
            assert printed == f"< {k}" if n < k else printed in (str(n), "*")
        seen += sum(1 for v in mine.values() if v.startswith("<"))
    assert seen > 0  # the fixture does have small cells
    ids = {i for i in received.ids}
    assert not any(cell in ids for row in rows for cell in row)  # no case at all


def test_public_pdf_hides_small_counts_and_the_cases(received: Received, tmp_path: Path) -> None:
    ctx = ExportContext(lang="es", public=True)
    run_export(received.vault, "pdf", tmp_path / "p.pdf", ctx, ReportFilter())
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "p.pdf"), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    by_state = stats.counts(received.vault, "state", ReportFilter()).to_json()["counts"]
    assert by_state["09"] >= 3
    assert by_state["14"] < 3
    assert re.search(rf"09\s+Ciudad de México\s+{by_state['09']}\b", text)
    assert re.search(r"14\s+Jalisco\s+<\s?3", text)  # pdftotext may drop the space
    assert not re.search(r"14\s+Jalisco\s+\d", text)
    assert "Amenaza a periodista" not in text


def test_public_map_draws_every_state_below_k_in_the_one_small_shade(
    received: Received, tmp_path: Path
) -> None:
    counts = stats.counts(received.vault, "state", ReportFilter()).to_json()["counts"]
    assert counts["09"] >= 3
    assert 0 < counts["14"] < 3
    assert 0 < counts["20"] < 3
    public, open_ = state_shades(counts, hide_below=3), state_shades(counts)
    assert public["14"] == public["20"] == SMALL  # 2 and 1 look alike
    assert open_["14"] != open_["20"] != SMALL
    assert public["09"] == open_["09"] == fill_colour(fill_share(counts, "09"))
    assert public["31"] == open_["31"] == EMPTY  # none: empty, not "< k"
    assert state_shades(counts, hide_below=2)["14"] == open_["14"]  # 2 is not below 2
    # The published PDF's map is drawn with those shades and says what the light one means.
    run_export(
        received.vault,
        "pdf",
        tmp_path / "p.pdf",
        ExportContext(lang="en", public=True),
        ReportFilter(),
    )
    subprocess.run(
        ["pdfimages", "-png", "-f", "1", "-l", "2", str(tmp_path / "p.pdf"), str(tmp_path / "img")],
        check=True,
    )
    pixels: Counter[tuple[int, ...]] = Counter()
    for f in tmp_path.glob("img-*.png"):
        with Image.open(f) as image:
            pixels.update(image.convert("RGB").get_flattened_data())
    assert pixels[_rgb(SMALL)] > 1000  # Jalisco and Oaxaca's area
    assert pixels[_rgb(open_["14"])] < 200  # their own shade: at most the bar
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "p.pdf"), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "State outlines: @svg-maps/mexico" in text


def _rgb(hex_colour: str) -> tuple[int, ...]:
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))


@pytest.mark.parametrize("fmt", ["json", "uwazi", "stix", "packet"])
def test_public_is_refused_where_cases_would_leave(
    received: Received, tmp_path: Path, fmt: str
) -> None:
    with pytest.raises(UsageError):
        run_export(received.vault, fmt, tmp_path / "x", ExportContext(public=True), ReportFilter())
    assert not (tmp_path / "x").exists()


def test_an_existing_file_is_kept_unless_forced(received: Received, tmp_path: Path) -> None:
    out = tmp_path / "keep.csv"
    out.write_text("mine")
    with pytest.raises(Conflict):
        run_export(received.vault, "csv", out, ExportContext(), ReportFilter())
    assert out.read_text() == "mine"
    assert not (tmp_path / "keep.codebook.csv").exists()
    run_export(received.vault, "csv", out, ExportContext(), ReportFilter(), force=True)
    assert out.read_text().startswith("id,")


@pytest.mark.parametrize("fmt", ["csv", "json", "uwazi", "stix"])
def test_a_page_at_a_time_writes_the_same_file(
    received: Received, tmp_path: Path, fmt: str
) -> None:
    """Large inboxes are read in pages; the pages must not change a byte of the file."""
    ctx = ExportContext(lang="es", include_all=True, generated_at="2026-11-30T12:00:00Z")
    steps: list[tuple[int, int]] = []
    run_export(received.vault, fmt, tmp_path / "one", ctx, ReportFilter())
    run_export(
        received.vault,
        fmt,
        tmp_path / "paged",
        ctx,
        ReportFilter(),
        page_size=3,
        progress=lambda done, total: steps.append((done, total)),
    )
    assert (tmp_path / "one").read_bytes() == (tmp_path / "paged").read_bytes()
    assert steps == [(0, 5), (2, 5), (3, 5), (4, 5), (5, 5)]  # 8 reports: 3 pages
