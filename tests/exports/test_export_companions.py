"""`export --force` replaces the export file, and a companion beside it only if it is ours.

A codebook or Uwazi template beside an export may have been annotated by hand; the app's save
dialog asks only about the main file. So a companion is replaced only when it is what this
export writes, or exactly what an earlier Testigo export wrote; else the export refuses (or
replaces it too when asked, or keeps it and writes only the main file).
"""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from reporter.errors import EXIT_CONFLICT, ExportCompanionsChanged, ExportFilesExist
from reporter.exports.base import ExportContext
from reporter.exports.run import ExportResult, run_export
from reporter.inbox.query import ReportFilter
from tests.exports.conftest import Received, build_received
from tests.exports.test_cli_export import cli

CTX = ExportContext(lang="es", generated_at="2026-08-01T10:00:00Z")
LATER = replace(CTX, generated_at="2026-08-02T11:30:00Z")
NOTE = b"# ANOTADO A MANO: la columna state usa claves INEGI\n"


def export(received: Received, fmt: str, out: Path, ctx: ExportContext = CTX, **kw: object):  # type: ignore[no-untyped-def]
    return run_export(received.vault, fmt, out, ctx, ReportFilter(), **kw)  # type: ignore[arg-type]


def listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_without_force_every_existing_file_is_named_and_nothing_written(
    received: Received, tmp_path: Path
) -> None:
    out = tmp_path / "informe.csv"
    codebook = tmp_path / "informe.codebook.csv"
    codebook.write_bytes(NOTE)
    with pytest.raises(ExportFilesExist) as only_companion:
        export(received, "csv", out)
    assert str(codebook) in only_companion.value.message("en")
    assert not out.exists()
    out.write_bytes(b"mine\n")
    before = listing(tmp_path)
    with pytest.raises(ExportFilesExist) as both:
        export(received, "csv", out)
    for lang in ("en", "es"):
        said = both.value.message(lang)
        assert str(out) in said, said
        assert str(codebook) in said, said
    assert "--force" in both.value.message("es")
    assert "existen" in both.value.message("es")
    assert both.value.exit_code == EXIT_CONFLICT
    assert listing(tmp_path) == before  # nothing written, no temp file left


def test_force_keeps_a_hand_edited_codebook_and_writes_nothing(
    received: Received, tmp_path: Path
) -> None:
    out = tmp_path / "informe.csv"
    export(received, "csv", out)
    codebook = tmp_path / "informe.codebook.csv"
    codebook.write_bytes(codebook.read_bytes() + NOTE)
    out.write_bytes(b"an older export\n")
    before = listing(tmp_path)
    with pytest.raises(ExportCompanionsChanged) as refused:
        export(received, "csv", out, LATER, force=True)
    assert str(codebook) in refused.value.message("en")
    assert str(out) not in refused.value.message("en")
    assert "--force-companions" in refused.value.message("es")
    assert refused.value.params["paths"] == (str(codebook),)
    assert listing(tmp_path) == before  # the main file too: refused before writing anything


def test_force_replaces_an_unchanged_companion_silently(received: Received, tmp_path: Path) -> None:
    out = tmp_path / "informe.csv"
    export(received, "csv", out)
    codebook = tmp_path / "informe.codebook.csv"
    first = codebook.read_bytes()
    # byte-identical to what this export writes
    assert export(received, "csv", out, force=True).files == [str(out), str(codebook)]
    assert codebook.read_bytes() == first
    # an earlier export's codebook, untouched: another time, another selection, with notes
    earlier = replace(CTX, filters={"states": ["09"]}, with_notes=True)
    export(received, "csv", out, earlier, force=True, bom=True)
    assert codebook.read_bytes() != first
    result = export(received, "csv", out, LATER, force=True)
    assert str(codebook) in result.files
    assert codebook.read_bytes().decode("utf-8").count("2026-08-02T11:30:00Z") == 1
    assert not result.to_json().get("kept")


