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
from reporter.i18n import translator
from reporter.stats.geometry import ATTRIBUTION

TEXT: dict[str, tuple[Any, Any]] = {
    "title": ("Documented incidents: summary", "Incidentes documentados: resumen"),
    "generated": ("Generated", "Generado"),
    "selection": ("Selection", "Selección"),
    "counted": ("reports the coordinators counted", "reportes que la coordinación contó"),
    "all": ("every received report, counted or not", "todos los reportes recibidos, contados o no"),
    "filters": ("filters", "filtros"),
    "none": ("none", "ninguno"),
    "vocabulary": ("vocabulary", "vocabulario"),
    "totals": ("Totals", "Totales"),
    "reports": ("reports", "reportes"),
    "total_line": ("Documented {unit}: {n}", "Total de {unit} documentados: {n}"),
    "spyware": (
        "Spyware: targets, attempts, confirmed infections",
        "Software espía: objetivos, intentos, infecciones confirmadas",
    ),
    "funnel": (
        ("Targets", "Confirmed attempts", "Confirmed infections", "Suspected (not confirmed)"),
        (
            "Objetivos",
            "Intentos confirmados",
            "Infecciones confirmadas",
            "Sospechas (sin confirmar)",
        ),
    ),
    "stage": ("Stage", "Etapa"),
    # "label: n" as the app's funnel says it: no "1 confirmed attempts" whatever the count
    "funnel_line": (
        "Spyware — targets: {targets}; confirmed attempts: {attempts}; confirmed "
        "infections: {infections}; suspected, not counted as confirmed: {suspected}.",
        "Software espía — objetivos: {targets}; intentos confirmados: {attempts}; "
        "infecciones confirmadas: {infections}; sospechas, que no se cuentan como "
        "confirmadas: {suspected}.",
    ),
    "code": ("Code", "Clave"),
    "label": ("Category", "Categoría"),
    "quality": ("Data-quality notes", "Notas sobre la calidad de los datos"),
    "month_only": (
        "{p} of reports give only the month (or year) of the incident.",
        "{p} de los reportes dan solo el mes (o el año) del incidente.",
    ),
    "state_only": (
        "{p} give only the state, not the municipality.",
        "{p} dan solo la entidad, no el municipio.",
    ),
    "unknown_perp": ("{p} name no known perpetrator.", "{p} no identifican a un perpetrador."),
    "not_prevalence": (
        "These are documented cases, not prevalence: they count what reached "
        "the coalition, not everything that happened.",
        "Son casos documentados, no prevalencia: cuentan lo que llegó a la "
        "coalición, no todo lo que ocurrió.",
    ),
    "method": ("Method", "Método"),
    "method_text": (
        "Each report was sent by an enrolled device as an encrypted, signed bundle and checked "
        "on arrival (device signature, coalition profile, every file's hash). Coordinators "
        "review, verify and decide whether each report is counted. A report with several "
        "incident types, perpetrators or profiles is counted once under each, so a table's "
        "rows can add up to more than its total. Dates are shared by month unless the person "
        "who reported consented to more precision; places by state unless they consented to "
        "the municipality.",
        "Cada reporte llegó desde un dispositivo inscrito como paquete cifrado y firmado, y se "
        "verificó al recibirlo (firma del dispositivo, perfil de la coalición, huella de cada "
        "archivo). La coordinación revisa, verifica y decide si cada reporte se cuenta. Un "
        "reporte con varios tipos de incidente, perpetradores o perfiles se cuenta una vez en "
        "cada uno, así que las filas de una tabla pueden sumar más que su total. Las fechas se "
        "comparten por mes salvo que la persona que reportó consintiera más precisión; los "
        "lugares por entidad salvo que consintiera compartir el municipio.",
    ),
    "map_none": ("no {unit}", "sin {unit}"),
    "map_small": ("fewer than {k} (< {k})", "menos de {k} (< {k})"),
    "map_hidden": (
        "fewer than {k} (< {k}) or hidden (*)",
        "menos de {k} (< {k}) u oculto (*)",
    ),
    "map_note": (
        "Reports without a state are not on the map.",
        "Los reportes sin entidad no aparecen en el mapa.",
    ),
    "public": (
        "Published form: every count below {k} reads \u201c< {k}\u201d and no case is shown.",
        "Versión pública: todo conteo menor que {k} se muestra como \u201c< {k}\u201d y "
        "no se muestra ningún caso.",
    ),
}


def _t(ctx: ExportContext, key: str, **kw: Any) -> str:
    value = TEXT[key][1 if ctx.es else 0]
    return value.format(**kw) if isinstance(value, str) else ""


def _percent(share: float, ctx: ExportContext) -> str:
    return f"{100 * share:.0f} %" if ctx.es else f"{100 * share:.0f}%"


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
        para(f"{_t(ctx, 'map_note')} {ATTRIBUTION[1 if ctx.es else 0]}.", "Small"),
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
    names = TEXT["funnel"][1 if ctx.es else 0]
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
    text = f"{int(dom)} de {name} de {year}" if ctx.es else f"{int(dom)} {name} {year}"
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
