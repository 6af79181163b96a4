"""One viewer for decrypted evidence: the reporter's attachments, the coordinator's received files.

Decoding a large photo takes half a second, so a worker reads the bytes AND decodes them
(a QImage may be made in any thread; only the cheap QPixmap wrapping happens on the UI
thread). A picture whose header promises more pixels than memory should hold (a
decompression bomb of a few KB) is refused before anything is decoded. The decrypted
content lives only as long as the dialog: nothing is written to disk, no Qt image cache is
used, and closing empties and deletes it. A request made while an earlier one still decodes
supersedes it: the stale result is dropped, never shown.

Only what can be shown is read: a text's first ``TEXT_LIMIT`` bytes (the rest is never
decrypted), a picture whole but only under ``IMAGE_FILE_LIMIT``, and nothing at all of a
PDF, a video or a zip: those get a message and the page's Extract action instead of
replacement-character garbage. A text is one by its media type AND its first bytes (valid
UTF-8, no NUL), so a "text/plain" full of binary gets the message too.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEvent,
    QIODevice,
    QLocale,
    QObject,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QImage, QImageReader, QPixmap, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reporter.errors import (
    Cancelled,
    ImageTooLarge,
    PictureFileTooLarge,
    TestigoError,
    UnreadableImage,
)
from ui.common.discretion import shown_name
from ui.common.errors import show_error
from ui.common.i18n import language

if TYPE_CHECKING:
    from reporter.vault.vault import Vault
    from ui.common.session import Session
    from ui.common.tasks import TaskControl, TaskHandle

TEXT_LIMIT = 2_000_000  # bytes of a text file read and shown; the rest stays in the vault
# Characters laid out per event-loop turn: 2 MB set at once held the UI thread 43-79 ms;
# in slices of this size the worst turn is the first paint's (~25 ms).
TEXT_SLICE = 128_000
SNIFF_LIMIT = 8192  # the first bytes that must look like text for a text to be shown
# A picture is read whole (a decoder needs it): a 48-megapixel JPEG is ~25 MB, and the
# decoded pixels take up to 256 MB more; a larger file is refused before any of it is read.
IMAGE_FILE_LIMIT = 64 * 1024 * 1024
TEXT_TYPES = frozenset(
    {
        "application/json",
        "application/ld+json",
        "application/x-ndjson",
        "application/xml",
        "application/javascript",
        "application/x-sh",
        "application/x-yaml",
        "application/yaml",
        "application/toml",
        "application/sql",
        "application/csv",
        "message/rfc822",
    }
)
# 64 megapixels decode to 256 MB (Qt's own allocation limit): a 48-megapixel photo opens.
MAX_MEGAPIXELS = 64
LINE_LIMIT = 10_000  # characters a shown line holds; a longer one is broken there
PREVIEW_SIDE = 2048  # what "fit to window" scales from, so a resize never rescales 48 MP


@dataclass(frozen=True)
class Evidence:
    """What a worker hands the UI thread: a decoded picture or text, never the bytes."""

    image: QImage | None = None
    preview: QImage | None = None
    text: str | None = None
    media_type: str = ""  # what a file that cannot be shown is said to be, with its size
    size: int = 0


@dataclass(frozen=True)
class Source:
    """One stored file as a viewer reads it in a worker: all of it, or only its start."""

    media_type: str
    size: int
    whole: Callable[[Vault, int], bytes]  # (vault, limit): refused past the limit
    prefix: Callable[[Vault, int], bytes | bytearray]  # (vault, limit): the first bytes


def _essence(media_type: str) -> str:
    return media_type.split(";", 1)[0].strip().lower()


def shown_as_picture(media_type: str) -> bool:
    """A picture Qt decodes here (its plugins say which): not HEIC on a machine without one,
    and not a PDF, though Qt's PDF plugin reads one as an image."""
    essence = _essence(media_type)
    supported = {bytes(m.data()).decode("ascii", "replace") for m in _picture_types()}
    return essence.startswith("image/") and essence in supported


def _picture_types() -> list[QByteArray]:
    return list(QImageReader.supportedMimeTypes())


def text_by_type(media_type: str) -> bool:
    essence = _essence(media_type)
    return (
        essence.startswith("text/") or essence in TEXT_TYPES or essence.endswith(("+json", "+xml"))
    )


def looks_like_text(data: bytes | bytearray, whole: bool) -> bool:
    """Valid UTF-8 without a NUL in the first bytes (a character cut at their end is fine)."""
    head = bytes(data[:SNIFF_LIMIT])
    if b"\x00" in head:
        return False
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=whole and len(data) == len(head))
    except UnicodeDecodeError:
        return False
    return True


