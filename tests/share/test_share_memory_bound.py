"""Cleaned copies wait in memory until the bundle is written, so what one share holds is
bounded: past the limit the share is refused, saying why, and nothing changes."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from reporter.errors import CannotClean
from reporter.share import sharing
from reporter.share.outbox_store import OutboxStore
from tests.share.conftest import World


def _png(seed: int) -> bytes:
    out = io.BytesIO()
    Image.effect_noise((400, 400), 60 + seed).convert("RGB").save(out, "PNG")
    return out.getvalue()


def test_a_share_holding_too_much_cleaned_data_is_refused(
    x_world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = x_world.reporter
    incident = vault.incidents.add({"title": "fotos", "incident_types": ["HAR.THREAT"]})
    photos = [_png(n) for n in range(3)]
    ids = [
        vault.attachments.add(incident, io.BytesIO(p), f"{n}.png")["id"]
        for n, p in enumerate(photos)
    ]
    monkeypatch.setattr(sharing, "MAX_CLEANED_AT_ONCE", len(photos[0]) + len(photos[1]) + 10)
    sharing.preview(vault, incident, ids[:2], ["share_attachments"])  # two fit
    before = vault.incidents.get(incident)
    with pytest.raises(CannotClean) as refused:
        sharing.share_incidents(vault, [incident], ids, ["share_attachments"])
    assert "several bundles" in refused.value.message("en")
    assert "varios paquetes" in refused.value.message("es")
    assert vault.incidents.get(incident)["revision"] == before["revision"]
    assert OutboxStore(vault).list() == []
