"""INEGI's municipality catalogue, imported once per vault: names for the codes records keep."""

from __future__ import annotations

from pathlib import Path

import pytest

from reporter.errors import InvalidField, StorageError
from reporter.incidents.municipalities import catalogue, import_catalogue, parse_catalogue
from reporter.vault.vault import Vault
from tests.core.conftest import PASSPHRASE, CliRunner, json_out

# A few rows as INEGI publishes them (more columns than we read, quoted, with accents).
AGEEM = (
    '"CVEGEO","CVE_ENT","NOM_ENT","CVE_MUN","NOM_MUN","POB_TOTAL"\n'
    '"09003","09","Ciudad de México","003","Coyoacán","614447"\n'
    '"09015","09","Ciudad de México","015","Cuauhtémoc","545884"\n'
    '"12001","12","Guerrero","001","Acapulco de Juárez","779566"\n'
    '"12029","12","Guerrero","029","Chilpancingo de los Bravo","283354"\n'
)
EXPECTED = {
    "09003": "Coyoacán",
    "09015": "Cuauhtémoc",
    "12001": "Acapulco de Juárez",
    "12029": "Chilpancingo de los Bravo",
}


def test_inegi_csv_in_utf8_and_in_windows_1252() -> None:
    assert parse_catalogue(AGEEM.encode()) == EXPECTED
    assert parse_catalogue(b"\xef\xbb\xbf" + AGEEM.encode()) == EXPECTED  # BOM
    assert parse_catalogue(AGEEM.encode("cp1252")) == EXPECTED


def test_other_shapes_inegi_uses() -> None:
    semicolons = "CVE_ENT;CVE_MUN;NOM_MUN\n9;3;Coyoacán\n12;29;Chilpancingo de los Bravo\n"
    assert parse_catalogue(semicolons.encode()) == {
        "09003": "Coyoacán",
        "12029": "Chilpancingo de los Bravo",
    }
    cvegeo_only = "CVEGEO,NOM_MUN\n12001,Acapulco de Juárez\n"
    assert parse_catalogue(cvegeo_only.encode()) == {"12001": "Acapulco de Juárez"}
    localities = (
        "CVE_ENT,CVE_MUN,NOM_MUN,CVE_LOC,NOM_LOC\n"
        "12,001,Acapulco de Juárez,0001,Acapulco de Juárez\n"
        "12,001,Acapulco de Juárez,0002,Amatillo\n"
    )
    assert parse_catalogue(localities.encode()) == {"12001": "Acapulco de Juárez"}


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("CVE_ENT,NOM_ENT\n09,Ciudad de México\n", "needs the columns"),
        ("CVE_ENT,CVE_MUN,NOM_MUN\n33,001,Atlántida\n", "is not an INEGI code"),
        ("CVE_ENT,CVE_MUN,NOM_MUN\n12,000,Guerrero\n", "is not an INEGI code"),
        ("CVE_ENT,CVE_MUN,NOM_MUN\n12,xx1,Acapulco\n", "not a municipality row"),
        ("CVE_ENT,CVE_MUN,NOM_MUN\n12,001,Acapulco\n12,001,Otro nombre\n", "two names"),
        ("CVE_ENT,CVE_MUN,NOM_MUN\n12,001,\n", "empty"),
        ("CVE_ENT,CVE_MUN,NOM_MUN\n", "no municipalities"),
    ],
)
def test_a_bad_file_is_refused_with_the_reason(text: str, reason: str) -> None:
    with pytest.raises(InvalidField) as caught:
        parse_catalogue(text.encode())
    assert reason in caught.value.message("en")


def test_import_replaces_and_a_bad_file_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = Vault.create(tmp_path / "v", PASSPHRASE)
    try:
        assert catalogue(vault) == {}
        good, bad = tmp_path / "ageem.csv", tmp_path / "malo.csv"
        good.write_bytes(AGEEM.encode("cp1252"))
        bad.write_text("CVE_ENT,CVE_MUN,NOM_MUN\n99,001,Nada\n")
        assert import_catalogue(vault, good) == 4
        with pytest.raises(InvalidField):
            import_catalogue(vault, bad)
        with pytest.raises(StorageError):
            import_catalogue(vault, tmp_path / "no-existe.csv")
        assert catalogue(vault) == EXPECTED
    finally:
        vault.close()


def test_cli_import_and_list(cli: CliRunner, tmp_path: Path) -> None:
    cli("init")
    source = tmp_path / "ageem.csv"
    source.write_text(AGEEM)
    assert json_out(cli("municipalities", "import", str(source), "--json")) == {"municipalities": 4}
    listed = json_out(cli("municipalities", "list", "--state", "12", "--json"))
    assert listed == [
        {"code": "12001", "name": "Acapulco de Juárez"},
        {"code": "12029", "name": "Chilpancingo de los Bravo"},
    ]
    refused = cli("municipalities", "list", "--state", "99", check=False)
    assert refused.returncode == 5
    assert "mx_state" in refused.stderr
