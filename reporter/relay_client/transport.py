"""Talking to the relay: HTTPS with the relay's key pinned, SOCKS5h proxies and Tor.

The pin from the coalition profile is the trust anchor: the certificate may be self-signed,
but the connection is dropped right after the TLS handshake, before any byte of a request,
if the server's public key is not the pinned one. With ``socks5h://`` the proxy resolves
names, so the device itself makes no DNS query; an ``.onion`` relay always goes to Tor.
"""

from __future__ import annotations

import base64
import os
import ssl
import warnings
from collections.abc import Iterator
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPSConnection
from urllib3.connectionpool import HTTPSConnectionPool
from urllib3.exceptions import InsecureRequestWarning

from reporter.crypto.pin import spki_pin
from reporter.errors import NetworkError, PinMismatch, RelayRefused, TestigoError
from reporter.relay_client.proxy_address import check_proxy
from reporter.share.relay_url import parse_relay_url

# The CA check is replaced by the pin check below, which urllib3 cannot know about.
warnings.filterwarnings("ignore", category=InsecureRequestWarning)
TOR_SOCKS = "socks5h://127.0.0.1:9050"  # the tor daemon; Tor Browser listens on 9150
PIN_ERROR = "testigo-pin-mismatch"
CONNECT_TIMEOUT = 20.0
MIN_BYTES_PER_SECOND = 20 * 1024  # timeouts scale with size: a slow Tor circuit is fine


class _PinError(ssl.SSLError):
    pass


def _check_pin(sock: Any, pin: str) -> None:
    der = sock.getpeercert(binary_form=True) if sock is not None else None
    if not der or spki_pin(der) != pin:
        sock.close()
        raise _PinError(PIN_ERROR)


def _pinned_classes(pin: str, socks: bool) -> tuple[type, type]:
    if socks:
        from urllib3.contrib.socks import SOCKSHTTPSConnection, SOCKSHTTPSConnectionPool

        base_conn: type = SOCKSHTTPSConnection
        base_pool: type = SOCKSHTTPSConnectionPool
    else:
        base_conn, base_pool = HTTPSConnection, HTTPSConnectionPool

    def connect(self: Any) -> None:
        base_conn.connect(self)  # type: ignore[attr-defined]
        _check_pin(self.sock, pin)

    conn = type("PinnedConnection", (base_conn,), {"connect": connect})
    pool = type("PinnedPool", (base_pool,), {"ConnectionCls": conn})
    return conn, pool


class PinnedAdapter(HTTPAdapter):
    """Accepts exactly the pinned key (self-signed is fine), nothing else."""

    def __init__(self, pin: str) -> None:
        self._pin = pin
        super().__init__(max_retries=0)

    def _unverified_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE  # the pin check replaces the CA check
        return context

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["ssl_context"] = self._unverified_context()
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = dict(
            self.poolmanager.pool_classes_by_scheme, https=_pinned_classes(self._pin, False)[1]
        )
        self.poolmanager.key_fn_by_scheme = dict(self.poolmanager.key_fn_by_scheme)

    def proxy_manager_for(self, proxy: str, **kwargs: Any) -> Any:
        kwargs["ssl_context"] = self._unverified_context()
        manager = super().proxy_manager_for(proxy, **kwargs)
        if proxy.startswith("socks"):
            manager.pool_classes_by_scheme = dict(
                manager.pool_classes_by_scheme, https=_pinned_classes(self._pin, True)[1]
            )
        return manager

    def cert_verify(self, conn: Any, url: str, verify: Any, cert: Any) -> None:
        conn.cert_reqs = "CERT_NONE"
        conn.ca_certs = None


def tor_socks() -> str:
    """Where Tor's SOCKS port is: ``$TESTIGO_TOR_SOCKS`` (e.g. Tor Browser's 9150), else 9050."""
    return os.environ.get("TESTIGO_TOR_SOCKS") or TOR_SOCKS


def proxy_for(relay_url: str, proxy: str | None) -> str | None:
    if parse_relay_url(relay_url).onion:
        return proxy or tor_socks()
    return proxy


