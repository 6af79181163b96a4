"""One viewer for decrypted evidence: the reporter's attachments, the coordinator's received files.

Decoding a large photo takes half a second, so a worker reads the bytes AND decodes them
(a QImage may be made in any thread; only the cheap QPixmap wrapping happens on the UI
thread). A picture whose header promises more pixels than memory should hold (a
decompression bomb of a few KB) is refused before anything is decoded. The decrypted
content lives only as long as the dialog: nothing is written to disk, no Qt image cache is
used, and closing empties and deletes it. A request made while an earlier one still decodes
supersedes it: the stale result is dropped, never shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QObject, QSize, Qt
from PySide6.QtGui import QImage, QImageReader, QPixmap
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

from reporter.errors import Cancelled, ImageTooLarge, TestigoError, UnreadableImage
from ui.common.discretion import shown_name
from ui.common.errors import show_error

if TYPE_CHECKING:
    from reporter.vault.vault import Vault
    from ui.common.session import Session
    from ui.common.tasks import TaskControl, TaskHandle

TEXT_LIMIT = 2_000_000  # bytes of a text file shown; the rest stays in the vault
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


def decode(data: bytes, media_type: str) -> Evidence:
    """In the worker: a picture decoded (EXIF orientation applied), or text as UTF-8."""
    if media_type.startswith("image/"):
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
    return Evidence(text=_short_lines(data[:TEXT_LIMIT].decode("utf-8", errors="replace")))


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
    """A picture (fit to the window, or at 100 %) or a text, emptied when it closes."""

    def __init__(self, parent: QWidget, name: str, evidence: Evidence) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # Not the file's name: a title is what the task bar, Alt+Tab and a shared screen show.
        self.setWindowTitle(shown_name())
        self.image, self.preview = evidence.image, evidence.preview
        self.label: QLabel | None = None
        self.text: QPlainTextEdit | None = None
        self.actual_size: QPushButton | None = None
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
        else:
            self.text = QPlainTextEdit()
            self.text.setObjectName("evidenceText")
            self.text.setReadOnly(True)
            self.text.setPlainText(evidence.text or "")
            layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        if self.actual_size is not None:
            buttons.addButton(self.actual_size, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.finished.connect(self._forget)
        self.resize(700, 500)
        self._show_picture()

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

    def _forget(self) -> None:
        """Whatever closed it (Escape, Close, a lock): the decrypted content goes with it."""
        if self.label is not None:
            self.label.clear()
        if self.text is not None:
            self.text.clear()
        self.image = self.preview = None


class EvidenceViewers(QObject):
    """A page's viewers: the newest request wins, and all close on lock."""

    def __init__(self, page: QWidget, session: Session, name: str) -> None:
        super().__init__(page)
        self.page, self.session, self.name = page, session, name
        self.pending: TaskHandle | None = None
        self._serial = 0

    def open(self, read: Callable[[Vault], bytes], media_type: str) -> TaskHandle:
        """``read(vault)`` gives the decrypted bytes; it and the decoding run in a worker."""
        self._forget_pending()
        serial = self._serial

        def load(vault: Vault, control: TaskControl) -> Evidence:
            if control.cancelled():
                raise Cancelled()
            evidence = decode(read(vault), media_type)
            if control.cancelled():  # superseded while it decoded: nobody shows it
                raise Cancelled()
            return evidence

        self.pending = self.session.runner.run(
            load,
            on_done=lambda evidence: self._show(serial, evidence),
            on_error=lambda exc: self._failed(serial, exc),
        )
        return self.pending

    def _forget_pending(self) -> None:
        self._serial += 1
        if self.pending is not None:
            self.pending.cancel()
            self.pending = None

    def _show(self, serial: int, evidence: Evidence) -> EvidenceViewer | None:
        if serial != self._serial:
            return None  # a later request (or a lock) superseded it
        self.pending = None
        viewer = EvidenceViewer(self.page, self.name, evidence)
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
