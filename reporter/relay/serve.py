"""Running the relay: uvicorn with no access log (no IP addresses) and TLS off loopback."""

from __future__ import annotations

import ipaddress
import logging
import threading
from pathlib import Path
from typing import Any

from reporter.errors import Unavailable, UsageError


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _config(store: Path, host: str, port: int, tls_cert: str | None, tls_key: str | None,
            **limits: Any) -> Any:
    try:
        import uvicorn

        from reporter.relay.app import Limits, create_app
    except ImportError:
        raise Unavailable(what="the relay server (install the 'relay' extra)") from None
    if (tls_cert is None) != (tls_key is None):
        raise UsageError("--tls-cert and --tls-key go together")
    if tls_cert is None and not is_loopback(host):
        raise UsageError("plain HTTP is allowed only on loopback; give --tls-cert/--tls-key"
                         " (or put the relay behind a Tor onion service on 127.0.0.1)")
    app = create_app(store, Limits(**limits))
    return uvicorn.Config(app, host=host, port=port, access_log=False, log_level="warning",
                          ssl_certfile=tls_cert, ssl_keyfile=tls_key, server_header=False,
                          date_header=False, log_config=None)


def listen(host: str, port: int) -> Any:
    """A listening socket whose connections send small responses at once (TCP_NODELAY)."""
    import socket

    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    # Accepted connections inherit this: without it each response waited ~40 ms for the
    # client's delayed ACK (Nagle), which made every request take 40 ms even on loopback.
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    return sock


def serve(store: Path, host: str, port: int, tls_cert: str | None = None,
          tls_key: str | None = None, **limits: Any) -> None:
    import uvicorn

    logging.getLogger("uvicorn.error").setLevel(logging.WARNING)
    config = _config(store, host, port, tls_cert, tls_key, **limits)
    uvicorn.Server(config).run(sockets=[listen(host, port)])


class BackgroundRelay:
    """A relay in a thread of this process (for `demo` and tests): start(), url, stop()."""

    def __init__(self, store: Path, host: str = "127.0.0.1", port: int = 0,
                 tls_cert: str | None = None, tls_key: str | None = None,
                 **limits: Any) -> None:
        import uvicorn

        self._sock = listen(host, port)
        self.port = self._sock.getsockname()[1]
        scheme = "https" if tls_cert else "http"
        self.url = f"{scheme}://{host}:{self.port}"
        self.server = uvicorn.Server(_config(store, host, self.port, tls_cert, tls_key,
                                             **limits))
        self._thread = threading.Thread(target=self.server.run,
                                        kwargs={"sockets": [self._sock]}, daemon=True)

    def start(self) -> BackgroundRelay:
        self._thread.start()
        for _ in range(500):
            if self.server.started:
                return self
            self._thread.join(0.01)
        raise Unavailable(what="the relay did not start")

    def stop(self) -> None:
        self.server.should_exit = True
        self._thread.join(10)
        self._sock.close()
