"""The dated PDF summary: totals, charts, tables by state, month, perpetrator and type, the
data-quality notes and the method, in Spanish or English, with page numbers.

Every number comes from ``tables.Figures``, the statistics core's (as ``stats`` prints them);
the map shades the states by the state table's counts on the app's scale
(``reporter.stats.geometry``). With ``public`` a count below k reads "< k", one hidden so that
it cannot be worked out from a total reads "*" (``tables.hidden``); either's bar is left empty
and its state takes the one hidden shade.
"""

from __future__ import annotations

import io
import json
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Image, PageBreak, Spacer

from reporter.exports import tables
from reporter.exports.base import ExportContext
from reporter.exports.charts import MAP_SIZE, bar_chart, map_chart
from reporter.exports.pdf_common import build_pdf, para, table
from reporter.i18n import N_, fill, translator
from reporter.stats.geometry import ATTRIBUTION_TEXT

TEXT: dict[str, str] = {
    "title": N_("Documented incidents: summary"),
    "generated": N_("Generated"),
    "selection": N_("Selection"),
    "counted": N_("reports the coordinators counted"),
    "all": N_("every received report, counted or not"),
    "filters": N_("filters"),
    "none": N_("none"),
    "vocabulary": N_("vocabulary"),
    "totals": N_("Totals"),
    "reports": N_("reports"),
    "total_line": N_("Documented {unit}: {n}"),
    "spyware": N_("Spyware: targets, attempts, confirmed infections"),
    "stage": N_("Stage"),
    "funnel_line": N_(
        "Spyware — targets: {targets}; confirmed attempts: {attempts}; confirmed infections: "
        "{infections}; suspected, not counted as confirmed: {suspected}."
    ),
    "code": N_("Code"),
    "label": N_("Category"),
    "quality": N_("Data-quality notes"),
    "month_only": N_("{p} of reports give only the month (or year) of the incident."),
    "state_only": N_("{p} give only the state, not the municipality."),
    "unknown_perp": N_("{p} name no known perpetrator."),
    "not_prevalence": N_(
        "These are documented cases, not prevalence: they count what reached the coalition, not"
        " everything that happened."
    ),
    "method": N_("Method"),
    "method_text": N_(
        "Each report was sent by an enrolled device as an encrypted, signed bundle and checked "
        "on arrival (device signature, coalition profile, every file's hash). Coordinators "
        "review, verify and decide whether each report is counted. A report with several "
        "incident types, perpetrators or profiles is counted once under each, so a table's rows"
        " can add up to more than its total. Dates are shared by month unless the person who "
        "reported consented to more precision; places by state unless they consented to the "
        "municipality."
    ),
    "map_none": N_("no {unit}"),
    "map_small": N_("fewer than {k} (< {k})"),
    "map_hidden": N_("fewer than {k} (< {k}) or hidden (*)"),
    "map_note": N_("Reports without a state are not on the map."),
    "public": N_("Published form: every count below {k} reads “< {k}” and no case is shown."),
}
FUNNEL_NAMES = (
    N_("Targets"),
    N_("Confirmed attempts"),
    N_("Confirmed infections"),
    N_("Suspected (not confirmed)"),
)


def _t(ctx: ExportContext, key: str, **kw: Any) -> str:
    return fill(translator(ctx.lang)(TEXT[key]), kw)


def _percent(share: float, ctx: ExportContext) -> str:
    """ "38%" in English, "38 %" in Spanish: the format is the catalogue's."""
    return fill(translator(ctx.lang)("{percent}%"), {"percent": f"{100 * share:.0f}"})


def _chart(
    fig: tables.Figures,
    key: str,
    ctx: ExportContext,
    hide: tables.Hidden,
    horizontal: bool = False,
) -> Flowable:
    items = list(fig.counts[key]["counts"].items())
    # whole labels: the drawing wraps them between words and marks a cut with "…"
    labels = [c if key == "month" else tables.label_of(key, c, ctx) for c, _ in items]
    values = [int(n) for _, n in items]
    hidden = [hide.hides((key, c)) for c, _ in items]
    png = bar_chart(
        labels,
        values,
        tables.TITLES[ctx.lang][key],
        tables.unit_word(fig, ctx),
        horizontal=horizontal,
        hidden=hidden,
    )
    width = 16 * cm
    height = width * (2.8 if not horizontal else 0.9 + 0.28 * max(len(labels), 1)) / 7.0
    return Image(io.BytesIO(png), width=width, height=height)


def _map(fig: tables.Figures, ctx: ExportContext, hide: tables.Hidden) -> list[Flowable]:
    """The states shaded by the same counts as the state table; a hidden one in one shade."""
    unit = tables.unit_word(fig, ctx)
    counts = {c: int(n) for c, n in fig.counts["state"]["counts"].items()}
    hidden = {c for c in counts if hide.hides(("state", c))}
    small = "map_hidden" if any(hide.cells[("state", c)] != tables.SMALL for c in hidden) else ""
    png = map_chart(
        counts,
        "",
        unit,
        none_label=_t(ctx, "map_none", unit=unit),
        small_label=_t(ctx, small or "map_small", k=ctx.k) if ctx.public else None,
        hide_below=ctx.k if ctx.public else None,
        hidden=hidden,
    )
    width = 16 * cm
    return [
        Image(io.BytesIO(png), width=width, height=width * MAP_SIZE[1] / MAP_SIZE[0]),
        para(f"{_t(ctx, 'map_note')} {ATTRIBUTION_TEXT[ctx.lang]}.", "Small"),
        Spacer(1, 0.3 * cm),
    ]


