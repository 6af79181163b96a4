"""The screenshot studio's stopped clock and seeded keys and ids: the same inside two studios
(so unchanged code regenerates identical PNGs), and gone once the studio closes, so nothing
of it can reach the app."""

from __future__ import annotations

from pathlib import Path

from reporter.clock import utc_now
from reporter.share.coalition import create_coalition
from reporter.vault.vault import Vault
from tests.sync.conftest import KEYS, PASSPHRASE
from ui.common.screenshot_kit import NOW, SEED, deterministic

SAMPLE = {"title": "Seguimiento", "incident_types": ["HAR.THREAT"]}


def _made(root: Path) -> tuple[str, str, str]:
    """(coalition fingerprint, an incident's id, its creation time) made under ``root``."""
    profile = create_coalition(root / "co", "Red", ["https://relay.example.org"], KEYS, "x25519")
    with Vault.create(root / "vault", PASSPHRASE) as vault:
        iid = vault.incidents.add(SAMPLE)
        created = vault.query("SELECT created_at FROM incidents WHERE id = ?", (iid,))[0][0]
    return profile.fingerprint, iid, str(created)


def test_two_studios_mint_the_same_and_the_app_after_them_does_not(tmp_path: Path) -> None:
    inside = []
    for n in range(2):
        with deterministic(NOW, SEED):
            assert utc_now() == "2026-11-20T16:00:00Z"
            inside.append(_made(tmp_path / f"studio-{n}"))
    assert inside[0] == inside[1]
    assert inside[0][2] == "2026-11-20T16:00:00Z"

    after = _made(tmp_path / "app")
    assert after[0] != inside[0][0]  # a fresh coalition key again
    assert after[1] != inside[0][1]
    assert after[2] != inside[0][2]  # the real clock again
