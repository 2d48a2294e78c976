"""What the user sees while answering: the picture mirrored left to right (or, without a camera, a
live waveform of the voice), with the question, a discreet timer and at most one calm cue over it.

Painting is the only work on the GUI thread: the frame arrives as a QImage from the video sink
and is drawn flipped by the painter's transform (no copy of the picture).
"""

from __future__ import annotations

from collections import deque

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QColor, QFont, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from mockint.core.formatting import clock

WAVE_POINTS = 240  # about 12 s of level samples at 20 a second


class MirrorView(QWidget):
    """The mirror: a camera picture drawn mirrored, or the voice mirror's waveform."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(320, 240))
        self.setAccessibleName("Mirror")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Space starts and stops from here too
        self.image: QImage | None = None
        self.voice_mode = True
        self.question = ""
        self.elapsed_s: float | None = None
        self.target_text = ""
        self.cue_text = ""
        self.filler_count: int | None = None
        self.note = ""  # one line: why this is a voice mirror, or why the video stopped
        self.levels: deque[float] = deque([0.0] * WAVE_POINTS, maxlen=WAVE_POINTS)
        self._describe()

    # ----- inputs

    def show_frame(self, image: QImage) -> None:
        self.image = image
        if self.voice_mode:
            self.voice_mode = False
            self._describe()
        self.update()

    def become_voice_mirror(self, note: str) -> None:
        self.voice_mode = True
        self.image = None
        self.note = note
        self._describe()
        self.update()

    def add_level(self, level: float) -> None:
        self.levels.append(max(0.0, min(1.0, level)))
        if self.voice_mode:
            self.update()

    def set_question(self, text: str, target_text: str = "") -> None:
        self.question, self.target_text = text, target_text
        self._describe()
        self.update()

    def set_elapsed(self, seconds: float | None) -> None:
        self.elapsed_s = seconds
        self.update()

    def set_filler_count(self, count: int | None) -> None:
        self.filler_count = count
        self.update()

    def set_note(self, note: str) -> None:
        self.note = note
        self._describe()
        self.update()

    def show_cue(self, text: str) -> None:
        """Shows one cue (or clears it with ""), and tells screen readers as it appears."""
        if text == self.cue_text:
            return
        self.cue_text = text
        self._describe()
        if text and QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self, text))
        self.update()

    def _describe(self) -> None:
        parts = ["Voice mirror: a live waveform of your voice" if self.voice_mode else "Your camera picture, mirrored"]
        if self.question:
            parts.append(f"Question: {self.question}")
        if self.note:
            parts.append(self.note)
        if self.cue_text:
            parts.append(f"Cue: {self.cue_text}")
        self.setAccessibleDescription(". ".join(parts))

    # ----- painting

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect())
        painter.fillRect(rect, QColor(18, 20, 24))
        if self.image is not None and not self.voice_mode:
            self._paint_mirrored(painter, rect)
        else:
            self._paint_wave(painter, rect)
        self._paint_overlay(painter, rect)
        painter.end()

    def picture_rect(self) -> QRectF:
        """Where the picture is drawn: the whole page, kept in proportion (cropped, like a mirror)."""
        rect = QRectF(self.rect())
        image = self.image
        if image is None or image.isNull():
            return rect
        scale = max(rect.width() / image.width(), rect.height() / image.height())
        size = QSize(round(image.width() * scale), round(image.height() * scale))
        return QRectF(
            rect.center().x() - size.width() / 2, rect.center().y() - size.height() / 2, size.width(), size.height()
        )

    def _paint_mirrored(self, painter: QPainter, rect: QRectF) -> None:
        target = self.picture_rect()
        painter.save()
        painter.setClipRect(rect)
        # A mirror: flip left to right about the page's centre line.
        painter.translate(rect.width(), 0)
        painter.scale(-1, 1)
        mirrored_target = QRectF(rect.width() - target.right(), target.top(), target.width(), target.height())
        painter.drawImage(mirrored_target, self.image)  # type: ignore[arg-type]
        painter.restore()

    def _paint_wave(self, painter: QPainter, rect: QRectF) -> None:
        middle = rect.center().y()
        height = rect.height() * 0.35
        step = rect.width() / (WAVE_POINTS - 1)
        painter.setPen(QPen(QColor(110, 190, 255), 3))
        for index, level in enumerate(self.levels):
            x = rect.left() + index * step
            reach = max(1.0, height * level)
            painter.drawLine(QPointF(x, middle - reach), QPointF(x, middle + reach))

    def _paint_overlay(self, painter: QPainter, rect: QRectF) -> None:
        margin = 18.0
        band = QColor(0, 0, 0, 150)
        font = QFont(self.font())
        font.setPointSizeF(max(11.0, self.font().pointSizeF() * 1.25))
        painter.setFont(font)
        if self.question:
            text_rect = QRectF(margin, margin, rect.width() - 2 * margin, rect.height() / 3)
            bounds = painter.boundingRect(text_rect, Qt.TextFlag.TextWordWrap, self.question)
            painter.fillRect(bounds.adjusted(-10, -6, 10, 6), band)
            painter.setPen(QColor(245, 245, 245))
            painter.drawText(text_rect, Qt.TextFlag.TextWordWrap, self.question)
        small = QFont(self.font())
        painter.setFont(small)
        corner = []
        if self.elapsed_s is not None:
            corner.append(clock(self.elapsed_s) + (f" / {self.target_text}" if self.target_text else ""))
        if self.filler_count is not None:
            corner.append(f"fillers {self.filler_count}")
        if corner:
            text = "   ".join(corner)
            width = painter.fontMetrics().horizontalAdvance(text) + 20
            box = QRectF(rect.width() - width - margin, rect.height() - 34 - margin, width, 30)
            painter.fillRect(box, QColor(0, 0, 0, 110))
            painter.setPen(QColor(230, 230, 230))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        if self.note:
            box = QRectF(margin, rect.height() - 34 - margin, rect.width() * 0.6, 30)
            painter.setPen(QColor(250, 220, 150))
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.note)
        if self.cue_text:
            cue_font = QFont(self.font())
            cue_font.setPointSizeF(max(14.0, self.font().pointSizeF() * 1.6))
            painter.setFont(cue_font)
            width = painter.fontMetrics().horizontalAdvance(self.cue_text) + 48
            box = QRectF(rect.center().x() - width / 2, rect.height() * 0.62, width, 52)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(20, 60, 90, 200))
            painter.drawRoundedRect(box, 12, 12)
            painter.setPen(QColor(255, 255, 255))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self.cue_text)
