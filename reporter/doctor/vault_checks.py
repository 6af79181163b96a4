"""The vault's own integrity and the coalition profile's signature (both need it unlocked)."""

from __future__ import annotations

from reporter.doctor.base import FAIL, OK, SKIPPED, WARN, Context, Result, Text
from reporter.errors import TestigoError

_LOCKED = Text(
    "Skipped: it needs the passphrase, which was not given.",
    "Omitida: necesita la frase de paso, que no se dio.",
)
_UNLOCK = Text(
    "Run doctor again and type the passphrase when asked.",
    "Ejecute doctor de nuevo y escriba la frase de paso cuando se la pida.",
)


def check_vault_integrity(ctx: Context) -> Result:
    """SQLCipher's check of every page's authentication code, then SQLite's own."""
    rid = "vault.integrity"
    if ctx.vault is None:
        if not (ctx.home / "vault.key").exists():
            return Result(rid, SKIPPED, Text("There is no vault yet.", "Todavía no hay bóveda."))
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
                f"The vault is damaged ({len(pages)} page(s) fail their check).",
                f"La bóveda está dañada ({len(pages)} página(s) no pasan la comprobación).",
            ),
            Text(
                "Stop using this laptop's vault; copy the data folder as it is and ask for help "
                "(a backup can be restored).",
                "Deje de usar esta bóveda; copie la carpeta de datos tal como está y pida ayuda "
                "(se puede restaurar una copia de seguridad).",
            ),
        )
    return Result(
        rid,
        OK,
        Text(
            "The vault is whole: every page checks.",
            "La bóveda está íntegra: todas las páginas se comprueban.",
        ),
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
            Text(
                "The coalition profile in the vault does not verify: it was changed or damaged.",
                "El perfil de la coalición en la bóveda no se verifica: fue alterado o está "
                "dañado.",
            ),
            Text(
                "Import the profile again from the coordinator (provision --profile FILE) and "
                "compare its fingerprint with them.",
                "Importe de nuevo el perfil que le dio la coordinación (provision --profile "
                "ARCHIVO) y compare la huella con ellos.",
            ),
        )
    if profile is None:
        return Result(
            rid,
            WARN,
            Text(
                "No coalition profile yet: nothing can be shared.",
                "Aún no hay perfil de coalición: no se puede compartir nada.",
            ),
            Text(
                "Run provision --profile FILE with the coalition's profile.",
                "Ejecute provision --profile ARCHIVO con el perfil de la coalición.",
            ),
        )
    return Result(
        rid,
        OK,
        Text(
            f"The profile of '{profile.name}' verifies. Fingerprint: {profile.fingerprint}.",
            f"El perfil de '{profile.name}' se verifica. Huella: {profile.fingerprint}.",
        ),
    )


CHECKS = [check_vault_integrity, check_profile]
