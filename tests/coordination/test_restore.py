"""A coordinator vault put back from an older backup, or the same identity on two computers,
must not fork its own event chain: the relay already holds this member's later events, so the
vault adopts them (they carry its own signature) before numbering anything new, and a decision
taken before that catch-up is numbered after the adopted head. Real vaults, a real relay."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from reporter.age import ScryptIdentity, ScryptRecipient
from reporter.coordination import triaging
from reporter.coordination.exchange import sync_with_relay
from reporter.coordination.identity import my_member_id
from reporter.coordination.status import coordination_status
from reporter.coordination.triaging import TriageChange
from reporter.errors import TestigoError
from reporter.vault.backup import backup_to_file, restore_from_file
from reporter.vault.vault import Vault
from tests.coordination.conftest import Pair, snapshot
from tests.sync.clients import closed_port
from tests.sync.conftest import PASSPHRASE

BACKUP_PASS = "copia de seguridad larga y buena"


def _backup(vault: Vault, path: Path) -> None:
    backup_to_file(vault, path, [ScryptRecipient(BACKUP_PASS, work_factor=10)])


def _restore(vault: Vault, backup: Path) -> Vault:
    """The coordinator's vault wiped and put back from ``backup``, then unlocked again."""
    home = vault.home
    vault.close()
    restore_from_file(backup, home, [ScryptIdentity(BACKUP_PASS)], replace=True)
    return Vault.open(home, PASSPHRASE)


def _chain(vault: Vault, author: str) -> list[tuple[int, str | None, str]]:
    rows = vault.query(
        "SELECT seq, prev, hash FROM coord_events WHERE author = ? ORDER BY seq", (author,)
    )
    return [(int(r[0]), r[1], str(r[2])) for r in rows]


def _assert_whole(chain: list[tuple[int, str | None, str]]) -> None:
    assert [seq for seq, _, _ in chain] == list(range(1, len(chain) + 1))
    for (_, _, before), (_, prev, _) in zip(chain, chain[1:], strict=False):
        assert prev == before


def _triage(vault: Vault, incident: str) -> tuple[Any, ...]:
    row = vault.query(
        "SELECT review, assignee, verification FROM inbox_triage WHERE incident_id = ?",
        (incident,),
    )
    return tuple(row[0])


def _notes(vault: Vault, incident: str) -> list[str]:
    rows = vault.query(
        "SELECT text FROM inbox_notes WHERE incident_id = ? AND shared ORDER BY text", (incident,)
    )
    return [str(r[0]) for r in rows]


