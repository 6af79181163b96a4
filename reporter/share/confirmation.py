"""A draft leaves only when the person confirms it: it may be unfinished or not checked yet.

Sealing is final (a bundle cannot be called back from the coalition), so the app asks and
the CLI wants ``--yes`` before a draft is shared; a complete record needs neither.
"""

from __future__ import annotations

from collections.abc import Sequence

from reporter.errors import DraftNotConfirmed, NotFound
from reporter.vault.vault import Vault

DRAFT = "DRAFT"


def drafts_among(vault: Vault, incident_ids: Sequence[str]) -> list[str]:
    """The ids among ``incident_ids`` whose record is still a draft (unknown ids are not)."""
    found = []
    for incident_id in incident_ids:
        try:
            record = vault.incidents.get(incident_id)
        except NotFound:
            continue  # sharing it says it is unknown
        if record.get("status", DRAFT) == DRAFT:
            found.append(incident_id)
    return found


def require_confirmed(vault: Vault, incident_ids: Sequence[str], confirmed: bool) -> None:
    """Refuse to share a draft that was not confirmed, before anything is sealed."""
    drafts = [] if confirmed else drafts_among(vault, incident_ids)
    if drafts:
        raise DraftNotConfirmed(id=drafts[0])
