"""A coordinator who moved their identity to a new computer on purpose says "I know, this is
me": the copied-identity warning stops for the evidence seen (recorded in the vault, with the
time), and comes back when new evidence appears. Real vaults, a real relay on 127.0.0.1."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from reporter.coordination import catchup, triaging
from reporter.coordination.status import coordination_status
from reporter.coordination.triaging import TriageChange
from reporter.errors import NotFound
from reporter.vault.vault import Vault
from tests.coordination.conftest import Pair
from tests.sync.conftest import PASSPHRASE


@pytest.fixture
def laptop(pair: Pair, tmp_path: Path) -> Iterator[Vault]:
    """Ana's identity copied to a second computer, which decided something and synced; Ana's
    vault then synced and saw it (one own event made elsewhere)."""
    a, b, c = pair.incidents
    triaging.apply_triage(pair.ana, a, TriageChange(review="in-review"), "Ana")
    pair.sync(pair.ana)
    home = pair.ana.home
    pair.ana.close()
    shutil.copytree(home, tmp_path / "ana-laptop")
    pair.ana = Vault.open(home, PASSPHRASE)
    other = Vault.open(tmp_path / "ana-laptop", PASSPHRASE)
    triaging.apply_triage(other, b, TriageChange(review="in-review"), "Ana")
    pair.sync(other)
    triaging.apply_triage(pair.ana, c, TriageChange(assignee="Carla"), "Ana")
    pair.sync(pair.ana)
    assert coordination_status(pair.ana)["elsewhere"]["events"] == 1
    yield other
    other.close()


def test_acknowledged_evidence_is_not_shown_again_and_new_evidence_is(
    pair: Pair, laptop: Vault
) -> None:
    a, b, _ = pair.incidents
    ack = catchup.acknowledge_copy(pair.ana, seen=1)
    assert ack["events"] == 1
    assert ack["at"].endswith("Z")
    status = coordination_status(pair.ana)
    assert status["elsewhere"] is None
    assert status["elsewhere_acknowledged"] == ack
    actions = [e["action"] for e in pair.ana.audit_trail()]
    assert "coordination_identity_elsewhere_acknowledged" in actions
    json.dumps(status)  # plain JSON for --json

    home = pair.ana.home  # recorded in the vault: still acknowledged after a lock
    pair.ana.close()
    pair.ana = Vault.open(home, PASSPHRASE)
    pair.sync(pair.ana)
    assert coordination_status(pair.ana)["elsewhere"] is None

    # new evidence: the laptop decides again
    pair.sync(laptop)
    triaging.apply_triage(laptop, a, TriageChange(verification="corroborated"), "Ana")
    pair.sync(laptop)
    pair.sync(pair.ana)
    warning = coordination_status(pair.ana)["elsewhere"]
    assert warning is not None
    assert warning["events"] == 2


def test_acknowledging_covers_only_what_the_person_was_shown(pair: Pair, laptop: Vault) -> None:
    _, b, _ = pair.incidents
    pair.sync(laptop)
    triaging.apply_triage(laptop, b, TriageChange(verification="corroborated"), "Ana")
    pair.sync(laptop)
    pair.sync(pair.ana)  # a second event arrived after the page showed one
    catchup.acknowledge_copy(pair.ana, seen=1)
    assert coordination_status(pair.ana)["elsewhere"]["events"] == 2
    catchup.acknowledge_copy(pair.ana, seen=2)
    assert coordination_status(pair.ana)["elsewhere"] is None
    with pytest.raises(NotFound):
        catchup.acknowledge_copy(pair.ana)  # nothing left to acknowledge: said, not ignored


def test_nothing_to_acknowledge_changes_nothing(pair: Pair) -> None:
    with pytest.raises(NotFound):
        catchup.acknowledge_copy(pair.ana)
    assert coordination_status(pair.ana)["elsewhere_acknowledged"] is None


def test_the_cli_shows_the_warning_and_acknowledges_it_in_both_languages(
    pair: Pair,
    laptop: Vault,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from reporter.cli.main import main

    monkeypatch.setenv("TESTIGO_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("TESTIGO_LANG", raising=False)
    home = pair.ana.home
    pair.ana.close()

    def cli(*args: str, code: int = 0) -> str:
        capsys.readouterr()
        assert main(["--home", str(home), *args]) == code
        out = capsys.readouterr()
        return out.out + out.err

    assert "made on another computer" in cli("coordination", "status")
    assert "otro equipo" in cli("--lang", "es", "coordination", "status")
    said = cli("--lang", "es", "coordination", "acknowledge-copy")
    assert "son suyos" in said
    english = cli("coordination", "status")
    assert "WARNING" not in english
    assert "acknowledged" in english
    assert json.loads(cli("coordination", "status", "--json"))["elsewhere"] is None
    failed = cli("coordination", "acknowledge-copy", code=4)
    assert failed.count("\n") == 1
    assert "Traceback" not in failed
    pair.ana = Vault.open(home, PASSPHRASE)
