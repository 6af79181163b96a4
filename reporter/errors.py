"""One exception hierarchy for the whole core.

Every error carries a stable ``code`` (scripts and the UI key on it), an exit status for the
CLI, and a message that is safe to show: it never contains incident text, passphrases or keys.
Messages are written in English (``en``, the msgid) and shown in the user's language from the
core's catalogues (``reporter.i18n``), details and reasons too; ``params`` hold only safe
values (codes, counts, field names, limits). A reason that carries a value is a template
filled from the params after translation: ``InvalidField(field="title",
reason="longer than {limit} characters", limit=300)``.
"""

from __future__ import annotations

from typing import Any, ClassVar

from reporter.i18n import fill, translator

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

    # The params that are English text of the code (msgids, e.g. the reason a value is
    # refused): shown translated, their own {placeholders} filled from the other params.
    texts: ClassVar[tuple[str, ...]] = ("reason",)

    def __init__(self, detail: str | None = None, **params: Any) -> None:
        self.detail = detail
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        tr = translator(lang)
        text = fill(tr(self.en), self.params_in(lang))
        if self.detail:
            text = f"{text} ({fill(tr(self.detail), self.params)})"
        return text

    def params_in(self, lang: str) -> dict[str, Any]:
        """The params as the message in ``lang`` shows them (English text is translated)."""
        tr = translator(lang)
        shown = dict(self.params)
        for name in self.texts:
            value = self.params.get(name)
            if isinstance(value, str):
                shown[name] = fill(tr(value), self.params)
        return shown

    def reason_in(self, lang: str) -> str:
        """Its reason alone, as ``message(lang)`` shows it ("" if it has none)."""
        return str(self.params_in(lang).get("reason", ""))

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


class InvalidInput(TestigoError):
    code = "invalid_input"
    exit_code = EXIT_INVALID
    en = "Invalid input."


class InvalidCode(InvalidInput):
    code = "invalid_code"
    en = "Unknown {kind} code '{value}'. Valid codes: {valid}."


class InvalidField(InvalidInput):
    code = "invalid_field"
    en = "Invalid value for '{field}': {reason}."


class WeakPassphrase(InvalidInput):
    code = "weak_passphrase"
    en = "Passphrase refused: {reason}."


class TooLarge(InvalidInput):
    code = "too_large"
    en = "Input is too large (limit {limit})."


class DraftNotConfirmed(UsageError):
    """A draft is shared only when the person says so: it may not be ready to leave."""

    code = "draft_not_confirmed"
    en = "Incident {id} is still a draft: check it, then share it with --yes."


class ImageTooLarge(TooLarge):
    """A picture whose header promises more pixels than memory should hold (a decompression
    bomb of a few KB can claim 60000 x 60000): refused before anything is decoded."""

    code = "image_too_large"
    en = (
        "This picture is too large to show ({width} × {height} pixels; the limit is {limit}"
        " megapixels). Nothing was opened."
    )


class BadProxy(InvalidInput):
    """A proxy typo must not silently mean "direct": the choice is refused, nothing changes."""

    code = "bad_proxy"
    en = (
        "Not a SOCKS proxy address: write socks5h://host:port (Tor: socks5h://127.0.0.1:9050)."
        " Nothing was changed."
    )


class PictureFileTooLarge(TooLarge):
    """A picture is read whole to be decoded: a file this large is refused before any of it
    is decrypted (extracting it streams it instead)."""

    code = "picture_file_too_large"
    en = (
        "This picture file is too large to show here ({size} MB; the limit is {limit} MB)."
        " Nothing was opened: use Extract… to save a copy where you choose."
    )


# --- vault -----------------------------------------------------------------------------
class WrongPassphrase(TestigoError):
    code = "wrong_passphrase"
    exit_code = EXIT_AUTH
    en = "Wrong passphrase."


class VaultNotFound(TestigoError):
    code = "vault_not_found"
    exit_code = EXIT_NOT_FOUND
    en = "No vault here. Create one with 'testigo-cli init'."


