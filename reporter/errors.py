"""One exception hierarchy for the whole core.

Every error carries a stable ``code`` (scripts and the UI key on it), an exit status for the
CLI, and a message that is safe to show: it never contains incident text, passphrases or keys.
Messages are written in English (``en``, the msgid) and shown in the user's language from the
core's catalogue (``reporter.i18n``; ``es`` stays as the fallback of a class not yet in it),
details too; ``params`` hold only safe values (codes, counts, field names, limits).
"""

from __future__ import annotations

from typing import Any, ClassVar

from reporter.i18n import SOURCE_LANGUAGE, translator

# Exit statuses of testigo-cli (documented in README.md; scripts rely on them).
EXIT_USAGE = 2
EXIT_AUTH = 3
EXIT_NOT_FOUND = 4
EXIT_INVALID = 5
EXIT_IO = 6
EXIT_CONFLICT = 7
EXIT_NETWORK = 8
EXIT_INTEGRITY = 9
EXIT_UNAVAILABLE = 10


class TestigoError(Exception):
    """Base of every error the core raises on purpose."""

    __test__ = False  # not a pytest test class, despite the name
    code: ClassVar[str] = "error"
    exit_code: ClassVar[int] = 1
    en: ClassVar[str] = "Something went wrong."
    es: ClassVar[str] = "Algo salió mal."

    def __init__(self, detail: str | None = None, **params: Any) -> None:
        self.detail = detail
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        tr = translator(lang)
        template = self.template(lang)
        try:
            text = template.format(**self.params_in(lang))
        except (KeyError, IndexError, ValueError):
            text = template
        if self.detail:
            text = f"{text} ({tr(self.detail)})"
        return text

    def template(self, lang: str) -> str:
        """The message in ``lang`` from the core's catalogue (msgid: ``en``); a class not yet
        in it falls back to its own ``es``."""
        if lang.startswith(SOURCE_LANGUAGE):
            return self.en
        found = translator(lang)(self.en)
        if found == self.en and lang.startswith("es"):
            return self.es
        return found

    def params_in(self, lang: str) -> dict[str, Any]:
        """The params as the message in ``lang`` shows them (English text is translated)."""
        return self.params

    def to_json(self) -> dict[str, Any]:
        return {"error": self.code, "message": self.message("en")}


def error_from(
    code: str, params: dict[str, Any] | None = None, detail: str | None = None
) -> TestigoError:
    """Rebuild a stored error (its code and safe params) to show it in any language."""
    classes: list[type[TestigoError]] = [TestigoError]
    while classes:
        cls = classes.pop()
        if cls.code == code:
            return cls(detail, **(params or {}))
        classes.extend(cls.__subclasses__())
    return TestigoError(detail)


# --- usage and input -------------------------------------------------------------------
class UsageError(TestigoError):
    code = "usage"
    exit_code = EXIT_USAGE
    en = "Invalid usage."
    es = "Uso no válido."


class InvalidInput(TestigoError):
    code = "invalid_input"
    exit_code = EXIT_INVALID
    en = "Invalid input."
    es = "Datos no válidos."


class InvalidCode(InvalidInput):
    code = "invalid_code"
    en = "Unknown {kind} code '{value}'. Valid codes: {valid}."
    es = "Código de {kind} desconocido '{value}'. Códigos válidos: {valid}."


class InvalidField(InvalidInput):
    code = "invalid_field"
    en = "Invalid value for '{field}': {reason}."
    es = "Valor no válido para '{field}': {reason}."

    def params_in(self, lang: str) -> dict[str, Any]:
        if lang.startswith("es") and isinstance(self.params.get("reason"), str):
            from reporter.reasons_es import reason_es

            return {**self.params, "reason": reason_es(self.params["reason"])}
        return self.params


class WeakPassphrase(InvalidInput):
    code = "weak_passphrase"
    en = "Passphrase refused: {reason}."
    es = "Frase de contraseña rechazada: {reason_es}."


