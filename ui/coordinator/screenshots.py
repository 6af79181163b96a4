"""The coordinator's screens in Spanish and English: python -m ui.coordinator.screenshots.

Three sample devices share incidents through the real bundle path (sealed, signed, then
imported by the coordinator's inbox), so every number shown is the core's. Everything lives
in a temp dir deleted afterwards; only the PNGs are written, into --out.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ui.common.auto_sync import PREFERENCE as AUTO_SYNC
from ui.common.screenshot_kit import COALITION, PASS, Shots, close, each_language, studio, wait

STATES = ["09", "09", "14", "20", "12", "30", "09", "19", "07", "12", "15", "09"]
TYPES = [
    ["SURV.SPYWARE"],
    ["HAR.THREAT"],
    ["SURV.SPYWARE"],
    ["HAR.RAID"],
    ["HAR.THREAT", "SURV.PHYSICAL"],
    ["SURV.PHISHING"],
    ["SURV.SPYWARE"],
    ["HAR.ONLINE"],
    ["HAR.JUDICIAL"],
    ["SURV.SPYWARE"],
    ["HAR.THREAT"],
    ["SURV.ACCOUNT"],
]
STATUS = [
    "INFECTION_CONFIRMED",
    None,
    "SUSPECTED",
    None,
    None,
    "ATTEMPT_CONFIRMED",
    "ATTEMPT_CONFIRMED",
    None,
    None,
    "SUSPECTED",
    None,
    None,
]
TITLES = [
    "SMS con enlace a dominio de Pegasus",
    "Amenaza por teléfono a reportera",
    "Alerta de Apple por spyware mercenario",
    "Allanamiento de la oficina",
    "Seguimiento en motocicleta y amenaza",
    "Correo de phishing con adjunto",
    "Enlace malicioso por WhatsApp",
    "Campaña de acoso en redes",
    "Denuncia penal contra defensora",
    "Mensaje sospechoso tras publicación",
    "Amenaza en la puerta de la radio",
    "Cuenta de correo tomada",
]


def _sample(i: int) -> dict[str, Any]:
    digital: dict[str, Any] = {"compromise_status": STATUS[i]} if STATUS[i] else {}
    if TYPES[i] == ["SURV.SPYWARE"]:
        digital.update(
            spyware_family="PEGASUS",
            vectors=["SMS_LINK"],
            detection_source="MVT_CHECK" if i % 2 == 0 else "PLATFORM_NOTIFICATION",
        )
    return {
        "title": TITLES[i],
        "incident_types": TYPES[i],
        "where": {"country": "MX", "state": STATES[i]},
        "when": {"date": f"2026-{1 + i % 11:02d}-1{i % 9}"},
        "digital": digital,
        "targets": [
            {"profiles": ["JOURNALIST" if i % 2 else "HRD"], "gender": "WOMAN" if i % 3 else "MAN"}
        ],
        "perpetrators": [
            {
                "code": "STATE.SECURITY",
                "level": "STATE" if i % 2 else "FEDERAL",
                "attribution": "SUSPECTED",
            }
            if i % 4
            else {"code": "UNKNOWN"}
        ],
    }


def build(root: Path) -> Any:
    """A coordinator vault holding what three devices shared, triaged like a real queue."""
    from reporter.coordination.triaging import TriageChange, apply_triage
    from reporter.inbox.inbox import Inbox, install_coalition_keys
    from reporter.share.coalition import PROFILE_FILE, create_coalition, load_coalition_keys
    from reporter.share.outbox_store import OutboxStore
    from reporter.share.profile import import_profile
    from reporter.share.sharing import share_incidents
    from reporter.vault.vault import Vault

    create_coalition(root / "co", COALITION, ["https://relay.example.org"], PASS, "x25519")
    coordinator = Vault.create(root / "coord", PASS, role="coordinator")
    coordinator.set_meta(AUTO_SYNC, "off")  # auto-sync would dial the sample relay
    install_coalition_keys(coordinator, load_coalition_keys(root / "co", PASS))
    inbox = Inbox(coordinator)
    for device in range(3):
        reporter = Vault.create(root / f"dev{device}", PASS)
        import_profile(reporter, (root / "co" / PROFILE_FILE).read_bytes())
        for i in range(device, len(TITLES), 3):
            iid = reporter.incidents.add(_sample(i))
            try:
                bundle = share_incidents(reporter, [iid], consents=["share_free_text"])
            except Exception:  # a sample the policy refuses is left out, not faked  # noqa: S112
                continue
            if device == 2 and i == 5:
                continue  # never arrives: that device shows a gap
            stick = root / f"{bundle}.age"  # carried on a USB stick
            stick.write_bytes(b"".join(OutboxStore(reporter).ciphertext_chunks(bundle)))
            inbox.import_file(stick)
        reporter.close()
    from reporter.inbox.query import select_ids

    ids = select_ids(coordinator, include_all=True)
    for n, iid in enumerate(ids):
        change = TriageChange(
            review="in-review",
            counting="counted" if n % 5 else "pending",
            assignee="Ana" if n % 2 else None,
            verification="forensically-confirmed" if n % 4 == 0 else "corroborated",
        )
        apply_triage(coordinator, iid, change, "Ana")
    return coordinator


class _Board:
    """The relay's coordination channel, in memory: a screenshot touches no network."""

    def __init__(self) -> None:
        self.objects: list[bytes | None] = []

    def post_coordination(self, data: bytes) -> dict[str, Any]:
        self.objects.append(data)
        return {"id": f"{len(self.objects):032x}", "cursor": len(self.objects)}

    def list_coordination(self, after: int, limit: int = 100) -> list[dict[str, Any]]:
        return [
            {"id": f"{n:032x}", "cursor": n, "size": len(data)}
            for n, data in enumerate(self.objects, 1)
            if n > after and data is not None
        ][:limit]

    def get_coordination(self, object_id: str) -> bytes:
        return self.objects[int(object_id, 16) - 1] or b""


