"""The coordinator who rotates the coalition key: what reaches the others and the devices.

`coalition rotate` writes the new epoch into the coalition folder; then this vault takes the
epoch keys itself, queues them for the roster's active coordinators (sealed when pushed, so a
coordinator removed before then never gets them) and publishes the signed profile on the relay
for devices. Publishing again is harmless: the same epoch keys change nothing a second time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reporter.age import X25519Recipient
from reporter.coordination.epoch_keys import (
    KIND,
    MAX_OBJECT,
    accept_epoch_keys,
    epoch_keys_object,
    object_fields,
)
from reporter.coordination.exchange import exchange, open_object, queue_object, seal
from reporter.errors import InvalidInput, NetworkError, TooLarge, UntrustedKey
from reporter.relay_client.settings import relay_settings
from reporter.relay_client.transport import RelayClient
from reporter.share.coalition import CoalitionKeys
from reporter.share.profile import CoalitionProfile, current_profile
from reporter.vault.vault import Vault


@dataclass
class Publication:
    epoch: int
    profile_published: bool = False
    objects_sent: int = 0
    skipped: str | None = None  # why the epoch keys were not sent (no roster, not a member)
    error: str | None = None  # the relay could not be reached: publish again later

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


def check_same_coalition(vault: Vault, keys: CoalitionKeys) -> None:
    """Before anything changes: this vault must be a coordinator vault of that coalition."""
    trusted = current_profile(vault)
    if vault.role != "coordinator" or trusted is None:
        raise UntrustedKey(reason="epoch keys belong in a coordinator vault")
    if trusted.signing_public_key != keys.profile.signing_public_key:
        raise UntrustedKey(reason="these epoch keys are not signed by this vault's coalition")


def publish_epoch(vault: Vault, keys: CoalitionKeys, relay: bool = True) -> Publication:
    """Take the epoch keys here, queue them for the roster, publish the profile on the relay."""
    check_same_coalition(vault, keys)
    obj = epoch_keys_object(keys)
    accept_epoch_keys(vault, obj)
    queue_object(vault, KIND, object_fields(obj))
    report = Publication(keys.profile.epoch)
    if not relay or vault.get_meta("relay_credential") is None:
        report.skipped = "not enrolled at a relay"
        return report
    url, pin, credential = relay_settings(vault)
    client = RelayClient(url, tls_pin=pin, credential=credential)
    try:
        client.put_profile(keys.profile.raw)
        report.profile_published = True
        sent = exchange(vault, client)
        report.objects_sent, report.skipped = sent.sent, sent.skipped
    except NetworkError as exc:
        report.error = exc.code
    finally:
        client.close()
    return report


def seal_for(obj: dict[str, Any], recipients: Sequence[X25519Recipient]) -> bytes:
    """The offline file: the object sealed to these coordinators only, padded."""
    if not recipients:
        raise InvalidInput("no coordinator card to seal the epoch keys to")
    return seal(KIND, object_fields(obj), list(recipients))


def import_file(vault: Vault, data: bytes) -> CoalitionProfile:
    """`coordination keys import FILE`: open it with this vault's coordinator identity."""
    if len(data) > MAX_OBJECT:
        raise TooLarge(limit="1 MiB")
    return accept_epoch_keys(vault, open_object(vault, data))
