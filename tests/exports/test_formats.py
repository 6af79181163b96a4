"""Every format in both languages, from reports received as real bundles (issue 14, test 1).

Each export is read back by its real consumer or its rules: Python's CSV reader, the JSON
Schema in docs/ with ``jsonschema``, the OASIS STIX validator and MVT's own indicator loader,
the PDF's text as pdftotext extracts it, and Uwazi's CSV import rules (and a golden file).
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from PIL import Image

from reporter import stats
from reporter.exports.base import ExportContext
from reporter.exports.charts import MAP_SIZE, SMALL, state_shades
from reporter.exports.csv_export import COLUMNS, codebook, export_csv
from reporter.exports.json_export import export_json
from reporter.exports.pdf_export import export_pdf
from reporter.exports.run import run_export, selected
from reporter.exports.stix_export import export_stix
from reporter.exports.tables import figures
from reporter.exports.uwazi import PROPS, export_uwazi, headers, safe_name, template
from reporter.inbox.query import ReportFilter, select_reports
from reporter.incidents.record import normalize_record
from reporter.incidents.vocab import vocabulary
from reporter.share.shared_version import shared_version
from reporter.stats.geometry import fill_colour, fill_share
from tests.exports.conftest import CASES, CONSENT, Received

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parent / "golden"
LANGS = ("es", "en")


def _all(received: Received) -> list[dict[str, Any]]:
    return selected(received.vault, ReportFilter(), include_all=True)


def _ctx(lang: str, **kw: Any) -> ExportContext:
    return ExportContext(**{"lang": lang, "coalition": "Red TDT", "include_all": True, **kw})


# -- CSV ------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_csv_round_trip_keeps_rows_codes_and_labels(received: Received, lang: str) -> None:
    reports = _all(received)
    data = export_csv(reports, _ctx(lang), bom=True)
    assert data.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == len(received.ids) == len(reports)
    by_id = {r["id"]: r for r in rows}
    assert set(by_id) == set(received.ids)
    v = vocabulary()
    first = by_id[received.ids[0]]
    assert first["incident_types"] == "SURV.SPYWARE"
    assert first["incident_types_label"] == v.label("incident_type", "SURV.SPYWARE", lang)
    assert first["state_label"] == v.label("mx_state", "09", lang)
    assert first["perpetrator_levels"] == "FEDERAL"
    assert first["title"].startswith("Mensaje con enlace a Pegasus en la Ciudad de México")
    # several values: the same order in codes and labels, joined with |
    second = by_id[received.ids[1]]
    assert second["incident_types"].split("|") == ["SURV.SPYWARE", "HAR.THREAT"]
    assert second["incident_types_label"].split("|") == [
        v.label("incident_type", c, lang) for c in ("SURV.SPYWARE", "HAR.THREAT")
    ]
    # never a victim-side indicator, never a private field, no notes unless asked
    text = data.decode("utf-8-sig")
    assert "+525511112222" not in text
    assert "María" not in text
    assert "Confirmado por el laboratorio" not in text
    assert "coordinator_notes" not in text
    for row in rows:
        for col in COLUMNS:
            if col.kind:
                for code in filter(None, row[col.name].split("|")):
                    assert code in v.codes(col.kind)


def test_csv_with_notes_has_the_coordinators_notes(received: Received) -> None:
    ctx = _ctx("es", with_notes=True)
    reports = selected(received.vault, ReportFilter(), True, with_notes=True)
    rows = list(csv.DictReader(io.StringIO(export_csv(reports, ctx).decode())))
    notes = {r["id"]: r["coordinator_notes"] for r in rows}
    assert notes[received.ids[0]] == "Confirmado por el laboratorio"


@pytest.mark.parametrize("lang", LANGS)
def test_the_codebook_names_every_column_and_code_in_both_languages(lang: str) -> None:
    rows = list(csv.reader(io.StringIO(codebook(_ctx(lang), 8).decode())))
    described = {r[0] for r in rows if r[1] == ""}
    header = set(csv.reader(io.StringIO(export_csv([], _ctx(lang)).decode())).__next__())
    assert header <= described
    v = vocabulary()
    for col in COLUMNS:
        if col.kind:
            got = {r[1]: (r[2], r[3]) for r in rows if r[0] == col.name and r[1]}
            assert got == {t.code: (t.en, t.es) for t in v.terms(col.kind)}
    assert ["#", "vocabulary_version", v.version, ""] in rows


# -- JSON -----------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_json_validates_against_the_documented_schema(received: Received, lang: str) -> None:
    schema = json.loads((ROOT / "docs" / "export.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    for with_notes in (False, True):
        reports = selected(received.vault, ReportFilter(), True, with_notes)
        doc = json.loads(export_json(reports, _ctx(lang, with_notes=with_notes)))
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(doc)]
        assert errors == []
        assert doc["export"]["reports"] == len(doc["events"]) == len(received.ids)
        assert doc["export"]["vocabulary_version"] == vocabulary().version
    event = next(e for e in doc["events"] if e["id"] == received.ids[1])
    assert [a["act_type"]["code"] for a in event["acts"]] == ["SURV.SPYWARE", "HAR.THREAT"]
    assert event["dates"] == {
        "as_shared": "2026-04",
        "end_as_shared": None,
        "precision": "month",
        "from": "2026-04-01",
        "to": "2026-04-30",
    }


def test_the_schema_refuses_what_it_should() -> None:
    """The schema is strict: an unknown field or a wrong code shape is an error."""
    schema = json.loads((ROOT / "docs" / "export.schema.json").read_text("utf-8"))
    doc = json.loads(export_json([], _ctx("en")))
    jsonschema.validate(doc, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**doc, "extra": 1}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**doc, "events": [{"id": "x"}]}, schema)


# -- STIX -----------------------------------------------------------------------------------
def _mvt_load(path: Path) -> tuple[int, set[str]]:
    from mvt.common.indicators import Indicators

    indicators = Indicators()
    indicators.parse_stix2(str(path))
    values: set[str] = set()
    for coll in indicators.ioc_collections:
        for key in (
            "domains",
            "urls",
            "emails",
            "processes",
            "files_md5",
            "files_sha1",
            "files_sha256",
        ):
            values.update(coll[key])
    return indicators.total_ioc_count, values


@pytest.mark.parametrize("lang", LANGS)
def test_stix_is_valid_and_mvt_loads_every_indicator(
    received: Received, lang: str, tmp_path: Path
) -> None:
    from stix2validator import ValidationOptions, validate_string

    result = export_stix(_all(received), _ctx(lang))
    text = result.data.decode()
    validation = validate_string(text, ValidationOptions(strict=True))
    assert validation.is_valid, [str(e) for e in validation.errors]
    assert [str(w) for w in validation.warnings] == []
    assert validate_string(text).warnings == []
    objects = json.loads(text)["objects"]
    patterns = [o["pattern"] for o in objects if o["type"] == "indicator"]
    assert len(patterns) == result.indicators == 6
    for pattern in patterns:  # one comparison, and MVT's split finds 2 parts
        assert pattern.count(" = ") == 1
        assert " AND " not in pattern
        assert " OR " not in pattern
        assert len(pattern.strip("[]").split("=")) == 2
    path = tmp_path / "testigo.stix2"
    path.write_bytes(result.data)
    loaded, values = _mvt_load(path)
    exported = {re.search(r"= '(.*)'\]$", p)[1] for p in patterns}  # type: ignore[index]
    assert loaded == len(exported)
    assert values == exported
    assert "pegasus-c2.example.com" in values
    assert "ab" * 32 in values
    # skipped, and said why: '=' in a URL, the phone number, the app id; never the victim's
    assert sum(result.skipped.values()) == 3
    assert "+525511112222" not in text
    assert "https://link.example.net/a?b=c" not in text
    kinds = {o["type"] for o in objects}
    assert {"identity", "malware", "relationship", "report", "marking-definition", "note"} <= kinds
    malware = {o["name"] for o in objects if o["type"] == "malware"}
    assert malware == {"Pegasus (NSO Group)", "Predator (Intellexa)"}
    rels = [o for o in objects if o["type"] == "relationship"]
    assert rels
    assert all(r["relationship_type"] == "indicates" for r in rels)
    red = next(o for o in objects if o["type"] == "indicator" and "bh" in o["pattern"])
    assert red["object_marking_refs"] == [
        "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed"
    ]  # TLP:RED


# -- PDF ------------------------------------------------------------------------------------
def _pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "summary.pdf"
    path.write_bytes(data)
    if shutil.which("pdftotext"):
        return subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
        ).stdout
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


@pytest.mark.parametrize("lang", LANGS)
def test_the_pdf_text_holds_the_totals_stats_gives(
    received: Received, lang: str, tmp_path: Path
) -> None:
    fig = figures(received.vault, ReportFilter(), include_all=False)
    text = _pdf_text(export_pdf(fig, _ctx(lang, include_all=False)), tmp_path)
    counted = len(received.counted)
    by_state = stats.counts(received.vault, "state", ReportFilter()).to_json()
    assert by_state["total"] == counted
    total = (
        f"Total de reportes documentados: {counted}"
        if lang == "es"
        else f"Documented reports: {counted}"
    )
    assert total in text
    city = "Ciudad de México" if lang == "es" else "Mexico City"
    assert re.search(rf"09\s+{city}\s+{by_state['counts']['09']}\b", text)
    funnel = stats.spyware_funnel(received.vault, ReportFilter())
    confirmed = "Infecciones confirmadas" if lang == "es" else "Confirmed infections"
    assert re.search(rf"{confirmed}\s+{funnel['infections']}\b", text)
    # the funnel's sentence says "label: n", never "1 confirmed attempts"
    attempts = "intentos confirmados" if lang == "es" else "confirmed attempts"
    flat = " ".join(text.split())
    assert f"{attempts}: {funnel['attempts']};" in flat
    assert not re.search(rf"\b\d+ {attempts}", flat)
    pages = "Página 1 de" if lang == "es" else "Page 1 of"
    assert pages in text
    if lang == "es":
        assert "Jalisco" in text
        assert "Vigilancia física" in text
        assert "análisis" not in text
        assert "marzo de 2026" in text
        assert "Sin dato" in text
    assert "Yucatán" not in text  # the pending report is not counted


def _images(data: bytes, tmp_path: Path) -> list[Image.Image]:
    """The PDF's embedded images (not their alpha masks) as pdfimages extracts them."""
    path = tmp_path / "images.pdf"
    path.write_bytes(data)
    listing = subprocess.run(
        ["pdfimages", "-list", str(path)], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2:]
    kinds = [line.split()[2] for line in listing]
    subprocess.run(["pdfimages", "-png", str(path), str(tmp_path / "img")], check=True)
    files = sorted(tmp_path.glob("img-*.png"))
    assert len(files) == len(kinds)
    return [
        Image.open(f).convert("RGB")
        for f, kind in zip(files, kinds, strict=True)
        if kind == "image"
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_the_pdf_holds_the_map_with_its_attribution(
    received: Received, lang: str, tmp_path: Path
) -> None:
    fig = figures(received.vault, ReportFilter(), include_all=False)
    data = export_pdf(fig, _ctx(lang, include_all=False))
    text = " ".join(_pdf_text(data, tmp_path).split())
    attribution = (
        "Contornos de los estados: @svg-maps/mexico de Victor Cazanave, CC BY 4.0"
        if lang == "es"
        else "State outlines: @svg-maps/mexico by Victor Cazanave, CC BY 4.0"
    )
    assert attribution in text
    images = _images(data, tmp_path)
    assert len(images) == 4  # the month, state and type charts, and the map
    # The map is drawn in the shades the app gives the same counts (none of them is a bar's).
    counts = {c: int(n) for c, n in fig.counts["state"]["counts"].items()}
    shades = state_shades(counts)
    (the_map,) = [i for i in images if i.size == (150 * MAP_SIZE[0], 150 * MAP_SIZE[1])]
    colours = Counter(the_map.get_flattened_data())
    for code in ("09", "14", "20"):
        assert shades[code] == fill_colour(fill_share(counts, code))
    for code in ("14", "20"):  # Jalisco, Oaxaca: large enough to count pixels
        assert colours[rgb(shades[code])] > 1000, code  # an area, not the colour bar
    assert colours[rgb(SMALL)] == 0  # not public: no "< k" shade


def rgb(hex_colour: str) -> tuple[int, ...]:
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))


