"""Technical indicators (STIX-typed values) and their validation.

Indicators are the part of a record other tools consume (MVT, STIX feeds), so a value is
normalised here once (lower-case hashes and domains, E.164-like phone numbers) and a bad one is
refused with the reason, never stored.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from reporter.errors import InvalidField

_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_TLD = re.compile(r"^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$")
_EMAIL_LOCAL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}$")
_HEX = re.compile(r"^[0-9a-f]+$")
_APP_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)+$")
_HASH_LENGTHS = {32: "MD5", 40: "SHA-1", 64: "SHA-256", 128: "SHA-512"}


def _bad(reason: str) -> InvalidField:
    return InvalidField(field="indicator", reason=reason)


def normalize_domain(value: str) -> str:
    text = value.strip().rstrip(".").lower()
    try:
        ascii_name = text.encode("idna").decode("ascii") if text else ""
    except UnicodeError:
        raise _bad("not a valid domain name") from None
    labels = ascii_name.split(".")
    if len(ascii_name) > 253 or len(labels) < 2:
        raise _bad("a domain needs at least a name and a top-level domain")
    if not all(_LABEL.match(label) for label in labels) or not _TLD.match(labels[-1]):
        raise _bad("not a valid domain name")
    return ascii_name


def normalize_url(value: str) -> str:
    text = value.strip()
    if len(text) > 2048 or any(c.isspace() for c in text):
        raise _bad("not a valid URL")
    parts = urlsplit(text)
    if parts.scheme.lower() not in {"http", "https", "ftp"} or not parts.hostname:
        raise _bad("a URL must start with http:// or https:// and name a host")
    host = parts.hostname
    if not re.match(r"^[0-9.]+$|^\[?[0-9a-f:]+\]?$", host):
        normalize_domain(host)
    # Scheme and host are case-insensitive; the path is evidence and is kept exactly.
    netloc = parts.netloc if "@" in parts.netloc else parts.netloc.lower()
    return parts._replace(scheme=parts.scheme.lower(), netloc=netloc).geturl()


def normalize_email(value: str) -> str:
    text = value.strip()
    local, sep, domain = text.rpartition("@")
    if not sep or not _EMAIL_LOCAL.match(local):
        raise _bad("not a valid e-mail address")
    return f"{local}@{normalize_domain(domain)}"


def normalize_phone(value: str) -> str:
    text = value.strip()
    if not re.fullmatch(r"\+?[0-9 ().-]{7,25}", text):
        raise _bad("a phone number has 7 to 15 digits, optionally with a leading +")
    digits = re.sub(r"\D", "", text)
    if not 7 <= len(digits) <= 15:
        raise _bad("a phone number has 7 to 15 digits, optionally with a leading +")
    return ("+" if text.startswith("+") else "") + digits


def normalize_hash(value: str) -> str:
    text = value.strip().lower()
    if not _HEX.match(text) or len(text) not in _HASH_LENGTHS:
        raise _bad("a file hash is hexadecimal MD5, SHA-1, SHA-256 or SHA-512")
    return text


def normalize_process(value: str) -> str:
    text = value.strip()
    if not text or len(text) > 255 or "/" in text or not text.isprintable():
        raise _bad("a process name is printable text without '/'")
    return text


def normalize_app_id(value: str) -> str:
    text = value.strip()
    if len(text) > 255 or not _APP_ID.match(text):
        raise _bad("an app identifier looks like com.example.app")
    return text


NORMALIZERS = {
    "domain-name": normalize_domain,
    "url": normalize_url,
    "email-addr": normalize_email,
    "phone-number": normalize_phone,
    "file-hash": normalize_hash,
    "process-name": normalize_process,
    "app-id": normalize_app_id,
}


def hash_algorithm(value: str) -> str:
    return _HASH_LENGTHS[len(value)]


def normalize_indicator(kind: str, value: str) -> str:
    try:
        normalizer = NORMALIZERS[kind]
    except KeyError:
        raise InvalidField(
            field="indicator.type", reason="one of {allowed}", allowed=", ".join(NORMALIZERS)
        ) from None
    if not isinstance(value, str) or not value.strip():
        raise _bad("the value is empty")
    return normalizer(value)