def test_a_restored_vault_adopts_its_own_later_events_and_nobody_records_a_fork(
    pair: Pair, tmp_path: Path
) -> None:
    a, _, c = pair.incidents
    ana_id = my_member_id(pair.ana)
    triaging.apply_triage(pair.ana, a, TriageChange(review="in-review"), "Ana")
    pair.sync(pair.ana)
    backup = tmp_path / "ana.age"
    _backup(pair.ana, backup)
    assert coordination_status(pair.ana)["restore"] is None  # the live vault is no copy
    # after the backup: more decisions, synced, that the backup does not hold
    triaging.apply_triage(pair.ana, a, TriageChange(verification="corroborated"), "Ana")
    triaging.apply_triage(pair.ana, a, TriageChange(note="Llamé; confirma.", shared=True), "Ana")
    triaging.apply_triage(pair.ana, a, TriageChange(tags=("pegasus",)), "Ana")
    pair.sync(pair.ana)
    relay_chain = _chain(pair.ana, ana_id)
    pair.sync(pair.beto)

    pair.ana = _restore(pair.ana, backup)
    backed_up = len(_chain(pair.ana, ana_id))
    status = coordination_status(pair.ana)
    assert status["restore"]["catching_up"] is True
    assert status["restore"]["adopted"] == 0
    assert status["elsewhere"] is None
    # decided before catching up: it takes the number the relay already holds for another
    triaging.apply_triage(pair.ana, c, TriageChange(assignee="Carla"), "Ana")
    triaging.apply_triage(
        pair.ana, a, TriageChange(note="Después de restaurar.", shared=True), "Ana"
    )
    local = coordination_status(pair.ana)["me"]["unsent"]
    assert local == 2

    pair.sync(pair.ana)
    status = coordination_status(pair.ana)
    assert status["restore"]["catching_up"] is False
    assert status["restore"]["adopted"] == len(relay_chain) - backed_up > 0
    assert status["restore"]["renumbered"] == local
    assert status["forks"] == []
    assert status["elsewhere"] is None
    assert status["me"]["unsent"] == 0
    chain = _chain(pair.ana, ana_id)
    _assert_whole(chain)
    assert chain[: len(relay_chain)] == relay_chain  # the relay's events, none renumbered
    assert len(chain) == len(relay_chain) + local

    pair.sync(pair.beto)
    beto = coordination_status(pair.beto)
    assert beto["forks"] == []
    assert beto["gaps"] == []
    assert _chain(pair.beto, ana_id) == chain
    assert _triage(pair.beto, a) == ("in-review", None, "corroborated")
    assert _triage(pair.beto, c)[1] == "Carla"
    assert _notes(pair.beto, a) == ["Después de restaurar.", "Llamé; confirma."]
    pair.sync(pair.ana)
    assert snapshot(pair.ana) == snapshot(pair.beto)
    assert coordination_status(pair.ana)["forks"] == []


def test_a_restored_vault_without_the_relay_keeps_its_decisions_and_sends_them_later(
    pair: Pair, tmp_path: Path
) -> None:
    a, b, _ = pair.incidents
    ana_id = my_member_id(pair.ana)
    backup = tmp_path / "ana.age"
    _backup(pair.ana, backup)
    triaging.apply_triage(pair.ana, a, TriageChange(review="in-review"), "Ana")
    pair.sync(pair.ana)
    pair.ana = _restore(pair.ana, backup)
    triaging.apply_triage(pair.ana, b, TriageChange(verification="corroborated"), "Ana")
    nowhere = f"http://127.0.0.1:{closed_port()}"
    with pytest.raises(TestigoError):
        sync_with_relay(pair.ana, relay_url=nowhere)
    assert _triage(pair.ana, b)[2] == "corroborated"  # kept locally
    status = coordination_status(pair.ana)
    assert status["restore"]["catching_up"] is True
    assert status["me"]["unsent"] == 1

    pair.sync(pair.ana)
    pair.sync(pair.beto)
    assert coordination_status(pair.beto)["forks"] == []
    _assert_whole(_chain(pair.beto, ana_id))
    assert _triage(pair.beto, a)[0] == "in-review"
    assert _triage(pair.beto, b)[2] == "corroborated"
    assert coordination_status(pair.ana)["restore"]["catching_up"] is False


def test_the_same_identity_on_two_computers_is_adopted_and_warned_about(
    pair: Pair, tmp_path: Path
) -> None:
    a, b, c = pair.incidents
    ana_id = my_member_id(pair.ana)
    triaging.apply_triage(pair.ana, a, TriageChange(review="in-review"), "Ana")
    pair.sync(pair.ana)
    home = pair.ana.home
    pair.ana.close()
    shutil.copytree(home, tmp_path / "ana-laptop")  # the misuse: one identity, two vaults
    pair.ana = Vault.open(home, PASSPHRASE)
    laptop = Vault.open(tmp_path / "ana-laptop", PASSPHRASE)
    try:
        triaging.apply_triage(laptop, b, TriageChange(review="in-review"), "Ana")
        pair.sync(laptop)
        triaging.apply_triage(pair.ana, c, TriageChange(assignee="Carla"), "Ana")
        pair.sync(pair.ana)
        status = coordination_status(pair.ana)
        assert status["restore"] is None
        assert status["elsewhere"] is not None
        assert status["elsewhere"]["events"] == 1
        assert status["forks"] == []
        assert any(e["action"] == "coordination_identity_elsewhere" for e in pair.ana.audit_trail())
        pair.sync(laptop)
        assert coordination_status(laptop)["elsewhere"] is not None
        pair.sync(pair.beto)
        assert coordination_status(pair.beto)["forks"] == []
        _assert_whole(_chain(pair.beto, ana_id))
        assert _triage(pair.beto, b)[0] == "in-review"
        assert _triage(pair.beto, c)[1] == "Carla"
        assert json.dumps(coordination_status(pair.ana)["elsewhere"])  # plain JSON for --json
    finally:
        laptop.close()


