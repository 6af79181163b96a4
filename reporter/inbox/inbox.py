"""The coordinator's inbox: open bundles, verify them, import them once.

Nothing from a bundle reaches the vault until the whole file was decrypted and checked: the
age chunks, the device signature, that it names this coalition's profile, every attachment
hash and the padding. Importing the same bundle again changes nothing. Devices are trusted on
first use: a new one is recorded as unverified with its fingerprint until a person checks it.
"""

from __future__ import annotations

import base64
import builtins
import contextlib
import io
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Protocol

import sqlcipher3

from reporter.age import parse_identity
from reporter.errors import (
    Conflict,
    IncidentOwnedElsewhere,
    IntegrityError,
    NotFound,
    TestigoError,
    UnprocessableBundle,
)
from reporter.fsutil import open_regular, storage_error
from reporter.inbox.coalition_keys import coalition_identity as coalition_identity
from reporter.inbox.coalition_keys import coalition_signing_key as coalition_signing_key
from reporter.inbox.coalition_keys import install_coalition_keys as install_coalition_keys
from reporter.inbox.epochs import check_epoch_accepted, epoch_identities
from reporter.inbox.index import INDEX_VERSION, META_KEY, index_record, rebuild_index
from reporter.inbox.originals import Arrival as Arrival
from reporter.inbox.originals import Tee, keep_original, read_small, store_small
from reporter.inbox.query import reports_by_id, select_reports
from reporter.inbox.record_schema import check_shared_manifest
from reporter.inbox.rejections import Sender, is_bundles_fault, record_rejection
from reporter.incidents.record import is_incident_id
from reporter.share.bundle import read_bundle
from reporter.share.device import device_fingerprint
from reporter.share.profile import known_profile_ids
from reporter.vault.blob_store import READ_SIZE, BlobInfo, BlobSink, BlobStore, DeferredSync
from reporter.vault.database import classify
from reporter.vault.vault import DB_FILE, Vault, utc_now


class GroupTransaction(Protocol):
    """An open transaction several bundles share (reporter.inbox.group_commit)."""

    def connection(self) -> Any: ...

    def write(self, write: Callable[[Any], None]) -> None: ...

    def commit(self) -> None: ...

    @property
    def deferred(self) -> DeferredSync: ...


@dataclass
class ImportResult:
    bundle_id: str
    status: str  # imported | duplicate
    device_id: str
    device_new: bool
    device_fingerprint: str
    receipt_recipient: str
    incident_ids: list[str] = field(default_factory=list)
    kept_original: bool = False  # the arrival's blob is now the bundle's kept original

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "kept_original"}


def _lowercase_ids(m: dict[str, Any]) -> dict[str, Any]:
    """Incident ids compare as UUIDs: an upper-case copy is the same incident."""
    records = [dict(r, id=r["id"].lower()) for r in m["records"]]
    attachments = [dict(a, incident_id=a["incident_id"].lower()) for a in m["attachments"]]
    return dict(m, records=records, attachments=attachments)


def _check_owners(conn: Any, m: dict[str, Any], fingerprint: str) -> None:
    """Each incident id belongs to the device that sent it first; refuse any other sender."""
    for record in m["records"]:
        owner = conn.execute(
            "SELECT o.device_id, d.fingerprint FROM inbox_incident_owners o JOIN devices d"
            " USING (device_id) WHERE o.incident_id = ?",
            (record["id"],),
        ).fetchone()
        if owner is not None and owner[0] != m["device_id"]:
            raise IncidentOwnedElsewhere(
                incident_id=record["id"],
                owner=owner[1],
                sender=fingerprint,
                owner_device_id=owner[0],
            )


def _index(conn: Any, m: dict[str, Any], now: str, current: bool) -> bool:
    """The bundle's records into the inbox index (built first if this vault has none).

    ``current``: this importer already saw the index at this version (it never goes back),
    so the check is skipped. Returns whether the index was found current.
    """
    if not current:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (META_KEY,)).fetchone()
        if row is None or row[0] != INDEX_VERSION:
            rebuild_index(conn)  # includes this bundle's records, stored just before
            conn.execute(
                "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (META_KEY, INDEX_VERSION)
            )
            return False  # current only once this transaction commits
    for record in m["records"]:
        index_record(conn, record, m["bundle_id"], m["device_id"], now)
    return True