def test_force_companions_replaces_it_and_keep_writes_only_the_main_file(
    received: Received, tmp_path: Path
) -> None:
    out = tmp_path / "informe.csv"
    export(received, "csv", out)
    codebook = tmp_path / "informe.codebook.csv"
    edited = codebook.read_bytes() + NOTE
    codebook.write_bytes(edited)
    out.write_bytes(b"old\n")
    kept: ExportResult = export(received, "csv", out, LATER, force=True, companions="keep")
    assert codebook.read_bytes() == edited
    assert out.read_bytes() != b"old\n"
    assert kept.files == [str(out)]
    assert kept.to_json()["kept"] == [str(codebook)]
    export(received, "csv", out, LATER, force=True, companions="replace")
    assert NOTE not in codebook.read_bytes()
    assert b"2026-08-02T11:30:00Z" in codebook.read_bytes()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_an_uwazi_template_edited_by_hand_survives_and_an_unchanged_one_is_renewed(
    received: Received, tmp_path: Path
) -> None:
    out = tmp_path / "coleccion.csv"
    template = tmp_path / "coleccion.template.json"
    export(received, "uwazi", out, replace(CTX, lang="en", filters={"states": ["14"]}))
    export(received, "uwazi", out, LATER, force=True)  # untouched: renewed
    doc = json.loads(template.read_text("utf-8"))
    assert doc["export"]["generated_at"] == LATER.generated_at
    doc["template"]["name"] = "Nuestra plantilla"
    template.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", "utf-8")
    with pytest.raises(ExportCompanionsChanged):
        export(received, "uwazi", out, CTX, force=True)
    assert json.loads(template.read_text("utf-8"))["template"]["name"] == "Nuestra plantilla"


def test_a_companion_that_is_not_a_readable_file_is_not_replaced(
    received: Received, tmp_path: Path
) -> None:
    out = tmp_path / "informe.csv"
    export(received, "csv", out)
    codebook = tmp_path / "informe.codebook.csv"
    codebook.unlink()
    os.symlink(tmp_path / "nowhere", codebook)
    with pytest.raises(ExportCompanionsChanged):
        export(received, "csv", out, force=True)
    assert codebook.is_symlink()


@pytest.fixture(scope="module")
def closed(tmp_path_factory: pytest.TempPathFactory) -> Received:
    got = build_received(tmp_path_factory.mktemp("cli"))
    got.vault.close()
    return got


def test_cli_force_keeps_a_hand_annotated_codebook_until_force_companions(
    closed: Received, tmp_path: Path
) -> None:
    home = closed.vault.home
    out = tmp_path / "informe.csv"
    codebook = tmp_path / "informe.codebook.csv"
    assert cli(home, "export", "csv", "--out", str(out)).returncode == 0
    again = cli(home, "--lang", "es", "export", "csv", "--out", str(out))
    assert again.returncode == EXIT_CONFLICT
    assert str(out) in again.stderr
    assert str(codebook) in again.stderr
    assert len(again.stderr.strip().splitlines()) == 1
    assert "Traceback" not in again.stderr
    renewed = cli(home, "export", "csv", "--out", str(out), "--force")
    assert renewed.returncode == 0, renewed.stderr  # unchanged since the first: replaced
    edited = codebook.read_bytes() + NOTE
    codebook.write_bytes(edited)
    kept = cli(home, "--lang", "en", "export", "csv", "--out", str(out), "--force")
    assert kept.returncode == EXIT_CONFLICT
    assert str(codebook) in kept.stderr
    assert "--force-companions" in kept.stderr
    assert len(kept.stderr.strip().splitlines()) == 1
    assert codebook.read_bytes() == edited
    alone = cli(home, "export", "csv", "--out", str(out), "--force-companions")
    assert alone.returncode == 2  # a usage error: it only widens --force
    assert codebook.read_bytes() == edited
    forced = cli(
        home, "export", "csv", "--out", str(out), "--force", "--force-companions", "--json"
    )
    assert forced.returncode == 0, forced.stderr
    assert json.loads(forced.stdout)["files"] == [str(out), str(codebook)]
    assert NOTE not in codebook.read_bytes()
