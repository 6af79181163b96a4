"""Can this laptop reach its relay, is it the pinned one, and is the clock about right?

The probe is one unauthenticated GET: any HTTP answer (a 401 too) means the relay is
there and, over TLS, that its key matched the pin. No credential is sent. It goes the way
the person chose (``Context.proxy``: Tor or a SOCKS proxy): when they chose one, nothing is
tried directly, since a direct try would show the local network which relay they use.
"""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from reporter.doctor.base import FAIL, OK, SKIPPED, WARN, Context, Result, Text
from reporter.errors import PinMismatch, RelayRefused, TestigoError

PROBE = "/v1/bundles"
CLOCK_SKEW = 300  # seconds the relay's clock and ours may differ
# A clock before this is certainly wrong (this version did not exist yet).
EARLIEST = datetime(2026, 1, 1, tzinfo=UTC)


def _relay(ctx: Context) -> tuple[str, str | None] | Result | None:
    if ctx.relay_url:
        return ctx.relay_url, ctx.tls_pin
    if ctx.vault is None:
        return None
    from reporter.relay_client.settings import relay_settings

    try:
        url, pin, _ = relay_settings(ctx.vault)
    except TestigoError:
        return None
    return url, pin


def probe(ctx: Context, proxy: str | None) -> dict[str, Any]:
    """Ask the relay once (cached per route): {'error': TestigoError | None, 'date': str}."""
    key = f"probe:{proxy}"
    if key in ctx.cache:
        return dict(ctx.cache[key])
    found = _relay(ctx)
    assert isinstance(found, tuple)  # noqa: S101 - callers checked
    url, pin = found
    from reporter.relay_client.transport import RelayClient

    seen: dict[str, Any] = {"error": None, "date": None}

    def keep_date(response: Any, *args: Any, **kwargs: Any) -> Any:
        seen["date"] = response.headers.get("Date")
        return response

    try:
        client = RelayClient(url, tls_pin=pin, proxy=proxy)
        try:
            client.request("GET", PROBE, hooks={"response": keep_date})
        finally:
            client.close()
    except RelayRefused:
        pass  # it answered: it is there
    except TestigoError as exc:
        seen["error"] = exc
    ctx.cache[key] = seen
    return dict(seen)


def _no_relay(rid: str, ctx: Context) -> Result:
    if ctx.vault is None and not ctx.relay_url:
        return Result(
            rid,
            SKIPPED,
            Text("Skipped: the relay's address is in the vault, which needs the passphrase."),
        )
    return Result(
        rid,
        SKIPPED,
        Text("No relay yet: no coalition profile imported."),
        Text("Run provision --profile FILE."),
    )


def _reach(ctx: Context, rid: str, proxy: str | None, how: Text) -> Result:
    found = _relay(ctx)
    if not isinstance(found, tuple):
        return _no_relay(rid, ctx)
    error = probe(ctx, proxy)["error"]
    if error is None or isinstance(error, PinMismatch):
        return Result(rid, OK, Text("The relay answers {how}.", how=how))
    return Result(
        rid,
        FAIL,
        Text(
            "The relay does not answer {how} ({reason}).",
            how=how,
            reason=Text(str(error.params.get("reason", error.code)), **error.params),
        ),
        Text(
            "Check the internet connection (or Tor); if it works, the relay may be down: "
            "tell the coordinators. Incidents wait safely in the outbox."
        ),
    )


def route(ctx: Context) -> str | None:
    """The proxy every probe uses: the chosen one, Tor for an onion relay, else none."""
    found = _relay(ctx)
    if ctx.proxy is None and isinstance(found, tuple):
        from reporter.relay_client.transport import proxy_for

        return proxy_for(found[0], None)
    return ctx.proxy


def check_relay_direct(ctx: Context) -> Result:
    rid = "relay.direct"
    if ctx.proxy is not None:
        return Result(
            rid,
            SKIPPED,
            Text(
                "Skipped: this laptop goes through Tor or a proxy, and a direct try would "
                "show the network which relay it uses."
            ),
        )
    found = _relay(ctx)
    if isinstance(found, tuple):
        from reporter.share.relay_url import parse_relay_url

        if parse_relay_url(found[0]).onion:
            return Result(
                rid,
                SKIPPED,
                Text("The relay is an onion address: only Tor."),
            )
    return _reach(ctx, rid, None, Text("directly"))


