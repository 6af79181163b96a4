"""One export end to end: select the reports, write the files, record it in the history.

The CLI and the app's export dialog both call ``run_export``; the selection is
``select_reports`` with the same filter the inbox list and ``stats`` take, so an export holds
exactly the reports the app shows for those filters.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reporter.errors import Conflict, UsageError
from reporter.exports.base import FORMATS, ExportContext, Report, audit_action
from reporter.exports.csv_export import codebook, export_csv, export_public_csv
from reporter.exports.json_export import export_json
from reporter.exports.pdf_export import export_pdf
from reporter.exports.stix_export import export_stix
from reporter.exports.tables import figures
from reporter.exports.uwazi import export_uwazi, template
from reporter.fsutil import atomic_write
from reporter.inbox.query import ReportFilter, select_reports
from reporter.inbox.triage import notes
from reporter.vault.vault import Vault

PUBLIC_FORMATS = ("csv", "pdf")
Progress = Callable[[int, int], None]


@dataclass
class ExportResult:
    format: str
    reports: int
    files: list[str] = field(default_factory=list)
    indicators: int | None = None
    skipped: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in dataclasses.asdict(self).items() if v is not None}


def filters_of(flt: ReportFilter) -> dict[str, Any]:
    """The filter as the export records it: only the fields that were given."""
    out: dict[str, Any] = {}
    for name, value in dataclasses.asdict(flt).items():
        if value not in (None, (), [], ""):
            out[name] = list(value) if isinstance(value, tuple) else value
    return out


def selected(vault: Vault, flt: ReportFilter, include_all: bool,
             with_notes: bool = False) -> list[Report]:
    """The reports of the export, as dicts (``Report.to_json``), notes only if asked."""
    reports = [r.to_json() for r in select_reports(vault, flt, include_all)]
    for report in reports:
        triage = report["triage"]
        report["tags"] = list(triage.pop("tags", [])) if with_notes else []
        triage.pop("assignee", None)
        if with_notes:
            report["notes"] = [{"at": n["at"], "author": n["author"], "text": n["text"]}
                               for n in notes(vault, report["record"]["id"])]
    return reports


def _write(path: Path, data: bytes, force: bool) -> str:
    if path.exists() and not force:
        raise Conflict(reason="the file exists; use --force to replace it")
    atomic_write(path, data)
    return str(path)


def beside(out: Path, suffix: str) -> Path:
    """``report.csv`` -> ``report.codebook.csv``: the companion file of an export."""
    return out.with_name(out.stem + suffix)


def run_export(vault: Vault, fmt: str, out: Path, ctx: ExportContext, flt: ReportFilter,
               *, bom: bool = False, force: bool = False, unit: str = "reports",
               progress: Progress | None = None) -> ExportResult:
    """Select, write (all or nothing per file), record; ``progress(done, 3)`` between steps."""
    step = progress or (lambda done, total: None)
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    if ctx.public and fmt not in PUBLIC_FORMATS:
        raise UsageError("--public applies to csv and pdf (the tables); the other formats"
                         " hold cases")
    include_all = ctx.include_all or bool(flt.ids)
    step(0, 3)
    reports = selected(vault, flt, include_all, ctx.with_notes)
    step(1, 3)
    result = ExportResult(fmt, len(reports))
    companions: list[tuple[Path, bytes]] = []
    if fmt == "csv" and ctx.public:
        data = export_public_csv(figures(vault, flt, include_all, unit), ctx, bom=bom)
    elif fmt == "csv":
        data = export_csv(reports, ctx, bom=bom)
        companions.append((beside(out, ".codebook.csv"), codebook(ctx, len(reports), bom=bom)))
    elif fmt == "json":
        data = export_json(reports, ctx)
    elif fmt == "uwazi":
        data = export_uwazi(reports, ctx)
        doc = {"export": ctx.meta("uwazi", len(reports)), **template(ctx)}
        companions.append((beside(out, ".template.json"),
                           (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode()))
    elif fmt == "stix":
        stix = export_stix(reports, ctx)
        data, result.indicators, result.skipped = stix.data, stix.indicators, dict(stix.skipped)
    elif fmt == "pdf":
        data = export_pdf(figures(vault, flt, include_all, unit), ctx)
    else:
        from reporter.exports.packet import write_packet
        from reporter.inbox.inbox import coalition_signing_key

        if not reports:
            raise UsageError("an evidence packet needs at least one case (--id ID)")
        if out.exists() and not force:
            raise Conflict(reason="the file exists; use --force to replace it")
        write_packet(vault, reports, ctx, out, coalition_signing_key(vault))
        result.files.append(str(out))
        vault.audit(audit_action(fmt, ctx, len(reports)))
        step(3, 3)
        return result
    step(2, 3)
    for path, _ in [(out, b""), *companions]:
        if path.exists() and not force:
            raise Conflict(reason="the file exists; use --force to replace it")
    result.files.append(_write(out, data, True))
    result.files += [_write(path, body, True) for path, body in companions]
    vault.audit(audit_action(fmt, ctx, len(reports)))
    step(3, 3)
    return result
