"""Issue 3, test 1: a round trip through the CLI in a subprocess, as a script drives it."""

from __future__ import annotations

import json
from pathlib import Path

from tests.core.conftest import CliRunner, json_out

FULL_FLAGS = [
    "--title",
    "Seguimiento a periodista en Xalapa",
    "--description",
    "Dos hombres en motocicleta siguieron a la reportera desde la redacción.",
    "--status",
    "COMPLETE",
    "--type",
    "SURV.PHYSICAL",
    "--type",
    "HAR.THREAT",
    "--sphere",
    "BOTH",
    "--date",
    "2026-11-02",
    "--time",
    "18:30",
    "--date-precision",
    "DAY",
    "--state",
    "30",
    "--municipality",
    "30087",
    "--place",
    "Calle Enríquez 12",
    "--location-precision",
    "EXACT",
    "--location-type",
    "MEDIA_OFFICE",
    "--lat",
    "19.5438",
    "--lon",
    "-96.9102",
    "--target-profile",
    "JOURNALIST",
    "--target-name",
    "Ana Pérez",
    "--target-name",
    "La Güera",
    "--target-gender",
    "WOMAN",
    "--target-age-band",
    "30_44",
    "--target-contact",
    "+52 228 555 0100",
    "--perpetrator",
    "STATE.SECURITY:STATE:SUSPECTED",
    "--vector",
    "SMS_LINK",
    "--compromise-status",
    "SUSPECTED",
    "--detection-source",
    "SELF_OBSERVED",
    "--platform",
    "ANDROID",
    "--spyware-family",
    "PEGASUS",
    "--indicator",
    "domain-name=Ejemplo-Malo.COM@ATTACKER",
    "--indicator",
    "phone-number=+52 55 1234 5678",
    "--consent",
    "share_with_coalition",
    "--consent",
    "share_free_text",
    "--sensitivity",
    "TLP:AMBER",
    "--tag",
    "xalapa",
    "--tag",
    "motocicleta",
    "--private-note",
    "La fuente pidió no ser nombrada.",
]


def _add(cli: CliRunner, *flags: str) -> str:
    out = json_out(cli("add", *flags, "--json"))
    assert set(out) == {"id"}
    return str(out["id"])


def test_every_field_round_trips_through_show_list_and_search(cli: CliRunner) -> None:
    cli("init")
    incident_id = _add(cli, *FULL_FLAGS)
    shown = json_out(cli("show", incident_id, "--json"))

    assert shown["id"] == incident_id
    assert shown["title"] == "Seguimiento a periodista en Xalapa"
    assert shown["incident_types"] == ["SURV.PHYSICAL", "HAR.THREAT"]
    assert shown["when"] == {
        "date": "2026-11-02",
        "date_end": None,
        "time": "18:30",
        "precision": "DAY",
    }
    assert shown["where"]["state"] == "30"
    assert shown["where"]["municipality"] == "30087"
    assert shown["where"]["place"] == "Calle Enríquez 12"
    assert shown["where"]["coordinates"] == {"lat": 19.5438, "lon": -96.9102}
    target = shown["targets"][0]
    assert target["names"] == ["Ana Pérez", "La Güera"]
    assert target["profiles"] == ["JOURNALIST"]
    assert target["contact"] == "+52 228 555 0100"
    assert shown["perpetrators"][0]["code"] == "STATE.SECURITY"
    assert shown["digital"]["spyware_family"] == "PEGASUS"
    values = {i["type"]: i["value"] for i in shown["indicators"]}
    assert values["domain-name"] == "ejemplo-malo.com"  # normalized
    assert shown["consent"]["share_with_coalition"]["granted"] is True
    assert shown["tags"] == ["xalapa", "motocicleta"]
    assert shown["private_notes"] == "La fuente pidió no ser nombrada."
    assert shown["revision"] == 1

    listed = json_out(cli("list", "--json"))
    found = json_out(cli("search", "motocicleta", "--json"))
    assert listed == [shown]
    assert found == [shown]


def test_labels_in_english_and_spanish(cli: CliRunner) -> None:
    cli("init")
    incident_id = _add(cli, *FULL_FLAGS)
    en = json_out(cli("show", incident_id, "--json", "--lang", "en"))["labels"]
    es = json_out(cli("show", incident_id, "--json", "--lang", "es"))["labels"]
    assert en == es  # both languages are always present in the JSON
    assert en["incident_type"]["HAR.THREAT"] == {"en": "Threat", "es": "Amenaza"}
    assert en["mx_state"]["30"]["es"] == "Veracruz de Ignacio de la Llave"
    assert en["target_profile"]["JOURNALIST"] == {"en": "Journalist", "es": "Periodista"}
    assert en["perpetrator"]["STATE.SECURITY"]["es"] == "Policía civil"
    text_es = cli("show", incident_id, "--lang", "es").stdout
    text_en = cli("show", incident_id, "--lang", "en").stdout
    assert "Amenaza" in text_es
    assert "Threat" in text_en


