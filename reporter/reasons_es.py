"""Spanish for the reasons an invalid value is refused (InvalidField's ``reason``).

The reasons are written in English where they are raised, next to the check they describe;
the core's catalogue says each literal one in Spanish and this table the ones that carry a
value ("longer than 300 characters"), so the app and the CLI refuse in the reader's language.
A test finds every literal reason in the code and fails if one has no Spanish.
"""

from __future__ import annotations

import re

from reporter.i18n import catalogue, translator

# (English pattern, Spanish replacement) of the reasons that carry a value; patterns match
# the whole reason. Literal reasons are entries of the core's catalogue (reporter.i18n).
_REASONS: list[tuple[str, str]] = [
    (r"longer than (\d+) characters", r"más de \1 caracteres"),
    (r"more than (\d+) items", r"más de \1 elementos"),
    (r"unknown keys (.*); allowed: (.*)", r"claves desconocidas: \1; se admiten: \2"),
    (r"'(.*)' is not an INEGI code", r"'\1' no es una clave INEGI"),
    (r"cannot set (.*)", r"no se puede cambiar \1"),
    (r"larger than (\d+) MiB", r"mayor de \1 MiB"),
    (r"more than (\d+) municipalities", r"más de \1 municipios"),
    (r"one of (.*)", r"uno de: \1"),
    (r"this coalition uses (.*)", r"esta coalición usa \1"),
    (r"two names for (.*)", r"dos nombres para \1"),
    (r"unknown consent (.*)", r"consentimiento desconocido: \1"),
    (r"missing keys (.*)", r"faltan las claves: \1"),
    (r"must be a whole number from (\d+) to (\d+)", r"debe ser un número entero de \1 a \2"),
    (
        r"larger than (\d+) MiB, the most Testigo cleans",
        r"mide más de \1 MiB, lo máximo que Testigo limpia",
    ),
    (
        r"larger than (\d+) MiB unpacked, the most Testigo cleans",
        r"mide más de \1 MiB descomprimido, lo máximo que Testigo limpia",
    ),
    (r"at most (\d+) members", r"como máximo \1 miembros"),
    (r"(\w+) has the wrong length", r"\1 tiene una longitud incorrecta"),
    (r"(.+) is a short line of text", r"\1 es una línea corta de texto"),
    (r"(\w+) is a whole number", r"\1 es un número entero"),
    (r"(\w+) is base64", r"\1 va en base64"),
    (r"(\w+) is not valid base64", r"\1 no es base64 válido"),
    (r"from 1 to (\d+) hours", r"de 1 a \1 horas"),
]
_COMPILED = [(re.compile(pattern), spanish) for pattern, spanish in _REASONS]


def reason_es(reason: str) -> str:
    """The Spanish for ``reason``; an unknown one is returned as it is."""
    found = translator("es")(reason)
    if found != reason:
        return found
    for pattern, spanish in _COMPILED:
        match = pattern.fullmatch(reason)
        if match:
            return match.expand(spanish)
    return reason


def has_spanish(reason: str) -> bool:
    return reason in catalogue("es").entries or any(
        pattern.fullmatch(reason) for pattern, _ in _COMPILED
    )
