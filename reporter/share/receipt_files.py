"""Coalition receipts carried back by hand, as ``receipt-<16 hex>.testigo-receipt`` files.

Each file holds the bytes of one sealed receipt (``receipts.make_receipt``), the same the
relay carries: only this device can open it and only the coalition key can have signed it.
A file that is not a receipt, was changed, is for another device or names no bundle of this
outbox is refused by name with the reason, and changes nothing; the others still count.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reporter.errors import (
    FormatError,
    IntegrityError,
    InvalidInput,
    NoMatchingIdentity,
    NotFound,
    ReceiptFileRefused,
    TestigoError,
    TooLarge,
)
from reporter.fsutil import open_regular
from reporter.share.device import device_identity
from reporter.share.outbox_store import OutboxStore, error_fields
from reporter.share.receipts import MAX_RECEIPT, open_receipt
from reporter.vault.vault import Vault

RECEIPT_SUFFIX = ".testigo-receipt"
MAX_FILES = 10_000  # in one import: a folder of more is not a stick of receipts


@dataclass(frozen=True)
class ReceiptOutcome:
    file: str  # the file's name only: its folder says nothing the person needs
    status: str  # received | already_received | refused
    bundle_id: str | None = None
    error: TestigoError | None = None

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        out: dict[str, Any] = {"file": self.file, "status": self.status}
        if self.bundle_id:
            out["bundle_id"] = self.bundle_id
        if self.error is not None:
            out["error"] = self.error.code
            out["message"] = self.error.message(lang)
        return out


def receipt_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given; a folder gives its ``*.testigo-receipt`` files (not its subfolders)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.glob(f"*{RECEIPT_SUFFIX}") if p.is_file()))
        else:
            found.append(path)
        if len(found) > MAX_FILES:
            raise TooLarge(limit=f"{MAX_FILES} receipt files")
    return found


def mark_received(outbox: OutboxStore, bundle_id: str, receipt: dict[str, Any]) -> None:
    """The coalition has it: what a receipt does, whichever way it came."""
    outbox.transition(
        bundle_id, state="received", coordinator_receipt=json.dumps(receipt), **error_fields(None)
    )


def import_receipt_files(vault: Vault, paths: Iterable[Path]) -> list[ReceiptOutcome]:
    """Open, check and apply each receipt file; one outcome per file, refusals included."""
    outbox = OutboxStore(vault)
    device_id = device_identity(vault).device_id
    outcomes = []
    for path in receipt_paths(paths):
        try:
            outcomes.append(_import_one(vault, outbox, device_id, path))
        except ReceiptFileRefused as exc:
            outcomes.append(ReceiptOutcome(path.name, "refused", error=exc))
    return outcomes


def _import_one(vault: Vault, outbox: OutboxStore, device_id: str, path: Path) -> ReceiptOutcome:
    def refused(reason: str) -> ReceiptFileRefused:
        return ReceiptFileRefused(file=path.name, reason=reason)

    try:
        with open_regular(path) as handle:
            data = handle.read(MAX_RECEIPT + 1)
    except InvalidInput:
        raise refused("not a regular file") from None
    except OSError:
        raise refused("the file cannot be read") from None
    try:
        receipt = open_receipt(vault, data, device_id)
    except NoMatchingIdentity:  # sealed to another key: age cannot tell which
        raise refused("this device cannot open it: it is for another device, or changed") from None
    except IntegrityError as exc:
        reason = str(exc.params.get("reason", ""))
        if "another device" in reason:
            raise refused("it is for another device") from None
        if "not signed" in reason:
            raise refused("it is not signed by the coalition") from None
        raise refused("it was changed or damaged") from None
    except FormatError:
        raise refused("not a receipt file") from None
    bundle_id = str(receipt["bundle_id"])
    try:
        item = outbox.get(bundle_id)
    except NotFound:
        raise refused("no bundle in this outbox has that id") from None
    if item["state"] == "received":
        return ReceiptOutcome(path.name, "already_received", bundle_id)
    mark_received(outbox, bundle_id, receipt)
    return ReceiptOutcome(path.name, "received", bundle_id)
