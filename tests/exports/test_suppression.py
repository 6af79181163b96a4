"""--public hides a small count so that no total, sum or funnel gives it back (issue 14).

An independent checker reads the published CSV and the PDF's text (pdftotext), as a reader
would, and works out what each hidden cell can be from its table's total and the shown cells
(each table read as adding up to its total, as a reader who cannot tell the multi-valued keys
apart would): no hidden cell may come out as one exact number.
"""

from __future__ import annotations

import csv
import io
import itertools
import math
import re
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from reporter.exports.base import ExportContext
from reporter.exports.charts import MAP_SIZE, SMALL, state_shades
from reporter.exports.csv_export import export_public_csv
from reporter.exports.pdf_export import export_pdf
from reporter.exports.run import run_export
from reporter.exports.tables import KEYS, TITLES, Figures
from reporter.inbox.query import ReportFilter
from tests.exports.conftest import Received

Table = dict[str, str]  # code ("" for the total) -> the count as printed
COUNT = r"(<\s?\d+|\*|\d+)"
FUNNEL_NAMES = {
    "en": ("Targets", "Confirmed attempts", "Confirmed infections", "Suspected (not confirmed)"),
    "es": (
        "Objetivos",
        "Intentos confirmados",
        "Infecciones confirmadas",
        "Sospechas (sin confirmar)",
    ),
}
COMPLEMENT_NOTE = {
    "en": "hidden so that a small count cannot be worked out from the total",
    "es": "oculto para que un conteo pequeño no pueda deducirse del total",
}


# -- the reader's side: what a hidden cell can be ------------------------------------------
def _range(printed: str, k: int, row: bool) -> tuple[float, float] | None:
    """What a printed count says of itself: None when shown, else its lowest and highest."""
    text = printed.replace(" ", "")
    if text.isdigit():
        return None
    if text.startswith("<"):
        assert text == f"<{k}", printed
        return (1 if row else 0, k - 1)
    assert text == "*", printed
    return (k, math.inf)  # a complementary cell was shown first, so it is at least k


def _pinned(total: tuple[float, float], cells: dict[str, str], k: int) -> list[str]:
    """The hidden rows of one table that its total (lowest, highest) and the others pin
    down (a table whose rows visibly do not add up to it pins nothing)."""
    hidden = {c: r for c, v in cells.items() if (r := _range(v, k, True)) is not None}
    shown = sum(int(v) for c, v in cells.items() if c not in hidden)
    out = []
    for code, (low, high) in hidden.items():
        others = [r for c, r in hidden.items() if c != code]
        least = total[0] - shown - sum(h for _, h in others)
        most = total[1] - shown - sum(lo for lo, _ in others)
        pinned = max(low, least) == min(high, most)
        if pinned and (low != high or len(hidden) == 1):  # with k = 2, "< 2" is 1 itself
            out.append(code)
    return out


def _row_sums(cells: dict[str, str], k: int) -> tuple[float, float]:
    ranges = [_range(v, k, True) or (int(v), int(v)) for c, v in cells.items() if c]
    return sum(lo for lo, _ in ranges), sum(hi for _, hi in ranges)


def assert_nothing_worked_out(tables: dict[str, Table], k: int) -> None:
    totals = {cells[""] for cells in tables.values()}
    assert len(totals) == 1, totals  # one selection: one total, shown or hidden alike
    (printed,) = totals
    own = _range(printed, k, False)
    if own is None:
        total = (float(printed), float(printed))
    else:  # every set of tables that add up alike bounds the hidden total: never to one
        sums = [_row_sums(cells, k) for cells in tables.values()]
        for size in range(1, len(sums) + 1):
            for some in itertools.combinations(sums, size):
                low = max([own[0], *(lo for lo, _ in some)])
                high = min([own[1], *(hi for _, hi in some)])
                assert low != high, f"the hidden total is {low}"
        by_state = _row_sums(tables[next(iter(tables))], k)  # one state a report: exact
        total = (max(own[0], by_state[0]), min(own[1], by_state[1]))
    for title, cells in tables.items():
        rows = {c: v for c, v in cells.items() if c}
        assert not _pinned(total, rows, k), (title, rows, printed)