class TooLarge(InvalidInput):
    code = "too_large"
    en = "Input is too large (limit {limit})."
    es = "La entrada es demasiado grande (límite {limit})."


class DraftNotConfirmed(UsageError):
    """A draft is shared only when the person says so: it may not be ready to leave."""

    code = "draft_not_confirmed"
    en = "Incident {id} is still a draft: check it, then share it with --yes."
    es = "El incidente {id} sigue siendo un borrador: revíselo y compártalo con --yes."


# --- vault -----------------------------------------------------------------------------
class WrongPassphrase(TestigoError):
    code = "wrong_passphrase"
    exit_code = EXIT_AUTH
    en = "Wrong passphrase."
    es = "Frase de contraseña incorrecta."


class VaultNotFound(TestigoError):
    code = "vault_not_found"
    exit_code = EXIT_NOT_FOUND
    en = "No vault here. Create one with 'testigo-cli init'."
    es = "No hay bóveda aquí. Cree una con 'testigo-cli init'."


class VaultExists(TestigoError):
    code = "vault_exists"
    exit_code = EXIT_CONFLICT
    en = "A vault already exists here; it was left untouched."
    es = "Ya existe una bóveda aquí; no se modificó."


class VaultCorrupt(TestigoError):
    code = "vault_corrupt"
    exit_code = EXIT_INTEGRITY
    en = "The vault files are damaged or are not a Testigo vault; nothing was changed."
    es = (
        "Los archivos de la bóveda están dañados o no son una bóveda de Testigo; no se cambió nada."
    )


class VaultLocked(TestigoError):
    code = "vault_locked"
    exit_code = EXIT_CONFLICT
    en = "The vault is in use by another Testigo process."
    es = "La bóveda está en uso por otro proceso de Testigo."


class NotFound(TestigoError):
    code = "not_found"
    exit_code = EXIT_NOT_FOUND
    en = "Not found: {what}."
    es = "No encontrado: {what}."

    def params_in(self, lang: str) -> dict[str, Any]:
        """``what`` is English text of the code ("incident"): the catalogue says it."""
        what = self.params.get("what")
        if isinstance(what, str):
            return {**self.params, "what": translator(lang)(what)}
        return self.params


class StorageError(TestigoError):
    code = "io_error"
    exit_code = EXIT_IO
    en = "Could not read or write the files ({reason}). Nothing was changed."
    es = "No se pudieron leer o escribir los archivos ({reason}). No se cambió nada."


class DiskFull(StorageError):
    code = "disk_full"
    en = "The disk is full. Nothing was changed."
    es = "El disco está lleno. No se cambió nada."


class ReadOnlyStorage(StorageError):
    """The data folder is on a read-only disk or mount: reading works, saving cannot."""

    code = "read_only"
    en = (
        "The data folder is read-only, so nothing can be saved; the vault can still be"
        " read. Nothing was changed."
    )
    es = (
        "La carpeta de datos es de solo lectura, así que no se puede guardar nada; la bóveda"
        " se puede leer. No se cambió nada."
    )


class Conflict(TestigoError):
    code = "conflict"
    exit_code = EXIT_CONFLICT
    en = "Conflict: {reason}."
    es = "Conflicto: {reason}."


class Cancelled(TestigoError):
    code = "cancelled"
    exit_code = 1
    en = "Cancelled."
    es = "Cancelado."


class IncidentOwnedElsewhere(Conflict):
    """A bundle names an incident another device sent first: never let it replace that one."""

    code = "incident_owned_elsewhere"
    en = (
        "Incident {incident_id} was first sent by another device ({owner}); the bundle of"
        " device {sender} was refused."
    )
    es = (
        "El incidente {incident_id} lo envió primero otro dispositivo ({owner}); se rechazó el"
        " paquete del dispositivo {sender}."
    )


