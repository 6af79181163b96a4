"""The counts tables of the public CSV and the PDF, from the statistics core, and suppression.

The numbers are ``reporter.stats``' (the same as ``testigo-cli stats`` prints for the same
filters); this module only gathers them once per export (``Figures``), orders and labels
them, and hides small ones: with ``public``, a count below k reads "< k", and so that no
total, sum or funnel stage gives one back by subtraction, more are hidden ("*", the
complementary suppression of statistical offices; ``hidden``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from reporter import stats
from reporter.exports.base import ExportContext
from reporter.i18n import N_, Texts, fill, translator
from reporter.inbox.query import ReportFilter
from reporter.stats.figures import CONFIRMED_ATTEMPT, CONFIRMED_INFECTION, FUNNEL
from reporter.vault.vault import Vault

# The tables of the PDF and the public CSV (stats --by KEY), and their vocabulary kinds.
KEYS: dict[str, str] = {
    "state": "mx_state",
    "month": "",
    "type": "incident_type",
    "perpetrator": "perpetrator",
    "level": "state_level",
    "target-profile": "target_profile",
    "gender": "gender",
    "compromise-status": "compromise_status",
    "spyware-family": "spyware_family",
}
TITLES = Texts(
    {
        "state": N_("By state"),
        "month": N_("By month"),
        "type": N_("By incident type"),
        "perpetrator": N_("By presumed perpetrator"),
        "level": N_("By level of government"),
        "target-profile": N_("By profile of the person targeted"),
        "gender": N_("By gender of the person targeted"),
        "compromise-status": N_("Spyware: compromise status"),
        "spyware-family": N_("Spyware family"),
    }
)
UNIT_WORDS = Texts({"reports": N_("reports"), "events": N_("events")})


@dataclass(frozen=True)
class Figures:
    """Every number one export shows, computed once by the statistics core."""

    unit: str
    counts: dict[str, dict[str, Any]]  # key -> {"counts": {code: n}, "total": n}
    quality: dict[str, Any]
    funnel: dict[str, Any]

    @property
    def total(self) -> int:
        return int(self.counts["state"]["total"])


def figures(vault: Vault, flt: ReportFilter, include_all: bool, unit: str = "reports") -> Figures:
    return Figures(
        unit=unit,
        counts={key: stats.counts(vault, key, flt, unit, include_all).to_json() for key in KEYS},
        quality=stats.data_quality(vault, flt, include_all),
        funnel=stats.spyware_funnel(vault, flt, unit, include_all),
    )


def unit_word(fig: Figures, ctx: ExportContext) -> str:
    return UNIT_WORDS[ctx.lang][fig.unit]


MONTHS = (
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
)


def month_name(code: str, ctx: ExportContext) -> str:
    """``2026-03`` as "March 2026" / "marzo de 2026"."""
    try:
        year, month = code.split("-")
        name = MONTHS[int(month) - 1]
    except (ValueError, IndexError):
        return code
    tr = translator(ctx.lang)
    return fill(tr("{month} {year}"), {"month": tr(name), "year": year})


def label_of(key: str, code: str, ctx: ExportContext) -> str:
    if code == stats.NONE:
        return translator(ctx.lang)("Not stated")
    if key == "month":
        return month_name(code, ctx)
    return ctx.label(KEYS[key], code) if KEYS[key] else code


def table(fig: Figures, key: str, ctx: ExportContext, hide: Hidden) -> list[tuple[str, str, str]]:
    """(code, label, shown count) rows in the statistics core's order, then the total."""
    result = fig.counts[key]
    rows = [
        (code, label_of(key, code, ctx), hide.text((key, code), int(n)))
        for code, n in result["counts"].items()
        if key not in hide.withheld
    ]
    rows.append(("", "Total", hide.text(TOTAL, int(result["total"]))))
    return rows


def notes(hide: Hidden, ctx: ExportContext) -> list[str]:
    """What the marks of a published export mean, in its language."""
    tr, titles = translator(ctx.lang), TITLES[ctx.lang]
    withheld = [f"{titles[key]}: {tr(WITHHELD_NOTE)}" for key in KEYS if key in hide.withheld]
    return [fill(tr(SMALL_NOTE), {"k": hide.k}), tr(COMPLEMENT_NOTE), *withheld]