def test_coordination_status_says_catching_up_then_caught_up_in_both_languages(
    pair: Pair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from reporter.cli.main import main

    monkeypatch.setenv("TESTIGO_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("TESTIGO_LANG", raising=False)

    def cli(*args: str) -> str:
        capsys.readouterr()
        assert main(["--home", str(pair.ana.home), *args]) == 0
        return capsys.readouterr().out

    a, b, _ = pair.incidents
    backup = tmp_path / "ana.age"
    _backup(pair.ana, backup)
    triaging.apply_triage(pair.ana, a, TriageChange(review="in-review"), "Ana")
    pair.sync(pair.ana)
    pair.ana = _restore(pair.ana, backup)
    triaging.apply_triage(pair.ana, b, TriageChange(review="in-review"), "Ana")
    english = cli("coordination", "status")
    assert "restored from a backup: catching up with your own decisions on the relay" in english
    assert "no gaps, forks or refusals" not in english
    assert "poniéndose al día con sus propias decisiones" in cli(
        "--lang", "es", "coordination", "status"
    )
    assert json.loads(cli("coordination", "status", "--json"))["restore"]["catching_up"]
    assert "1 of your own event(s) adopted from the relay" in cli("coordination", "sync")
    after = json.loads(cli("coordination", "status", "--json"))
    assert after["restore"] == {
        "backup_at": after["restore"]["backup_at"],
        "catching_up": False,
        "adopted": 1,
        "renumbered": 1,
    }
    english = cli("coordination", "status")
    assert "1 of your own decisions adopted from the relay, 1 numbered after them" in english
    assert "no gaps, forks or refusals" in english


def test_a_restored_vault_sends_none_of_its_own_until_a_pull_reached_the_relays_end(
    pair: Pair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reporter.coordination import exchange

    a, b, _ = pair.incidents
    ana_id = my_member_id(pair.ana)
    backup = tmp_path / "ana.age"
    _backup(pair.ana, backup)
    for change in (TriageChange(review="in-review"), TriageChange(tags=("pegasus",))):
        triaging.apply_triage(pair.ana, a, change, "Ana")
        pair.sync(pair.ana)  # one relay object each
    pair.ana = _restore(pair.ana, backup)
    triaging.apply_triage(pair.ana, b, TriageChange(review="in-review"), "Ana")
    monkeypatch.setattr(exchange, "PAGE", 1)
    monkeypatch.setattr(exchange, "MAX_PAGES", 1)  # this sync sees one object of two
    report = pair.sync(pair.ana)
    assert report.events_sent == 0
    assert report.skipped == "catching up with this vault's own events on the relay"
    assert coordination_status(pair.ana)["restore"]["catching_up"] is True
    assert coordination_status(pair.ana)["me"]["unsent"] == 2  # adopted, not yet sent again
    monkeypatch.undo()
    assert pair.sync(pair.ana).events_sent >= 1
    pair.sync(pair.beto)
    assert coordination_status(pair.beto)["forks"] == []
    _assert_whole(_chain(pair.beto, ana_id))
    assert len(_chain(pair.beto, ana_id)) == 3
