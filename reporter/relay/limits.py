"""What one relay allows, and the checks that need no credential: body sizes, enrollments.

Body sizes are checked as the bytes arrive, before anything parses them: a declared
``Content-Length`` above the route's limit is refused at once, a streamed body the moment it
passes the limit (413, and the connection is closed rather than read to the end). An answer
given before the body was read (401, 409) also closes the connection, for the same reason.
Enrollment attempts are counted per TCP connection and for the whole relay; the relay knows
no IP addresses to count by (it must not keep them, and behind Tor they are all 127.0.0.1).
"""

from __future__ import annotations

import json
import re
import time
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

from reporter.relay.uploads import MAX_CHUNK

MAX_RECEIPT = 16 * 1024
MAX_COORDINATION = 1024 * 1024  # one coordination object (triage events, rosters, keys)
MAX_MESSAGE = 16 * 1024  # one message to a device
MAX_PROFILE = 64 * 1024  # the published coalition profile
Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


@dataclass(frozen=True)
class Limits:
    max_bundle: int = 2 * 1024**3  # bytes of one upload
    max_open_uploads: int = 50  # per device
    quota_bytes: int = 8 * 1024**3  # stored, not yet acknowledged, per device
    coordination_quota_bytes: int = 1024**3  # every coordination object kept, together
    requests_per_minute: int = 1200  # per device credential (coordinators: x10)
    retention_seconds: float = 30 * 86400  # unacknowledged uploads are forgotten after this
    expire_every_seconds: float = 600  # how often expiry runs while the relay is up
    enroll_body: int = 1024  # bytes of POST /v1/enroll
    json_body: int = 32 * 1024  # any other JSON request (500 upload ids fit)
    enroll_per_connection: int = 10  # token redemptions per TCP connection
    enroll_per_minute: int = 120  # token redemptions per minute, whole relay
    header_timeout: float = 10.0  # seconds to send the request line and headers
    body_idle_timeout: float = 60.0  # longest pause between two pieces of a body
    keep_alive_timeout: int = 5  # an idle connection between requests is closed
    max_connections: int = 2048  # open connections; above it requests get 503


def body_limit(method: str, path: str, limits: Limits) -> int:
    """The largest body a route takes (uploads check their declared size themselves)."""
    if method == "PUT" and (path == "/v1/uploads" or _UPLOAD.fullmatch(path)):
        return MAX_CHUNK
    if method == "PUT" and _RECEIPT.fullmatch(path):
        return MAX_RECEIPT
    if method == "POST" and path == "/v1/coordination":
        return MAX_COORDINATION
    if method == "PUT" and _MESSAGES.fullmatch(path):
        return MAX_MESSAGE
    if method == "PUT" and path == "/v1/profile":
        return MAX_PROFILE
    if path == "/v1/enroll":
        return limits.enroll_body
    return limits.json_body


_UPLOAD = re.compile(r"/v1/uploads/[^/]+")
_RECEIPT = re.compile(r"/v1/bundles/[^/]+/receipt")
_MESSAGES = re.compile(r"/v1/bundles/[^/]+/messages")


class BodyLimit:
    """ASGI middleware: the route's body limit, enforced while the body is read."""

    def __init__(self, app: ASGIApp, limits: Limits) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = body_limit(scope["method"], scope["path"], self.limits)
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and int(declared) > limit:  # h11 has checked it is a number
            await _too_large(send, limit)
            return
        seen = 0
        refused = started = False
        headers = dict(scope["headers"])
        read = declared in (None, b"0") and b"transfer-encoding" not in headers

        async def counted() -> Message:
            nonlocal seen, refused, read
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                read = not message.get("more_body", False)
                if seen > limit:
                    refused = True
                    if not started:
                        await _too_large(send, limit)
                    return {"type": "http.disconnect"}  # the app stops reading
            return message

        async def answer(message: Message) -> None:
            nonlocal started
            if refused:
                return  # the 413 was the answer
            if message["type"] == "http.response.start":
                started = True
                if not read:  # answered before the body was read (401, busy): the rest
                    message = {
                        **message,
                        "headers": [  # is not read, the connection ends
                            *message.get("headers", []),
                            (b"connection", b"close"),
                        ],
                    }
            await send(message)

        await self.app(scope, counted, answer)


async def _too_large(send: Send, limit: int) -> None:
    body = json.dumps(
        {"error": "too_large", "message": f"this request's body is at most {limit} bytes"}
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )  # do not read the rest
    await send({"type": "http.response.body", "body": body})


class EnrollLimiter:
    """Token redemptions: a few per connection, and a ceiling for the whole relay a minute.

    The connection is known only as the (address, port) pair the server hands the app, kept
    in memory for the count, never written anywhere; the oldest pairs are forgotten.
    """

    def __init__(
        self,
        per_connection: int,
        per_minute: int,
        remember: int = 4096,
        shared: Callable[[str, int], bool] | None = None,
    ) -> None:
        self.per_connection, self.per_minute, self.remember = (per_connection, per_minute, remember)
        self._connections: OrderedDict[Any, int] = OrderedDict()
        self._recent: deque[float] = deque()
        self._shared = shared  # the store's counter, shared by every relay process

    def allow(self, connection: Any) -> bool:
        used = self._connections.pop(connection, 0)
        self._connections[connection] = used + 1
        while len(self._connections) > self.remember:
            self._connections.popitem(last=False)
        if used >= self.per_connection:
            return False
        if self._shared is not None:
            return self._shared(":enroll", self.per_minute)
        now = time.monotonic()
        while self._recent and now - self._recent[0] > 60:
            self._recent.popleft()
        if len(self._recent) >= self.per_minute:
            return False
        self._recent.append(now)
        return True
