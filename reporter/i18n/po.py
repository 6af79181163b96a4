"""Reading the GNU .po format: the part our catalogues use (no contexts, fuzzy entries skipped).

A .po entry is ``msgid "…"`` then ``msgstr "…"`` (or ``msgid_plural`` and ``msgstr[n]``), each
string possibly continued on the following lines; ``#,`` flag comments mark fuzzy entries,
which gettext tools do not use either. The catalogues ship with the program: a malformed one
is a broken install, said with its line (ValueError), never a silently English program.
"""

from __future__ import annotations

import ast
import re

_KEYWORD = re.compile(r'^(msgid|msgid_plural|msgstr(?:\[(\d)\])?)\s+(".*")\s*$')


def _unquote(token: str, line_no: int) -> str:
    try:
        value = ast.literal_eval(token)
    except (ValueError, SyntaxError):
        value = None
    if not isinstance(value, str):
        raise ValueError(f"translation catalogue: bad string on line {line_no}")
    return value


def parse_po(text: str) -> tuple[dict[str, str], dict[tuple[str, int], str]]:
    """The translated entries of a .po text: singular ones, and plural forms by index."""
    entries: dict[str, str] = {}
    plurals: dict[tuple[str, int], str] = {}
    fields: dict[str, str] = {}
    current: str | None = None
    fuzzy = False

    def finish() -> None:
        nonlocal fuzzy
        msgid = fields.get("msgid")
        if msgid and not fuzzy:
            if "msgid_plural" in fields:
                for key, value in fields.items():
                    if key.startswith("msgstr[") and value:
                        plurals[(msgid, int(key[7:-1]))] = value
            elif fields.get("msgstr"):
                entries[msgid] = fields["msgstr"]
        fields.clear()
        fuzzy = False

    for line_no, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            if current is not None and "msgstr" in current:
                finish()
                current = None
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            continue
        match = _KEYWORD.match(line)
        if match:
            keyword = match.group(1)
            if keyword == "msgid" and current is not None:
                finish()
            current = keyword
            fields[keyword] = _unquote(match.group(3), line_no)
        elif line.startswith('"') and current is not None:
            fields[current] += _unquote(line, line_no)
        else:
            raise ValueError(f"translation catalogue: bad line {line_no}")
    finish()
    return entries, plurals