def csv_tables(data: bytes) -> tuple[dict[str, Table], list[list[str]]]:
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["table", "unit", "code", "label", "count"]
    tables: dict[str, Table] = {}
    notes = []
    for row in rows[1:]:
        if row[0] == "#":
            notes.append(row)
        else:
            tables.setdefault(row[0], {})[row[2]] = row[4]
    return tables, notes


def pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "public.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def pdf_tables(text: str, lang: str) -> tuple[dict[str, Table], dict[str, str]]:
    """The counts tables and the funnel's stages as the PDF's text lays them out."""
    titles = {title: key for key, title in TITLES[lang].items()}
    names = FUNNEL_NAMES[lang]
    tables: dict[str, Table] = {}
    funnel: dict[str, str] = {}
    current = None
    for line in text.splitlines():
        if "Testigo ·" in line:
            continue
        if line.strip() in titles:
            current = titles[line.strip()]
            continue
        stage = re.match(rf"^\s+({'|'.join(map(re.escape, names))})\s{{2,}}{COUNT}\s*$", line)
        if stage:
            funnel[stage.group(1)] = stage.group(2)
            continue
        total = re.match(rf"^\s+Total\s{{2,}}{COUNT}\s*$", line)
        row = re.match(rf"^\s+(\S+)\s{{2,}}(.+?)\s{{2,}}{COUNT}\s*$", line)
        if current and total:
            tables.setdefault(current, {})[""] = total.group(1)
            current = None
        elif current and row:
            tables.setdefault(current, {})[row.group(1)] = row.group(3)
    return tables, funnel


def assert_funnel_holds(funnel: dict[str, str], status: Table, lang: str, k: int) -> None:
    """Attempts are the confirmed attempts and infections; infections and suspected are
    the table's own rows: none of them may give back a hidden one."""
    targets, attempts, infections, suspected = (funnel[n] for n in FUNNEL_NAMES[lang])
    sums = [
        (attempts, [status.get("ATTEMPT_CONFIRMED", "0"), status.get("INFECTION_CONFIRMED", "0")]),
        (infections, [status.get("INFECTION_CONFIRMED", "0")]),
        (suspected, [status.get("SUSPECTED", "0")]),
    ]
    for whole, parts in sums:
        hidden = [p for p in (whole, *parts) if _range(p, k, False) is not None]
        if len(hidden) != 1:
            continue
        if hidden == [whole]:  # a hidden whole that its parts give back is harmless at 0
            assert sum(int(p) for p in parts) == 0, (whole, parts)
        else:
            raise AssertionError(f"{hidden[0]} is {whole} minus {parts}")
    assert targets  # no sum gives the targets: printed as they are


# -- built figures: one small cell, known numbers -------------------------------------------
def _figures(states: dict[str, int], *, status: dict[str, int] | None = None) -> Figures:
    total = sum(states.values())
    status = status or {"NONE": total - 20, "ATTEMPT_CONFIRMED": 12, "INFECTION_CONFIRMED": 8}
    counts: dict[str, dict[str, Any]] = {
        "state": {"counts": states, "total": total},
        "month": {"counts": {"2026-03": total - 30, "2026-04": 30}, "total": total},
        "type": {"counts": {"SURV.SPYWARE": 20, "HAR.THREAT": total - 20}, "total": total},
        "perpetrator": {"counts": {"STATE.SECURITY": total}, "total": total},
        "level": {"counts": {"FEDERAL": 25, "NONE": total - 25}, "total": total},
        "target-profile": {"counts": {"JOURNALIST": total - 10, "HRD": 10}, "total": total},
        "gender": {"counts": {"WOMAN": total - 35, "MAN": 35}, "total": total},
        "compromise-status": {"counts": status, "total": total},
        "spyware-family": {"counts": {"NONE": total - 8, "PEGASUS": 8}, "total": total},
    }
    confirmed = status.get("ATTEMPT_CONFIRMED", 0) + status.get("INFECTION_CONFIRMED", 0)
    funnel = {
        "unit": "reports",
        "targets": 20,
        "attempts": confirmed,
        "infections": status.get("INFECTION_CONFIRMED", 0),
        "suspected": status.get("SUSPECTED", 0),
        "total": total,
    }
    quality = {
        "share_month_only_dates": 0.5,
        "share_state_only_places": 0.5,
        "share_unknown_perpetrator": 0.0,
    }
    return Figures("reports", counts, quality, funnel)