def public_table_rows(fig: Figures, ctx: ExportContext) -> list[list[str]]:
    """The CSV of ``--public``: every table, no case; a cell below k reads "< k", one hidden
    so that it cannot be worked out from the total reads "*"; "#" rows say so."""
    hide = hidden(fig, ctx)
    out = [["table", "unit", "code", "label", "count"]]
    for key in KEYS:
        title = TITLES[ctx.lang][key]
        out += [
            [title, unit_word(fig, ctx), code, label, n]
            for code, label, n in table(fig, key, ctx, hide)
        ]
    out += [["#", "", "", note, ""] for note in notes(hide, ctx)]
    return out


# -- Suppression ----------------------------------------------------------------------------
# A cell of one export: (table key, code); the funnel's stages are ("funnel", stage) and the
# selection's total, printed under every table and in the headline, is one cell, TOTAL.
Cell = tuple[str, str]
TOTAL: Cell = ("", "total")
FUNNEL_KEY = "funnel"
SMALL, COMPLEMENT = "small", "complement"
COMPLEMENT_MARK = "*"
COMPLEMENT_NOTE = N_(
    "* hidden so that a small count cannot be worked out from the total and the other counts "
    "(it may be larger)"
)
WITHHELD_NOTE = N_(
    "rows left out: in so few reports even their number would give a small count away"
)
SMALL_NOTE = N_("< {k}: fewer than {k}")
# Parts that add up to a whole. The keys whose reports can have several values (types,
# profiles, genders...) add up to more than the total only when some report has several: a
# reader cannot tell, so every table is taken as adding up exactly (the conservative choice).
Relation = tuple[Cell, list[Cell]]


@dataclass(frozen=True)
class Hidden:
    """Which counts an export hides: below k ("< k") and, so that none of those can be
    worked out by subtraction, the complementary ones ("*", which may be larger)."""

    k: int = 0
    cells: dict[Cell, str] = field(default_factory=dict)
    withheld: frozenset[str] = frozenset()  # tables printed without their rows

    def hides(self, cell: Cell) -> bool:
        return cell in self.cells

    def text(self, cell: Cell, value: int) -> str:
        why = self.cells.get(cell)
        if why is None:
            return str(value)
        return f"< {self.k}" if why == SMALL else COMPLEMENT_MARK

    @property
    def complements(self) -> bool:
        return COMPLEMENT in self.cells.values()


def relations(fig: Figures) -> tuple[dict[Cell, int], list[Relation]]:
    """Every count one export prints and the sums a reader can form from them: each table
    adds up to the total, and the funnel's stages are compromise-status rows (an absent row
    is a known 0, so it is left out) and its targets the spyware type's row."""
    values: dict[Cell, int] = {TOTAL: fig.total}
    rels: list[Relation] = []
    for key in KEYS:
        parts = [(key, str(code)) for code in fig.counts[key]["counts"]]
        values.update({(key, str(c)): int(n) for c, n in fig.counts[key]["counts"].items()})
        rels.append((TOTAL, parts))
    for stage in FUNNEL:
        values[(FUNNEL_KEY, stage)] = int(fig.funnel[stage])
    status = fig.counts["compromise-status"]["counts"]
    for stage, codes in (
        ("attempts", CONFIRMED_ATTEMPT),
        ("infections", CONFIRMED_INFECTION),
        ("suspected", ("SUSPECTED",)),
    ):
        rels.append(((FUNNEL_KEY, stage), [("compromise-status", c) for c in codes if c in status]))
    # targets are the spyware reports and any other with a status: most often the type's row
    if "SURV.SPYWARE" in fig.counts["type"]["counts"]:
        rels.append(((FUNNEL_KEY, "targets"), [("type", "SURV.SPYWARE")]))
    return values, rels


def _own(cell: Cell, why: str, k: int) -> tuple[float, float]:
    """What a hidden cell's mark says: "< k" is 0..k-1 (a table's row, printed only when
    not 0, 1..k-1), "*" at least k (it was the smallest shown)."""
    low = 1 if cell[0] not in ("", FUNNEL_KEY) else 0
    return (low, k - 1) if why == SMALL else (k, math.inf)