# -- Uwazi ----------------------------------------------------------------------------------
def test_safe_name_is_uwazis() -> None:
    """The cases of Uwazi's own spec (app/shared/specs/propertyNames.spec.ts)."""
    assert safe_name(" my prop ") == "my_prop"
    assert safe_name('my^Foreïgn$próp"') == "my_fore_gn_pr_p_"


def _fixed_reports() -> list[dict[str, Any]]:
    """The fixture's cases with fixed ids and arrival, so the Uwazi file can be golden."""
    out = []
    for n, (_, counting, fields) in enumerate(CASES):
        consent = dict(CONSENT, share_free_text="title" in fields)
        record = normalize_record({"title": "Privado", **fields, "consent": consent})
        record.update(id=str(uuid.UUID(int=n + 1, version=4)), revision=1)
        out.append(
            {
                "record": shared_version(record),
                "bundle_id": f"{n:032x}",
                "received_at": "2026-11-30T12:00:00Z",
                "device_fingerprint": "1 2 3",
                "device_verified": False,
                "triage": {
                    "review": "new",
                    "verification": "corroborated",
                    "counting": counting,
                    "exclusion": None,
                },
            }
        )
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_uwazi_csv_matches_its_golden_file(lang: str) -> None:
    data = export_uwazi(_fixed_reports(), _ctx(lang))
    golden = GOLDEN / f"uwazi-{lang}.csv"
    assert data == golden.read_bytes()


