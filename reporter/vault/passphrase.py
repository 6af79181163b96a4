"""Which passphrases we accept, and how strong a passphrase looks (for the app's meter).

A refused passphrase always comes with the reason, in words a person can act on.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from reporter.errors import WeakPassphrase
from reporter.i18n import N_, fill, translator

MIN_LENGTH = 10
_SEQUENCES = (
    "0123456789012345678901234567890",
    "9876543210987654321098765432109",
    "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz",
    "zyxwvutsrqponmlkjihgfedcbazyxwvutsrqponmlkjihgfedcba",
    "qwertyuiopasdfghjklzxcvbnmqwertyuiop",
    "qwertzuiopasdfghjklyxcvbnm",
    "azertyuiopqsdfghjklmwxcvbn",
)
# Common choices in English and Spanish, and words from this app's own context.
_COMMON = {
    "password",
    "passw0rd",
    "contraseña",
    "contrasena",
    "iloveyou",
    "teamo",
    "teamomucho",
    "admin",
    "administrator",
    "administrador",
    "welcome",
    "bienvenido",
    "letmein",
    "secret",
    "secreto",
    "testigo",
    "pegasus",
    "mexico",
    "méxico",
    "periodista",
    "activista",
    "derechoshumanos",
    "football",
    "futbol",
    "princess",
    "princesa",
    "monkey",
    "dragon",
    "sunshine",
    "superman",
    "batman",
    "trustno1",
    "abc123",
    "qwerty",
    "changeme",
}


@dataclass(frozen=True)
class Assessment:
    ok: bool
    score: int  # 0 (refused) .. 4 (strong)
    reason: str  # the English msgid, its values in {placeholders}
    bits: float
    values: dict[str, Any] = field(default_factory=dict)

    def reason_in(self, lang: str) -> str:
        return fill(translator(lang)(self.reason), self.values)


def _charset_size(text: str) -> int:
    size = 0
    if re.search(r"[a-z]", text):
        size += 26
    if re.search(r"[A-Z]", text):
        size += 26
    if re.search(r"\d", text):
        size += 10
    if re.search(r"[^A-Za-z0-9]", text):
        size += 33
    return max(size, 1)


def _is_sequence(text: str) -> bool:
    low = text.lower()
    return any(low in seq for seq in _SEQUENCES)


def _is_repetition(text: str) -> bool:
    for size in range(1, len(text) // 2 + 1):
        unit = text[:size]
        if unit * (len(text) // size) + unit[: len(text) % size] == text:
            return True
    return False


def assess(passphrase: str) -> Assessment:
    """Pure and fast: the app calls it on every keystroke."""
    text = passphrase
    stripped = re.sub(r"[\W_\d]+", "", text.lower())
    if len(text) < MIN_LENGTH:
        return Assessment(
            False, 0, N_("use at least {limit} characters"), 0.0, {"limit": MIN_LENGTH}
        )
    if text.strip() != text:
        return Assessment(False, 0, N_("it starts or ends with a space"), 0.0)
    if _is_repetition(text) or len(set(text)) < 4:
        return Assessment(False, 0, N_("it repeats too few characters"), 0.0)
    if _is_sequence(text):
        return Assessment(False, 0, N_("it is a keyboard or number sequence"), 0.0)
    if (
        text.lower() in _COMMON
        or stripped in _COMMON
        or (
            stripped
            and any(
                stripped == w or (stripped.startswith(w) and len(stripped) - len(w) < 3)
                for w in _COMMON
            )
        )
    ):
        return Assessment(False, 0, N_("it is a common password with small changes"), 0.0)
    bits = len(text) * math.log2(_charset_size(text)) * (len(set(text)) / len(text)) ** 0.5
    words = len(re.findall(r"[^\W\d_]{3,}", text))
    if words >= 4:
        bits = max(bits, 11.0 * words)  # a diceware-style phrase
    score = 1 if bits < 45 else 2 if bits < 60 else 3 if bits < 80 else 4
    reason = [
        N_("weak but accepted; a longer phrase of several words is better"),
        N_("fair"),
        N_("good"),
        N_("strong"),
    ][score - 1]
    return Assessment(True, score, reason, bits)


def check(passphrase: str) -> None:
    result = assess(passphrase)
    if not result.ok:
        raise WeakPassphrase(reason=result.reason, **result.values)
