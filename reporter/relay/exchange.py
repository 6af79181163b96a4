"""The relay's routes for what coordinators exchange beyond bundles (issue 16).

Coordination objects (triage events, rosters, epoch keys: opaque, padded age ciphertext that
only coordinators post and read, kept until the retention time, all of them together within
the relay's ``coordination_quota_bytes``: past it 507, until older ones expire), messages from
coordinators to the device that sent an upload (follow-up questions), and the coalition
profile the coordinators publish so devices pick up a key rotation. The relay parses none of
them: the coordinators and devices verify signatures themselves. Bodies are bounded while they
are read (``limits.BodyLimit`` per route, and again here).
"""

import base64
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from reporter.relay.limits import MAX_COORDINATION, MAX_MESSAGE, MAX_PROFILE
from reporter.relay.storage.base import QuotaUsed, RelayStorage
from reporter.relay.uploads import RelayError

HEX32 = r"^[0-9a-f]{32}$"
ObjectId = Annotated[str, PathParam(pattern=HEX32)]
MESSAGES_PER_ANSWER = 100
# The body is opaque bytes: said in the API description, so schemathesis sends some.
OPAQUE_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
    }
}


async def read_body(request: Request, limit: int, what: str) -> bytes:
    """The whole body, refused (413) the moment it passes ``limit``; empty is refused."""
    body = bytearray()
    async for part in request.stream():
        body += part
        if len(body) > limit:
            raise RelayError(413, "too_large", f"{what} is at most {limit // 1024} KiB")
    if not body:
        raise RelayError(422, "invalid_request", f"{what} is empty")
    return bytes(body)


def add_exchange_routes(
    app: FastAPI,
    store: RelayStorage,
    caller: Callable[..., Any],
    device: Callable[..., Any],
    coordinator: Callable[..., Any],
    coordination_quota: int,
) -> None:
    """Coordination objects, messages to devices and the published profile on ``app``."""

    @app.post("/v1/coordination", openapi_extra=OPAQUE_BODY)
    async def post_coordination(
        request: Request, who: Annotated[Any, Depends(coordinator)]
    ) -> dict[str, Any]:
        data = await read_body(request, MAX_COORDINATION, "a coordination object")
        try:
            return await run_in_threadpool(store.add_coordination, data, coordination_quota)
        except QuotaUsed:
            raise RelayError(
                507,
                "coordination_full",
                "the coordination objects kept here use all the room this relay allows;"
                " older ones go at the retention time",
            ) from None

    @app.get("/v1/coordination")
    def list_coordination(
        who: Annotated[Any, Depends(coordinator)],
        after: Annotated[int, Query(ge=0, le=2**53)] = 0,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    ) -> dict[str, Any]:
        """In cursor (commit) order, the caller's own included."""
        return {"items": store.list_coordination(after, limit)}

    @app.get("/v1/coordination/{object_id}")
    def get_coordination(
        object_id: ObjectId, who: Annotated[Any, Depends(coordinator)]
    ) -> Response:
        data = store.coordination(object_id)
        if data is None:
            raise RelayError(404, "not_found", "no such coordination object")
        return Response(data, media_type="application/octet-stream")

    @app.put("/v1/bundles/{upload_id}/messages", openapi_extra=OPAQUE_BODY)
    async def put_message(
        upload_id: ObjectId, request: Request, who: Annotated[Any, Depends(coordinator)]
    ) -> dict[str, str]:
        """To the device that sent the upload, also after every coordinator acknowledged it."""
        data = await read_body(request, MAX_MESSAGE, "a message")
        try:
            message_id = await run_in_threadpool(store.add_message, upload_id, data)
        except QuotaUsed:
            raise RelayError(429, "quota", "this device has too many messages waiting") from None
        if message_id is None:
            raise RelayError(404, "not_found", "no such bundle")
        return {"id": message_id}

    @app.get("/v1/messages")
    def list_messages(who: Annotated[Any, Depends(device)]) -> dict[str, Any]:
        """The caller's own messages, oldest first."""
        return {
            "items": [
                {**m, "data": base64.b64encode(m["data"]).decode()}
                for m in store.messages(who.pseudonym, MESSAGES_PER_ANSWER)
            ]
        }

    @app.delete("/v1/messages/{message_id}")
    def delete_message(
        message_id: ObjectId, who: Annotated[Any, Depends(device)]
    ) -> dict[str, str]:
        if not store.delete_message(who.pseudonym, message_id):
            raise RelayError(404, "not_found", "no such message")  # others' look absent
        return {"status": "deleted"}

    @app.put("/v1/profile", openapi_extra=OPAQUE_BODY)
    async def put_profile(
        request: Request, who: Annotated[Any, Depends(coordinator)]
    ) -> dict[str, str]:
        data = await read_body(request, MAX_PROFILE, "a profile")
        await run_in_threadpool(store.set_profile, data)
        return {"status": "stored"}

    @app.get("/v1/profile")
    def get_profile(who: Annotated[Any, Depends(caller)]) -> Response:
        data = store.profile()
        if data is None:
            raise RelayError(404, "no_profile", "no profile has been published here")
        return Response(data, media_type="application/octet-stream")


__all__ = ["OPAQUE_BODY", "add_exchange_routes", "read_body"]
