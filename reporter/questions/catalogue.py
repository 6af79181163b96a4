"""What a coordinator can ask: template questions (by code, shown in the reader's language),
free text, and requests to share more, each mapped to the consent that shares it.

Templates travel as codes, not text, so a reporter reads them in their own language and a
question's size says nothing about its wording.
"""

from __future__ import annotations

# code -> (English, Spanish). Codes are stable: a device refuses a code it does not know.
TEMPLATES: dict[str, tuple[str, str]] = {
    "when_exactly": ("When exactly did it happen?", "¿Cuándo ocurrió exactamente?"),
    "which_municipality": (
        "In which municipality did it happen?",
        "¿En qué municipio ocurrió?",
    ),
    "share_screenshot": (
        "Can you share the screenshot or file that shows it?",
        "¿Puede compartir la captura de pantalla o el archivo que lo muestra?",
    ),
    "still_happening": ("Is it still happening?", "¿Sigue ocurriendo?"),
    "others_affected": (
        "Did it also happen to other people you know?",
        "¿Le pasó también a otras personas que conoce?",
    ),
    "device_checked": (
        "Has the device been checked for spyware?",
        "¿Ya se revisó el dispositivo en busca de software espía?",
    ),
    "need_support": (
        "Are you safe now? Would you like to be put in touch with support?",
        "¿Está a salvo ahora? ¿Quiere que le pongamos en contacto con apoyo?",
    ),
}

# request code -> the incident consent that shares it
REQUESTS: dict[str, str] = {
    "day": "share_exact_date",
    "municipality": "share_municipality",
    "file": "share_attachments",
}
REQUEST_LABELS: dict[str, tuple[str, str]] = {
    "day": ("the exact day", "el día exacto"),
    "municipality": ("the municipality", "el municipio"),
    "file": ("a file (screenshot, photo, document)", "un archivo (captura, foto, documento)"),
}

MAX_QUESTION_TEXT = 1000  # characters of a free-text question
MAX_ANSWER_TEXT = 2000  # characters of an answer
MAX_ANSWERS = 20  # answers one shared record carries


def template_text(code: str, lang: str) -> str:
    en, es = TEMPLATES[code]
    return es if lang == "es" else en


def request_label(code: str, lang: str) -> str:
    en, es = REQUEST_LABELS[code]
    return es if lang == "es" else en


def question_text(template: str | None, text: str | None, lang: str) -> str:
    """What the reader sees as the question (a template in their language, or the text)."""
    if template:
        return template_text(template, lang) if template in TEMPLATES else template
    return text or ""
