"""Issue 13, test 2: triage, notes, tags, links and history persist across restarts; bad
transitions and exclusion without a reason are refused with the documented exit code.

Every CLI call opens and closes the real vault, so each step is a restart; the end state is
read again from a freshly opened vault.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from reporter.errors import EXIT_CONFLICT, EXIT_INVALID, EXIT_NOT_FOUND
from reporter.inbox import links, triage
from reporter.inbox.inbox import Inbox
from reporter.inbox.query import ReportFilter, select_reports
from reporter.share.profile import require_profile
from reporter.vault.vault import Vault
from tests.inbox.conftest import Cli, Received, receive
from tests.share.conftest import PASSPHRASE
from tests.share.signed_bundles import seal


def test_triage_notes_links_and_history_persist_across_restarts(
    received: Received, cli: Cli
) -> None:
    a, b, c = (r["id"] for r in received.records[:3])
    home = received.home
    assert cli(home, "inbox", "name", "Ana", "--json")[1] == {"name": "Ana"}
    steps = [
        ("--review", "in-review", "--assign", "Beto"),
        ("--verification", "corroborated", "--note", "Llamé a la persona; confirma."),
        ("--review", "needs-info", "--tag", "pegasus-2026", "--tag", "prioridad"),
        ("--review", "done", "--count", "excluded", "--reason", "duplicate"),
        ("--count", "counted", "--untag", "prioridad", "--as", "Carla"),
    ]
    for step in steps:
        status, _, err = cli(home, "inbox", "triage", a.upper(), *step, "--json")
        assert status == 0, err
    assert cli(home, "inbox", "link", a, b, "--as", "same-event", "--json")[1]["status"] == "linked"
    assert (
        cli(home, "inbox", "link", b, a, "--as", "same-event", "--json")[1]["status"] == "unchanged"
    )
    assert cli(home, "inbox", "link", a, c, "--as", "same-target", "--json")[0] == 0
    assert cli(home, "inbox", "unlink", a, c, "--json")[1]["removed"] == ["same-target"]

    with Vault.open(home, PASSPHRASE) as vault:  # a fresh open: all of it is on disk
        state = triage.triage_of(vault, a)
        assert (
            state.review,
            state.assignee,
            state.verification,
            state.counting,
            state.exclusion,
            state.tags,
        ) == ("done", "Beto", "corroborated", "counted", None, ("pegasus-2026",))
        assert [n["text"] for n in triage.notes(vault, a)] == ["Llamé a la persona; confirma."]
        assert [(x["incident_id"], x["kind"]) for x in links.links_of(vault, a)] == [
            (b, "same-event")
        ]
        changes = [(h["author"], h["field"], h["from"], h["to"]) for h in triage.history(vault, a)]
        (report,) = select_reports(vault, ReportFilter(tag="pegasus-2026"))
        assert report.incident_id == a
    assert changes == [
        ("Ana", "review", "new", "in-review"),
        ("Ana", "assignee", None, "Beto"),
        ("Ana", "verification", "unverified", "corroborated"),
        ("Ana", "note", None, "Llamé a la persona; confirma."),
        ("Ana", "review", "in-review", "needs-info"),
        ("Ana", "tag", None, "pegasus-2026"),
        ("Ana", "tag", None, "prioridad"),
        ("Ana", "review", "needs-info", "done"),
        ("Ana", "counting", "pending", "excluded"),
        ("Ana", "exclusion", None, "duplicate"),
        ("Carla", "counting", "excluded", "counted"),
        ("Carla", "exclusion", "duplicate", None),
        ("Carla", "tag", "prioridad", None),
        ("Ana", "link:same-event", None, b),
        ("Ana", "link:same-target", None, c),
        ("Ana", "link:same-target", c, None),
    ]
    log = cli(home, "inbox", "history", "--json")[1]  # the global log
    assert {h["incident_id"] for h in log} == {a, b, c}
    assert [h["field"] for h in log if h["incident_id"] == b] == ["link:same-event"]
    shown = cli(home, "inbox", "show", a, "--json")[1]
    assert shown["triage"]["review"] == "done"
    assert shown["links"][0]["incident_id"] == b


@pytest.mark.parametrize(
    ("args", "code", "exit_code"),
    [
        (("--review", "done"), "bad_transition", EXIT_CONFLICT),  # new -> done
        (("--review", "needs-info"), "bad_transition", EXIT_CONFLICT),
        (("--count", "excluded"), "invalid_field", EXIT_INVALID),  # no reason
        (("--reason", "duplicate"), "invalid_field", EXIT_INVALID),  # reason, no exclusion
        (("--assign", "x" * 81), "invalid_field", EXIT_INVALID),
        (("--note", "  "), "invalid_field", EXIT_INVALID),
    ],
)
def test_a_bad_change_is_refused_and_changes_nothing(
    received: Received, cli: Cli, args: tuple[str, ...], code: str, exit_code: int
) -> None:
    a = received.records[0]["id"]
    # a valid part in the same call must not be applied either
    status, _, err = cli(
        received.home, "inbox", "triage", a, "--verification", "corroborated", *args, "--json"
    )
    assert status == exit_code
    assert err.startswith(f"testigo-cli: {code}: ")
    assert err.count("\n") == 1
    with Vault.open(received.home, PASSPHRASE) as vault:
        assert triage.triage_of(vault, a) == triage.Triage()
        assert triage.history(vault) == []


def test_refusals_are_said_in_spanish(received: Received, cli: Cli) -> None:
    a = received.records[0]["id"]
    _, _, err = cli(received.home, "--lang", "es", "inbox", "triage", a, "--count", "excluded")
    assert "excluir un reporte requiere una clave de motivo" in err
    _, _, err = cli(received.home, "--lang", "es", "inbox", "triage", a, "--review", "done")
    assert "revisión 'new' no puede pasar a 'done'" in err


def test_unknown_ids_and_self_links_are_refused(received: Received, cli: Cli) -> None:
    a = received.records[0]["id"]
    assert (
        cli(received.home, "inbox", "triage", "0" * 8, "--review", "in-review")[0] == EXIT_NOT_FOUND
    )
    assert cli(received.home, "inbox", "link", a, a, "--as", "same-event")[0] == EXIT_INVALID
    assert cli(received.home, "inbox", "unlink", a, received.records[1]["id"])[0] == EXIT_NOT_FOUND


def test_a_newer_revision_keeps_its_triage(tmp_path: Path, cli: Cli) -> None:
    got = receive(tmp_path, bundles_per_device=1)
    first = got.records[0]
    assert (
        cli(
            got.home,
            "inbox",
            "triage",
            first["id"],
            "--review",
            "in-review",
            "--count",
            "counted",
            "--json",
        )[0]
        == 0
    )
    newer = dict(first, revision=2, title="Reporte corregido")
    with Vault.open(got.home, PASSPHRASE) as vault:  # the coordinator holds the profile
        data = seal(require_profile(vault), got.devices[0], [newer], seq=2)
        assert Inbox(vault).import_bundle(io.BytesIO(data)).status == "imported"
        (report,) = select_reports(vault, ReportFilter(ids=(first["id"],)))
    assert report.revision == 2
    assert report.record["title"] == "Reporte corregido"
    assert (report.triage.review, report.triage.counting) == ("in-review", "counted")
