"""demo: the whole mission on one machine, for a newcomer, in one command."""

from __future__ import annotations

import argparse
import secrets
import tempfile
from pathlib import Path
from typing import Any

from reporter.cli.commands import add_command
from reporter.cli.context import CliContext, add_json_flag

SAMPLES: list[list[dict[str, Any]]] = [
    [
        {
            "title": "Mensaje con enlace sospechoso a periodista",
            "incident_types": ["SURV.SPYWARE"],
            "description": "Llegó un SMS con un enlace acortado que imitaba a un"
            " banco, días después de publicar una investigación.",
            "where": {"state": "09"},
            "when": {"date": "2026-10-14"},
            "targets": [{"profiles": ["JOURNALIST"], "names": ["Lucía Gómez"]}],
            "digital": {
                "vectors": ["SMS_LINK"],
                "compromise_status": "SUSPECTED",
                "spyware_family": "PEGASUS",
            },
            "indicators": [{"type": "domain-name", "value": "banco-seguro-mx.example.com"}],
        },
        {
            "title": "Seguimiento en motocicleta",
            "incident_types": ["SURV.PHYSICAL"],
            "description": "Dos personas en motocicleta siguieron a la reportera desde la"
            " redacción.",
            "where": {"state": "30"},
            "when": {"date": "2026-11-02"},
            "perpetrators": [{"code": "UNKNOWN"}],
        },
    ],
    [
        {
            "title": "Amenaza por teléfono a defensora",
            "incident_types": ["HAR.THREAT"],
            "description": "Llamada anónima con amenazas tras una audiencia.",
            "where": {"state": "12"},
            "when": {"date": "2026-09-30"},
            "targets": [{"profiles": ["HRD"], "gender": "WOMAN"}],
        },
    ],
]


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = add_command(
        sub,
        "demo",
        "run the whole mission on this machine: relay, coalition, two reporters, a coordinator",
        "testigo-cli demo --dir /tmp/testigo-demo",
    )
    p.add_argument("--dir", help="where to put everything (default: a new temp directory)")
    add_json_flag(p)
    p.set_defaults(handler=cmd_demo)


def cmd_demo(args: argparse.Namespace, ctx: CliContext) -> int:
    from reporter.inbox.inbox import Inbox, install_coalition_keys
    from reporter.relay.serve import BackgroundRelay
    from reporter.relay.store import RelayStore
    from reporter.share.coalition import PROFILE_FILE, create_coalition, load_coalition_keys
    from reporter.share.profile import import_profile
    from reporter.share.sharing import share_incidents
    from reporter.sync.coordinator import pull
    from reporter.sync.engine import SyncEngine, enroll
    from reporter.vault.vault import Vault

    root = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="testigo-demo-"))
    root.mkdir(parents=True, exist_ok=True, mode=0o700)
    passphrase = "demo " + secrets.token_hex(8) + " frase larga"
    relay = BackgroundRelay(root / "relay").start()
    store = RelayStore(root / "relay")
    try:
        ctx.say(ctx.tr("1. Relay on {url}").format(url=relay.url))
        profile = create_coalition(
            root / "coalition", "Coalición de demostración", [relay.url], passphrase, "hybrid"
        )
        said = ctx.tr("2. Coalition created; profile fingerprint {fingerprint}")
        ctx.say(said.format(fingerprint=profile.fingerprint))
        reporters = []
        for n, samples in enumerate(SAMPLES, 1):
            vault = Vault.create(root / f"reporter{n}", passphrase)
            import_profile(vault, (root / "coalition" / PROFILE_FILE).read_bytes())
            ids = vault.incidents.add_many(samples)
            share_incidents(vault, ids, consents=["share_free_text"])
            enroll(vault, store.create_token("device"))
            engine = SyncEngine(vault)
            sent = engine.run(force=True).uploaded
            engine.close()
            said = ctx.tr("3.{n} Reporter {n}: {count} incident(s) sealed and sent ({sent} bundle)")
            ctx.say(said.format(n=n, count=len(ids), sent=len(sent)))
            reporters.append(vault)
        coordinator = Vault.create(root / "coordinator", passphrase, role="coordinator")
        install_coalition_keys(coordinator, load_coalition_keys(root / "coalition", passphrase))
        enroll(coordinator, store.create_token("coordinator"))
        report = pull(coordinator)
        if report.error is not None:  # pull reports what it did, then the error
            raise report.error
        said = ctx.tr("4. Coordinator pulled {n} bundle(s), sent receipts")
        ctx.say(said.format(n=len(report.imported)))
        received = 0
        for vault in reporters:
            engine = SyncEngine(vault)
            received += len(engine.run().received)
            engine.close()
        said = ctx.tr("5. Reporters got {n} signed receipt(s): 'received by the coalition'")
        ctx.say(said.format(n=received))
        arrived = Inbox(coordinator).list()
        rows = [
            {
                "id": i["record"]["id"],
                "title": i["record"]["title"],
                "types": i["record"]["incident_types"],
                "state": i["record"]["where"]["state"],
                "date": i["record"]["when"]["date"],
            }
            for i in arrived
        ]
        summary = {
            "dir": str(root),
            "relay": relay.url,
            "fingerprint": profile.fingerprint,
            "received": rows,
            "receipts": received,
        }
        lines = [ctx.tr("What arrived at the coalition (anonymized):")]
        row = ctx.tr("  - {title}  [{types}]  state {state}  {date}")
        lines += [
            row.format(
                title=r["title"] or ctx.tr("(no text shared)"),
                types=", ".join(r["types"]),
                state=r["state"],
                date=r["date"],
            )
            for r in rows
        ]
        said = ctx.tr("Files are in {root} (passphrase for all vaults: {passphrase}).")
        lines.append(said.format(root=root, passphrase=repr(passphrase)))
        ctx.emit(summary, "\n".join(lines))
        for vault in [*reporters, coordinator]:
            vault.close()
    finally:
        store.close()
        relay.stop()
    return 0