@pytest.mark.parametrize("lang", LANGS)
def test_uwazi_csv_follows_the_import_rules(received: Received, lang: str) -> None:
    ctx = _ctx(lang)
    rows = list(csv.reader(io.StringIO(export_uwazi(_all(received), ctx).decode())))
    head = rows[0]
    assert head[:3] == ["title", "title__en", "title__es"]
    spec = template(ctx)
    props = {p["name"]: p for p in spec["template"]["properties"]}
    assert head[3:] == [safe_name(p["label"]) for p in spec["template"]["properties"]]
    assert head == headers(ctx)
    for name in head:  # lower case, only a-z, 0-9 and _ (or a title)
        assert re.fullmatch(r"[a-z0-9_]+", name)
    assert not any("geolocation" in n for n in head)
    thesauri = {t["name"]: t for t in spec["thesauri"]}

    def accepted(thesaurus: dict[str, Any]) -> set[str]:
        out = set()
        for value in thesaurus["values"]:
            if "values" in value:
                out |= {f"{value['label']}::{c['label']}" for c in value["values"]}
            else:
                out.add(value["label"])
        return out

    for row in rows[1:]:
        assert len(row) == len(head)
        assert row[0]
        assert row[1]
        assert row[2]
        for name, cell in zip(head, row, strict=True):
            prop = props.get(name)
            if prop is None or not cell:
                continue
            if prop["type"] in ("select", "multiselect"):
                values = cell.split("|")
                assert prop["type"] == "multiselect" or len(values) == 1
                assert set(values) <= accepted(thesauri[prop["content"]]), (name, cell)
            if prop["type"] == "daterange":
                assert re.fullmatch(r"\d{4}-\d{2}-\d{2}:\d{4}-\d{2}-\d{2}", cell)
    # grouped thesauri: the first case's type is under its group
    group = "Vigilancia" if lang == "es" else "Surveillance"
    first = next(r for r in rows[1:] if received.ids[0] in r)
    assert any(f"{group}::Software" in cell or f"{group}::Targeted" in cell for cell in first)
    assert len(rows) - 1 == len(received.ids)
    assert {p.type for p in PROPS} <= {"text", "markdown", "select", "multiselect", "daterange"}


