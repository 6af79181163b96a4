"""What a coordinator can ask: template questions (by code, shown in the reader's language),
free text, and requests to share more, each mapped to the consent that shares it.

Templates travel as codes, not text, so a reporter reads them in their own language and a
question's size says nothing about its wording.
"""

from __future__ import annotations

from reporter.i18n import N_, translator

# code -> its msgid, shown in the reader's language. Codes are stable: a device refuses a
# code it does not know.
TEMPLATES: dict[str, str] = {
    "when_exactly": N_("When exactly did it happen?"),
    "which_municipality": N_("In which municipality did it happen?"),
    "share_screenshot": N_("Can you share the screenshot or file that shows it?"),
    "still_happening": N_("Is it still happening?"),
    "others_affected": N_("Did it also happen to other people you know?"),
    "device_checked": N_("Has the device been checked for spyware?"),
    "need_support": N_("Are you safe now? Would you like to be put in touch with support?"),
}

# request code -> the incident consent that shares it
REQUESTS: dict[str, str] = {
    "day": "share_exact_date",
    "municipality": "share_municipality",
    "file": "share_attachments",
}
REQUEST_LABELS: dict[str, str] = {
    "day": N_("the exact day"),
    "municipality": N_("the municipality"),
    "file": N_("a file (screenshot, photo, document)"),
}

MAX_QUESTION_TEXT = 1000  # characters of a free-text question
MAX_ANSWER_TEXT = 2000  # characters of an answer
MAX_ANSWERS = 20  # answers one shared record carries


def template_text(code: str, lang: str) -> str:
    return translator(lang)(TEMPLATES[code])


def request_label(code: str, lang: str) -> str:
    return translator(lang)(REQUEST_LABELS[code])


def question_text(template: str | None, text: str | None, lang: str) -> str:
    """What the reader sees as the question (a template in their language, or the text)."""
    if template:
        return template_text(template, lang) if template in TEMPLATES else template
    return text or ""