def test_show_json_goes_back_into_add_from_json_unchanged(cli: CliRunner, tmp_path: Path) -> None:
    cli("init")
    first = _add(cli, *FULL_FLAGS)
    shown = cli("show", first, "--json").stdout
    second = json_out(cli("add", "--from-json", "-", "--json", stdin=shown))["id"]
    assert second != first
    a = json_out(cli("show", first, "--json"))
    b = json_out(cli("show", second, "--json"))
    for key in ("id", "created_at", "updated_at"):
        a.pop(key)
        b.pop(key)
    assert a == b

    path = tmp_path / "record.json"
    path.write_text(shown, encoding="utf-8")
    third = json_out(cli("add", "--from-json", str(path), "--json"))["id"]
    assert json_out(cli("show", third, "--json"))["title"] == a["title"]


def test_plain_add_prints_only_the_id(cli: CliRunner) -> None:
    cli("init")
    proc = cli(
        "add",
        "--title",
        "T",
        "--description",
        "D",
        "--type",
        "HAR.THREAT",
        "--state",
        "09",
        "--date",
        "2026-01-05",
        "--private-note",
        "n",
        "--target-name",
        "X Y",
    )
    incident_id = proc.stdout.strip()
    assert json_out(cli("show", incident_id, "--json"))["targets"][0]["names"] == ["X Y"]


def test_edit_keeps_revisions_and_history_says_what_changed(cli: CliRunner) -> None:
    cli("init")
    incident_id = _add(cli, "--title", "Primero", "--type", "HAR.THREAT")
    cli("edit", incident_id, "--title", "Segundo", "--status", "COMPLETE")
    history = json_out(cli("history", incident_id, "--json"))
    assert [h["revision"] for h in history] == [1, 2] or [h["revision"] for h in history] == [2, 1]
    edited = next(h for h in history if h["revision"] == 2)
    assert edited["changes"]["title"] == {"from": "Primero", "to": "Segundo"}
    assert json_out(cli("show", incident_id, "--json"))["revision"] == 2


def test_vocab_json_has_codes_with_both_labels(cli: CliRunner) -> None:
    data = json_out(cli("vocab", "--json"))
    states = data["kinds"]["mx_state"]
    assert len(states) == 32
    assert {"code", "en", "es"} <= set(states[0])
    assert all(t["en"] and t["es"] for kind in data["kinds"].values() for t in kind)
    one = json_out(cli("vocab", "incident_type", "--json"))
    assert list(one["kinds"]) == ["incident_type"]


def test_filters_select_by_type_state_perpetrator_date_and_status(cli: CliRunner) -> None:
    cli("init")
    a = _add(
        cli,
        "--title",
        "A",
        "--type",
        "HAR.THREAT",
        "--state",
        "09",
        "--date",
        "2026-01-10",
        "--perpetrator",
        "STATE.SECURITY",
        "--status",
        "COMPLETE",
    )
    b = _add(
        cli,
        "--title",
        "B",
        "--type",
        "SURV.SPYWARE",
        "--state",
        "30",
        "--date",
        "2026-03-01",
        "--perpetrator",
        "UNKNOWN",
    )

    def ids(*args: str) -> set[str]:
        return {r["id"] for r in json_out(cli("list", *args, "--json"))}

    assert ids("--type", "HAR.THREAT") == {a}
    assert ids("--state", "30") == {b}
    assert ids("--perpetrator", "STATE.SECURITY") == {a}
    assert ids("--from", "2026-02-01") == {b}
    assert ids("--to", "2026-02-01") == {a}
    assert ids("--status", "DRAFT") == {b}
    assert ids() == {a, b}


def test_delete_needs_confirmation_and_is_real(cli: CliRunner) -> None:
    cli("init")
    incident_id = _add(cli, "--title", "borrar", "--type", "HAR.THREAT")
    refused = cli("delete", incident_id, check=False)
    assert refused.returncode != 0
    assert json_out(cli("show", incident_id, "--json"))["id"] == incident_id
    cli("delete", incident_id, "--yes")
    gone = cli("show", incident_id, check=False)
    assert gone.returncode == 4
    assert json.loads(cli("search", "borrar", "--json").stdout) == []


def _commands() -> list[tuple[str, ...]]:
    """Every command and group subcommand, read from the parser itself."""
    import argparse

    from reporter.cli.main import build_parser

    def walk(parser: argparse.ArgumentParser, prefix: tuple[str, ...]) -> list[tuple[str, ...]]:
        subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not subs:
            return [prefix]
        return [
            path for name, child in subs[0].choices.items() for path in walk(child, (*prefix, name))
        ]

    return walk(build_parser(), ())


def test_every_command_has_help_with_an_example(cli: CliRunner) -> None:
    commands = _commands()
    assert len(commands) > 30
    for command in commands:
        proc = cli(*command, "--help")
        assert "example:" in proc.stdout, command
        assert "testigo-cli" in proc.stdout.split("example:")[1], command
