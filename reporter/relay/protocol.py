"""uvicorn's HTTP/1.1 protocol with deadlines for reading a request (slowloris).

uvicorn closes a connection only when it idles between requests (``timeout_keep_alive``);
one that sends half a header line and waits, or trickles a body, is kept for ever and holds
a file descriptor. This adds two deadlines around h11's parser, and nothing else:
- the request line and headers must arrive within ``header_timeout`` of the connection's
  first byte (or of its opening, or of the previous response);
- while a body is read, no gap between two of its pieces may be longer than
  ``body_idle_timeout`` (a slow Tor circuit still sends something every few seconds).
The deadlines cover receiving only: a slow answer (fsync, a long download) is not cut.
"""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol


class DeadlineH11Protocol(H11Protocol):
    header_timeout: float = 10.0
    body_idle_timeout: float = 60.0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deadline: asyncio.TimerHandle | None = None

    def _arm(self, seconds: float) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(seconds, self._expired)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _expired(self) -> None:
        self._deadline = None
        if not self.transport.is_closing():
            self.transport.close()  # connection_lost tells a running request it is gone

    def _waiting_for_request(self) -> bool:
        return self.cycle is None or self.cycle.response_complete

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm(self.header_timeout)

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        before = self.cycle
        if self._deadline is None and self._waiting_for_request():
            self._arm(self.header_timeout)  # a new request begins on a kept-alive
        super().data_received(data)
        if self.cycle is None or self.transport.is_closing():
            return
        if self.cycle is not before or not self._waiting_for_request():
            if self.cycle.more_body:
                self._arm(self.body_idle_timeout)  # headers in; each piece re-arms it
            else:
                self._disarm()  # the whole request is in

    def on_response_complete(self) -> None:
        self._disarm()  # keep-alive's own timer takes over
        super().on_response_complete()


def with_deadlines(header_timeout: float, body_idle_timeout: float) -> type[H11Protocol]:
    """The protocol class for ``uvicorn.Config(http=...)`` with these deadlines."""
    return type(
        "RelayH11Protocol",
        (DeadlineH11Protocol,),
        {"header_timeout": header_timeout, "body_idle_timeout": body_idle_timeout},
    )