def _sums_but_one(ends: list[float]) -> list[float]:
    """For each end, the sum of all the others (ends are finite or one same infinity)."""
    finite = sum(e for e in ends if math.isfinite(e))
    infinite = [e for e in ends if not math.isfinite(e)]
    out = []
    for e in ends:
        rest = len(infinite) - (0 if math.isfinite(e) else 1)
        out.append(infinite[0] if rest else finite - (e if math.isfinite(e) else 0))
    return out


def _bounds(
    values: dict[Cell, int], rels: list[Relation], cells: dict[Cell, str], k: int
) -> dict[Cell, tuple[float, float]]:
    """What a reader can learn of each hidden cell: a "< k" one is 0..k-1 (1.. for a table's
    row, which is printed only when not 0), a "*" one at least k; each sum narrows them."""
    bound = {cell: _own(cell, why, k) for cell, why in cells.items()}
    found: dict[Cell, tuple[float, float]]
    for _ in range(len(cells) + 1):  # each round narrows or stops
        changed = False
        for whole, parts in rels:
            terms = [(whole, -1), *((p, 1) for p in parts)]
            known = sum(a * values[c] for c, a in terms if c not in cells)
            unknown = [(c, a) for c, a in terms if c in cells]
            found = {}
            lows = [a * bound[c][0] if a > 0 else a * bound[c][1] for c, a in unknown]
            highs = [a * bound[c][1] if a > 0 else a * bound[c][0] for c, a in unknown]
            others = zip(_sums_but_one(lows), _sums_but_one(highs), strict=True)
            for (cell, a), (least, most) in zip(unknown, others, strict=True):
                ends = ((-known - most) / a, (-known - least) / a)
                found[cell] = (max(bound[cell][0], min(ends)), min(bound[cell][1], max(ends)))
            if any(lo > hi for lo, hi in found.values()):
                continue  # the sum is visibly not exact (several values per report)
            for cell, narrowed in found.items():
                if narrowed != bound[cell]:
                    bound[cell], changed = narrowed, True
        if not changed:
            break
    return bound


def suppress(values: dict[Cell, int], rels: list[Relation], k: int) -> Hidden:
    """Hide every count below k, then, while some hidden count can be worked out exactly
    from the sums (one hidden row beside its total, two hidden ones that must both be 1),
    also hide the smallest shown count of a sum it is in. A hidden 0 found out names no one."""
    cells = {cell: SMALL for cell, n in values.items() if n < k}
    withheld: set[str] = set()
    stuck: set[Cell] = set()  # the total below k: everything beside it is hidden already
    for _ in range(2 * len(values)):
        bound = _bounds(values, rels, cells, k)
        alone = {c for w, ps in rels for c in (w, *ps) if len({w, *ps} & cells.keys()) == 1}
        found = [
            c
            for c, (lo, hi) in bound.items()
            if lo == hi != 0 and (c in alone or len(set(_own(c, cells[c], k))) == 2)
            if c[0] not in withheld and c not in stuck  # a row left out is not printed
        ]  # with k = 2 "< 2" is 1 in itself: only a sum with no other hidden cell is news
        if not found:
            break
        cell = found[0]
        near = [(whole, parts) for whole, parts in rels if cell == whole or cell in parts]
        shown = [p for _, parts in near for p in parts if p not in cells]
        shown = shown or [w for w, _ in near if w not in cells and w != TOTAL]
        if shown:
            cells[min(shown, key=lambda c: values[c])] = COMPLEMENT
            continue
        # Every row beside it is hidden and the rows themselves still pin it (six rows of
        # at least 1 in six reports): only leaving the rows out hides it.
        tables = {p[0] for whole, parts in near if whole == TOTAL for p in parts}
        withheld |= tables
        rels = [(w, ps) for w, ps in rels if not (w == TOTAL and {p[0] for p in ps} & tables)]
        if not tables:
            stuck.add(cell)
    return Hidden(k, cells, frozenset(withheld))


def hidden(fig: Figures, ctx: ExportContext) -> Hidden:
    """The counts this export hides: none unless ``public``."""
    if not ctx.public:
        return Hidden()
    return suppress(*relations(fig), ctx.k)
