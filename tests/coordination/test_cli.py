"""The CLI of several coordinators: card, roster (admin and coordinator side), shared notes,
claims, sync (on its own and at the end of inbox pull), status; es and en; bad input is one
line and a documented exit status."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reporter.cli.main import main
from reporter.coordination import identity
from reporter.errors import EXIT_INVALID, EXIT_NOT_FOUND
from tests.coordination.conftest import Pair
from tests.sync.conftest import KEYS, PASSPHRASE


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Any:
    monkeypatch.setenv("TESTIGO_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("TESTIGO_COALITION_PASSPHRASE", KEYS)
    monkeypatch.delenv("TESTIGO_LANG", raising=False)

    def run(home: Path, *args: str) -> tuple[int, Any, str]:
        capsys.readouterr()
        status = main(["--home", str(home), *args])
        captured = capsys.readouterr()
        out = captured.out.strip()
        return status, json.loads(out) if out and "--json" in args else out, captured.err

    return run


def test_a_third_coordinator_joins_and_shares_triage_through_the_cli(
    pair: Pair, cli: Any, tmp_path: Path
) -> None:
    a = pair.incidents[0]
    carla = pair.new_coordinator("carla", with_roster=False)
    carla.close()
    home, directory = pair.root / "carla", str(pair.coalition_dir)
    card_file = tmp_path / "carla.testigo-card"
    status, made, err = cli(
        home, "coordination", "card", "--name", "Carla", "--out", str(card_file), "--json"
    )
    assert status == 0, err
    assert made["name"] == "Carla"
    assert cli(home, "coordination", "card", "--out", str(card_file))[0] != 0  # no overwrite
    status, roster, err = cli(
        home, "coalition", "roster", "add", "--dir", directory, "--card", str(card_file), "--json"
    )
    assert status == 0, err
    assert [m["name"] for m in roster["members"]] == ["Ana", "Beto", "Carla"]
    assert cli(home, "coalition", "roster", "show", "--dir", directory, "--json")[1]["serial"] == 3
    roster_file = str(pair.coalition_dir / "coordinators.testigo-roster")
    assert (
        cli(home, "coordination", "roster", "import", roster_file, "--json")[1]["status"]
        == "imported"
    )
    assert (
        cli(home, "coordination", "roster", "import", roster_file, "--json")[1]["status"]
        == "unchanged"
    )

    ana = pair.ana.home
    assert cli(ana, "coordination", "roster", "import", roster_file, "--json")[0] == 0
    assert (
        cli(ana, "inbox", "triage", a, "--note", "Confirmado por teléfono.", "--shared", "--json")[
            0
        ]
        == 0
    )
    assert cli(ana, "inbox", "triage", a, "--note", "solo para mí", "--json")[0] == 0
    status, held, err = cli(ana, "inbox", "claim", a, "--hours", "2", "--json")
    assert status == 0, err
    assert held["mine"] is True
    status, sent, err = cli(ana, "coordination", "sync", "--json")
    assert status == 0, err
    assert sent["events_sent"] >= 2

    status, pulled, err = cli(home, "inbox", "pull", "--json")  # bundles, then the events
    assert status == 0, err
    assert pulled["coordination"]["outcomes"]["applied"] >= 2
    shown = cli(home, "inbox", "show", a, "--json")[1]
    assert (shown["claim"]["name"], shown["claim"]["mine"]) == ("Ana", False)
    assert [(n["text"], n["shared"]) for n in shown["notes"]] == [
        ("Confirmado por teléfono.", True)
    ]
    status, broken, err = cli(home, "inbox", "break-claim", a, "--json")
    assert status == 0, err
    assert (broken["name"], broken["status"]) == ("Ana", "broken")
    assert cli(home, "inbox", "release", a)[0] == EXIT_NOT_FOUND

    status, state, err = cli(home, "coordination", "status", "--json")
    assert status == 0, err
    assert [m["name"] for m in state["roster"]["members"]] == ["Ana", "Beto", "Carla"]
    assert (state["gaps"], state["forks"], state["refusals"]) == ([], [], [])
    text = cli(home, "--lang", "es", "coordination", "status")[1]
    assert "yo: Carla" in text
    assert "sin huecos, bifurcaciones ni rechazos" in text
    # what came from each other member, and for this vault's own, what it sent
    members = {m["name"]: m for m in state["roster"]["members"]}
    assert members["Carla"]["received"] is None
    assert (
        f"Carla ({members['Carla']['id']}): {members['Carla']['sent']} evento(s) enviado(s)" in text
    )
    ana_line = f"Ana ({members['Ana']['id']}): {members['Ana']['received']} evento(s) recibido(s)"
    assert members["Ana"]["received"] >= 2
    assert ana_line in text

    # the admin removes Beto, with what Ana's vault knows of his chain
    beto_id = identity.my_member_id(pair.beto)
    status, roster, err = cli(
        ana,
        "coalition",
        "roster",
        "remove",
        "--dir",
        directory,
        "--member",
        beto_id,
        "--vault-knowledge",
        "--json",
    )
    assert status == 0, err
    removed = next(m for m in roster["members"] if m["id"] == beto_id)
    assert removed["removed"] == {"serial": 4, "last_seq": 0, "last_hash": None}
    assert (
        "[retirado]"
        in cli(ana, "--lang", "es", "coalition", "roster", "show", "--dir", directory)[1]
    )


def test_bad_roster_and_card_files_are_one_line_errors(
    pair: Pair, cli: Any, tmp_path: Path
) -> None:
    bad = tmp_path / "bad"
    bad.write_bytes(b'{"format": "testigo-coordinator-roster"}')
    status, _, err = cli(pair.ana.home, "coordination", "roster", "import", str(bad))
    assert status == EXIT_INVALID
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err
    status, _, err = cli(
        pair.ana.home,
        "coalition",
        "roster",
        "add",
        "--dir",
        str(pair.coalition_dir),
        "--card",
        str(bad),
    )
    assert status == EXIT_INVALID
    assert len(err.strip().splitlines()) == 1


def test_a_reporter_vault_has_no_coordinator_card(cli: Any, tmp_path: Path) -> None:
    from reporter.vault.vault import Vault

    Vault.create(tmp_path / "reporter", PASSPHRASE).close()
    status, _, err = cli(
        tmp_path / "reporter", "coordination", "card", "--out", str(tmp_path / "c")
    )
    assert status == 2
    assert "coordinator vault" in err
    assert not (tmp_path / "c").exists()
