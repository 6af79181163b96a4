"""relay serve/cert/token, enroll, sync, outbox: moving bundles (inbox pull is in inbox_cmd)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from reporter.cli.commands import add_command, add_group
from reporter.cli.context import CliContext, add_json_flag, add_proxy_flag
from reporter.errors import NetworkError, UsageError


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    group = add_group(sub, "relay", "run the relay server (needs the 'relay' extra)")
    p = add_command(
        group,
        "serve",
        "serve the relay API (plain HTTP only on loopback)",
        "testigo-cli relay serve --store /srv/relay --host 127.0.0.1 --port 8443",
    )
    add_store_flags(p)
    p.add_argument(
        "--pool-size",
        type=int,
        metavar="N",
        help="with --database: connections this process keeps to PostgreSQL (default 64)",
    )
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8443)
    p.add_argument("--tls-cert")
    p.add_argument("--tls-key")
    p.add_argument("--retention-days", type=float, default=30.0)
    p.add_argument("--max-bundle-mib", type=int, default=2048)
    p.add_argument(
        "--quota-mib",
        type=int,
        default=8192,
        help="bytes each device may keep waiting on the relay",
    )
    p.add_argument(
        "--coordination-quota-mib",
        type=int,
        default=1024,
        help="bytes the coordinators' shared objects may take on the relay, all together",
    )
    p.add_argument("--max-open-uploads", type=int, default=50, help="per device")
    p.add_argument(
        "--requests-per-minute",
        type=int,
        default=1200,
        help="per device credential; a coordinator may make 10x",
    )
    p.add_argument(
        "--expire-every-minutes",
        type=float,
        default=10.0,
        help="how often forgotten uploads are removed while the relay runs",
    )
    p.add_argument(
        "--header-timeout",
        type=float,
        default=10.0,
        metavar="SECONDS",
        help="a request's line and headers must arrive within this",
    )
    p.add_argument(
        "--body-idle-timeout",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="the longest pause allowed inside a request body",
    )
    p.add_argument(
        "--keep-alive-timeout",
        type=int,
        default=5,
        metavar="SECONDS",
        help="an idle connection between requests is closed after this",
    )
    p.add_argument(
        "--max-connections",
        type=int,
        default=2048,
        help="open connections; above it requests are answered 503",
    )
    p.add_argument(
        "--max-json-kib", type=int, default=32, help="largest JSON request body (enrollment: 1 KiB)"
    )
    p.add_argument(
        "--enroll-per-connection",
        type=int,
        default=10,
        help="token redemptions one connection may try",
    )
    p.add_argument(
        "--enroll-per-minute",
        type=int,
        default=120,
        help="token redemptions per minute for the whole relay",
    )
    p.add_argument(
        "--api-docs",
        action="store_true",
        help="serve /docs, /redoc and /openapi.json (off by default)",
    )
    p.set_defaults(handler=cmd_serve)
    p = add_command(
        group,
        "cert",
        "make a self-signed TLS key + certificate; print its pin",
        "testigo-cli relay cert --out /srv/relay/tls --host relay.example.org",
    )
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--host", action="append", required=True, help="DNS name or IP (repeatable)")
    add_json_flag(p)
    p.set_defaults(handler=cmd_cert)
    tokens = add_group(group, "token", "enrollment tokens")
    p = add_command(
        tokens,
        "create",
        "print one single-use enrollment token",
        "testigo-cli relay token create --store /srv/relay --coordinator",
    )
    add_store_flags(p)
    p.add_argument("--coordinator", action="store_true", help="a coordinator's token")
    p.set_defaults(handler=cmd_token)
    coordinators = add_group(group, "coordinators", "the coordinators enrolled on this relay")
    p = add_command(
        coordinators,
        "list",
        "enrolled coordinators: pseudonym, when enrolled, bundles they have not acknowledged",
        "testigo-cli relay coordinators list --store /srv/relay",
    )
    add_store_flags(p)
    add_json_flag(p)
    p.set_defaults(handler=cmd_coordinators_list)
    p = add_command(
        coordinators,
        "remove",
        "revoke a coordinator's credential; bundles stop waiting for their acknowledgement",
        "testigo-cli relay coordinators remove 3f2a9c0d1e4b5a67 --store /srv/relay",
    )
    p.add_argument("pseudonym", help="as `relay coordinators list` shows it")
    add_store_flags(p)
    add_json_flag(p)
    p.set_defaults(handler=cmd_coordinators_remove)

    p = add_command(
        sub,
        "enroll",
        "redeem an enrollment token for this vault's credential",
        "testigo-cli enroll tt1-… --relay https://relay.example.org",
    )
    p.add_argument("token", nargs="?", help="the enrollment token (tt1-…), or --qr FILE")
    p.add_argument("--qr", metavar="FILE", help="read the token from a QR image file")
    p.add_argument("--relay", metavar="URL", help="default: the coalition profile's first relay")
    add_proxy_flag(p)
    add_json_flag(p)
    p.set_defaults(handler=cmd_enroll)

    p = add_command(
        sub,
        "sync",
        "send the outbox and collect coalition receipts",
        "testigo-cli sync --proxy socks5h://127.0.0.1:9050 --progress",
    )
    add_proxy_flag(p)
    p.add_argument("--progress", action="store_true", help="progress lines on stderr")
    add_json_flag(p)
    p.set_defaults(handler=cmd_sync)

    p = add_command(
        sub, "outbox", "what waits to leave, and what arrived", "testigo-cli outbox --json"
    )
    add_json_flag(p)
    p.set_defaults(handler=cmd_outbox)


def add_store_flags(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", metavar="DIR", help="SQLite + files in this folder (one host)")
    p.add_argument(
        "--database",
        metavar="URL",
        help="postgresql://… : PostgreSQL for the index, shared by relay processes",
    )
    p.add_argument(
        "--objects",
        metavar="s3://BUCKET/PREFIX",
        help="with --database: where the ciphertext goes (S3-compatible)",
    )
    p.add_argument(
        "--s3-endpoint",
        metavar="URL",
        help="the S3-compatible server (MinIO, Garage, Ceph…); credentials come"
        " from the AWS_* environment variables",
    )
    p.add_argument(
        "--spool",
        metavar="DIR",
        help="with --objects: where a piece waits, unnamed, on its way to S3"
        " (default: the system's temporary folder)",
    )


def storage_from(args: argparse.Namespace) -> Any:
    """The store the flags name: a folder, or PostgreSQL + S3; never both, never neither."""
    from reporter.relay.storage.base import PostgresS3

    if args.store is not None:
        if args.database or args.objects or args.s3_endpoint or args.spool:
            raise UsageError("--store or --database/--objects, not both")
        return Path(args.store)
    if not (args.database and args.objects):
        raise UsageError(
            "give --store DIR, or --database postgresql://… and --objects s3://bucket/prefix"
        )
    if not args.database.startswith(("postgresql://", "postgres://")):
        raise UsageError("--database must be a postgresql:// URL")
    from reporter.relay.storage.s3objects import parse_objects_url

    parse_objects_url(args.objects)
    return PostgresS3(
        args.database, args.objects, args.s3_endpoint, Path(args.spool) if args.spool else None
    )


def cmd_serve(args: argparse.Namespace, ctx: CliContext) -> int:
    from reporter.relay.serve import serve

    check_limits(args)
    store = storage_from(args)
    if args.pool_size is not None:
        if isinstance(store, Path):
            raise UsageError("--pool-size is for --database (PostgreSQL)")
        if args.pool_size < 1:
            raise UsageError("--pool-size must be more than 0")
        import dataclasses

        store = dataclasses.replace(store, pool_size=args.pool_size)
    where = ctx.tr("store {path}").format(path=store) if isinstance(store, Path) else str(store)
    listening = ctx.tr("Relay on {host}:{port} ({where}); Ctrl+C stops it.").format(
        host=args.host, port=args.port, where=where
    )
    serve(
        store,
        args.host,
        args.port,
        args.tls_cert,
        args.tls_key,
        api_docs=args.api_docs,
        listening=lambda: ctx.say(listening),
        retention_seconds=args.retention_days * 86400,
        max_bundle=args.max_bundle_mib * 1024 * 1024,
        quota_bytes=args.quota_mib * 1024 * 1024,
        coordination_quota_bytes=args.coordination_quota_mib * 1024 * 1024,
        max_open_uploads=args.max_open_uploads,
        requests_per_minute=args.requests_per_minute,
        expire_every_seconds=args.expire_every_minutes * 60,
        header_timeout=args.header_timeout,
        body_idle_timeout=args.body_idle_timeout,
        keep_alive_timeout=args.keep_alive_timeout,
        max_connections=args.max_connections,
        json_body=args.max_json_kib * 1024,
        enroll_per_connection=args.enroll_per_connection,
        enroll_per_minute=args.enroll_per_minute,
    )
    return 0


def check_limits(args: argparse.Namespace) -> None:
    """Every limit is a positive number: zero or less would silently switch a guard off."""
    for name in (
        "retention_days",
        "max_bundle_mib",
        "quota_mib",
        "coordination_quota_mib",
        "max_open_uploads",
        "requests_per_minute",
        "expire_every_minutes",
        "header_timeout",
        "body_idle_timeout",
        "keep_alive_timeout",
        "max_connections",
        "max_json_kib",
        "enroll_per_connection",
        "enroll_per_minute",
    ):
        if not getattr(args, name) > 0:
            raise UsageError(f"--{name.replace('_', '-')} must be more than 0")


def cmd_cert(args: argparse.Namespace, ctx: CliContext) -> int:
    from reporter.relay.tls import make_certificate

    pin = make_certificate(Path(args.out), args.host)
    ctx.emit(
        {
            "pin": pin,
            "cert": str(Path(args.out) / "relay.crt"),
            "key": str(Path(args.out) / "relay.key"),
        },
        ctx.tr("{pin}\n(put it in the profile: coalition create --tls-pin '{pin}')").format(
            pin=pin
        ),
    )
    return 0


def cmd_token(args: argparse.Namespace, ctx: CliContext) -> int:
    from reporter.relay.storage import open_storage

    store = open_storage(storage_from(args))
    try:
        token = store.create_token("coordinator" if args.coordinator else "device")
    finally:
        store.close()
    ctx.stdout.write(token + "\n")
    return 0


def cmd_coordinators_list(args: argparse.Namespace, ctx: CliContext) -> int:
    import time

    from reporter.relay.storage import open_storage

    store = open_storage(storage_from(args))
    try:
        found = store.coordinators()
    finally:
        store.close()
    row = ctx.tr("{pseudonym}  enrolled {enrolled}  not yet acknowledged: {waiting}")
    lines = [
        row.format(
            pseudonym=c["pseudonym"],
            enrolled=time.strftime("%Y-%m-%d %H:00 UTC", time.gmtime(c["enrolled_at"])),
            waiting=c["waiting"],
        )
        for c in found
    ]
    ctx.emit(found, "\n".join(lines) or ctx.tr("no coordinator is enrolled on this relay"))
    return 0


def cmd_coordinators_remove(args: argparse.Namespace, ctx: CliContext) -> int:
    import re

    from reporter.errors import UnknownCoordinator
    from reporter.relay.storage import open_storage

    if not re.fullmatch(r"[0-9a-f]{16}", args.pseudonym):
        raise UnknownCoordinator(pseudonym=args.pseudonym[:40])
    store = open_storage(storage_from(args))
    try:
        removed = store.remove_coordinator(args.pseudonym)
    finally:
        store.close()
    if not removed:
        raise UnknownCoordinator(pseudonym=args.pseudonym)
    said = ctx.tr("Coordinator {pseudonym} removed: their credential no longer works.")
    ctx.emit(
        {"pseudonym": args.pseudonym, "removed": True},
        said.format(pseudonym=args.pseudonym),
    )
    return 0


def _token(args: argparse.Namespace) -> str:
    """The token typed, or read from the trainer's QR image (in memory, nothing kept)."""
    from reporter.sync.engine import check_token

    if (args.token is None) == (args.qr is None):
        raise UsageError("give the token or --qr FILE, one of them")
    if args.qr is not None:
        from reporter.sync.token_image import token_from_qr_image

        return token_from_qr_image(Path(args.qr))
    return check_token(args.token)


