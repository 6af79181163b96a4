"""Ways the relay tests talk to a relay besides one RelayClient: several calls at once, a
request sent by hand, and the command line.

By hand, a request can stop halfway through its body until the others reach the same point
(a barrier), or be reset there, which no HTTP client library lets a test do.
"""

from __future__ import annotations

import contextlib
import os
import socket
import struct
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any


def at_once(
    calls: list[Callable[[], Any]], *, start_together: bool = True, catch: bool = False
) -> list[Any]:
    """Each call in its own thread (released together, unless ``start_together`` is False);
    their results in order. With ``catch``, a call's exception is its result."""
    results: list[Any] = [None] * len(calls)
    start = threading.Barrier(len(calls)) if start_together else None

    def one(i: int) -> None:
        if start is not None:
            start.wait(10)
        try:
            results[i] = calls[i]()
        except Exception as exc:
            if not catch:
                raise
            results[i] = exc

    threads = [threading.Thread(target=one, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


def send_by_hand(
    port: int,
    method: str,
    target: str,
    credential: str,
    body: bytes,
    halfway: threading.Barrier | None = None,
    cut: bool = False,
) -> int | None:
    """Send one request by hand; with ``halfway``, wait for the others after half the body;
    with ``cut``, reset the connection there. Returns the status, or None if cut."""
    head = (
        f"{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"Authorization: Bearer {credential}\r\nContent-Length: {len(body)}\r\n"
        "Connection: close\r\n\r\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(head + body[: len(body) // 2])
        if halfway is not None:
            with contextlib.suppress(threading.BrokenBarrierError):
                halfway.wait(10)
        if cut:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            return None
        with contextlib.suppress(OSError):  # a 409 may come before the body is read
            sock.sendall(body[len(body) // 2 :])
        answer = b""
        with contextlib.suppress(OSError):
            while chunk := sock.recv(65536):
                answer += chunk
    return int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/1.1 ") else None


def cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``testigo-cli --home tmp_path/home args`` in a child process, its output captured."""
    return subprocess.run(  # noqa: S603 - our own CLI
        [sys.executable, "-m", "tests.fast_cli", "--home", str(tmp_path / "home"), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=dict(os.environ),
    )


def cli_in_vault(home: Path, tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``testigo-cli --home home args`` unlocked by the tests' passphrase, with no Tor proxy
    from the environment: only the vault's connection setting or ``--proxy`` route it."""
    from tests.core.conftest import cli_env
    from tests.sync.conftest import PASSPHRASE

    env = cli_env(tmp, TESTIGO_PASSPHRASE=PASSPHRASE)
    env.pop("TESTIGO_TOR_SOCKS", None)
    return subprocess.run(  # noqa: S603 - our own CLI
        [sys.executable, "-m", "tests.fast_cli", "--home", str(home), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def closed_port() -> int:
    """A port on 127.0.0.1 nobody listens on (bound, then closed): a connection is refused."""
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        return int(closed.getsockname()[1])
