"""A report with one attached file, as a coordinator receives it: a device's signed bundle sent
through the real relay on 127.0.0.1 and pulled by the app, then opened on that file."""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

from reporter.share.bundle import OutgoingAttachment
from tests.share.signed_bundles import good_record, new_device, profile_of, queue, seal
from tests.ui.coordinator.conftest import upload

WAIT_MS = 30_000


def open_received_file(
    qtbot: Any, mission: Any, window: Any, content: bytes, media_type: str
) -> Any:
    """The coordinator window's report page, its one file selected; the pull said "1 new"."""
    record = good_record()
    entry = {
        "id": str(uuid.uuid4()),
        "incident_id": record["id"],
        "size": len(content),
        "media_type": media_type,
        "sha256": hashlib.sha256(content).hexdigest(),
    }
    record["attachments"] = [{k: entry[k] for k in ("id", "size", "media_type", "sha256")}]
    queue(
        mission.reporter,
        seal(
            profile_of(mission.reporter),
            new_device(),
            [record],
            attachments=[OutgoingAttachment(entry, lambda: [content])],
        ),
    )
    upload(mission)
    bar = window.inbox.pull
    bar.pull_now()
    qtbot.waitUntil(lambda: bar.task is None, timeout=WAIT_MS)
    assert bar.status.text().startswith("1 new report"), bar.status.text()
    window.open_report(record["id"])
    report = window.report
    qtbot.waitUntil(lambda: report.files.count() == 1, timeout=WAIT_MS)
    report.files.setCurrentRow(0)
    return report