# Chihuahua (08) is the largest state on the map: its shade is easy to count in pixels.
ONE_SMALL = {"09": 40, "14": 12, "08": 9, "20": 1}


def _ctx(lang: str = "en", public: bool = True, k: int = 3) -> ExportContext:
    return ExportContext(lang=lang, public=public, k=k)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_table_with_one_small_cell_hides_exactly_one_more(lang: str, tmp_path: Path) -> None:
    fig = _figures(ONE_SMALL)
    tables, _ = csv_tables(export_public_csv(fig, _ctx(lang)))
    state = tables[TITLES[lang]["state"]]
    assert state == {"09": "40", "14": "12", "08": "*", "20": "< 3", "": "62"}
    assert_nothing_worked_out(tables, 3)
    text = pdf_text(export_pdf(fig, _ctx(lang)), tmp_path)
    in_pdf, _ = pdf_tables(text, lang)
    assert in_pdf["state"] == {"09": "40", "14": "12", "08": "*", "20": "<3", "": "62"}
    assert_nothing_worked_out(in_pdf, 3)
    headline = "Total de reportes documentados: 62" if lang == "es" else "Documented reports: 62"
    assert headline in text


def test_the_funnel_does_not_give_back_a_hidden_stage(tmp_path: Path) -> None:
    """Confirmed attempts 14 and attempts-only 12 shown would give infections = 2."""
    status = {"NONE": 40, "ATTEMPT_CONFIRMED": 12, "INFECTION_CONFIRMED": 2, "SUSPECTED": 8}
    fig = _figures({"09": 40, "14": 22}, status=status)
    text = pdf_text(export_pdf(fig, _ctx()), tmp_path)
    tables, funnel = pdf_tables(text, "en")
    assert funnel["Confirmed infections"] == "<3"
    assert funnel["Confirmed attempts"] == "*" or tables["compromise-status"][
        "ATTEMPT_CONFIRMED"
    ] in ("*", "<3")
    assert_funnel_holds(funnel, tables["compromise-status"], "en", 3)
    assert_nothing_worked_out(tables, 3)
    flat = " ".join(text.split())
    assert "confirmed infections: < 3;" in flat


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_secondary_mark_is_explained_in_each_language(lang: str, tmp_path: Path) -> None:
    fig = _figures(ONE_SMALL)
    _, notes = csv_tables(export_public_csv(fig, _ctx(lang)))
    said = " ".join(cell for row in notes for cell in row)
    assert "* " + COMPLEMENT_NOTE[lang] in said
    assert ("< 3: menos de 3" if lang == "es" else "< 3: fewer than 3") in said
    text = " ".join(pdf_text(export_pdf(fig, _ctx(lang)), tmp_path).split())
    assert "* " + COMPLEMENT_NOTE[lang] in text


def _map_pixels(data: bytes, tmp_path: Path) -> Counter[tuple[int, ...]]:
    path = tmp_path / "map.pdf"
    path.write_bytes(data)
    subprocess.run(["pdfimages", "-png", str(path), str(tmp_path / "img")], check=True)
    size = (150 * MAP_SIZE[0], 150 * MAP_SIZE[1])
    pixels: Counter[tuple[int, ...]] = Counter()
    for f in tmp_path.glob("img-*.png"):
        with Image.open(f) as image:
            if image.size == size and image.mode != "L":
                pixels.update(image.convert("RGB").get_flattened_data())
    return pixels


def _rgb(hex_colour: str) -> tuple[int, ...]:
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))


