"""Issue 16: dismissing the coalition's notices marks seen only those that were shown.

A notice arriving between reading and dismissing (the next sync pass took another rotation)
must still be unseen afterwards, or the person never hears of it.
"""

from __future__ import annotations

from pathlib import Path

from reporter.share.profile_update import KEY_CHANGED, mark_seen, notices
from reporter.vault.vault import Vault, utc_now
from tests.core.conftest import PASSPHRASE


def _notice(vault: Vault, epoch: int) -> None:
    with vault.transaction() as conn:
        conn.execute(
            "INSERT INTO profile_notices(kind, epoch, recorded_at) VALUES (?, ?, ?)",
            (KEY_CHANGED, epoch, utc_now()),
        )


def test_a_notice_that_arrived_after_reading_stays_unseen(tmp_path: Path) -> None:
    with Vault.create(tmp_path / "v", PASSPHRASE) as vault:
        _notice(vault, 2)
        shown = notices(vault)
        _notice(vault, 3)  # the next pass took another rotation while the banner was up
        mark_seen(vault, [n["id"] for n in shown])
        left = notices(vault)
        assert [n["epoch"] for n in left] == [3]
        mark_seen(vault, [n["id"] for n in left])
        assert notices(vault) == []


def test_marking_no_ids_marks_nothing(tmp_path: Path) -> None:
    with Vault.create(tmp_path / "v", PASSPHRASE) as vault:
        _notice(vault, 2)
        mark_seen(vault, [])
        assert [n["epoch"] for n in notices(vault)] == [2]