def load(vault: Vault, source: Source) -> Evidence:
    """In the worker: read what the viewer can show of ``source``, and only that."""
    # A received file's media type came in a bundle: bounded before it is laid out.
    unshown = Evidence(media_type=_essence(source.media_type)[:100], size=source.size)
    if shown_as_picture(source.media_type):
        if source.size > IMAGE_FILE_LIMIT:
            raise PictureFileTooLarge(
                size=_megabytes(source.size), limit=_megabytes(IMAGE_FILE_LIMIT)
            )
        return decode_picture(source.whole(vault, IMAGE_FILE_LIMIT))
    if not text_by_type(source.media_type):
        return unshown  # nothing of it is read
    data = source.prefix(vault, TEXT_LIMIT)
    whole = source.size <= TEXT_LIMIT
    if not looks_like_text(data, whole):
        return unshown
    text = codecs.getincrementaldecoder("utf-8")(errors="replace").decode(data, final=whole)
    return Evidence(text=_short_lines(text))


def _megabytes(size: int) -> int:
    return -(-size // (1024 * 1024))


def decode_picture(data: bytes) -> Evidence:
    """In the worker: decoded, EXIF orientation applied, in the format the screen takes."""
    image = decode_image(data)
    # The format the screen takes as is: the UI thread's QPixmap then copies nothing.
    native = (
        QImage.Format.Format_ARGB32_Premultiplied
        if image.hasAlphaChannel()
        else QImage.Format.Format_RGB32
    )
    if image.format() != native:
        image = image.convertToFormat(native)
    preview = image
    if image.width() > PREVIEW_SIDE or image.height() > PREVIEW_SIDE:
        preview = image.scaled(
            PREVIEW_SIDE,
            PREVIEW_SIDE,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    return Evidence(image=image, preview=preview)


def _short_lines(text: str) -> str:
    """Qt lays a paragraph out whole: one 2 MB line (a chat export, base64) took a minute."""
    lines = text.split("\n")
    if all(len(line) <= LINE_LIMIT for line in lines):
        return text
    return "\n".join(
        line[start : start + LINE_LIMIT]
        for line in lines
        for start in range(0, max(len(line), 1), LINE_LIMIT)
    )


def decode_image(data: bytes) -> QImage:
    """Refuse by the header's size before decoding: a few KB may claim 60000 x 60000."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    try:
        reader = QImageReader(buffer)
        reader.setAutoTransform(True)
        size = reader.size()
        if size.isValid() and size.width() * size.height() > MAX_MEGAPIXELS * 1_000_000:
            raise ImageTooLarge(width=size.width(), height=size.height(), limit=MAX_MEGAPIXELS)
        image = reader.read()  # Qt's allocation limit still bounds a header that lied
    finally:
        buffer.close()
        buffer.setData(QByteArray())
    if image.isNull():
        raise UnreadableImage()
    return image


class EvidenceViewer(QDialog):
    """A picture (fit to the window, or at 100 %), a text, or why it cannot be shown."""

    def __init__(
        self,
        parent: QWidget,
        name: str,
        evidence: Evidence,
        extract: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # Not the file's name: a title is what the task bar, Alt+Tab and a shared screen show.
        self.setWindowTitle(shown_name())
        self.image, self.preview = evidence.image, evidence.preview
        self.label: QLabel | None = None
        self.text: QPlainTextEdit | None = None
        self.actual_size: QPushButton | None = None
        self.unshown: QLabel | None = None
        self.extract_button: QPushButton | None = None
        layout = QVBoxLayout(self)
        self.area = QScrollArea()
        self.area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if self.image is not None:
            self.label = QLabel()
            self.label.setObjectName("evidenceImage")
            self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.label.setAccessibleName(self.tr("Picture"))
            self.area.setWidget(self.label)
            self.area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrow keys pan at 100 %
            self.area.viewport().installEventFilter(self)
            layout.addWidget(self.area)
            self.actual_size = QPushButton(self.tr("&Actual size (100 %)"))
            self.actual_size.setObjectName("evidenceActualSize")
            self.actual_size.setCheckable(True)
            self.actual_size.setToolTip(self.tr("Show the picture at 100 %, or fit it again"))
            self.actual_size.toggled.connect(self._show_picture)
        elif evidence.text is None:
            self._explain(layout, evidence, extract)
        else:
            self.text = QPlainTextEdit()
            self.text.setObjectName("evidenceText")
            self.text.setReadOnly(True)
            self.text.document().setUndoRedoEnabled(False)  # else a second copy of it all
            self._unshown_text, self._at = evidence.text or "", 0
            self._feed = QTimer(self)
            self._feed.setInterval(0)
            self._feed.timeout.connect(self._show_slice)
            self._show_slice()  # the first now, the rest one per turn
            layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for extra in (self.actual_size, self.extract_button):
            if extra is not None:
                buttons.addButton(extra, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.finished.connect(self._forget)
        self.resize(*((700, 500) if self.unshown is None else (560, 200)))
        self._show_picture()

    def _explain(
        self, layout: QVBoxLayout, evidence: Evidence, extract: Callable[[], object] | None
    ) -> None:
        """Not garbage: what it is, how large, and the page's Extract at hand."""
        locale = QLocale(language().code)
        self.unshown = QLabel(
            self.tr(
                "This kind of file cannot be shown here. "
                "Use Extract… to save a copy where you choose."
            )
        )
        self.unshown.setObjectName("evidenceUnshown")
        self.unshown.setWordWrap(True)
        details = QLabel(
            self.tr("Type: {media_type}\nSize: {size} ({bytes} bytes)").format(
                media_type=evidence.media_type or "application/octet-stream",
                size=locale.formattedDataSize(evidence.size),
                bytes=locale.toString(evidence.size),
            )
        )
        details.setObjectName("evidenceDetails")
        details.setTextFormat(Qt.TextFormat.PlainText)  # a media type comes from a file
        layout.addWidget(self.unshown)
        layout.addWidget(details)
        layout.addStretch(1)
        if extract is not None:
            self.extract_button = QPushButton(self.tr("E&xtract…"))
            self.extract_button.setObjectName("evidenceExtract")
            self.extract_button.setAutoDefault(True)
            self.extract_button.setDefault(True)  # Enter extracts: the one thing to do here
            self.extract_button.clicked.connect(self.close)
            self.extract_button.clicked.connect(extract)

    def at_actual_size(self) -> bool:
        return self.actual_size is not None and self.actual_size.isChecked()

    def _show_picture(self) -> None:
        if self.label is None or self.image is None or self.preview is None:
            return
        if self.at_actual_size():
            self.area.setWidgetResizable(False)
            self.label.setPixmap(QPixmap.fromImage(self.image))  # shares the decoded pixels
            self.label.adjustSize()
            return
        self.area.setWidgetResizable(True)
        room = self.area.viewport().size() - QSize(4, 4)
        if self.image.width() <= room.width() and self.image.height() <= room.height():
            self.label.setPixmap(QPixmap.fromImage(self.image))  # it fits: never enlarged
            return
        fitted = self.preview.scaled(
            room.boundedTo(self.image.size()).expandedTo(QSize(1, 1)),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self.label.setPixmap(QPixmap.fromImage(fitted))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """The window's room changed: fit the picture to it again (from the preview)."""
        if event.type() == QEvent.Type.Resize and not self.at_actual_size():
            self._show_picture()
        return False

    def _show_slice(self) -> None:
        """The next slice of the text, cut after a line (lines are short, see _short_lines)."""
        if self.text is None:
            return
        text, start = self._unshown_text, self._at
        end = len(text)
        if end - start > TEXT_SLICE:
            end = text.rfind("\n", start, start + TEXT_SLICE) + 1 or start + TEXT_SLICE
        cursor = QTextCursor(self.text.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(text[start:end])
        self._at = end
        if end < len(text):
            self._feed.start()
        else:
            self._feed.stop()
            self._unshown_text, self._at = "", 0

    def text_shown_whole(self) -> bool:
        return self.text is not None and not self._unshown_text

    def _forget(self) -> None:
        """Whatever closed it (Escape, Close, a lock): the decrypted content goes with it."""
        if self.label is not None:
            self.label.clear()
        if self.text is not None:
            self._feed.stop()
            self._unshown_text, self._at = "", 0
            self.text.clear()
        self.image = self.preview = None


class EvidenceViewers(QObject):
    """A page's viewers: the newest request wins, and all close on lock.

    Its page is its parent, not an attribute: the page keeps it, and a reference back would
    make a cycle that leaves a closed window for the collector."""

    def __init__(self, page: QWidget, session: Session, name: str) -> None:
        super().__init__(page)
        self.session, self.name = session, name
        self.pending: TaskHandle | None = None
        self._serial = 0

    @property
    def page(self) -> QWidget:
        return cast("QWidget", self.parent())

    def open(self, source: Source, extract: Callable[[], object] | None = None) -> TaskHandle:
        """Read (only what is shown) and decoded in a worker; ``extract`` offered otherwise."""
        self._forget_pending()
        serial = self._serial

        def read(vault: Vault, control: TaskControl) -> Evidence:
            if control.cancelled():
                raise Cancelled()
            evidence = load(vault, source)
            if control.cancelled():  # superseded while it decoded: nobody shows it
                raise Cancelled()
            return evidence

        self.pending = self.session.runner.run(
            read,
            on_done=lambda evidence: self._show(serial, evidence, extract),
            on_error=lambda exc: self._failed(serial, exc),
        )
        return self.pending

    def _forget_pending(self) -> None:
        self._serial += 1
        if self.pending is not None:
            self.pending.cancel()
            self.pending = None

    def _show(
        self, serial: int, evidence: Evidence, extract: Callable[[], object] | None
    ) -> EvidenceViewer | None:
        if serial != self._serial:
            return None  # a later request (or a lock) superseded it
        self.pending = None
        viewer = EvidenceViewer(self.page, self.name, evidence, extract)
        viewer.open()
        return viewer

    def _failed(self, serial: int, exc: TestigoError) -> Any:
        if serial != self._serial or exc.code == Cancelled.code:
            return None
        self.pending = None
        return show_error(self.page, exc)

    def viewers(self) -> list[EvidenceViewer]:
        return self.page.findChildren(EvidenceViewer, self.name)

    def close_all(self) -> None:
        """On lock too: an open viewer would keep a decrypted file on screen."""
        self._forget_pending()
        for viewer in self.viewers():
            viewer.close()