class RelayClient:
    """One relay, one credential: the HTTP calls of sync, enrollment and coordinator pull."""

    def __init__(
        self,
        base_url: str,
        *,
        tls_pin: str | None = None,
        proxy: str | None = None,
        credential: str | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        # One strict reading, the profile's: the host checked is the host requests dials.
        relay = parse_relay_url(self.base_url)
        if relay.scheme == "https" and tls_pin is None:
            raise PinMismatch()  # never talk to an unpinned relay over the internet
        if relay.scheme == "http" and not (relay.onion or relay.loopback):
            raise NetworkError(reason="plain http only to .onion or loopback relays")
        self.session = requests.Session()
        self.session.trust_env = False  # no proxy or CA settings from the environment
        if tls_pin:
            self.session.mount("https://", PinnedAdapter(tls_pin))
        chosen = proxy_for(self.base_url, proxy)
        if chosen is not None:
            chosen = check_proxy(chosen)  # SOCKS only: an http:// one would skip the pin
            self.session.proxies = {"http": chosen, "https": chosen}
        self.credential = credential

    def close(self) -> None:
        self.session.close()

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.credential}"} if self.credential else {}

    def request(self, method: str, path: str, *, size: int = 0, **kwargs: Any) -> Any:
        timeout = (CONNECT_TIMEOUT, 30.0 + size / MIN_BYTES_PER_SECOND)
        try:
            response = self.session.request(
                method, self.base_url + path, timeout=timeout, headers=self._headers(), **kwargs
            )
        except requests.exceptions.SSLError as exc:
            if PIN_ERROR in str(exc):
                raise PinMismatch() from None
            raise NetworkError(reason="TLS failed") from None
        except requests.exceptions.Timeout:
            raise NetworkError(reason="timed out") from None
        except requests.exceptions.RequestException as exc:
            raise NetworkError(reason=type(exc).__name__) from None
        if response.status_code >= 400:
            raise _refused(response)
        return response

    def json(self, method: str, path: str, **kwargs: Any) -> Any:
        response = self.request(method, path, **kwargs)
        try:
            return response.json()
        except ValueError:
            raise NetworkError(reason="the relay sent something that is not JSON") from None

    # -- the calls -----------------------------------------------------------------------
    def enroll(self, token: str, credential: str | None = None) -> dict[str, str]:
        """Redeem ``token``; with our own ``credential``, retrying the same call is safe."""
        body = (
            {"token": token} if credential is None else {"token": token, "credential": credential}
        )
        return dict(self.json("POST", "/v1/enroll", json=body))

    def create_upload(self, key: str, size: int) -> dict[str, Any]:
        return dict(self.json("POST", "/v1/uploads", json={"key": key, "size": size}))

    def upload_status(self, upload_id: str) -> dict[str, Any]:
        return dict(self.json("GET", f"/v1/uploads/{upload_id}"))

    def upload_whole(self, key: str, sha256: str, data: bytes) -> dict[str, Any]:
        """Create, send and finish a bundle of one piece in a single request."""
        return dict(
            self.json(
                "PUT",
                "/v1/uploads",
                data=data,
                size=len(data),
                params={"key": key, "size": len(data), "sha256": sha256},
            )
        )

    def append(
        self, upload_id: str, offset: int, data: bytes | memoryview, sha256: str | None = None
    ) -> dict[str, Any]:
        """One piece; ``sha256`` on the last piece finishes the upload in the same request."""
        params: dict[str, Any] = {"offset": offset}
        if sha256 is not None:
            params["sha256"] = sha256
        return dict(
            self.json("PUT", f"/v1/uploads/{upload_id}", params=params, data=data, size=len(data))
        )

    def finish(self, upload_id: str, sha256: str) -> dict[str, Any]:
        return dict(self.json("POST", f"/v1/uploads/{upload_id}/finish", json={"sha256": sha256}))

    def receipt(self, upload_id: str) -> bytes | None:
        try:
            return bytes(self.request("GET", f"/v1/uploads/{upload_id}/receipt").content)
        except RelayRefused as exc:
            if exc.params.get("status") == 404:
                return None
            raise

    def receipts(self, upload_ids: list[str]) -> dict[str, bytes]:
        """The coalition's receipts that have arrived, for up to 500 uploads per request."""
        found: dict[str, bytes] = {}
        for start in range(0, len(upload_ids), 500):
            answer = self.json(
                "POST", "/v1/receipts", json={"upload_ids": upload_ids[start : start + 500]}
            )
            try:
                found.update(
                    {
                        key: base64.b64decode(value, validate=True)
                        for key, value in answer["receipts"].items()
                    }
                )
            except (KeyError, AttributeError, ValueError):
                raise NetworkError(reason="the relay sent malformed receipts") from None
        return found

    def pending(self, after: int, limit: int = 100) -> list[dict[str, Any]]:
        return list(
            self.json("GET", "/v1/bundles", params={"after": after, "limit": limit})["items"]
        )

    def download(self, upload_id: str, size: int) -> Iterator[bytes]:
        response = self.request("GET", f"/v1/bundles/{upload_id}", size=size, stream=True)
        try:
            yield from response.iter_content(1024 * 1024)
        except requests.exceptions.RequestException as exc:
            raise NetworkError(reason=type(exc).__name__) from None
        finally:
            response.close()

    def put_receipt(self, upload_id: str, receipt: bytes) -> None:
        self.request("PUT", f"/v1/bundles/{upload_id}/receipt", data=receipt)

    def acknowledge(self, upload_id: str) -> None:
        """This coordinator's acknowledgement (the relay deletes once every one has it)."""
        self.request("DELETE", f"/v1/bundles/{upload_id}")

    # -- what coordinators exchange beyond bundles -----------------------------------------
    def post_coordination(self, data: bytes) -> dict[str, Any]:
        """A coordination object (opaque, padded ciphertext) -> {"id", "cursor"}."""
        answer = self.json("POST", "/v1/coordination", data=data, size=len(data))
        if not (
            isinstance(answer, dict)
            and isinstance(answer.get("id"), str)
            and type(answer.get("cursor")) is int
        ):
            raise NetworkError(reason="the relay sent a malformed answer")
        return dict(answer)

    def list_coordination(self, after: int, limit: int = 100) -> list[dict[str, Any]]:
        """Coordination objects after ``after`` in cursor order: {"id", "cursor", "size"}."""
        answer = self.json("GET", "/v1/coordination", params={"after": after, "limit": limit})
        items = answer.get("items") if isinstance(answer, dict) else None
        if not isinstance(items, list) or not all(
            isinstance(i, dict)
            and isinstance(i.get("id"), str)
            and type(i.get("cursor")) is int
            and type(i.get("size")) is int
            for i in items
        ):
            raise NetworkError(reason="the relay sent a malformed list")
        return [dict(i) for i in items]

    def get_coordination(self, object_id: str) -> bytes:
        return bytes(self.request("GET", f"/v1/coordination/{object_id}").content)

    def put_message(self, upload_id: str, data: bytes) -> str:
        """A message to the device that sent ``upload_id``; its id."""
        answer = self.json("PUT", f"/v1/bundles/{upload_id}/messages", data=data)
        if not isinstance(answer, dict) or not isinstance(answer.get("id"), str):
            raise NetworkError(reason="the relay sent a malformed answer")
        return str(answer["id"])

    def messages(self) -> list[dict[str, Any]]:
        """This device's messages, oldest first: {"id", "upload_id", "data": bytes}."""
        answer = self.json("GET", "/v1/messages")
        try:
            return [
                {
                    "id": str(item["id"]),
                    "upload_id": str(item["upload_id"]),
                    "data": base64.b64decode(item["data"], validate=True),
                }
                for item in answer["items"]
            ]
        except (KeyError, TypeError, AttributeError, ValueError):
            raise NetworkError(reason="the relay sent malformed messages") from None

    def delete_message(self, message_id: str) -> None:
        self.request("DELETE", f"/v1/messages/{message_id}")

    def put_profile(self, data: bytes) -> None:
        self.request("PUT", "/v1/profile", data=data)

    def get_profile(self) -> bytes | None:
        """The profile the coordinators published on this relay; None if there is none."""
        try:
            return bytes(self.request("GET", "/v1/profile").content)
        except RelayRefused as exc:
            if exc.params.get("status") == 404:
                return None
            raise


def _refused(response: requests.Response) -> TestigoError:
    try:
        body = response.json()
        reason = f"{body.get('error', 'error')}: {body.get('message', '')}"[:200]
    except ValueError:
        reason = f"HTTP {response.status_code}"
    error = RelayRefused(reason=reason)
    error.params["status"] = response.status_code
    return error
