"""Issue 3, test 2: canaries written into a vault are in no file on disk, open or closed."""

from __future__ import annotations

import secrets
import tempfile
from pathlib import Path

import pytest

from reporter.vault.vault import Vault
from tests.core.conftest import PASSPHRASE, CliRunner, json_out


def _canaries() -> dict[str, str]:
    tag = secrets.token_hex(6)
    fields = (
        "title",
        "description",
        "place",
        "name",
        "contact",
        "note",
        "tag",
        "domain",
        "attachment",
        "filename",
    )
    return {f: f"CANARY{f.upper()}{tag}" for f in fields}


def _needles(canaries: dict[str, str]) -> list[bytes]:
    out = []
    for value in canaries.values():
        out += [value.encode(), value.lower().encode(), value.encode("utf-16-le")]
    return out


def _files_containing(roots: list[Path], needles: list[bytes]) -> list[str]:
    hits = []
    for root in roots:
        for path in root.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                hits += [f"{path}: {n!r}" for n in needles if n in data]
    return hits


def _record(c: dict[str, str]) -> dict[str, object]:
    return {
        "title": c["title"],
        "description": f"texto {c['description']} más texto",
        "incident_types": ["SURV.SPYWARE"],
        "where": {"state": "09", "place": c["place"], "coordinates": {"lat": 19.4, "lon": -99.1}},
        "targets": [{"profiles": ["JOURNALIST"], "names": [c["name"]], "contact": c["contact"]}],
        "indicators": [{"type": "domain-name", "value": f"{c['domain'].lower()}.example.com"}],
        "tags": [c["tag"]],
        "private_notes": c["note"],
    }


@pytest.fixture
def isolated_tmp(private_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TMPDIR", str(private_tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(private_tmp))
    return private_tmp


def test_no_canary_on_disk_while_open_and_after_close(
    home: Path, isolated_tmp: Path, tmp_path: Path
) -> None:
    canaries = _canaries()
    source = tmp_path / "outside" / f"{canaries['filename']}.txt"
    source.parent.mkdir()
    # Several chunks of content so the STREAM layer and the WAL both see real volume.
    source.write_bytes((canaries["attachment"] + "\n").encode() * 20_000)

    vault = Vault.create(home, PASSPHRASE)
    incident_id = vault.incidents.add(_record(canaries))
    vault.attachments.add(incident_id, source)
    vault.incidents.patch(incident_id, {"status": "COMPLETE"})  # a revision with content
    assert vault.incidents.find(_filter(canaries["description"]))  # FTS did index it
    roots = [home, isolated_tmp]
    assert _files_containing(roots, _needles(canaries)) == []  # open, WAL in use
    vault.close()
    assert _files_containing(roots, _needles(canaries)) == []  # closed

    reopened = Vault.open(home, PASSPHRASE)
    assert reopened.incidents.get(incident_id)["private_notes"] == canaries["note"]
    # The scanner does see plaintext: extracting where asked is the one place it appears.
    attachment = reopened.attachments.list(incident_id)[0]
    out = tmp_path / "extracted"
    out.mkdir()
    reopened.attachments.extract(attachment["id"], out / "copy.txt")
    assert _files_containing([out], _needles(canaries))
    reopened.close()


def _filter(text: str):  # type: ignore[no-untyped-def]
    from reporter.vault.incident_store import IncidentFilter

    return IncidentFilter(query=text)


def test_no_canary_on_disk_after_cli_session(
    cli: CliRunner, home: Path, private_tmp: Path, tmp_path: Path
) -> None:
    canaries = _canaries()
    source = tmp_path / f"{canaries['filename']}.bin"
    source.write_bytes(canaries["attachment"].encode() * 5000)
    cli("init")
    incident_id = json_out(
        cli(
            "add",
            "--title",
            canaries["title"],
            "--description",
            canaries["description"],
            "--type",
            "HAR.THREAT",
            "--state",
            "09",
            "--place",
            canaries["place"],
            "--target-name",
            canaries["name"],
            "--target-contact",
            canaries["contact"],
            "--tag",
            canaries["tag"],
            "--private-note",
            canaries["note"],
            "--indicator",
            f"domain-name={canaries['domain'].lower()}.example.com",
            "--json",
        )
    )["id"]
    cli("attach", incident_id, str(source))
    assert json_out(cli("search", canaries["tag"], "--json"))[0]["id"] == incident_id
    cli("edit", incident_id, "--title", canaries["title"] + "2")
    assert _files_containing([home, private_tmp], _needles(canaries)) == []
