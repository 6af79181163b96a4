"""A desktop session leaves nothing about the person's files outside the vault (issue 12, test 6).

The whole app runs in a child process whose HOME, XDG folders and TMPDIR are fresh folders
(Qt reads them once, so only a new process controls them fully). It attaches a file and
extracts it through the real file dialogs, views it, changes preferences and wipes. Then every
byte of every file under those folders is searched for the file's name, its folder's name, the
extract's name and folder, and a marker from its content, in UTF-8 and UTF-16: Qt's file
dialog writes its history and last folder to ``~/.config/QtProject.conf`` unless stopped.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import shiboken6

from tests.ui.child_session import ROOTS, fresh_environment, run_driver


def forms(needle: str) -> list[bytes]:
    return [needle.encode(encoding) for encoding in ("utf-8", "utf-16-le", "utf-16-be")]


def traces(roots: list[Path], needles: list[str]) -> list[str]:
    """Every file (name or bytes) under the roots that holds one of the needles."""
    found = []
    patterns = [(needle, form) for needle in needles for form in forms(needle)]
    for root in roots:
        for path in sorted(root.rglob("*")):
            if any(needle in path.name for needle in needles):
                found.append(f"{path}: its name")
            if not path.is_file() or path.is_symlink():
                continue
            data = path.read_bytes()
            found += [f"{path}: {needle!r}" for needle, form in patterns if form in data]
    return found


def test_attach_extract_view_and_wipe_leave_no_trace(tmp_path: Path) -> None:
    session_environment = fresh_environment(tmp_path)
    tag = uuid.uuid4().hex[:10]
    folder, name = f"Evidencia{tag}", f"foto{tag}.txt"
    out_folder, out_name = f"Memoria{tag}", f"copia{tag}.txt"
    marker = f"MARCADOR{tag}"
    evidence = tmp_path / "media" / folder / name  # outside every scanned root
    evidence.parent.mkdir(parents=True)
    evidence.write_text(f"Placas del auto: {marker}\n" * 50, encoding="utf-8")
    destination = tmp_path / "usb" / out_folder / out_name
    destination.parent.mkdir(parents=True)
    config = Path(session_environment["XDG_CONFIG_HOME"])
    legacy = config / "Testigo" / "Testigo.conf"  # where earlier versions kept them
    legacy.parent.mkdir()
    legacy.write_text("[General]\nlanguage=en\n", encoding="utf-8")
    (config / "QtProject.conf").write_text(  # what earlier versions left
        f"[FileDialog]\nhistory=file://{evidence.parent}\nlastVisited=file://{evidence.parent}\n"
        f"shortcuts=file:, file://{evidence.parent}\nviewMode=Detail\n",
        encoding="utf-8",
    )

    run = run_driver(
        "tests.ui.no_traces_driver",
        session_environment,
        str(evidence),
        str(destination),
        timeout=180,
    )

    assert run.returncode == 0, run.stderr[-3000:]
    assert "language at start: en" in run.stdout  # saved preferences still apply
    assert marker in destination.read_text(encoding="utf-8")  # the dialogs really were used
    roots = [Path(session_environment[var]) for var in ROOTS]
    assert traces(roots, [folder, name, out_folder, out_name, marker]) == []
    left = sorted(str(p.relative_to(config)) for p in config.rglob("*") if p.is_file())
    assert not [p for p in left if "QtProject" in p or p.startswith("Testigo")], left


def test_a_file_dialog_shows_nothing_an_older_qtproject_conf_remembers(
    qtbot, window, tmp_path, private_environment
) -> None:  # type: ignore[no-untyped-def]
    """In-process, Qt still reads the test's QtProject.conf: the dialog must ignore it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog

    old = tmp_path / "media" / "EvidenciaVieja"
    old.mkdir(parents=True)
    (private_environment / "xdg_config_home" / "QtProject.conf").write_text(
        f"[FileDialog]\nhistory=file://{old}\nlastVisited=file://{old}\nqtVersion=6.12.0\n"
        f"shortcuts=file:, file://{old}\nsidebarWidth=80\nviewMode=Detail\n",
        encoding="utf-8",
    )
    incident_id = window.session.vault.incidents.add(
        {"title": "x", "incident_types": ["HAR.THREAT"]}
    )
    window.open_incident(incident_id)
    panel = window.editor.attachments
    qtbot.waitUntil(lambda: panel.incident_id == incident_id, timeout=10000)
    seen: list[QFileDialog] = []
    shown: dict[str, object] = {}

    def look_and_cancel() -> None:  # runs inside the dialog's own event loop
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QFileDialog) and dialog.isVisible():
            timer.stop()
            seen.append(dialog)
            shown.update(
                history=dialog.history(),
                native=not dialog.testOption(QFileDialog.Option.DontUseNativeDialog),
                sidebar=[url.toLocalFile() for url in dialog.sidebarUrls()],
            )
            dialog.reject()

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(look_and_cancel)
    timer.start()
    panel.add_button.click()  # returns once the dialog is answered
    timer.stop()
    assert seen, "no file dialog opened"
    assert str(old) not in shown["history"]
    assert str(old) not in shown["sidebar"]
    assert shown["native"] is False
    assert not shiboken6.isValid(seen[0])  # destroyed at once, not kept by the panel
    assert panel.list.count() == 0
    assert panel.task is None
