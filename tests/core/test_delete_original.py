"""Import and delete the original: no file is left, and a failed import leaves it in place."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from reporter.errors import IntegrityError, NotFound
from reporter.vault.original_removal import attach_and_delete_original
from reporter.vault.vault import Vault
from tests.core.conftest import PASSPHRASE, CliRunner


def _incident(cli: CliRunner) -> str:
    cli("init")
    out = cli("add", "--title", "Allanamiento", "--type", "HAR.THREAT", "--json").stdout
    return str(json.loads(out)["id"])


def test_attach_delete_original_leaves_no_file_and_the_vault_has_its_bytes(
    cli: CliRunner, tmp_path: Path
) -> None:
    incident_id = _incident(cli)
    original = tmp_path / "foto del operativo.jpg"
    content = os.urandom(300_000)
    original.write_bytes(content)
    out = cli("attach", incident_id, str(original), "--delete-original", "--json").stdout
    meta = json.loads(out)
    assert meta["original_deleted"] is True
    assert not original.exists()
    assert list(tmp_path.glob("foto*")) == []
    copy = tmp_path / "back.jpg"
    cli("extract", meta["id"], "--out", str(copy))
    assert copy.read_bytes() == content
    said = cli(
        "attach", incident_id, str(copy), "--delete-original", env={"TESTIGO_LANG": "es"}
    ).stdout
    assert "copia de seguridad" in said
    assert not copy.exists()


def test_without_the_flag_the_original_stays(cli: CliRunner, tmp_path: Path) -> None:
    incident_id = _incident(cli)
    original = tmp_path / "nota.txt"
    original.write_bytes(b"se queda")
    cli("attach", incident_id, str(original))
    assert original.read_bytes() == b"se queda"


def test_a_failed_import_leaves_the_original(cli: CliRunner, tmp_path: Path) -> None:
    cli("init")
    original = tmp_path / "video.mp4"
    original.write_bytes(b"contenido" * 1000)
    failed = cli(
        "attach",
        "0" * 8 + "-0000-4000-8000-" + "0" * 12,
        str(original),
        "--delete-original",
        check=False,
    )
    assert failed.returncode != 0
    assert "Traceback" not in failed.stderr
    assert original.read_bytes() == b"contenido" * 1000


@pytest.fixture
def vault(tmp_path: Path) -> Vault:
    return Vault.create(tmp_path / "vault", PASSPHRASE)


def test_a_file_that_changes_while_read_is_kept_and_not_attached(
    vault: Vault, tmp_path: Path
) -> None:
    incident_id = vault.incidents.add({"title": "x", "incident_types": ["HAR.THREAT"]})
    original = tmp_path / "grabacion.m4a"
    original.write_bytes(os.urandom(3 * 1024 * 1024))
    changed: list[bytes] = []

    def someone_writes(done: int, total: int) -> None:
        if not changed and done > 0:  # the first bytes were read: now they change
            with original.open("r+b") as handle:
                handle.write(b"CAMBIO")
            changed.append(original.read_bytes())

    with pytest.raises(IntegrityError) as caught:
        attach_and_delete_original(vault, incident_id, original, progress=someone_writes)
    assert "cambió mientras se importaba" in caught.value.message("es")
    assert changed
    assert original.read_bytes() == changed[0]  # still there, as it is now
    assert vault.attachments.list(incident_id) == []  # and nothing half-attached
    vault.close()


def test_a_missing_incident_keeps_the_original(vault: Vault, tmp_path: Path) -> None:
    original = tmp_path / "doc.pdf"
    original.write_bytes(b"%PDF-1.4 evidencia")
    with pytest.raises(NotFound):
        attach_and_delete_original(vault, "00000000-0000-4000-8000-000000000000", original)
    assert original.read_bytes() == b"%PDF-1.4 evidencia"
    vault.close()
