"""A share refused for one of its files changes nothing: no bundle, and no consent recorded
(the record's revision would otherwise say it was shared with the coalition)."""

from __future__ import annotations

import io

import pytest

from reporter.errors import CannotClean
from reporter.share import sharing
from reporter.share.outbox_store import OutboxStore
from tests.share.conftest import World


def test_a_file_that_cannot_be_cleaned_leaves_the_records_as_they_were(x_world: World) -> None:
    vault = x_world.reporter
    first = vault.incidents.add({"title": "uno", "incident_types": ["HAR.THREAT"]})
    second = vault.incidents.add({"title": "dos", "incident_types": ["HAR.THREAT"]})
    gif = vault.attachments.add(second, io.BytesIO(b"GIF89a" + bytes(40)), "a.gif")["id"]
    before = {i: vault.incidents.get(i) for i in (first, second)}
    with pytest.raises(CannotClean):
        sharing.share_incidents(vault, [first, second], [gif], ["share_attachments"])
    for incident_id, record in before.items():
        now = vault.incidents.get(incident_id)
        assert now["revision"] == record["revision"]
        assert now.get("consent") == record.get("consent")
    assert OutboxStore(vault).list() == []
