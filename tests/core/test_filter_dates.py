"""A filter date is checked like a record's date (issue 12): no quiet wrong answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from reporter.cli.main import main
from reporter.errors import InvalidField
from reporter.vault.incident_store import IncidentFilter
from reporter.vault.vault import Vault
from tests.core.conftest import PASSPHRASE


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TESTIGO_PASSPHRASE", PASSPHRASE)
    path = tmp_path / "vault"
    with Vault.create(path, PASSPHRASE) as vault:
        vault.incidents.add(
            {"title": "Noviembre", "incident_types": ["HAR.THREAT"], "when": {"date": "2026-11-02"}}
        )
    return path


@pytest.mark.parametrize("command", [["list"], ["search", "noviembre"]])
@pytest.mark.parametrize("flag", ["--from", "--to"])
@pytest.mark.parametrize(
    "bad", ["2026-99-01", "2026-02-30", "2026-13", "ayer", "20261102", "1850-01-01"]
)
def test_a_bad_filter_date_exits_5(
    home: Path, capsys: pytest.CaptureFixture[str], command: list[str], flag: str, bad: str
) -> None:
    assert main(["--home", str(home), *command, flag, bad]) == 5
    err = capsys.readouterr().err
    assert "invalid_field" in err
    assert flag.lstrip("-") in err


def test_good_filter_dates_still_filter(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--home", str(home), "list", "--from", "2026-11", "--to", "2026"]) == 0
    assert "Noviembre" in capsys.readouterr().out
    assert main(["--home", str(home), "list", "--from", "2026-11-03"]) == 0
    assert "(none)" in capsys.readouterr().out


def test_the_core_filter_refuses_them_for_every_caller() -> None:
    with pytest.raises(InvalidField):
        IncidentFilter(date_to="2026-04-31")
    assert IncidentFilter(date_from="2026-04-30").date_from == "2026-04-30"