def test_resources_hold_the_template_the_export_writes() -> None:
    """The shipped template and thesauri are the ones an export writes beside its CSV."""
    for lang in LANGS:
        shipped = json.loads(
            (ROOT / "resources" / "uwazi" / f"template-{lang}.json").read_text("utf-8")
        )
        assert shipped == template(_ctx(lang))


# -- every format through the runner, both languages ---------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_every_format_writes_its_files_and_records_itself(
    received: Received, lang: str, tmp_path: Path
) -> None:
    names = {
        "csv": "x.csv",
        "json": "x.json",
        "uwazi": "u.csv",
        "stix": "x.stix2",
        "pdf": "x.pdf",
        "packet": "x.zip",
    }
    count = len(select_reports(received.vault, ReportFilter()))
    for fmt, name in names.items():
        flt = ReportFilter(ids=(received.ids[0],)) if fmt == "packet" else ReportFilter()
        ctx = ExportContext(lang=lang, coalition="Red TDT", filters={"x": 1})
        result = run_export(received.vault, fmt, tmp_path / name, ctx, flt)
        assert all(Path(f).stat().st_size > 0 for f in result.files)
        assert all(Path(f).stat().st_mode & 0o077 == 0 for f in result.files)
        assert result.reports == (1 if fmt == "packet" else count)
        last = received.vault.audit_trail(1)[0]["action"]
        assert last.startswith(f"export_{fmt} ")
        detail = json.loads(last.split(" ", 1)[1])
        assert detail["vocabulary"] == vocabulary().version
        assert detail["filters"] == {"x": 1}
    assert (tmp_path / "x.codebook.csv").exists()
    assert (tmp_path / "u.template.json").exists()


def test_a_formula_in_free_text_stays_text_in_a_spreadsheet() -> None:
    """A hostile device's title must not run as a formula when the CSV is opened."""
    report = _fixed_reports()[0]
    report["record"] = dict(
        report["record"], title='=HYPERLINK("http://x","y")', description="@SUM(A1)", tags=["-2+3"]
    )
    rows = list(csv.DictReader(io.StringIO(export_csv([report], _ctx("en")).decode())))
    assert rows[0]["title"] == '\'=HYPERLINK("http://x","y")'
    assert rows[0]["description"] == "'@SUM(A1)"
    assert rows[0]["tags"] == "'-2+3"
    assert rows[0]["incident_types"] == "SURV.SPYWARE"