def cmd_enroll(args: argparse.Namespace, ctx: CliContext) -> int:
    from reporter.sync.engine import enroll

    token = _token(args)  # before the passphrase is asked for
    with ctx.open_vault() as vault:
        info = enroll(vault, token, args.relay, args.proxy)
    said = ctx.tr("Enrolled at {relay} as {role}.")
    ctx.emit(info, said.format(relay=info["relay"], role=ctx.tr(info["role"])))
    return 0


def cmd_sync(args: argparse.Namespace, ctx: CliContext) -> int:
    from reporter.sync.engine import SyncEngine, outbox_settled

    def show(event: dict[str, Any]) -> None:
        if args.progress:
            state = ctx.tr(event["state"])
            ctx.say(f"{event['bundle_id'][:8]} {state} {event['sent']}/{event['total']}")

    with ctx.open_vault() as vault:
        engine = SyncEngine(vault, proxy=args.proxy)
        try:
            report = engine.run(progress=show, force=True)
        finally:
            engine.close()
        settled = outbox_settled(vault)
    ctx.emit(
        report.to_json(),
        ctx.tr(
            "sent {sent}, confirmed by the coalition {received}, waiting {waiting}, failed {failed}"
        ).format(
            sent=len(report.uploaded),
            received=len(report.received),
            waiting=len(report.waiting),
            failed=len(report.failed),
        ),
    )
    if not settled:
        raise NetworkError(reason="some bundles are still waiting; run sync again later")
    return 0


def cmd_outbox(args: argparse.Namespace, ctx: CliContext) -> int:
    from reporter.share.outbox_store import OutboxStore, error_message

    with ctx.open_vault() as vault:
        items = OutboxStore(vault).list()
    lines = [
        f"{i['bundle_id'][:12]}  {ctx.tr(i['state']):<9} {i['upload_offset']}/{i['size']}"
        + (f"  ({error_message(i, ctx.lang)})" if i["last_error"] else "")
        for i in items
    ]
    ctx.emit(items, "\n".join(lines) or ctx.tr("the outbox is empty"))
    return 0
