"""Which relay this vault talks to, with which pin and credential.

Every exchange that reaches the relay (the outbox's sync, the coordinators' channel, questions,
a key rotation, the doctor) starts here, so it lives with the client, not in any of them.
"""

from __future__ import annotations

from reporter.errors import NotFound
from reporter.share.profile import current_profile
from reporter.vault.vault import Vault


def relay_settings(vault: Vault) -> tuple[str, str | None, str | None]:
    """(relay URL, TLS pin, credential) from enrollment and the coalition profile."""
    url = vault.get_meta("relay_url")
    profile = current_profile(vault)
    if url is None:
        if profile is None:
            raise NotFound(what="relay (import a coalition profile, then enroll)")
        url = profile.relays[0]
    pin = profile.tls_pin if profile is not None else vault.get_meta("relay_pin")
    return url, pin, vault.get_meta("relay_credential")
