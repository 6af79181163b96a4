"""Issue 19, test 3: a duress passphrase opens a decoy; from outside, no vault tells it has one."""

from __future__ import annotations

import json
import math
import zlib
from collections import Counter
from pathlib import Path

import pytest

from reporter.errors import InvalidInput, WrongPassphrase
from reporter.vault.keyfile import KeyFile
from reporter.vault.vault import Vault
from tests.core.conftest import PASSPHRASE, CliRunner, json_out

DURESS = "una frase para cuando me obliguen 5"


def _entropy(data: bytes) -> float:
    counts = Counter(data)
    return -sum(c / len(data) * math.log2(c / len(data)) for c in counts.values())


def _make(home: Path, with_duress: bool) -> str:
    with Vault.create(home, PASSPHRASE) as vault:
        iid = vault.incidents.add({"title": "lo real", "incident_types": ["HAR.THREAT"]})
        if with_duress:
            vault.set_duress(PASSPHRASE, DURESS)
    if with_duress:
        with Vault.open(home, DURESS) as decoy:  # the person makes the decoy's incidents
            for i in range(3):
                decoy.incidents.add({"title": f"reunión {i}", "incident_types": ["HAR.THREAT"]})
    return iid


def test_the_duress_passphrase_opens_the_decoy_and_the_real_one_still_opens(tmp_path: Path) -> None:
    home = tmp_path / "v"
    iid = _make(home, with_duress=True)
    with Vault.open(home, DURESS) as decoy:
        titles = sorted(decoy.incidents.get(i)["title"] for i in decoy.incidents.ids())
        assert titles == ["reunión 0", "reunión 1", "reunión 2"]
        assert not decoy.duress_set
    with Vault.open(home, PASSPHRASE) as vault:
        assert [vault.incidents.get(i)["title"] for i in vault.incidents.ids()] == ["lo real"]
        assert vault.incidents.get(iid)["title"] == "lo real"
    with pytest.raises(WrongPassphrase):
        KeyFile.read(home / "vault.key").unwrap(DURESS)


def test_duress_can_destroy_the_real_key_silently(tmp_path: Path) -> None:
    home = tmp_path / "v"
    with Vault.create(home, PASSPHRASE) as vault:
        vault.incidents.add({"title": "lo real", "incident_types": ["HAR.THREAT"]})
        vault.set_duress(PASSPHRASE, DURESS, destroy_real=True)
    files_before = sorted(p.name for p in home.rglob("*"))
    key_len = (home / "vault.key").stat().st_size
    with Vault.open(home, DURESS) as decoy:
        assert decoy.incidents.count() == 0
    with pytest.raises(WrongPassphrase):
        Vault.open(home, PASSPHRASE)
    assert sorted(p.name for p in home.rglob("*")) == files_before  # same files
    assert (home / "vault.key").stat().st_size == key_len  # same shape
    with Vault.open(home, DURESS):  # decoy still there
        pass


def test_duress_must_differ_and_can_be_removed(tmp_path: Path) -> None:
    home = tmp_path / "v"
    with Vault.create(home, PASSPHRASE) as vault:
        with pytest.raises(InvalidInput):
            vault.set_duress(PASSPHRASE, PASSPHRASE)
        vault.set_duress(PASSPHRASE, DURESS)
        vault.set_duress(PASSPHRASE, None)
    with pytest.raises(WrongPassphrase):
        Vault.open(home, DURESS)
    Vault.open(home, PASSPHRASE).close()


def _files(home: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(home)): p.read_bytes() for p in sorted(home.rglob("*")) if p.is_file()
    }


def _size_class(size: int) -> int:
    return max(size, 1).bit_length()


def test_byte_level_no_field_tells_a_vault_with_duress(tmp_path: Path) -> None:
    plain, armed = tmp_path / "plain", tmp_path / "armed"
    _make(plain, with_duress=False)
    _make(armed, with_duress=True)
    a, b = _files(plain), _files(armed)
    assert a.keys() == b.keys()  # the same file names
    for name in a:
        if name.endswith("vault.db"):
            assert _size_class(len(a[name])) == _size_class(len(b[name])), name
        elif not name.startswith("blobs/"):
            assert len(a[name]) == len(b[name]), name  # key file, counter, lock
    ka, kb = json.loads(a["vault.key"]), json.loads(b["vault.key"])

    def shape(doc: object) -> object:
        if isinstance(doc, dict):
            return {k: shape(v) for k, v in doc.items()}
        if isinstance(doc, list):
            return [shape(v) for v in doc]
        return type(doc).__name__ if not isinstance(doc, str) else len(doc)

    assert shape(ka) == shape(kb)  # same fields, same lengths
    for field in ("format", "version", "role", "aead", "wipe_after"):
        assert ka[field] == kb[field]
    assert {k: v for k, v in ka["kdf"].items() if k != "salt"} == {
        k: v for k, v in kb["kdf"].items() if k != "salt"
    }
    # Both slots of both files look like noise: no slot is visibly unused.
    for doc in (ka, kb):
        raw = b"".join(
            KeyFile.from_bytes(json.dumps(doc).encode()).slots[i].wrapped for i in (0, 1)
        )
        assert len(set(raw)) > 40
    # The decoy database is ciphertext whether it is used or not.
    for files in (a, b):
        spare = files["spare/vault.db"]
        assert len(zlib.compress(spare)) > 0.98 * len(spare)
        assert _entropy(spare) > 7.9


def test_cli_duress(cli: CliRunner, home: Path) -> None:
    cli("init")
    cli("add", "--title", "lo real", "--type", "HAR.THREAT")
    cli("settings", "duress", env={"TESTIGO_DURESS_PASSPHRASE": DURESS})
    under = {"TESTIGO_PASSPHRASE": DURESS}
    cli("add", "--title", "señuelo", "--type", "HAR.THREAT", env=under)
    assert [i["title"] for i in json_out(cli("list", "--json", env=under))] == ["señuelo"]
    assert [i["title"] for i in json_out(cli("list", "--json"))] == ["lo real"]