class BadTransition(Conflict):
    """A triage move the report's current state does not allow (issue 13): exit 7."""

    code = "bad_transition"
    en = (
        "A report whose {question} is '{current}' cannot move to '{requested}'; from there:"
        " {allowed}."
    )
    es = (
        "Un reporte con {question} '{current}' no puede pasar a '{requested}'; desde ahí:"
        " {allowed}."
    )

    def params_in(self, lang: str) -> dict[str, Any]:
        if lang.startswith("es"):
            return {
                **self.params,
                "question": {"review": "revisión"}.get(
                    str(self.params.get("question")), self.params.get("question")
                ),
            }
        return self.params


# --- crypto, formats, trust ------------------------------------------------------------
class IntegrityError(TestigoError):
    """Data failed authentication or verification: tampered, truncated or forged."""

    code = "integrity"
    exit_code = EXIT_INTEGRITY
    en = "The data failed verification ({reason}); nothing was imported."
    es = "Los datos no pasaron la verificación ({reason}); no se importó nada."


class NoMatchingIdentity(IntegrityError):
    """None of the keys at hand opens the file: it was sent to someone else."""

    code = "no_match"
    en = "None of the available keys can open this file."
    es = "Ninguna de las claves disponibles puede abrir este archivo."


class FormatError(TestigoError):
    """Malformed input: it does not parse as the format it claims to be."""

    code = "format"
    exit_code = EXIT_INVALID
    en = "Malformed {what}: {reason}."
    es = "{what} mal formado: {reason}."


class UntrustedKey(TestigoError):
    code = "untrusted_key"
    exit_code = EXIT_INTEGRITY
    en = "Signed by a key that is not trusted ({reason})."
    es = "Firmado por una clave que no es de confianza ({reason})."


class Unavailable(TestigoError):
    code = "unavailable"
    exit_code = EXIT_UNAVAILABLE
    en = "Not available on this system: {what}."
    es = "No disponible en este sistema: {what}."


class UnprocessableBundle(TestigoError):
    """Reading a received bundle failed in a way no check foresaw: it is refused, not retried."""

    code = "unprocessable_bundle"
    exit_code = EXIT_INTEGRITY
    en = "The bundle could not be processed ({kind}); nothing of it was imported."
    es = "No se pudo procesar el paquete ({kind}); no se importó nada de él."


class _ReasonInSpanish(TestigoError):
    """Shows its English ``reason`` (and ``what``) in Spanish through reasons_es."""

    _WHAT_ES: ClassVar[dict[str, str]] = {
        "public key": "clave pública",
        "secret key": "clave secreta",
        "signature": "firma",
        "trusted comment": "comentario de confianza",
        "file": "archivo",
    }

    def params_in(self, lang: str) -> dict[str, Any]:
        if not lang.startswith("es"):
            return self.params
        from reporter.reasons_es import reason_es

        params = dict(self.params)
        if isinstance(params.get("reason"), str):
            params["reason"] = reason_es(params["reason"])
        if isinstance(params.get("what"), str):
            params["what"] = self._WHAT_ES.get(params["what"], params["what"])
        return params


class BadReleaseSignature(_ReasonInSpanish):
    """A release file is not what the release key signed: changed, or signed by another key."""

    code = "bad_release_signature"
    exit_code = EXIT_INTEGRITY
    en = "The file does NOT verify ({reason}): do not install or run it."
    es = "El archivo NO pasa la verificación ({reason}): no lo instale ni lo ejecute."


class MalformedReleaseFile(_ReasonInSpanish):
    """A key or signature file that is not in minisign's format."""

    code = "malformed_release_file"
    exit_code = EXIT_INVALID
    en = "Not a valid minisign {what}: {reason}."
    es = "No está en el formato de minisign ({what}): {reason}."


