"""One export end to end: select the reports, write the files, record it in the history.

The CLI and the app's export dialog both call ``run_export``; the selection is
``select_reports`` with the same filter the inbox list and ``stats`` take, so an export holds
exactly the reports the app shows for those filters.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reporter.errors import UsageError
from reporter.exports.base import FORMATS, ExportContext, Report, audit_action
from reporter.exports.companions import Companion, Mode, codebook_file, settle, template_file
from reporter.exports.csv_export import csv_chunks, export_public_csv
from reporter.exports.json_export import json_chunks
from reporter.exports.pdf_export import export_pdf
from reporter.exports.stix_export import export_stix
from reporter.exports.tables import figures
from reporter.exports.uwazi import uwazi_chunks
from reporter.fsutil import replacing
from reporter.inbox.query import ReportFilter, select_ids, select_reports
from reporter.inbox.triage import notes
from reporter.vault.vault import Vault

PUBLIC_FORMATS = ("csv", "pdf")
PAGE = 500  # reports read and written at a time
Progress = Callable[[int, int], None]


@dataclass
class ExportResult:
    format: str
    reports: int
    files: list[str] = field(default_factory=list)
    indicators: int | None = None
    skipped: dict[str, int] = field(default_factory=dict)
    kept: list[str] | None = None  # companions left as they were (``companions="keep"``)

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in dataclasses.asdict(self).items() if v is not None}


def filters_of(flt: ReportFilter) -> dict[str, Any]:
    """The filter as the export records it: only the fields that were given."""
    out: dict[str, Any] = {}
    for name, value in dataclasses.asdict(flt).items():
        if value not in (None, (), [], ""):
            out[name] = list(value) if isinstance(value, tuple) else value
    return out


def _dicts(reports: list[Any], vault: Vault, with_notes: bool) -> list[Report]:
    out = [r.to_json() for r in reports]
    for report in out:
        triage = report["triage"]
        report["tags"] = list(triage.pop("tags", [])) if with_notes else []
        triage.pop("assignee", None)
        if with_notes:
            report["notes"] = [
                {"at": n["at"], "author": n["author"], "text": n["text"]}
                for n in notes(vault, report["record"]["id"])
            ]
    return out


def selected(
    vault: Vault, flt: ReportFilter, include_all: bool, with_notes: bool = False
) -> list[Report]:
    """The reports of the export, as dicts (``Report.to_json``), notes only if asked."""
    return _dicts(select_reports(vault, flt, include_all), vault, with_notes)


def pages(
    vault: Vault, ids: list[str], with_notes: bool, size: int = PAGE
) -> Iterator[list[Report]]:
    """The selected reports a page at a time, in the selection's order.

    The ids are fixed first (``select_ids``), so a bundle imported meanwhile neither shifts
    nor doubles a page; each page is then read by id.
    """
    for start in range(0, len(ids), size):
        chunk = ids[start : start + size]
        found = {
            r.incident_id: r
            for r in select_reports(vault, ReportFilter(ids=tuple(chunk)), include_all=True)
        }
        yield _dicts([found[i] for i in chunk if i in found], vault, with_notes)


def _stream(path: Path, chunks: Iterable[bytes]) -> str:
    """Write ``chunks`` to ``path`` whole or not at all (0600, fsynced, then renamed)."""
    with replacing(path) as handle:
        for chunk in chunks:
            handle.write(chunk)
    return str(path)


def beside(out: Path, suffix: str) -> Path:
    """``report.csv`` -> ``report.codebook.csv``: the companion file of an export."""
    return out.with_name(out.stem + suffix)


def run_export(
    vault: Vault,
    fmt: str,
    out: Path,
    ctx: ExportContext,
    flt: ReportFilter,
    *,
    bom: bool = False,
    force: bool = False,
    companions: Mode = "refuse",
    unit: str = "reports",
    progress: Progress | None = None,
    page_size: int = PAGE,
) -> ExportResult:
    """Select, write each file whole or not at all, record it; ``progress`` per page.

    ``force`` replaces the main file; a companion beside it that was changed since Testigo
    wrote it is refused, kept or replaced as ``companions`` says (``companions.settle``).
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    if ctx.public and fmt not in PUBLIC_FORMATS:
        raise UsageError(
            "--public applies to csv and pdf (the tables); the other formats hold cases"
        )
    step = progress or (lambda done, total: None)
    include_all = ctx.include_all or bool(flt.ids)
    ids = select_ids(vault, flt, include_all)
    total = 2 + (len(ids) + page_size - 1) // page_size
    step(0, total)
    done = [1]

    def counted(stream: Iterator[list[Report]]) -> Iterator[list[Report]]:
        for page in stream:
            yield page
            done[0] += 1
            step(done[0], total)

    def reports() -> Iterator[list[Report]]:
        return counted(pages(vault, ids, ctx.with_notes, page_size))

    result = ExportResult(fmt, len(ids))
    files: list[tuple[Path, Iterable[bytes]]] = []
    beside_out: list[Companion] = []
    if fmt == "csv" and ctx.public:
        files.append(
            (out, [export_public_csv(figures(vault, flt, include_all, unit), ctx, bom=bom)])
        )
    elif fmt == "csv":
        files.append((out, csv_chunks(reports(), ctx, bom=bom)))
        beside_out.append(codebook_file(beside(out, ".codebook.csv"), ctx, len(ids), bom))
    elif fmt == "json":
        files.append((out, json_chunks(reports(), ctx, len(ids))))
    elif fmt == "uwazi":
        files.append((out, uwazi_chunks(reports(), ctx)))
        beside_out.append(template_file(beside(out, ".template.json"), ctx, len(ids)))
    elif fmt == "stix":
        stix = export_stix(itertools.chain.from_iterable(reports()), ctx, len(ids))
        result.indicators, result.skipped = stix.indicators, dict(stix.skipped)
        files.append((out, [stix.data]))
    elif fmt == "pdf":
        files.append((out, [export_pdf(figures(vault, flt, include_all, unit), ctx)]))
    else:
        from reporter.exports.packet import write_packet
        from reporter.inbox.inbox import coalition_signing_key

        if not ids:
            raise UsageError("an evidence packet needs at least one case (--id ID)")
        settle(out, [], force=force)
        cases = [r for page in reports() for r in page]
        write_packet(vault, cases, ctx, out, coalition_signing_key(vault))
        files = []
        result.files.append(str(out))
    if files:
        write, kept = settle(out, beside_out, force=force, mode=companions)
        files += [(c.path, [c.data]) for c in write]
        result.kept = [str(path) for path in kept] or None
    result.files += [_stream(path, chunks) for path, chunks in files]
    vault.audit(audit_action(fmt, ctx, len(ids)))
    step(total, total)
    return result
