"""Municipality names for the INEGI codes a record stores, from INEGI's own catalogue.

Testigo does not ship the catalogue: INEGI publishes it (the AGEEML "catálogo único de claves
de áreas geoestadísticas"), municipalities are created every few years, and a copy from
anywhere else may be wrong. A trainer imports INEGI's CSV once per vault
(``testigo-cli municipalities import FILE``); the app then offers names as you type, and
records keep storing only the 5-digit code.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

from reporter.errors import InvalidField, StorageError
from reporter.fsutil import read_regular

META_KEY = "municipality_catalogue"
MAX_FILE = 16 * 1024 * 1024  # the national catalogue of municipalities is under 1 MiB
MAX_ROWS = 5000  # Mexico has about 2,500 municipalities
_STATE = re.compile(r"\d{1,2}")
_MUNICIPALITY = re.compile(r"\d{1,3}")
_CODE = re.compile(r"\d{5}")


def _text(raw: bytes) -> str:
    """INEGI's files are UTF-8 (with or without BOM) or Windows-1252."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InvalidField(field="file", reason="not UTF-8 or Windows-1252 text")


def parse_catalogue(raw: bytes) -> dict[str, str]:
    """{5-digit code: name} from a CSV with CVE_ENT + CVE_MUN + NOM_MUN, or CVEGEO + NOM_MUN.

    Any other columns (localities, population) are ignored; several rows of one
    municipality (a localities file) collapse into one.
    """
    if len(raw) > MAX_FILE:
        raise InvalidField(
            field="file", reason="larger than {limit} MiB", limit=MAX_FILE // 1024**2
        )
    text = _text(raw)
    sample = text[:4096]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    rows = csv.reader(io.StringIO(text), dialect)
    header = [h.strip().strip('"').upper() for h in next(rows, [])]

    def column(name: str) -> int | None:
        return header.index(name) if name in header else None

    ent, mun, geo, name = (
        column("CVE_ENT"),
        column("CVE_MUN"),
        column("CVEGEO"),
        column("NOM_MUN"),
    )
    if name is None or not ((ent is not None and mun is not None) or geo is not None):
        raise InvalidField(
            field="file",
            reason="needs the columns NOM_MUN and CVE_ENT + CVE_MUN "
            "(or CVEGEO), as INEGI publishes them",
        )
    found: dict[str, str] = {}
    for number, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        try:
            if ent is not None and mun is not None:
                state, municipality = row[ent].strip(), row[mun].strip()
                if not (_STATE.fullmatch(state) and _MUNICIPALITY.fullmatch(municipality)):
                    raise ValueError
                code = f"{int(state):02d}{int(municipality):03d}"
            else:
                code = row[geo][:5].strip() if geo is not None else ""
            label = " ".join(row[name].split())
        except (IndexError, ValueError):
            raise InvalidField(field=f"line {number}", reason="not a municipality row") from None
        if not _CODE.fullmatch(code) or not 1 <= int(code[:2]) <= 32 or code.endswith("000"):
            raise InvalidField(
                field=f"line {number}", reason="'{code}' is not an INEGI code", code=code
            )
        if not label or len(label) > 120 or not label.isprintable():
            raise InvalidField(field=f"line {number}", reason="the name is empty or not text")
        if found.setdefault(code, label) != label:
            raise InvalidField(field=f"line {number}", reason="two names for {code}", code=code)
        if len(found) > MAX_ROWS:
            raise InvalidField(
                field="file", reason="more than {limit} municipalities", limit=MAX_ROWS
            )
    if not found:
        raise InvalidField(field="file", reason="no municipalities in it")
    return dict(sorted(found.items()))


def import_catalogue(vault: Any, path: Path) -> int:
    """Replace the vault's catalogue with the file's; nothing changes if the file is bad."""
    try:
        raw = read_regular(path)
    except OSError as exc:
        raise StorageError(reason=type(exc).__name__) from None
    found = parse_catalogue(raw)
    vault.set_meta(META_KEY, json.dumps(found, ensure_ascii=False, separators=(",", ":")))
    return len(found)


def catalogue(vault: Any) -> dict[str, str]:
    """The imported catalogue ({code: name}), empty if none was imported."""
    stored = vault.get_meta(META_KEY)
    return dict(json.loads(stored)) if stored else {}


def of_state(names: dict[str, str], state: str | None) -> dict[str, str]:
    return {code: name for code, name in names.items() if state and code.startswith(state)}