def bundle_files(paths: list[Path]) -> Iterator[Path]:
    """Files given, and the *.age files of directories given, in a stable order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.iterdir() if p.suffix == ".age" and p.is_file())
        elif path.is_file():
            yield path
        else:
            raise NotFound(what=f"bundle file {path.name}")


class Inbox:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault
        self._blobs = BlobStore(vault)
        self.last_sender: Sender | None = None  # the device of the last bundle, if known
        # While set, each bundle is a savepoint of the group's open transaction instead of
        # a durable transaction of its own (reporter.inbox.group_commit).
        self.group: GroupTransaction | None = None
        self._identities: dict[str, Any] = {}  # identity string -> parsed, for this inbox
        self._index_current = False

    def _parse_identity(self, text: str) -> Any:
        parsed = self._identities.get(text)
        if parsed is None:
            parsed = self._identities[text] = parse_identity(text)
        return parsed

    @property
    def vault(self) -> Vault:
        return self._vault

    def _sink(self) -> BlobSink:
        """A new blob; in a group its fsyncs wait for the batch's (one flush per commit)."""
        return self._blobs.sink(None if self.group is None else self.group.deferred)

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[Any]:
        """A bundle's own durable transaction, or the open group's (see ``_write``)."""
        if self.group is None:
            with self._vault.transaction() as conn:
                yield conn
        else:
            try:
                yield self.group.connection()
            except sqlcipher3.Error as exc:  # the vault's transaction says this for itself
                raise classify(exc, self._vault.data_dir / DB_FILE) from None

    def _write(self, conn: Any, write: Callable[[Any], None]) -> None:
        """A bundle's writes, once its checks passed: all or nothing, alone or in a group.

        In a group a failure here rolls the batch back and writes its earlier bundles again
        (``GroupTransaction.write``): cheaper than a savepoint per bundle, which SQLCipher's
        memory security made cost more than the commit it saves.
        """
        if self.group is None:
            write(conn)
        else:
            self.group.write(write)

    # -- importing -----------------------------------------------------------------------
    def import_file(self, path: Path) -> ImportResult:
        """Import a bundle file, keeping its bytes as received; a refusal is recorded."""
        arrival = Arrival("file", file_name=path.name[:255])
        try:
            with open_regular(path) as handle:
                data = read_small(handle)
                if data is not None:  # kept in its row: no blob file to create
                    arrival = Arrival(arrival.via, file_name=arrival.file_name, data=data)
                    return self.receive(io.BytesIO(data), arrival=arrival)
                tee = Tee(handle, self._sink())
                try:
                    result = self.receive(
                        io.BufferedReader(tee, READ_SIZE),
                        arrival=arrival,
                        tee=tee,
                    )
                finally:
                    tee.abort()
        except OSError as exc:
            raise storage_error(exc) from None
        return result

    def receive(
        self,
        src: BinaryIO,
        *,
        upload_id: str | None = None,
        file_name: str | None = None,
        arrival: Arrival | None = None,
        tee: Tee | None = None,
    ) -> ImportResult:
        """``import_bundle``, and a refusal that is the bundle's fault is recorded."""
        self.last_sender = None
        arrival = arrival or Arrival("relay" if upload_id else "file", upload_id, file_name)
        try:
            return self.import_bundle(src, arrival, tee)
        except TestigoError as exc:
            if is_bundles_fault(exc):
                if self.group is not None:
                    self.group.commit()  # the refusal is kept in a transaction of its own
                owner = (
                    exc.params.get("owner_device_id")
                    if isinstance(exc, IncidentOwnedElsewhere)
                    else None
                )
                record_rejection(
                    self._vault,
                    exc,
                    upload_id=arrival.upload_id,
                    file_name=arrival.file_name,
                    sender=self.last_sender,
                    owner_device_id=owner,
                )
            raise

    def import_bundle(
        self, src: BinaryIO, arrival: Arrival | None = None, tee: Tee | None = None
    ) -> ImportResult:
        """Verify, check every record against the shared schema, store all or nothing.

        Only ``TestigoError`` leaves: a failure no check foresaw is ``UnprocessableBundle``
        (a full disk or a locked vault stay what they are: they are not the bundle's fault).
        The original is kept when ``arrival`` has its blob or ``tee`` copies it on the way.
        """
        self.last_sender = None
        try:
            return self._import(src, arrival, tee)
        except (TestigoError, OSError, MemoryError):
            raise
        except Exception as exc:
            raise UnprocessableBundle(kind=type(exc).__name__) from None

    def _import(self, src: BinaryIO, arrival: Arrival | None, tee: Tee | None) -> ImportResult:
        identities = epoch_identities(self._vault, self._parse_identity)
        sinks: list[tuple[dict[str, Any], BlobSink]] = []

        def open_sink(entry: dict[str, Any]) -> BlobSink:
            sink = self._sink()
            sinks.append((entry, sink))
            return sink

        try:
            opened = read_bundle(src, identities, open_sink)
            manifest = opened.manifest
            self.last_sender = Sender(
                manifest["device_id"], device_fingerprint(opened.device_public_key)
            )
            if manifest["profile_id"] not in known_profile_ids(self._vault):
                raise IntegrityError(reason="the bundle was made for another coalition")
            check_epoch_accepted(identities, utc_now())
            check_shared_manifest(manifest)
            if tee is not None and arrival is not None:
                arrival = Arrival(arrival.via, arrival.upload_id, arrival.file_name, tee.commit())
            stored = [(entry, sink.commit()) for entry, sink in sinks]
        except BaseException:
            for _, sink in sinks:
                sink.abort()
            raise
        try:
            result = self._store(
                _lowercase_ids(manifest),
                opened.device_public_key,
                stored,
                arrival,
                self.last_sender.fingerprint,  # computed once, with the signature's check
            )
        except BaseException:
            self._blobs.remove([info.name for _, info in stored])
            if tee is not None and arrival is not None and arrival.blob is not None:
                self._blobs.remove([arrival.blob.name])
            raise
        if (
            tee is not None
            and arrival is not None
            and arrival.blob is not None
            and not result.kept_original
        ):
            self._blobs.remove([arrival.blob.name])
        return result

    def _store(
        self,
        m: dict[str, Any],
        key: bytes,
        stored: list[tuple[dict[str, Any], BlobInfo]],
        arrival: Arrival | None,
        fingerprint: str,
    ) -> ImportResult:
        now = utc_now()
        result = ImportResult(
            m["bundle_id"],
            "imported",
            m["device_id"],
            False,
            fingerprint,
            m["receipt_recipient"],
            [r["id"] for r in m["records"]],
        )
        kept = arrival  # its small original in the blob store once the checks pass

        def write(conn: Any) -> None:
            if result.device_new:
                conn.execute(
                    "INSERT INTO devices(device_id, public_key, fingerprint,"
                    " first_seen, last_seen) VALUES (?, ?, ?, ?, ?)",
                    (m["device_id"], key, fingerprint, now, now),
                )
            conn.executemany(
                "INSERT OR IGNORE INTO inbox_incident_owners(incident_id, device_id,"
                " first_seen) VALUES (?, ?, ?)",
                [(r["id"], m["device_id"], now) for r in m["records"]],
            )
            conn.execute(
                "UPDATE devices SET last_seen = ?, bundles = bundles + 1 WHERE device_id = ?",
                (now, m["device_id"]),
            )
            conn.execute(
                "INSERT INTO inbox_bundles(bundle_id, device_id, device_seq, profile_id,"
                " created_on, received_at, records, receipt_recipient)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    m["bundle_id"],
                    m["device_id"],
                    m["device_seq"],
                    m["profile_id"],
                    m["created_on"],
                    now,
                    len(m["records"]),
                    m["receipt_recipient"],
                ),
            )
            conn.executemany(
                "INSERT INTO inbox_records(incident_id, bundle_id, revision, data)"
                " VALUES (?, ?, ?, ?)",
                [
                    (
                        r["id"],
                        m["bundle_id"],
                        r["revision"],
                        json.dumps(r, ensure_ascii=False, allow_nan=False),
                    )
                    for r in m["records"]
                ],
            )
            conn.executemany(
                "INSERT INTO inbox_attachments(id, bundle_id, incident_id, blob, blob_key,"
                " size, media_type, sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        e["id"],
                        m["bundle_id"],
                        e["incident_id"],
                        info.name,
                        info.key,
                        e["size"],
                        e["media_type"],
                        e["sha256"],
                    )
                    for e, info in stored
                ],
            )
            if _index(conn, m, now, self._index_current):
                self._index_current = True
            result.kept_original = keep_original(conn, m["bundle_id"], kept)
            self._vault.audit("bundle_imported", None, conn)

        with self._transaction() as conn:
            # Every refusal first, so a refused bundle has written nothing.
            earlier = conn.execute(
                "SELECT device_id FROM inbox_bundles WHERE bundle_id = ?", (m["bundle_id"],)
            ).fetchone()
            if earlier is not None and earlier[0] != m["device_id"]:
                raise Conflict(reason="another device already sent a bundle with that id")
            if earlier is not None:
                result.status = "duplicate"  # a replay: recognised, nothing changes
            else:
                device = conn.execute(
                    "SELECT public_key FROM devices WHERE device_id = ?", (m["device_id"],)
                ).fetchone()
                if device is not None and bytes(device[0]) != key:
                    raise IntegrityError(reason="signed by a key other than the device's")
                if conn.execute(
                    "SELECT 1 FROM inbox_bundles WHERE device_id = ? AND device_seq = ?",
                    (m["device_id"], m["device_seq"]),
                ).fetchone():
                    raise Conflict(reason="this device already sent a bundle with that number")
                _check_owners(conn, m, fingerprint)
                result.device_new = device is None
                if arrival is not None:
                    deferred = None if self.group is None else self.group.deferred
                    kept = store_small(self._blobs, deferred, arrival)
                try:
                    self._write(conn, write)
                except BaseException:
                    # A blob made here for a small original goes (in a group, its segment
                    # stays in the pack, named by no row).
                    if self.group is None and kept is not arrival and kept and kept.blob:
                        self._blobs.remove([kept.blob.name])
                    raise
        if result.status == "duplicate":
            self._blobs.remove([info.name for _, info in stored])
        return result

    # -- reading -------------------------------------------------------------------------
    def list(self) -> list[dict[str, Any]]:
        """Received incidents, the newest revision of each from the device that owns it.

        Every one, whatever its triage; ``reporter.inbox.query.select_reports`` filters and
        pages (this keeps the shape older callers read: ``triage`` is the review state).
        """
        return [
            {
                "record": r.record,
                "bundle_id": r.bundle_id,
                "triage": r.triage.review,
                "received_at": r.received_at,
                "device_id": r.device_id,
                "device_fingerprint": r.device_fingerprint,
                "device_verified": r.device_verified,
            }
            for r in select_reports(self._vault, include_all=True)
        ]

    def show(self, incident_id: str) -> dict[str, Any]:
        incident_id = incident_id.strip().lower()
        found = reports_by_id(self._vault, [incident_id]) if is_incident_id(incident_id) else []
        if not found:
            raise NotFound(what="received incident")
        report = found[0]
        item = report.to_json()
        item["triage"] = report.triage.review
        item["attachments"] = [
            {"id": r[0], "size": r[1], "media_type": r[2], "sha256": r[3]}
            for r in self._vault.query(
                "SELECT id, size, media_type, sha256 FROM inbox_attachments"
                " WHERE incident_id = ? AND bundle_id = ?",
                (incident_id, report.bundle_id),
            )
        ]
        return item

    def bundles(self) -> builtins.list[dict[str, Any]]:
        rows = self._vault.query(
            "SELECT bundle_id, device_id, device_seq, received_at, records, receipt_state,"
            " receipt_recipient FROM inbox_bundles ORDER BY received_at"
        )
        keys = (
            "bundle_id",
            "device_id",
            "device_seq",
            "received_at",
            "records",
            "receipt_state",
            "receipt_recipient",
        )
        return [dict(zip(keys, r, strict=True)) for r in rows]

    def mark_receipt_sent(self, bundle_id: str) -> None:
        with self._vault.transaction() as conn:
            conn.execute(
                "UPDATE inbox_bundles SET receipt_state = 'sent' WHERE bundle_id = ?", (bundle_id,)
            )

    # -- devices (trust on first use) ------------------------------------------------------
    def devices(self) -> builtins.list[dict[str, Any]]:
        rows = self._vault.query(
            "SELECT device_id, fingerprint, first_seen, last_seen, verified, bundles, public_key"
            " FROM devices ORDER BY first_seen"
        )
        return [
            {
                "device_id": r[0],
                "fingerprint": r[1],
                "first_seen": r[2],
                "last_seen": r[3],
                "verified": bool(r[4]),
                "bundles": r[5],
                "public_key": base64.b64encode(bytes(r[6])).decode(),
            }
            for r in rows
        ]

    def trust(self, fingerprint: str) -> dict[str, Any]:
        """Mark a device verified after its fingerprint was compared out of band."""
        digits = re.sub(r"\D", "", fingerprint)
        for device in self.devices():
            if re.sub(r"\D", "", device["fingerprint"]) == digits and digits:
                with self._vault.transaction() as conn:
                    conn.execute(
                        "UPDATE devices SET verified = 1 WHERE device_id = ?",
                        (device["device_id"],),
                    )
                    self._vault.audit("device_trusted", None, conn)
                device["verified"] = True
                return device
        raise NotFound(what="device with that fingerprint")
