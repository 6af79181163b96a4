"""A SOCKS5 server of the tests' own that stands in for Tor's: it serves ``.onion`` names only,
sending them to a relay on 127.0.0.1, and records every name and address it was asked for.

Real Tor cannot run here (the network tests talk only to this machine); what this checks is the
client's half of the contract: an onion relay goes to the Tor SOCKS port, by name, never
resolved on the device.
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading


def _exactly(sock: socket.socket, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise ConnectionError("closed")
        data += chunk
    return data


def _pipe(src: socket.socket, dst: socket.socket) -> None:
    try:
        while chunk := src.recv(65536):
            dst.sendall(chunk)
    except OSError:
        pass
    finally:
        for s in (src, dst):
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)


class OnionSocks:
    def __init__(self, onion_to_port: dict[str, int]) -> None:
        self.routes = onion_to_port
        self.requests: list[tuple[int, str]] = []  # (address type, what was asked)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.url = f"socks5h://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def start(self) -> OnionSocks:
        self._thread.start()
        return self

    def stop(self) -> None:
        with contextlib.suppress(OSError):  # wakes the thread blocked in accept()
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        self._thread.join(5)

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        try:
            _, n_methods = _exactly(client, 2)
            _exactly(client, n_methods)
            client.sendall(b"\x05\x00")  # no authentication
            _, command, _, atyp = _exactly(client, 4)
            if atyp == 3:
                name = _exactly(client, _exactly(client, 1)[0]).decode()
            elif atyp == 1:
                name = socket.inet_ntoa(_exactly(client, 4))
            else:
                name = socket.inet_ntop(socket.AF_INET6, _exactly(client, 16))
            port = struct.unpack("!H", _exactly(client, 2))[0]
            self.requests.append((atyp, f"{name}:{port}"))
            if command != 1 or atyp != 3 or name not in self.routes:
                client.sendall(b"\x05\x04\x00\x01" + bytes(6))  # host unreachable
                client.close()
                return
            upstream = socket.create_connection(("127.0.0.1", self.routes[name]), timeout=10)
            client.sendall(b"\x05\x00\x00\x01" + bytes(6))
            threading.Thread(target=_pipe, args=(upstream, client), daemon=True).start()
            _pipe(client, upstream)
        except (OSError, ConnectionError, ValueError):
            client.close()
