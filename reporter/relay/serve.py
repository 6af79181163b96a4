"""Running the relay: uvicorn with no access log (no IP addresses) and TLS off loopback.

Connections are bounded: headers must arrive within a deadline, a body may not stall, idle
keep-alive connections close, and above ``max_connections`` requests are answered 503. The
process's file-descriptor limit is raised to its hard limit first, so the connection limit,
not the kernel, is what turns the excess away.
"""

from __future__ import annotations

import errno
import ipaddress
import logging
import resource
import threading
from collections.abc import Callable
from typing import Any

from reporter.errors import CannotListen, PortInUse, Unavailable, UsageError
from reporter.relay.storage.base import StorageConfig


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def raise_fd_limit() -> int:
    """Raise the soft limit on open files to the hard limit; return the new soft limit."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != hard:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
            soft = hard
        except (ValueError, OSError):
            pass  # e.g. an unlimited hard limit some kernels will not take
    return soft


def _config(
    store: StorageConfig,
    host: str,
    port: int,
    tls_cert: str | None,
    tls_key: str | None,
    api_docs: bool = False,
    **limits: Any,
) -> Any:
    try:
        import uvicorn

        from reporter.relay.app import Limits, create_app
        from reporter.relay.protocol import with_deadlines
    except ImportError:
        raise Unavailable(what="the relay server (install the 'relay' extra)") from None
    if (tls_cert is None) != (tls_key is None):
        raise UsageError("--tls-cert and --tls-key go together")
    if tls_cert is None and not is_loopback(host):
        raise UsageError(
            "plain HTTP is allowed only on loopback; give --tls-cert/--tls-key"
            " (or put the relay behind a Tor onion service on 127.0.0.1)"
        )
    chosen = Limits(**limits)
    app = create_app(store, chosen, api_docs=api_docs)
    # Leave descriptors for the store, the log and the listening socket.
    connections = max(1, min(chosen.max_connections, raise_fd_limit() - 64))
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        access_log=False,
        log_level="warning",
        ssl_certfile=tls_cert,
        ssl_keyfile=tls_key,
        server_header=False,
        date_header=False,
        log_config=None,
        http=with_deadlines(chosen.header_timeout, chosen.body_idle_timeout),
        limit_concurrency=connections,
        timeout_keep_alive=chosen.keep_alive_timeout,
    )


def listen(host: str, port: int) -> Any:
    """A listening socket whose connections send small responses at once (TCP_NODELAY)."""
    import socket

    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    # Accepted connections inherit this: without it each response waited ~40 ms for the
    # client's delayed ACK (Nagle), which made every request take 40 ms even on loopback.
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise PortInUse(host=host, port=port) from None
        raise CannotListen(
            host=host, port=port, reason=errno.errorcode.get(exc.errno or 0, "OSError")
        ) from None
    return sock


def serve(
    store: StorageConfig,
    host: str,
    port: int,
    tls_cert: str | None = None,
    tls_key: str | None = None,
    api_docs: bool = False,
    listening: Callable[[], None] | None = None,
    **limits: Any,
) -> None:
    """Serve until stopped; ``listening`` is called once the port is ours."""
    import uvicorn

    logging.getLogger("uvicorn.error").setLevel(logging.WARNING)
    sock = listen(host, port)  # first: a port in use is said before anything else
    config = _config(store, host, port, tls_cert, tls_key, api_docs, **limits)
    if listening is not None:
        listening()
    uvicorn.Server(config).run(sockets=[sock])


class BackgroundRelay:
    """A relay in a thread of this process (for `demo` and tests): start(), url, stop()."""

    def __init__(
        self,
        store: StorageConfig,
        host: str = "127.0.0.1",
        port: int = 0,
        tls_cert: str | None = None,
        tls_key: str | None = None,
        api_docs: bool = False,
        **limits: Any,
    ) -> None:
        import uvicorn

        self._sock = listen(host, port)
        self.port = self._sock.getsockname()[1]
        scheme = "https" if tls_cert else "http"
        self.url = f"{scheme}://{host}:{self.port}"
        self.server = uvicorn.Server(
            _config(store, host, self.port, tls_cert, tls_key, api_docs, **limits)
        )
        self._thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self._sock]}, daemon=True
        )

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