def _count_head(fig: tables.Figures, ctx: ExportContext) -> str:
    word = tables.unit_word(fig, ctx)
    return word[:1].upper() + word[1:]


def _table(
    fig: tables.Figures, key: str, ctx: ExportContext, hide: tables.Hidden
) -> list[Flowable]:
    head = [_t(ctx, "code"), _t(ctx, "label"), _count_head(fig, ctx)]
    rows = [head] + [list(r) for r in tables.table(fig, key, ctx, hide)]
    withheld = [para(translator(ctx.lang)(tables.WITHHELD_NOTE) + ".", "Small")]
    return [
        para(tables.TITLES[ctx.lang][key], "Heading3"),
        *(withheld if key in hide.withheld else []),
        table(rows, [4.4 * cm, 9.1 * cm, 2.5 * cm]),
        Spacer(1, 0.3 * cm),
    ]


def _funnel(fig: tables.Figures, ctx: ExportContext, hide: tables.Hidden) -> list[Flowable]:
    names = [translator(ctx.lang)(name) for name in FUNNEL_NAMES]
    keys = ("targets", "attempts", "infections", "suspected")
    rows = [[_t(ctx, "stage"), _count_head(fig, ctx)]]
    rows += [
        [str(name), hide.text((tables.FUNNEL_KEY, k), int(fig.funnel[k]))]
        for name, k in zip(names, keys, strict=True)
    ]
    return [
        para(_t(ctx, "spyware"), "Heading2"),
        table(rows, [13.5 * cm, 2.5 * cm]),
        Spacer(1, 0.3 * cm),
    ]


def _when(ctx: ExportContext) -> str:
    """The export's time as a reader says it: 1 de diciembre de 2026, 10:15 UTC."""
    day, _, clock = ctx.generated_at.partition("T")
    year, month, dom = day.split("-")
    name = translator(ctx.lang)(tables.MONTHS[int(month) - 1])
    text = fill(
        translator(ctx.lang)("{day} {month} {year}"), {"day": int(dom), "month": name, "year": year}
    )
    return f"{text}, {clock[:5]} UTC"


def _selection(ctx: ExportContext) -> str:
    filters = (
        json.dumps(ctx.filters, ensure_ascii=False, sort_keys=True)
        if ctx.filters
        else _t(ctx, "none")
    )
    scope = _t(ctx, "all" if ctx.include_all else "counted")
    return (
        f"{_t(ctx, 'selection')}: {scope}; {_t(ctx, 'filters')}: {filters}; "
        f"{_t(ctx, 'vocabulary')} {ctx.vocab.version}."
    )


def export_pdf(fig: tables.Figures, ctx: ExportContext) -> bytes:
    quality = fig.quality
    hide = tables.hidden(fig, ctx)
    story: list[Flowable] = [
        para(_t(ctx, "title"), "Title"),
        para(ctx.coalition, "Heading2") if ctx.coalition else Spacer(1, 0),
        para(f"{_t(ctx, 'generated')}: {_when(ctx)}", "Small"),
        para(_selection(ctx), "Small"),
    ]
    if ctx.public:
        story.append(para(_t(ctx, "public", k=ctx.k), "Small"))
        story.append(para(translator(ctx.lang)(tables.COMPLEMENT_NOTE) + ".", "Small"))
    story += [
        para(_t(ctx, "totals"), "Heading2"),
        para(
            _t(
                ctx,
                "total_line",
                unit=tables.unit_word(fig, ctx),
                n=hide.text(tables.TOTAL, fig.total),
            ),
            "Heading3",
        ),
        para(
            _t(
                ctx,
                "funnel_line",
                **{
                    k: hide.text((tables.FUNNEL_KEY, k), int(fig.funnel[k]))
                    for k in ("targets", "attempts", "infections", "suspected")
                },
            )
        ),
        para(_t(ctx, "not_prevalence")),
        *(
            _chart(fig, key, ctx, hide, horizontal=key != "month")
            for key in ("month", "state", "type")
            if key not in hide.withheld  # the bars would name the rows left out
        ),
        PageBreak(),
    ]
    heading, *state_table = _table(fig, "state", ctx, hide)
    shown_map = [] if "state" in hide.withheld else _map(fig, ctx, hide)
    story += [heading, *shown_map, *state_table]
    for key in ("month", "perpetrator", "level", "type", "target-profile", "gender"):
        story += _table(fig, key, ctx, hide)
    story += _funnel(fig, ctx, hide)
    story += _table(fig, "compromise-status", ctx, hide)
    story += _table(fig, "spyware-family", ctx, hide)
    story += [
        para(_t(ctx, "quality"), "Heading2"),
        para(_t(ctx, "month_only", p=_percent(quality["share_month_only_dates"], ctx))),
        para(_t(ctx, "state_only", p=_percent(quality["share_state_only_places"], ctx))),
        para(_t(ctx, "unknown_perp", p=_percent(quality["share_unknown_perpetrator"], ctx))),
        para(_t(ctx, "not_prevalence")),
        para(_t(ctx, "method"), "Heading2"),
        para(_t(ctx, "method_text")),
    ]
    footer = " · ".join(p for p in ("Testigo", ctx.coalition, ctx.generated_at[:10]) if p)
    return build_pdf(story, title=_t(ctx, "title"), lang="es" if ctx.es else "en", footer=footer)
