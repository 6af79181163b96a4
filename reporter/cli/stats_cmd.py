"""stats: the coalition's numbers from the same computation the app and the PDF use."""

from __future__ import annotations

import argparse
from typing import Any

from reporter.cli.commands import add_command
from reporter.cli.context import CliContext, add_json_flag
from reporter.cli.report_filters import (
    add_report_filter_flags,
    include_all_from,
    report_filter_from,
)
from reporter.errors import TestigoError, UsageError
from reporter.i18n import N_, Texts
from reporter.incidents.vocab import vocabulary
from reporter.stats import (
    KEYS,
    UNITS,
    compare,
    counts,
    data_quality,
    one_every,
    overview,
    spyware_funnel,
)
from reporter.stats.figures import LABEL_KINDS, NONE
from reporter.vault.vault import Vault

_UNIT = Texts(
    {
        "reports": N_("reports"),
        "events": N_("events"),
    }
)
_T = Texts(
    {
        "total": N_("total"),
        "rate": N_("{total} {unit} from {from} to {to}: one every {every_hours} hours"),
        "none": N_("not given"),
        "summary": N_("{total} {unit} in this selection"),
        "period": N_("{period_total} from {from} to {to}: one every {every} hours"),
        "previous": N_("the period before ({from} to {to}): {total} ({change:+d}{percent})"),
        "pending": N_("{pending} report(s) pending triage, not counted"),
        "never": N_("none"),
        "funnel": N_(
            "spyware: {targets} target(s), {attempts} confirmed attempt(s), {infections} "
            "confirmed infection(s); {suspected} suspected, not counted as confirmed ({unit})"
        ),
        "quality": N_(
            "{total} {unit}: {month_only} with month-only dates, {state_only} with state-only "
            "places, {unknown} with unknown perpetrator; documented cases, not prevalence"
        ),
    }
)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = add_command(
        sub,
        "stats",
        "counts of received reports by a key (counted ones unless --all)",
        "testigo-cli stats --by state --unit events --from 2026 --json",
    )
    p.add_argument("--by", default="state", choices=KEYS, help="what to count by")
    p.add_argument(
        "--unit",
        default="reports",
        choices=UNITS,
        help="reports, or events (a same-event group counts once)",
    )
    p.add_argument(
        "--funnel",
        action="store_true",
        help="spyware: targets, confirmed attempts, confirmed infections",
    )
    p.add_argument(
        "--quality",
        action="store_true",
        help="data quality: coarse dates and places, unknown perpetrators",
    )
    p.add_argument(
        "--rate",
        action="store_true",
        help="'one every N hours' over --from .. --to (both required)",
    )
    p.add_argument(
        "--summary",
        action="store_true",
        help="total, 'one every N hours', the period before, reports pending triage",
    )
    p.add_argument("--compare-from", metavar="DATE", help="another period to compare with")
    p.add_argument("--compare-to", metavar="DATE")
    add_report_filter_flags(p)
    add_json_flag(p)
    p.set_defaults(handler=cmd_stats)


def _label(by: str, code: str, lang: str) -> str:
    if code == NONE:
        return _T[lang]["none"]
    kind = LABEL_KINDS.get(by)
    if kind is None:
        return code
    try:
        return f"{code} {vocabulary().label(kind, code, lang)}"
    except TestigoError:
        return code


def summary_text(data: dict[str, Any], lang: str) -> str:
    """The overview in words, one line a fact."""
    t, unit = _T[lang], _UNIT[lang][data["unit"]]
    lines = [t["summary"].format(total=data["total"], unit=unit)]
    if data["from"] is not None:
        every = t["never"] if data["every_hours"] is None else data["every_hours"]
        lines.append(t["period"].format(**{**data, "every": every}))
        before = data["previous"]
        percent = "" if before["percent"] is None else f", {before['percent']:+.1f} %"
        lines.append(t["previous"].format(**{**before, "percent": percent}))
    if data["pending"]:
        lines.append(t["pending"].format(pending=data["pending"]))
    return "\n".join(lines)


def cmd_stats(args: argparse.Namespace, ctx: CliContext) -> int:
    t = _T[ctx.lang]
    flt, everything = report_filter_from(args), include_all_from(args)
    with ctx.open_vault() as vault:
        if args.funnel:
            data = spyware_funnel(vault, flt, args.unit, everything)
            ctx.emit(data, t["funnel"].format(**{**data, "unit": _UNIT[ctx.lang][args.unit]}))
            return 0
        if args.quality:
            data = data_quality(vault, flt, everything)
            ctx.emit(
                data,
                t["quality"].format(
                    total=data["total"],
                    unit=_UNIT[ctx.lang]["reports"],
                    month_only=data["month_only_dates"],
                    state_only=data["state_only_places"],
                    unknown=data["unknown_perpetrator"],
                ),
            )
            return 0
        if args.summary:
            data = overview(vault, flt, args.unit, everything)
            ctx.emit(data, summary_text(data, ctx.lang))
            return 0
        if args.rate:
            if not (args.date_from and args.date_to):
                raise UsageError("--rate needs --from and --to")
            data = one_every(vault, flt, args.date_from, args.date_to, args.unit, everything)
            ctx.emit(data, t["rate"].format(**{**data, "unit": _UNIT[ctx.lang][args.unit]}))
            return 0
        if args.compare_from or args.compare_to:
            return _compare(args, ctx, vault)
        result = counts(vault, args.by, flt, args.unit, everything)
    lines = [f"{n:>7}  {_label(args.by, code, ctx.lang)}" for code, n in result.counts.items()]
    lines.append(f"{result.total:>7}  {t['total']} ({_UNIT[ctx.lang][result.unit]})")
    ctx.emit(result.to_json(), "\n".join(lines))
    return 0


def _compare(args: argparse.Namespace, ctx: CliContext, vault: Vault) -> int:
    flt = report_filter_from(args)
    other = type(flt)(
        **{**flt.__dict__, "date_from": args.compare_from, "date_to": args.compare_to}
    )
    data: dict[str, Any] = compare(vault, args.by, flt, other, args.unit, include_all_from(args))
    lines = [
        f"{r['this']:>7} {r['other']:>7} {r['change']:>+7}  {_label(args.by, code, ctx.lang)}"
        for code, r in data["rows"].items()
    ]
    ctx.emit(data, "\n".join(lines))
    return 0