class VaultExists(TestigoError):
    code = "vault_exists"
    exit_code = EXIT_CONFLICT
    en = "A vault already exists here; it was left untouched."


class VaultCorrupt(TestigoError):
    code = "vault_corrupt"
    exit_code = EXIT_INTEGRITY
    en = "The vault files are damaged or are not a Testigo vault; nothing was changed."


class VaultLocked(TestigoError):
    code = "vault_locked"
    exit_code = EXIT_CONFLICT
    en = "The vault is in use by another Testigo process."


class NotFound(TestigoError):
    code = "not_found"
    exit_code = EXIT_NOT_FOUND
    en = "Not found: {what}."

    texts = ("what",)  # English text of the code ("incident"): the catalogue says it


class StorageError(TestigoError):
    code = "io_error"
    exit_code = EXIT_IO
    en = "Could not read or write the files ({reason}). Nothing was changed."


class DiskFull(StorageError):
    code = "disk_full"
    en = "The disk is full. Nothing was changed."


class ReadOnlyStorage(StorageError):
    """The data folder is on a read-only disk or mount: reading works, saving cannot."""

    code = "read_only"
    en = (
        "The data folder is read-only, so nothing can be saved; the vault can still be"
        " read. Nothing was changed."
    )


class Conflict(TestigoError):
    code = "conflict"
    exit_code = EXIT_CONFLICT
    en = "Conflict: {reason}."


class Cancelled(TestigoError):
    code = "cancelled"
    exit_code = 1
    en = "Cancelled."


class IncidentOwnedElsewhere(Conflict):
    """A bundle names an incident another device sent first: never let it replace that one."""

    code = "incident_owned_elsewhere"
    en = (
        "Incident {incident_id} was first sent by another device ({owner}); the bundle of"
        " device {sender} was refused."
    )


class BadTransition(Conflict):
    """A triage move the report's current state does not allow (issue 13): exit 7."""

    code = "bad_transition"
    en = (
        "A report whose {question} is '{current}' cannot move to '{requested}'; from there:"
        " {allowed}."
    )

    texts = ("question",)


class ExportFilesExist(Conflict):
    """An export without --force meets a file it would write (the main one or a companion)."""

    code = "export_files_exist"
    en = "These files exist already: {files}. Nothing was written; --force replaces them."


class ExportCompanionsChanged(Conflict):
    """--force meets a companion (codebook, template) that differs from any Testigo wrote.

    ``paths`` (a tuple) names them for the app, which asks what to do.
    """

    code = "export_companions_changed"
    en = (
        "These files beside the export were changed since Testigo wrote them (edited by"
        " hand?): {files}. Nothing was written; --force-companions replaces them too."
    )


# --- crypto, formats, trust ------------------------------------------------------------
class IntegrityError(TestigoError):
    """Data failed authentication or verification: tampered, truncated or forged."""

    code = "integrity"
    exit_code = EXIT_INTEGRITY
    en = "The data failed verification ({reason}); nothing was imported."


class BackupFailedVerification(IntegrityError):
    """A restore read a changed or cut backup: said as a restore, not as an import."""

    code = "backup_integrity"
    en = "The backup failed verification ({reason}); nothing was changed."


class NoMatchingIdentity(IntegrityError):
    """None of the keys at hand opens the file: it was sent to someone else."""

    code = "no_match"
    en = "None of the available keys can open this file."


class FormatError(TestigoError):
    """Malformed input: it does not parse as the format it claims to be."""

    code = "format"
    exit_code = EXIT_INVALID
    en = "Malformed {what}: {reason}."
    texts = ("reason", "what")  # what is English text ("bundle"): the catalogue says it


class UntrustedKey(TestigoError):
    code = "untrusted_key"
    exit_code = EXIT_INTEGRITY
    en = "Signed by a key that is not trusted ({reason})."


class Unavailable(TestigoError):
    code = "unavailable"
    exit_code = EXIT_UNAVAILABLE
    en = "Not available on this system: {what}."