class PacketMismatch(_ReasonInSpanish):
    """An evidence packet is not what the coalition signed: changed, missing or added files."""

    code = "packet_mismatch"
    exit_code = EXIT_INTEGRITY
    en = "The evidence packet does not verify: {reason} ({file})."
    es = "El paquete de evidencia no pasa la verificación: {reason} ({file})."


class EpochExpired(IntegrityError):
    """A bundle sealed to an old coalition key epoch after that epoch's grace period."""

    code = "epoch_expired"
    en = (
        "The bundle was sealed to the coalition's old key (epoch {epoch}), accepted only"
        " until {accepted_until}; it was refused."
    )
    es = (
        "El paquete se cifró con la clave anterior de la coalición (época {epoch}), que se"
        " aceptaba solo hasta {accepted_until}; se rechazó."
    )


class ReceiptFileRefused(_ReasonInSpanish):
    """A receipt file brought back by hand that is not a coalition receipt for this outbox."""

    code = "receipt_file_refused"
    exit_code = EXIT_INTEGRITY
    en = "{file}: refused ({reason}); nothing was changed."
    es = "{file}: rechazado ({reason}); no se cambió nada."


# --- network ---------------------------------------------------------------------------
class NetworkError(TestigoError):
    code = "network"
    exit_code = EXIT_NETWORK
    en = "Could not reach the relay ({reason})."
    es = "No se pudo contactar con el servidor de relevo ({reason})."


class WrongReceipt(TestigoError):
    code = "wrong_receipt"
    exit_code = EXIT_INTEGRITY
    en = "A receipt for another bundle was refused."
    es = "Se rechazó un acuse de recibo de otro paquete."


class PinMismatch(NetworkError):
    code = "pin_mismatch"
    en = "The relay's TLS key does not match the coalition profile; nothing was sent."
    es = (
        "La clave TLS del servidor de relevo no coincide con el perfil de la coalición;"
        " no se envió nada."
    )


class RelayRefused(NetworkError):
    code = "relay_refused"
    en = "The relay refused the request ({reason})."
    es = "El servidor de relevo rechazó la solicitud ({reason})."


class DownloadMismatch(NetworkError):
    """The relay served bytes that are not the ones it was sent (a lying relay or a bad disk)."""

    code = "download_mismatch"
    en = "The relay's copy of a bundle does not match its size and hash."
    es = "La copia de un paquete en el servidor de relevo no coincide con su tamaño y su hash."


class PortInUse(NetworkError):
    code = "port_in_use"
    en = "Cannot listen on {host}:{port}: another program is using that port."
    es = "No se puede escuchar en {host}:{port}: otro programa está usando ese puerto."


class CannotListen(NetworkError):
    code = "cannot_listen"
    en = "Cannot listen on {host}:{port} ({reason})."
    es = "No se puede escuchar en {host}:{port} ({reason})."


class CannotClean(_ReasonInSpanish, Unavailable):
    """A file would leave with metadata Testigo cannot remove: refused, never sent dirty."""

    code = "cannot_clean"
    exit_code = EXIT_UNAVAILABLE
    en = "A {kind} file cannot be shared: {reason}. Nothing was shared."
    es = "No se puede compartir un archivo {kind}: {reason}. No se compartió nada."


class OriginalKept(_ReasonInSpanish, IntegrityError):
    """Import-and-delete found the vault's copy unproven: the original stays, nothing added."""

    code = "original_kept"
    en = "The original file was kept and nothing was attached: {reason}."
    es = "Se conservó el archivo original y no se adjuntó nada: {reason}."


class UnknownCoordinator(TestigoError):
    """`relay coordinators remove` named a pseudonym that is not an enrolled coordinator."""

    code = "unknown_coordinator"
    exit_code = EXIT_NOT_FOUND
    en = "No coordinator {pseudonym} is enrolled on this relay; nothing was changed."
    es = (
        "No hay ningún coordinador {pseudonym} inscrito en este servidor de relevo;"
        " no se cambió nada."
    )
