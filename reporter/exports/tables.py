"""The counts tables of the public CSV and the PDF, from the statistics core, and suppression.

The numbers are ``reporter.stats``' (the same as ``testigo-cli stats`` prints for the same
filters); this module only gathers them once per export (``Figures``), orders and labels
them, and hides small ones: with ``public``, a count below k reads "< k".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reporter import stats
from reporter.exports.base import ExportContext
from reporter.inbox.query import ReportFilter
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
TITLES = {
    "state": ("By state", "Por entidad federativa"),
    "month": ("By month", "Por mes"),
    "type": ("By incident type", "Por tipo de incidente"),
    "perpetrator": ("By presumed perpetrator", "Por presunto perpetrador"),
    "level": ("By level of government", "Por nivel de gobierno"),
    "target-profile": ("By profile of the person targeted", "Por perfil de la persona agredida"),
    "gender": ("By gender of the person targeted", "Por género de la persona agredida"),
    "compromise-status": ("Spyware: compromise status", "Software espía: estado de compromiso"),
    "spyware-family": ("Spyware family", "Familia de software espía"),
}
UNIT_WORDS = {"reports": ("reports", "reportes"), "events": ("events", "eventos")}


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


def shown(value: int, ctx: ExportContext) -> str:
    """A count as published: below k it is "< k" (a small number can name a person)."""
    return f"< {ctx.k}" if ctx.public and value < ctx.k else str(value)


def unit_word(fig: Figures, ctx: ExportContext) -> str:
    return UNIT_WORDS[fig.unit][1 if ctx.es else 0]


MONTHS = (
    ("January", "enero"),
    ("February", "febrero"),
    ("March", "marzo"),
    ("April", "abril"),
    ("May", "mayo"),
    ("June", "junio"),
    ("July", "julio"),
    ("August", "agosto"),
    ("September", "septiembre"),
    ("October", "octubre"),
    ("November", "noviembre"),
    ("December", "diciembre"),
)


def month_name(code: str, ctx: ExportContext) -> str:
    """``2026-03`` as "March 2026" / "marzo de 2026"."""
    try:
        year, month = code.split("-")
        name = MONTHS[int(month) - 1][1 if ctx.es else 0]
    except (ValueError, IndexError):
        return code
    return f"{name} de {year}" if ctx.es else f"{name} {year}"


def label_of(key: str, code: str, ctx: ExportContext) -> str:
    if code == stats.NONE:
        return "Sin dato" if ctx.es else "Not stated"
    if key == "month":
        return month_name(code, ctx)
    return ctx.label(KEYS[key], code) if KEYS[key] else code


def table(fig: Figures, key: str, ctx: ExportContext) -> list[tuple[str, str, str]]:
    """(code, label, shown count) rows in the statistics core's order, then the total."""
    result = fig.counts[key]
    rows = [
        (code, label_of(key, code, ctx), shown(int(n), ctx)) for code, n in result["counts"].items()
    ]
    rows.append(("", "Total", shown(int(result["total"]), ctx)))
    return rows


def public_table_rows(fig: Figures, ctx: ExportContext) -> list[list[str]]:
    """The CSV of ``--public``: every table, no case; a cell below k reads "< k"."""
    out = [["table", "unit", "code", "label", "count"]]
    for key in KEYS:
        title = TITLES[key][1 if ctx.es else 0]
        out += [
            [title, unit_word(fig, ctx), code, label, n] for code, label, n in table(fig, key, ctx)
        ]
    return out