def coordinate(root: Path, ana: Any) -> tuple[str, _Board]:
    """A second coordinator, Beto, on one roster with Ana: he claims the first report, shares
    a note, and one of his decisions is lost on the way (a gap on the Coordination page)."""
    from reporter.coordination.claims import claim
    from reporter.coordination.exchange import exchange
    from reporter.coordination.identity import card, parse_card
    from reporter.coordination.replay import accept_roster
    from reporter.coordination.roster import ROSTER_FILE, add_member
    from reporter.coordination.triaging import TriageChange, apply_triage
    from reporter.inbox.inbox import Inbox, install_coalition_keys
    from reporter.inbox.query import select_ids
    from reporter.share.coalition import load_coalition_keys
    from reporter.vault.vault import Vault

    keys = load_coalition_keys(root / "co", PASS)
    beto = Vault.create(root / "beto", PASS, role="coordinator")
    install_coalition_keys(beto, keys)
    for stick in sorted(root.glob("*.age")):
        Inbox(beto).import_file(stick)
    for vault, name in ((ana, "Ana"), (beto, "Beto")):
        add_member(root / "co", keys.signing_key, parse_card(card(vault, name=name)))
    for vault in (ana, beto):
        accept_roster(vault, (root / "co" / ROSTER_FILE).read_bytes(), forward=False)
    first = select_ids(ana, include_all=True)[0]
    board = _Board()
    exchange(ana, board)
    claim(beto, first, hours=4)
    note = "Llamé a la reportera: confirma el mensaje y guarda la captura."
    apply_triage(beto, first, TriageChange(note=note, shared=True), "Beto")
    exchange(beto, board)
    for change in (TriageChange(tags=("pegasus",)), TriageChange(tags=("sms",))):
        apply_triage(beto, select_ids(ana, include_all=True)[1], change, "Beto")
        exchange(beto, board)
    board.objects[-2] = None  # lost on the relay: Ana's vault sees a gap in Beto's numbers
    exchange(ana, board)
    beto.close()
    return str(first), board


def copied(root: Path, ana: Any) -> Any:
    """Ana's identity copied to a laptop that decides something: her vault, reopened, shows
    the copied-identity warning on its next exchange (``copy_warning_shots``)."""
    import shutil

    from reporter.vault.vault import Vault

    home = ana.home
    ana.close()
    shutil.copytree(home, root / "ana-laptop")
    return Vault.open(home, PASS)


def copy_warning_shots(root: Path, ana: Any, board: _Board, window: Any, shots: Shots) -> None:
    """The warning, then "I know, this is me" (the vault keeps the acknowledgment)."""
    from reporter.coordination.exchange import exchange
    from reporter.coordination.triaging import TriageChange, apply_triage
    from reporter.inbox.query import select_ids
    from reporter.vault.vault import Vault

    laptop = Vault.open(root / "ana-laptop", PASS)
    exchange(laptop, board)
    apply_triage(
        laptop, select_ids(laptop, include_all=True)[2], TriageChange(tags=("sms",)), "Ana"
    )
    exchange(laptop, board)
    laptop.close()
    exchange(ana, board)
    window.actions["coordination"].trigger()
    for _lang in each_language():
        window.coordination.refresh()
        wait(window.session)
        shots.grab(window, "coordination-copied")
    window.coordination.copy_warning.button.click()
    wait(window.session)


def main() -> int:
    from ui.common.session import Session
    from ui.coordinator.window import CoordinatorWindow

    with studio() as (out, root):
        shots = Shots(out, prefix="coord-", size=(1180, 760))
        vault = build(root)
        claimed, board = coordinate(root, vault)
        vault = copied(root, vault)
        session = Session(vault)
        window = CoordinatorWindow(session)
        for _lang in each_language():
            window.show_inbox()
            wait(session)
            shots.grab(window, "inbox")
            first = window.inbox.model.rows[0].incident_id
            window.open_report(first)
            wait(session)
            shots.grab(window, "report")
            for page in ("dashboard", "map", "spyware", "coordination"):
                window.actions[page].trigger()
                wait(session)
                shots.grab(window, page)
            window.open_report(claimed)
            wait(session)
            shots.grab(window, "claim")
            shots.next_box("break-claim")  # answered "Keep it"
            window.report.claim.break_button.click()
        copy_warning_shots(root, vault, board, window, shots)
        close([window])
        vault.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