class UnprocessableBundle(TestigoError):
    """Reading a received bundle failed in a way no check foresaw: it is refused, not retried."""

    code = "unprocessable_bundle"
    exit_code = EXIT_INTEGRITY
    en = "The bundle could not be processed ({kind}); nothing of it was imported."


class BadReleaseSignature(TestigoError):
    """A release file is not what the release key signed: changed, or signed by another key."""

    code = "bad_release_signature"
    exit_code = EXIT_INTEGRITY
    en = "The file does NOT verify ({reason}): do not install or run it."


class MalformedReleaseFile(TestigoError):
    """A key or signature file that is not in minisign's format."""

    code = "malformed_release_file"
    texts = ("reason", "what")
    exit_code = EXIT_INVALID
    en = "Not a valid minisign {what}: {reason}."


class PacketMismatch(TestigoError):
    """An evidence packet is not what the coalition signed: changed, missing or added files."""

    code = "packet_mismatch"
    exit_code = EXIT_INTEGRITY
    en = "The evidence packet does not verify: {reason} ({file})."


class EpochExpired(IntegrityError):
    """A bundle sealed to an old coalition key epoch after that epoch's grace period."""

    code = "epoch_expired"
    en = (
        "The bundle was sealed to the coalition's old key (epoch {epoch}), accepted only"
        " until {accepted_until}; it was refused."
    )


class ReceiptFileRefused(TestigoError):
    """A receipt file brought back by hand that is not a coalition receipt for this outbox."""

    code = "receipt_file_refused"
    exit_code = EXIT_INTEGRITY
    en = "{file}: refused ({reason}); nothing was changed."


class UnreadableImage(FormatError):
    """A file said to be a picture that does not decode (damaged, or a format Qt lacks)."""

    code = "unreadable_image"
    en = (
        "This picture cannot be shown: it is damaged, too large, or in a format Testigo"
        " cannot read."
    )


# --- network ---------------------------------------------------------------------------
class NetworkError(TestigoError):
    code = "network"
    exit_code = EXIT_NETWORK
    en = "Could not reach the relay ({reason})."


class WrongReceipt(TestigoError):
    code = "wrong_receipt"
    exit_code = EXIT_INTEGRITY
    en = "A receipt for another bundle was refused."


class PinMismatch(NetworkError):
    code = "pin_mismatch"
    en = "The relay's TLS key does not match the coalition profile; nothing was sent."


class RelayRefused(NetworkError):
    code = "relay_refused"
    en = "The relay refused the request ({reason})."


class DownloadMismatch(NetworkError):
    """The relay served bytes that are not the ones it was sent (a lying relay or a bad disk)."""

    code = "download_mismatch"
    en = "The relay's copy of a bundle does not match its size and hash."


class PortInUse(NetworkError):
    code = "port_in_use"
    en = "Cannot listen on {host}:{port}: another program is using that port."


class CannotListen(NetworkError):
    code = "cannot_listen"
    en = "Cannot listen on {host}:{port} ({reason})."


class CannotClean(Unavailable):
    """A file would leave with metadata Testigo cannot remove: refused, never sent dirty."""

    code = "cannot_clean"
    exit_code = EXIT_UNAVAILABLE
    en = "A {kind} file cannot be shared: {reason}. Nothing was shared."


class OriginalKept(IntegrityError):
    """Import-and-delete found the vault's copy unproven: the original stays, nothing added."""

    code = "original_kept"
    en = "The original file was kept and nothing was attached: {reason}."


class UnknownCoordinator(TestigoError):
    """`relay coordinators remove` named a pseudonym that is not an enrolled coordinator."""

    code = "unknown_coordinator"
    exit_code = EXIT_NOT_FOUND
    en = "No coordinator {pseudonym} is enrolled on this relay; nothing was changed."


class RelayFull(RelayRefused):
    """The relay keeps no more coordination objects (its operator's bound for them all)."""

    code = "relay_full"
    en = (
        "The relay has no room left for the coordinators' shared decisions. Nothing was lost:"
        " what waits is sent at a later sync, once older objects expire or the relay's"
        " operator allows more (relay serve --coordination-quota-mib)."
    )