def test_the_map_hides_the_secondary_state_too(tmp_path: Path) -> None:
    fig = _figures(ONE_SMALL)
    open_ = state_shades(ONE_SMALL)
    assert state_shades(ONE_SMALL, hide_below=3, hidden={"08"})["08"] == SMALL
    pixels = _map_pixels(export_pdf(fig, _ctx()), tmp_path)
    assert pixels[_rgb(open_["08"])] < 200  # Chihuahua is not drawn in its count's shade
    assert pixels[_rgb(SMALL)] > 5000  # but in the hidden one, with Oaxaca


def test_non_public_exports_show_every_count() -> None:
    fig = _figures(ONE_SMALL)
    rows = list(csv.reader(io.StringIO(export_public_csv(fig, _ctx(public=False)).decode())))
    values = [r[4] for r in rows[1:] if r[0] != "#"]
    assert all(v.isdigit() for v in values), values
    assert ["By state", "reports", "20", "Oaxaca", "1"] in rows
    assert ["By state", "reports", "08", "Chihuahua", "9"] in rows


@pytest.mark.parametrize("k", [3, 5])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_nothing_hidden_in_the_published_files_can_be_worked_out(
    received: Received, tmp_path: Path, k: int, lang: str
) -> None:
    """The fixture's real vault, through run_export: CSV and PDF alike."""
    ctx = ExportContext(lang=lang, public=True, k=k)
    run_export(received.vault, "csv", tmp_path / "p.csv", ctx, ReportFilter())
    tables, _ = csv_tables((tmp_path / "p.csv").read_bytes())
    assert len(tables) == len(KEYS)
    assert_nothing_worked_out(tables, k)
    run_export(received.vault, "pdf", tmp_path / "p.pdf", ctx, ReportFilter())
    text = pdf_text((tmp_path / "p.pdf").read_bytes(), tmp_path)
    in_pdf, funnel = pdf_tables(text, lang)
    assert set(in_pdf) == set(KEYS)
    assert_nothing_worked_out(in_pdf, k)
    assert_funnel_holds(funnel, in_pdf["compromise-status"], lang, k)
    headline = "Total de reportes documentados" if lang == "es" else "Documented reports"
    assert f"{headline}: {in_pdf['state'][''].replace('<', '< ')}" in " ".join(text.split())


@pytest.mark.parametrize("lang", ["en", "es"])
def test_rows_that_would_give_themselves_away_are_left_out(
    received: Received, tmp_path: Path, lang: str
) -> None:
    """Six reports over six perpetrators: six rows of at least 1 are 1 each, whatever is
    hidden; the table keeps only its total and says why, in the export's language."""
    ctx = ExportContext(lang=lang, public=True)
    run_export(received.vault, "csv", tmp_path / "p.csv", ctx, ReportFilter())
    tables, notes = csv_tables((tmp_path / "p.csv").read_bytes())
    title = TITLES[lang]["perpetrator"]
    assert set(tables[title]) == {""}
    why = "filas omitidas" if lang == "es" else "rows left out"
    assert any(row[3].startswith(f"{title}: {why}") for row in notes)
    run_export(received.vault, "pdf", tmp_path / "p.pdf", ctx, ReportFilter())
    text = pdf_text((tmp_path / "p.pdf").read_bytes(), tmp_path)
    assert "ORGANISED_CRIME" not in text
    assert why in text
    # the same selection, not public: every row is there
    run_export(received.vault, "csv", tmp_path / "o.csv", ExportContext(), ReportFilter())
    assert "ORGANISED_CRIME" in (tmp_path / "o.csv").read_text("utf-8")


@pytest.mark.parametrize("k", [0, 1, 2, 1001])
def test_a_threshold_that_hides_nothing_is_refused(k: int) -> None:
    """'< 2' would say 'exactly 1' (a printed row is at least 1): k starts at 3."""
    from reporter.errors import InvalidField
    from reporter.exports.base import ExportContext

    with pytest.raises(InvalidField) as refused:
        ExportContext(public=True, k=k)
    assert "debe ser un número entero de 3 a 1000" in refused.value.message("es")
    assert ExportContext(public=False, k=k).k == k  # without --public, k says nothing
