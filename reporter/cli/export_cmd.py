"""export: the coalition's files for other tools (CSV, JSON, Uwazi, STIX, PDF, packets)."""

from __future__ import annotations

import argparse
from pathlib import Path

from reporter.cli.commands import add_command
from reporter.cli.context import CliContext, add_json_flag
from reporter.cli.report_filters import (
    add_report_filter_flags,
    include_all_from,
    report_filter_from,
)
from reporter.errors import UsageError
from reporter.exports.base import DEFAULT_K, FORMATS
from reporter.fsutil import read_regular
from reporter.i18n import N_

_SAID = {
    "written": N_("{n} report(s) exported to {files}"),
    "indicators": N_("{n} indicator(s) in the STIX file"),
    "skipped": N_("skipped {n}: {why}"),
    "verified": N_(
        "The packet verifies: {files} file(s), {cases} case(s), signed by the"
        " coalition's key, made {at}."
    ),
}


def _say(ctx: CliContext, key: str, **kw: object) -> str:
    return ctx.tr(_SAID[key]).format(**kw)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = add_command(
        sub,
        "export",
        "export received reports for other tools, or verify an"
        " evidence packet (export verify FILE)",
        "testigo-cli export csv --out informe.csv --from 2026-01 --lang es",
    )
    p.add_argument(
        "format",
        choices=[*FORMATS, "verify"],
        metavar="FORMAT",
        help=f"one of {', '.join(FORMATS)}; or verify",
    )
    p.add_argument("file", nargs="?", metavar="FILE", help="verify: the packet (zip or folder)")
    p.add_argument("--out", metavar="FILE", help="the file to write (companions go beside it)")
    p.add_argument(
        "--force",
        action="store_true",
        help="replace the file; a companion (codebook, template) only if Testigo wrote it"
        " and it was not changed since",
    )
    p.add_argument(
        "--force-companions",
        action="store_true",
        help="with --force: replace the companion files even if they were changed",
    )
    p.add_argument(
        "--id",
        dest="ids",
        action="append",
        default=[],
        metavar="ID",
        help="this case (repeatable; whatever its counting state)",
    )
    p.add_argument(
        "--with-notes",
        action="store_true",
        help="include the coordinators' notes and tags (left out by default)",
    )
    p.add_argument(
        "--public",
        action="store_true",
        help="csv/pdf: counts tables only, every count below k shown as '< k'",
    )
    p.add_argument(
        "--k",
        type=int,
        default=DEFAULT_K,
        metavar="N",
        help=f"the smallest count shown with --public (default {DEFAULT_K})",
    )
    p.add_argument(
        "--unit",
        choices=["reports", "events"],
        default="reports",
        help="pdf and --public csv: count reports, or same-event groups once",
    )
    p.add_argument("--bom", action="store_true", help="csv: start with a BOM (for Excel)")
    p.add_argument(
        "--profile",
        metavar="FILE",
        help="verify: the coalition's profile file (else this vault's profile)",
    )
    add_report_filter_flags(p)
    add_json_flag(p)
    p.set_defaults(handler=cmd_export)


def cmd_export(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.format == "verify":
        return _verify(args, ctx)
    if not args.out or args.file:
        raise UsageError("export FORMAT --out FILE (a FILE argument is only for verify)")
    if args.force_companions and not args.force:
        raise UsageError("--force-companions goes with --force")
    if args.k < 1 or args.k > 1000:
        raise UsageError("--k must be between 1 and 1000")
    from dataclasses import replace

    from reporter.exports.base import ExportContext
    from reporter.exports.run import filters_of, run_export
    from reporter.share.profile import current_profile

    flt = report_filter_from(args)
    flt = replace(flt, ids=tuple(args.ids)) if args.ids else flt
    with ctx.open_vault() as vault:
        profile = current_profile(vault)
        export_ctx = ExportContext(
            lang=ctx.lang,
            filters=filters_of(flt),
            include_all=include_all_from(args),
            with_notes=args.with_notes,
            public=args.public,
            k=args.k,
            coalition=profile.name if profile else "",
        )
        result = run_export(
            vault,
            args.format,
            Path(args.out),
            export_ctx,
            flt,
            bom=args.bom,
            force=args.force,
            companions="replace" if args.force_companions else "refuse",
            unit=args.unit,
        )
    lines = [_say(ctx, "written", n=result.reports, files=", ".join(result.files))]
    if result.indicators is not None:
        lines.append(_say(ctx, "indicators", n=result.indicators))
    for why, n in sorted(result.skipped.items()):
        lines.append(_say(ctx, "skipped", n=n, why=ctx.tr(why)))
    ctx.emit(result.to_json(), "\n".join(lines))
    return 0


def _verify(args: argparse.Namespace, ctx: CliContext) -> int:
    from reporter.exports.packet import verify_packet
    from reporter.share.profile import parse_profile, require_profile

    if not args.file or args.out:
        raise UsageError("export verify FILE [--profile PROFILE]")
    if args.profile:
        try:
            data = read_regular(Path(args.profile))
        except OSError as exc:
            from reporter.fsutil import storage_error

            raise storage_error(exc) from None
        key = parse_profile(data).signing_public_key
    else:
        with ctx.open_vault() as vault:
            key = require_profile(vault).signing_public_key
    report = verify_packet(Path(args.file), key)
    ctx.emit(
        report,
        _say(
            ctx,
            "verified",
            files=report["files"],
            cases=len(report["cases"]),
            at=report["generated_at"],
        ),
    )
    return 0
