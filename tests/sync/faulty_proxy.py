"""A TCP proxy of the tests' own that drops or resets a share of connections, some mid-body."""

from __future__ import annotations

import contextlib
import random
import socket
import struct
import threading


def _reset(sock: socket.socket) -> None:
    try:  # SO_LINGER 0: close() sends RST instead of FIN
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        # A thread blocked in recv() on it keeps the socket alive past close(), so no RST
        # would go until its peer spoke: SHUT_RD wakes that thread, and sends nothing.
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RD)
        sock.close()
    except OSError:
        pass


class FaultyProxy:
    def __init__(self, target_port: int, failure_rate: float = 0.3, seed: int = 1) -> None:
        self.target = ("127.0.0.1", target_port)
        self.rate = failure_rate
        self.rng = random.Random(seed)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.connections = 0
        self.sabotaged = 0
        self._stop = False
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def start(self) -> FaultyProxy:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop = True
        with contextlib.suppress(OSError):  # wakes the thread blocked in accept()
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        self._thread.join(5)

    def _accept(self) -> None:
        while not self._stop:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            with self._lock:
                self.connections += 1
                fate = self.rng.random()
                budget = self.rng.randint(0, 3000)
            if fate < self.rate / 2:
                self.sabotaged += 1
                _reset(client)  # refused at once
                continue
            cut = budget if fate < self.rate else None  # reset after `cut` bytes upstream
            if cut is not None:
                self.sabotaged += 1
            threading.Thread(target=self._serve, args=(client, cut), daemon=True).start()

    def _serve(self, client: socket.socket, cut: int | None) -> None:
        try:
            upstream = socket.create_connection(self.target, timeout=10)
        except OSError:
            _reset(client)
            return
        done = threading.Event()

        def pump(src: socket.socket, dst: socket.socket, limit: int | None) -> None:
            sent = 0
            try:
                while not done.is_set():
                    data = src.recv(65536)
                    if not data:
                        break
                    if limit is not None and sent + len(data) > limit:
                        dst.sendall(data[: max(0, limit - sent)])
                        break
                    dst.sendall(data)
                    sent += len(data)
            except OSError:
                pass
            done.set()
            _reset(client)
            _reset(upstream)

        threading.Thread(target=pump, args=(upstream, client, None), daemon=True).start()
        pump(client, upstream, cut)
