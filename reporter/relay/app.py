"""The relay's HTTP API (FastAPI): enroll, resumable idempotent uploads, coordinator pull.

Every coordinator gets every bundle: each has its own acknowledgements, and a bundle's bytes
go once all enrolled coordinators acknowledged it (``storage.shared``). What coordinators
exchange beyond bundles (coordination objects, messages, the profile) is in ``exchange.py``.

Every error is JSON ``{"error": code, "message": text}`` with a 4xx status; the relay never
answers 5xx to bad input. It logs no IP addresses and no request content.
"""

import asyncio
import base64
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Annotated, Any

import anyio
from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from reporter.relay.exchange import OPAQUE_BODY, add_exchange_routes, read_body
from reporter.relay.limits import MAX_RECEIPT, BodyLimit, EnrollLimiter, Limits
from reporter.relay.storage import open_storage
from reporter.relay.storage.base import (
    QuotaUsed,
    RelayStorage,
    Room,
    Row,
    StorageConfig,
    UploadWriter,
)
from reporter.relay.uploads import MAX_CHUNK, RelayError, RunningHashes

__all__ = ["MAX_CHUNK", "Limits", "RelayError", "RunningHashes", "create_app"]
HEX32 = r"^[0-9a-f]{32}$"
HEX64 = r"^[0-9a-f]{64}$"
COORDINATOR_ALLOWANCE = 10  # times a device's requests per minute


class EnrollBody(BaseModel):
    token: str = Field(min_length=1, max_length=200)
    credential: str | None = Field(
        default=None,
        pattern=r"^tc1-[A-Za-z0-9_-]{43}$",
        description="the device's own random credential: a retry after a lost answer finds it",
    )


class CreateUploadBody(BaseModel):
    key: str = Field(pattern=HEX64, description="hash of the bundle id: retries find it")
    size: int = Field(ge=1, le=2**53)


class FinishBody(BaseModel):
    sha256: str = Field(pattern=HEX64)


class ReceiptsBody(BaseModel):
    upload_ids: list[Annotated[str, Field(pattern=HEX32)]] = Field(max_length=500)


@dataclass
class Caller:
    pseudonym: str
    role: str


UploadId = Annotated[str, PathParam(pattern=HEX32)]


QUOTA = RelayError(429, "quota", "the device's quota on this relay is used up")


@contextlib.asynccontextmanager
async def held(store: RelayStorage, upload_id: str) -> AsyncIterator[UploadWriter]:
    """The upload locked for this request (taken and let go off the event loop). Let go even
    when the request is cancelled while the lock is being taken: a lock left held would make
    the upload busy for as long as the process lives."""
    box: list[UploadWriter] = []
    try:
        await run_in_threadpool(lambda: box.append(store.writer(upload_id)))
        yield box[0]
    finally:
        if box:
            with anyio.CancelScope(shield=True):
                await run_in_threadpool(box[0].close)


