"""Links between received reports, suggestions of links, and events for counting.

Two people reporting one event are two reports but one event: ``same-event`` links group
reports into events (connected groups), and statistics in the ``events`` unit count each
group once. ``same-campaign`` and ``same-target`` are recorded for the coordinators and the
exports, not for counting. Linking and unlinking (``reporter.coordination.linking``, signed
events like triage) undo each other and both are recorded in the history of both reports;
this module reads the links, for the statistics and exports below the coordinators' side.
Suggestions say why two reports may belong together, from what the index already holds:
shared attacker indicators (a domain, a sender), the same month, state and incident type, the
same spyware family.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from reporter.inbox.names import resolve_incident
from reporter.vault.vault import Vault

LINK_KINDS = ("same-event", "same-campaign", "same-target")
MAX_SUGGESTIONS = 50
# why two reports may belong together -> weight in the ranking
WEIGHTS = {"shared-indicator": 3, "same-spyware-family": 2, "same-month-state-type": 2}


def links_of(vault: Vault, incident_id: str) -> list[dict[str, Any]]:
    wanted = resolve_incident(vault, incident_id)
    rows = vault.query(
        "SELECT CASE WHEN a = ? THEN b ELSE a END, kind, at, author"
        " FROM inbox_links WHERE a = ? OR b = ? ORDER BY at, kind",
        (wanted, wanted, wanted),
    )
    return [{"incident_id": r[0], "kind": r[1], "at": r[2], "author": r[3]} for r in rows]


def events(vault: Vault, ids: Iterable[str]) -> dict[str, str]:
    """Each id -> its event (the smallest id of its same-event group, over every link)."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in vault.query("SELECT a, b FROM inbox_links WHERE kind = 'same-event'"):
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {i: root(i) if i in parent else i for i in ids}


def suggest(vault: Vault, incident_id: str, limit: int = MAX_SUGGESTIONS) -> list[dict[str, Any]]:
    """Reports that may belong with this one, best first, each with its reasons."""
    wanted = resolve_incident(vault, incident_id)
    reasons: dict[str, list[dict[str, str]]] = defaultdict(list)
    for other, code in vault.query(
        "SELECT o.incident_id, o.code FROM inbox_codes s JOIN inbox_codes o"
        " ON o.kind = s.kind AND o.code = s.code AND o.incident_id <> s.incident_id"
        " WHERE s.incident_id = ? AND s.kind = 'indicator' ORDER BY o.code",
        (wanted,),
    ):
        reasons[other].append({"reason": "shared-indicator", "detail": code})
    for other, code in vault.query(
        "SELECT o.incident_id, o.code FROM inbox_codes s JOIN inbox_codes o"
        " ON o.kind = s.kind AND o.code = s.code AND o.incident_id <> s.incident_id"
        " WHERE s.incident_id = ? AND s.kind = 'spyware_family'"
        " AND s.code NOT IN ('NONE', 'UNKNOWN', 'OTHER')",
        (wanted,),
    ):
        reasons[other].append({"reason": "same-spyware-family", "detail": code})
    for other, month, state in vault.query(
        "SELECT DISTINCT o.incident_id, o.month, o.state FROM inbox_current s"
        " JOIN inbox_current o ON o.month = s.month AND o.state = s.state"
        " AND o.incident_id <> s.incident_id"
        " JOIN inbox_codes st ON st.incident_id = s.incident_id"
        " AND st.kind = 'incident_type'"
        " JOIN inbox_codes ot ON ot.incident_id = o.incident_id AND ot.kind = st.kind"
        " AND ot.code = st.code WHERE s.incident_id = ?",
        (wanted,),
    ):
        reasons[other].append({"reason": "same-month-state-type", "detail": f"{month} {state}"})
    linked = {r["incident_id"] for r in links_of(vault, wanted)}
    ranked = sorted(
        (
            (sum(WEIGHTS[r["reason"]] for r in why), other, why)
            for other, why in reasons.items()
            if other not in linked
        ),
        key=lambda t: (-t[0], t[1]),
    )
    return [
        {"incident_id": other, "score": score, "reasons": why}
        for score, other, why in ranked[: max(1, min(limit, MAX_SUGGESTIONS))]
    ]
