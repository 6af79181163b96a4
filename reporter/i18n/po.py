"""Reading the GNU .po format: the part our catalogues use (no contexts, fuzzy entries skipped).

A .po entry is ``msgid "…"`` then ``msgstr "…"`` (or ``msgid_plural`` and ``msgstr[n]``), each
string possibly continued on the following lines; ``#,`` flag comments mark fuzzy entries,
which gettext tools do not use either. The catalogues ship with the program: a malformed one
is a broken install, said with its line (ValueError), never a silently English program.
"""

from __future__ import annotations

import re

_KEYWORD = re.compile(r'^(msgid|msgid_plural|msgstr(?:\[(\d)\])?)\s+(".*")\s*$')
_STRING = re.compile(r'^"((?:[^"\\]|\\.)*)"$')
# The escapes gettext's own reader knows: C's letters, octal and hexadecimal bytes.
_ESCAPE = re.compile(r"\\(?:([ntbrfva\\\"])|([0-7]{1,3})|x([0-9A-Fa-f]{1,2})|(.))")
_LETTERS = dict(zip('ntbrfva\\"', '\n\t\b\r\f\v\a\\"', strict=True))


def _unescape(found: re.Match[str]) -> str:
    letter, octal, hexa, unknown = found.groups()
    if unknown is not None:
        raise ValueError(unknown)
    if letter is not None:
        return _LETTERS[letter]
    return chr(int(octal, 8) if octal is not None else int(hexa, 16))


def _unquote(token: str, line_no: int) -> str:
    """A quoted .po string. Not ast.literal_eval: each call of it left cyclic garbage
    (its nested functions), ~11,000 objects for one catalogue, freed only by the collector."""
    quoted = _STRING.match(token)
    try:
        if quoted is None:
            raise ValueError(token)
        return _ESCAPE.sub(_unescape, quoted.group(1))
    except ValueError:
        raise ValueError(f"translation catalogue: bad string on line {line_no}") from None


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