def create_app(
    store_config: StorageConfig, limits: Limits | None = None, api_docs: bool = False
) -> FastAPI:
    """The relay's API on a store (a folder, or PostgreSQL + S3); ``api_docs`` serves
    /docs, /redoc, /openapi.json."""
    limits = limits or Limits()
    store = open_storage(store_config)
    store.expire(limits.retention_seconds)
    store.remove_orphans(older_than_seconds=3600)
    room = Room(limits.max_open_uploads, limits.quota_bytes)
    hashes = RunningHashes()
    enrollments = EnrollLimiter(
        limits.enroll_per_connection, limits.enroll_per_minute, shared=store.allow_call
    )

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        async def expire_periodically() -> None:
            while True:
                await asyncio.sleep(limits.expire_every_seconds)
                await run_in_threadpool(store.expire, limits.retention_seconds)  # and acks
                await run_in_threadpool(store.remove_orphans, 3600)

        task = asyncio.create_task(expire_periodically())
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
            store.close()

    docs = {} if api_docs else {"docs_url": None, "redoc_url": None, "openapi_url": None}
    app = FastAPI(
        title="Testigo relay",
        version="1",
        lifespan=lifespan,
        **docs,  # type: ignore[arg-type]
        description="Stores opaque, padded age ciphertext between devices and a "
        "coalition. Learns no names, no IPs, no plaintext sizes.",
    )
    app.add_middleware(BodyLimit, limits=limits)
    app.state.store = store

    @app.exception_handler(RelayError)
    async def relay_error(_: Request, exc: RelayError) -> JSONResponse:
        return JSONResponse({"error": exc.code, "message": exc.message}, status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        fields = sorted({".".join(str(p) for p in e.get("loc", ())) for e in exc.errors()})
        return JSONResponse(
            {"error": "invalid_request", "message": f"invalid fields: {', '.join(fields)}"},
            status_code=422,
        )

    def caller(authorization: Annotated[str | None, Header()] = None) -> Caller:
        if not authorization or not authorization.startswith("Bearer "):
            raise RelayError(401, "unauthorized", "a credential is needed")
        found = store.who(authorization[7:].strip())
        if found is None:
            raise RelayError(401, "unauthorized", "unknown credential")
        # Coordinators fetch, receipt and acknowledge every device's bundles: 3 requests a
        # bundle for the whole coalition, so their allowance is larger than one device's.
        allowance = limits.requests_per_minute * (
            COORDINATOR_ALLOWANCE if found[1] == "coordinator" else 1
        )
        if not store.allow_call(found[0], allowance):
            raise RelayError(429, "rate_limited", "too many requests; wait a minute")
        return Caller(*found)

    def device(who: Annotated[Caller, Depends(caller)]) -> Caller:
        if who.role != "device":
            raise RelayError(403, "forbidden", "only devices upload")
        return who

    def coordinator(who: Annotated[Caller, Depends(caller)]) -> Caller:
        if who.role != "coordinator":
            raise RelayError(403, "forbidden", "only coordinators may do this")
        return who

    def own_upload(upload_id: str, who: Caller) -> dict[str, Any]:
        row = store.upload_row(upload_id)
        if row is None or row["owner"] != who.pseudonym:
            raise RelayError(404, "not_found", "no such upload")  # others' look absent
        return row

    def status(row: dict[str, Any]) -> dict[str, Any]:
        if row["state"] == "acked":  # delivered: nothing about it is kept but the receipt
            return {
                "upload_id": row["id"],
                "offset": 0,
                "size": 0,
                "complete": True,
                "acknowledged": True,
            }
        out: dict[str, Any] = {
            "upload_id": row["id"],
            "offset": row["received"],
            "size": row["size"],
            "complete": row["state"] == "complete",
        }
        if row["state"] == "complete":
            out["relay_receipt"] = {
                "upload_id": row["id"],
                "size": row["size"],
                "sha256": row["sha256"],
                "received_at": row["completed_at"],
            }
        return out

    @app.post("/v1/enroll")
    def enroll(body: EnrollBody, request: Request) -> dict[str, str]:
        if not enrollments.allow(request.scope.get("client")):
            raise RelayError(429, "rate_limited", "too many enrollment attempts; wait a minute")
        redeemed = store.redeem(body.token, body.credential)
        if redeemed is None:
            raise RelayError(403, "invalid_token", "unknown or already used enrollment token")
        return {"credential": redeemed[0], "role": redeemed[1]}

    def existing_upload(who: Caller, key: str, size: int) -> dict[str, Any] | None:
        existing = store.find_upload(who.pseudonym, key)
        if existing is not None and existing["size"] != size:
            raise RelayError(409, "conflict", "this upload was started with another size")
        return existing  # a retry: the same upload, no copy

    def check_room(who: Caller, size: int) -> None:
        if size > limits.max_bundle:
            raise RelayError(413, "too_large", f"bundles are at most {limits.max_bundle} bytes")
        open_uploads, stored = store.usage(who.pseudonym)
        if open_uploads >= limits.max_open_uploads or stored + size > limits.quota_bytes:
            raise QUOTA

    def finish_locked(writer: UploadWriter, sha256: str) -> dict[str, Any]:
        """Complete an open upload this request holds locked, if its bytes (read back, or a
        running hash in step with the row) have this hash."""
        row = writer.row()
        if row is None:
            raise RelayError(404, "not_found", "no such upload")
        if row["state"] != "open":
            return finished(row, sha256)
        if row["received"] != row["size"]:
            raise RelayError(409, "incomplete", f"received {row['received']} of {row['size']}")
        actual = hashes.hexdigest(
            row["id"], row["size"], row["generation"]
        ) or writer.stored_sha256(row["size"])
        if actual != sha256:
            writer.restart(row)  # start over: the bytes are not right
            raise RelayError(409, "hash_mismatch", "the bytes received do not match; resend")
        done = writer.complete(row, sha256)
        if done is None:
            raise RelayError(409, "busy", "another request changed this upload; retry")
        return status(done)

    def finished(row: dict[str, Any], sha256: str) -> dict[str, Any]:
        if row["state"] == "complete" and row["sha256"] != sha256:
            raise RelayError(409, "conflict", "completed with another hash")
        return status(row)

    async def receive(
        upload_id: str, offset: int, request: Request, sha256: str | None
    ) -> dict[str, Any]:
        """Write one piece under the upload's lock, checking the offset as the row is now."""
        async with held(store, upload_id) as writer:
            row = await run_in_threadpool(writer.row)
            if row is None:
                raise RelayError(404, "not_found", "no such upload")
            if row["state"] != "open":
                return status(row)
            if offset != row["received"]:
                raise RelayError(409, "offset_mismatch", f"expected offset {row['received']}")
            digest = hashes.take(upload_id, offset, row["generation"])
            try:
                received = await writer.write(offset, row["size"], request.stream(), digest)
            except ClientDisconnect:  # the network broke mid-body: the client resumes later
                raise RelayError(400, "disconnected", "the upload was interrupted") from None
            if not await run_in_threadpool(writer.moved, row, received):
                raise RelayError(409, "busy", "another request changed this upload; retry")
            row = {**row, "received": received, "generation": row["generation"] + 1}
            hashes.keep(upload_id, received, digest, row["generation"])
            if sha256 is not None and received == row["size"]:  # the last piece finishes it
                return await run_in_threadpool(finish_locked, writer, sha256)
            return status(row)

    @app.post("/v1/uploads")
    def create_upload(
        body: CreateUploadBody, who: Annotated[Caller, Depends(device)]
    ) -> dict[str, Any]:
        existing = existing_upload(who, body.key, body.size)
        if existing is not None:
            return status(existing)
        check_room(who, body.size)
        try:
            return status(store.create_upload(who.pseudonym, body.key, body.size, room))
        except QuotaUsed:
            raise QUOTA from None

    def record(who: Caller, key: str, staged: Any) -> tuple[Row, bool]:
        try:
            return store.add_complete(who.pseudonym, key, staged, room)
        except QuotaUsed:
            raise QUOTA from None

    @app.put("/v1/uploads")
    async def upload_whole(
        request: Request,
        who: Annotated[Caller, Depends(device)],
        key: Annotated[str, Query(pattern=HEX64)],
        size: Annotated[int, Query(ge=1, le=MAX_CHUNK)],
        sha256: Annotated[str, Query(pattern=HEX64)],
    ) -> dict[str, Any]:
        """A bundle of at most one piece in a single request: create, send and finish.

        The bytes go to disk first and the row is written once, complete; a crash in between
        leaves only an unrecorded file, removed when the relay next starts.
        """
        row = await run_in_threadpool(existing_upload, who, key, size)
        if row is not None:
            if row["state"] != "open":
                return finished(row, sha256)
            return await receive(row["id"], 0, request, sha256)  # started piece by piece
        await run_in_threadpool(check_room, who, size)
        try:
            staged = await store.stage(size, request.stream())
        except ClientDisconnect:
            raise RelayError(400, "disconnected", "the upload was interrupted") from None
        try:
            if staged.size != size:
                raise RelayError(409, "incomplete", f"received {staged.size} of {size}")
            if staged.sha256 != sha256:
                raise RelayError(409, "hash_mismatch", "the bytes received do not match")
            added, created = await run_in_threadpool(record, who, key, staged)
        except BaseException:
            await run_in_threadpool(store.discard, staged)
            raise
        if not created:
            await run_in_threadpool(store.discard, staged)
        return status(added)

    @app.get("/v1/uploads/{upload_id}")
    def get_upload(upload_id: UploadId, who: Annotated[Caller, Depends(device)]) -> dict[str, Any]:
        return status(own_upload(upload_id, who))

    @app.put("/v1/uploads/{upload_id}")
    async def append(
        upload_id: UploadId,
        request: Request,
        who: Annotated[Caller, Depends(device)],
        offset: Annotated[int, Query(ge=0, le=2**53)],
        sha256: Annotated[str | None, Query(pattern=HEX64)] = None,
    ) -> dict[str, Any]:
        """One piece at ``offset``; with ``sha256``, the last piece also finishes the upload."""
        row = await run_in_threadpool(own_upload, upload_id, who)
        if row["state"] != "open":
            return status(row)
        return await receive(upload_id, offset, request, sha256)

    @app.post("/v1/uploads/{upload_id}/finish")
    def finish(
        upload_id: UploadId, body: FinishBody, who: Annotated[Caller, Depends(device)]
    ) -> dict[str, Any]:
        row = own_upload(upload_id, who)
        if row["state"] != "open":
            return finished(row, body.sha256)
        writer = store.writer(upload_id)
        try:
            own_upload(upload_id, who)  # still ours, now under the lock
            return finish_locked(writer, body.sha256)
        finally:
            writer.close()

    @app.post("/v1/receipts")
    def receipts(body: ReceiptsBody, who: Annotated[Caller, Depends(device)]) -> dict[str, Any]:
        """The coalition's receipts for many uploads at once (others' uploads look absent)."""
        found = store.receipts(who.pseudonym, body.upload_ids)
        return {
            "receipts": {
                upload_id: base64.b64encode(data).decode() for upload_id, data in found.items()
            }
        }

    @app.get("/v1/uploads/{upload_id}/receipt")
    def get_receipt(upload_id: UploadId, who: Annotated[Caller, Depends(device)]) -> Response:
        own_upload(upload_id, who)
        receipt = store.receipt(upload_id)
        if receipt is None:
            raise RelayError(404, "no_receipt", "the coalition has not confirmed it yet")
        return Response(receipt, media_type="application/octet-stream")

    @app.get("/v1/bundles")
    def list_bundles(
        who: Annotated[Caller, Depends(coordinator)],
        after: Annotated[int, Query(ge=0, le=2**53)] = 0,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    ) -> dict[str, Any]:
        """Complete uploads the caller has not acknowledged yet, in cursor order."""
        return {"items": store.pending(after, limit, who.pseudonym)}

    def complete_upload(upload_id: str) -> dict[str, Any]:
        row = store.upload_row(upload_id)
        if row is None or row["state"] == "open":
            raise RelayError(404, "not_found", "no such bundle")
        return row

    @app.get("/v1/bundles/{upload_id}")
    def download(
        upload_id: UploadId, who: Annotated[Caller, Depends(coordinator)]
    ) -> StreamingResponse:
        row = complete_upload(upload_id)
        acked = row["state"] == "acked" or store.acked_by(upload_id, who.pseudonym)
        blocks = None if acked else store.read(upload_id)
        if blocks is None:
            raise RelayError(410, "gone", "already acknowledged")
        return StreamingResponse(
            blocks,
            media_type="application/octet-stream",
            headers={"Content-Length": str(row["size"])},
        )

    @app.put("/v1/bundles/{upload_id}/receipt", openapi_extra=OPAQUE_BODY)
    async def put_receipt(
        upload_id: UploadId, request: Request, who: Annotated[Caller, Depends(coordinator)]
    ) -> dict[str, str]:
        """The first receipt is kept: a later one (another coordinator's) changes nothing."""
        row = await run_in_threadpool(complete_upload, upload_id)
        if row["state"] == "acked":
            raise RelayError(410, "gone", "already acknowledged")
        body = await read_body(request, MAX_RECEIPT, "a receipt")
        await run_in_threadpool(store.set_receipt, upload_id, body)
        return {"status": "stored"}

    @app.delete("/v1/bundles/{upload_id}")
    def acknowledge(
        upload_id: UploadId, who: Annotated[Caller, Depends(coordinator)]
    ) -> dict[str, str]:
        """This coordinator's acknowledgement; the bytes go once every coordinator's is in."""
        complete_upload(upload_id)
        store.acknowledge(upload_id, who.pseudonym)
        return {"status": "acknowledged"}

    add_exchange_routes(app, store, caller, device, coordinator, limits.coordination_quota_bytes)
    return app