def check_relay_tor(ctx: Context) -> Result:
    rid = "relay.tor"
    found = _relay(ctx)
    onion = False
    if isinstance(found, tuple):
        from reporter.share.relay_url import parse_relay_url

        onion = parse_relay_url(found[0]).onion
    if ctx.proxy is None and not onion:
        return Result(
            rid,
            SKIPPED,
            Text("Tor is not configured for this laptop."),
        )
    from reporter.relay_client.transport import tor_socks

    proxy = ctx.proxy or tor_socks()
    how = Text("through Tor") if proxy == tor_socks() else Text("through the SOCKS proxy")
    return _reach(ctx, rid, proxy, how)


def check_proxy_names(ctx: Context) -> Result:
    """Who looks up the relay's name: with socks5:// this computer does, and its DNS server
    (the café's, the ISP's) learns which relay is used although the bytes go through the
    proxy. Read from the address alone: nothing connects."""
    rid = "relay.names"
    proxy = route(ctx)
    if proxy is None:
        return Result(rid, SKIPPED, Text("No proxy is used: nothing to check."))
    from reporter.errors import BadProxy
    from reporter.relay_client.connection import LOCAL_DNS
    from reporter.relay_client.proxy_address import check_proxy

    try:
        checked = check_proxy(proxy)
    except BadProxy as exc:
        return Result(
            rid,
            FAIL,
            Text(exc.en),
            Text("Choose the connection again in the settings (Tor or socks5h://host:port)."),
        )
    if checked.startswith("socks5://"):
        return Result(
            rid,
            WARN,
            Text(LOCAL_DNS),
            Text(
                "Use socks5h:// instead of socks5:// in the connection settings "
                "(or testigo-cli settings connection --socks socks5h://host:port)."
            ),
        )
    return Result(
        rid,
        OK,
        Text("The proxy looks up the relay's name: this computer asks no DNS server for it."),
    )


def check_pin(ctx: Context) -> Result:
    rid = "relay.pin"
    found = _relay(ctx)
    if not isinstance(found, tuple):
        return _no_relay(rid, ctx)
    from reporter.share.relay_url import parse_relay_url

    if parse_relay_url(found[0]).scheme != "https":
        return Result(
            rid,
            SKIPPED,
            Text("No TLS to pin: an onion or loopback address (Tor or this computer protects it)."),
        )
    error = probe(ctx, route(ctx))["error"]  # the chosen way: TLS ends at the relay
    if isinstance(error, PinMismatch):
        return Result(
            rid,
            FAIL,
            Text(
                "The relay's TLS key is NOT the one in the coalition profile: someone may be "
                "in the middle, or the relay changed its key."
            ),
            Text(
                "Do not sync. Call the coordinators and compare the pin; import a new profile "
                "only if they confirm a change."
            ),
        )
    if error is not None:
        return Result(
            rid,
            SKIPPED,
            Text("The relay did not answer, so its key is unknown."),
        )
    return Result(
        rid,
        OK,
        Text("The relay's TLS key matches the coalition's pin."),
    )


def check_clock(ctx: Context) -> Result:
    """Against the relay's Date header if it sends one, else against the vault's own times."""
    rid = "clock"
    now = datetime.now(UTC)
    fix = Text(
        "Set the date, time and time zone in the system settings (automatic time if possible)."
    )
    if now < EARLIEST:
        return Result(
            rid,
            FAIL,
            Text(
                "The clock says {date}: that is wrong.",
                date=f"{now:%Y-%m-%d}",
            ),
            fix,
        )
    if isinstance(_relay(ctx), tuple):
        date = probe(ctx, route(ctx))["date"]
        if date:
            try:
                skew = abs((parsedate_to_datetime(date) - now).total_seconds())
            except (TypeError, ValueError):
                skew = None
            if skew is not None and skew > CLOCK_SKEW:
                return Result(
                    rid,
                    WARN,
                    Text(
                        "The clock differs from the relay's by {minutes} minutes.",
                        minutes=round(skew / 60),
                    ),
                    fix,
                )
            if skew is not None:
                return Result(
                    rid,
                    OK,
                    Text("The clock agrees with the relay's."),
                )
    newest = 0.0
    for name in ("vault.key", "vault.db", "vault.db-wal"):
        try:
            newest = max(newest, os.stat(ctx.home / name).st_mtime)
        except OSError:
            continue
    if newest > time.time() + 3600:
        return Result(
            rid,
            FAIL,
            Text("The clock is behind: the vault was written 'in the future'."),
            fix,
        )
    return Result(
        rid,
        OK,
        Text("The clock looks plausible (no relay time to compare with; only a rough check)."),
    )


CHECKS = [check_relay_direct, check_relay_tor, check_proxy_names, check_pin, check_clock]
