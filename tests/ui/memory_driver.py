"""A desktop session that opens 30 incidents and locks, for test_memory_after_lock.py.

Run as ``python -m tests.ui.memory_driver`` with HOME, the XDG folders and TMPDIR pointing at
fresh folders. The first run makes a vault of 30 incidents whose title, description and
private notes hold random canaries, starts the app as ``testigo`` does (a lock executes the
program again), unlocks, turns discreet mode on, opens every incident, leaves an edit
unsaved in the editor and locks with Ctrl+L. Whichever process then shows the unlock screen
(the same one, or the fresh one the lock executed) reads its own memory, every readable
map of ``/proc/self/mem``, and reports the canaries it finds; then it unlocks to show the
unsaved edit was kept. Reading one's own memory needs no privilege, even non-dumpable.

The canaries are never written where the fresh process could read them: only the regular
expressions that find them are in this file, and neither can match its own text.
"""

from __future__ import annotations

import os
import re
import secrets
import sys
import time
from typing import Any

from PySide6.QtCore import QCoreApplication

from tests.ui.no_traces_driver import PASSPHRASE, Step, run_session

INCIDENTS = 30
# Canaries are "Kq7" + kind (T title, D description, N notes, E the unsaved edit) + 12 hex + "Z",
# as UTF-8 or Latin-1 (SQLite, Python) and UTF-16-LE (Qt's strings, Python's UCS-2).
NARROW = re.compile(rb"Kq7([TDNE])[0-9a-f]{12}Z")
WIDE = re.compile(rb"K\x00q\x007\x00([TDNE])\x00(?:[0-9a-f]\x00){12}Z\x00")
PIECE = 16 * 1024 * 1024
OVERLAP = 64
MAX_BYTES = 8 * 1024**3  # bounded, whatever the maps say
MAX_SECONDS = 60.0


def canary(kind: str) -> str:
    return f"Kq7{kind}{secrets.token_hex(6)}Z"


def scan_memory() -> dict[str, int]:
    """Canaries by kind in every readable map of this process (unreadable ones skipped)."""
    found: dict[str, set[int]] = {kind: set() for kind in "TDNE"}
    with open("/proc/self/maps", encoding="ascii") as maps:
        regions = []
        for line in maps:
            fields = line.split()
            if fields[1].startswith("r") and not line.rstrip().endswith(("[vvar]", "[vsyscall]")):
                start, end = (int(x, 16) for x in fields[0].split("-"))
                regions.append((start, end))
    deadline, budget = time.monotonic() + MAX_SECONDS, MAX_BYTES
    mem = os.open("/proc/self/mem", os.O_RDONLY)
    try:
        for start, end in regions:
            position = start
            while position < end and budget > 0 and time.monotonic() < deadline:
                size = min(PIECE, end - position)
                try:
                    data = os.pread(mem, size, position)
                except OSError:
                    break  # a guard page or a map that went away
                budget -= len(data)
                for pattern in (NARROW, WIDE):
                    for match in pattern.finditer(data):
                        found[match.group(1).decode()].add(position + match.start())
                del data
                if size < PIECE or position + size >= end:
                    break
                position += size - OVERLAP
    finally:
        os.close(mem)
    return {kind: len(places) for kind, places in found.items()}


def report(stage: str) -> None:
    counts = scan_memory()
    total = sum(counts.values())
    detail = " ".join(f"{kind}={n}" for kind, n in counts.items())
    print(f"{stage}: pid={os.getpid()} canaries={total} {detail}", flush=True)


def first_session(controller: Any) -> Step:
    from ui.common.i18n import language

    unlock = yield lambda: controller.unlock
    unlock.field.setText(PASSPHRASE)
    unlock.button.click()
    window = yield lambda: controller.window
    language().set("en")
    window.settings_page.discreet.setChecked(True)
    ids = yield lambda: window.session.vault.incidents.ids() or None
    for incident_id in ids:
        window.open_incident(incident_id)
        yield lambda i=incident_id: window.editor.incident_id == i and window.editor.title.text()
    window.editor.title.setText(f"Editado {canary('E')}")  # unsaved: the lock keeps it
    report("before lock")
    centre = window.frameGeometry().center()
    print(f"window centre: {centre.x()},{centre.y()}", flush=True)
    print(f"locking at: {time.monotonic():.3f}", flush=True)  # one clock across the exec
    window.actions["lock"].trigger()
    yield from after_lock(controller)


def after_lock(controller: Any) -> Step:
    unlock = yield lambda: controller.unlock is not None and controller.unlock.isVisible()
    unlock = controller.unlock
    print(f"unlock shown at: {time.monotonic():.3f}", flush=True)
    centre = unlock.frameGeometry().center()
    print(f"unlock title: {unlock.windowTitle()}", flush=True)
    print(f"unlock centre: {centre.x()},{centre.y()}", flush=True)
    with open("/proc/self/comm", encoding="utf-8") as comm:
        print(f"process name: {comm.read().strip()}", flush=True)
    report("after lock")
    unlock.field.setText(PASSPHRASE)
    unlock.button.click()
    window = yield lambda: controller.window
    titles = window.session.vault.incidents.titles(window.session.vault.incidents.ids())
    edited = [t for t in titles.values() if t and t.startswith("Editado ")]
    print(f"edits kept: {len(edited)}", flush=True)
    QCoreApplication.exit(0)


def make_vault(home: Any) -> None:
    from reporter.vault.vault import Vault

    vault = Vault.create(home, PASSPHRASE)
    try:
        for n in range(INCIDENTS):
            vault.incidents.add(
                {
                    "title": f"Vigilancia {n} {canary('T')}",
                    "description": f"Un auto sin placas frente a la oficina, {canary('D')}.",
                    "private_notes": f"Contacto: {canary('N')}",
                    "incident_types": ["SURV.PHYSICAL"],
                }
            )
    finally:
        vault.close()


def main() -> int:
    from reporter.places import locate
    from reporter.vault import keyfile
    from ui.app import RELOCKED, Controller, create_app

    keyfile.FAST_KDF_FOR_TESTS = True  # throwaway vault: set in code, as tests do
    relocked = RELOCKED in os.environ  # the process a lock executed
    app = create_app(["testigo", "-platform", "offscreen"])
    home = locate().home
    if not relocked:
        make_vault(home)
    controller = Controller(home, fresh_process=True)
    controller.start()
    app.aboutToQuit.connect(controller.quit)
    return run_session(app, after_lock(controller) if relocked else first_session(controller))


if __name__ == "__main__":
    sys.exit(main())
