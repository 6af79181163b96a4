"""The vault's own integrity and the coalition profile's signature (both need it unlocked)."""

from __future__ import annotations

from reporter.doctor.base import FAIL, OK, SKIPPED, WARN, Context, Result, Text
from reporter.errors import TestigoError

_LOCKED = Text("Skipped: it needs the passphrase, which was not given.")
_UNLOCK = Text("Run doctor again and type the passphrase when asked.")


def check_vault_integrity(ctx: Context) -> Result:
    """SQLCipher's check of every page's authentication code, then SQLite's own."""
    rid = "vault.integrity"
    if ctx.vault is None:
        if not (ctx.home / "vault.key").exists():
            return Result(rid, SKIPPED, Text("There is no vault yet."))
        return Result(rid, SKIPPED, _LOCKED, _UNLOCK)
    try:
        pages = ctx.vault.query("PRAGMA cipher_integrity_check")
        sqlite = ctx.vault.integrity_check()
    except TestigoError:
        pages, sqlite = [("unreadable",)], "unreadable"
    if pages or sqlite != "ok":
        return Result(
            rid,
            FAIL,
            Text(
                "The vault is damaged ({count} page(s) fail their check).",
                count=len(pages),
            ),
            Text(
                "Stop using this laptop's vault; copy the data folder as it is and ask for help "
                "(a backup can be restored)."
            ),
        )
    return Result(
        rid,
        OK,
        Text("The vault is whole: every page checks."),
    )


def check_profile(ctx: Context) -> Result:
    rid = "profile.signature"
    if ctx.vault is None:
        return Result(rid, SKIPPED, _LOCKED, _UNLOCK)
    from reporter.share.profile import current_profile

    try:
        profile = current_profile(ctx.vault)
    except TestigoError:
        return Result(
            rid,
            FAIL,
            Text("The coalition profile in the vault does not verify: it was changed or damaged."),
            Text(
                "Import the profile again from the coordinator (provision --profile FILE) and "
                "compare its fingerprint with them."
            ),
        )
    if profile is None:
        return Result(
            rid,
            WARN,
            Text("No coalition profile yet: nothing can be shared."),
            Text("Run provision --profile FILE with the coalition's profile."),
        )
    return Result(
        rid,
        OK,
        Text(
            "The profile of '{name}' verifies. Fingerprint: {fingerprint}.",
            name=profile.name,
            fingerprint=profile.fingerprint,
        ),
    )


CHECKS = [check_vault_integrity, check_profile]
