"""A practice session as a PDF, drawn by Qt's own writer from the HTML export.

`mockint.core.export` renders the session as plain HTML 4 with inline styles; QTextDocument
lays that out on A4 pages and QPdfWriter writes them, with "Page n of m" in each footer. Works
off the GUI thread (no pixmaps are involved), as long as a QGuiApplication exists for fonts.
The file appears under its final name only once complete, like every other export.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from mockint.core.errors import StorageError
from mockint.core.export.html import session_html
from mockint.core.session import SessionDetail
from mockint.store.errors import from_os_error

RESOLUTION_DPI = 300
MARGINS_MM = QMarginsF(18, 16, 18, 14)  # left, top, right, bottom
BODY_FONT_PT = 10
FOOTER_FONT_PT = 8
FOOTER_GAP_MM = 6  # between the text and the footer line
FOOTER_COLOR = "#777777"


def session_title(detail: SessionDetail) -> str:
    session = detail.session
    return f"MockInt practice session {session.id}" + (f": {session.title}" if session.title else "")


def write_session_pdf(detail: SessionDetail, output: Path) -> int:
    """Writes the session's report to `output` as a PDF; returns the number of pages."""
    return write_pdf(session_html(detail), Path(output), title=session_title(detail))


def write_pdf(html: str, output: Path, *, title: str = "") -> int:
    """Lays `html` out on A4 pages and writes them to `output`; returns the page count.

    Raises StorageError (DiskFullError) when the file cannot be written; nothing half-written
    is left under `output`.
    """
    output = Path(output)
    folder = output.parent if str(output.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".part", dir=folder)
        os.close(handle)
    except OSError as error:
        raise from_os_error(error, output, "write") from error
    try:
        pages = _paint(html, Path(temporary), title)
        _check_written(Path(temporary), output)
        os.chmod(temporary, output.stat().st_mode & 0o777 if output.exists() else 0o644)
        os.replace(temporary, output)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise from_os_error(error, output, "write") from error
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return pages


def _writer(path: Path, title: str) -> QPdfWriter:
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION_DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(title)
    writer.setCreator("MockInt")
    return writer


def _paint(html: str, path: Path, title: str) -> int:
    writer = _writer(path, title)
    document = QTextDocument()
    # Lays text out at the writer's resolution; pixel lengths in the HTML are scaled to match.
    document.documentLayout().setPaintDevice(writer)
    body_font = QFont()
    body_font.setPointSizeF(BODY_FONT_PT)
    document.setDefaultFont(body_font)
    document.setDocumentMargin(4)  # keeps a highlight at the top of a page off the page before
    document.setHtml(html)

    footer_font = QFont(body_font)
    footer_font.setPointSizeF(FOOTER_FONT_PT)
    dots_per_mm = RESOLUTION_DPI / 25.4
    width, height = float(writer.width()), float(writer.height())
    footer_height = FOOTER_FONT_PT / 72 * RESOLUTION_DPI * 1.6
    text_height = height - footer_height - FOOTER_GAP_MM * dots_per_mm
    document.setPageSize(QSizeF(width, text_height))
    pages = max(1, document.pageCount())

    painter = QPainter()
    if not painter.begin(writer):
        raise StorageError(f"MockInt could not write the PDF {path}")
    try:
        for page in range(pages):
            if page:
                writer.newPage()
            painter.save()
            painter.translate(0, -page * text_height)
            document.drawContents(painter, QRectF(0, page * text_height, width, text_height))
            painter.restore()
            _footer(
                painter, QRectF(0, height - footer_height, width, footer_height), footer_font, title, page + 1, pages
            )
    finally:
        painter.end()
    return pages


def _footer(painter: QPainter, area: QRectF, font: QFont, title: str, page: int, pages: int) -> None:
    painter.save()
    painter.setFont(font)
    painter.setPen(QColor(FOOTER_COLOR))
    painter.drawLine(area.topLeft(), area.topRight())
    flags = Qt.AlignmentFlag.AlignBottom
    painter.drawText(area, int(flags | Qt.AlignmentFlag.AlignLeft), title)
    painter.drawText(area, int(flags | Qt.AlignmentFlag.AlignRight), f"Page {page} of {pages}")
    painter.restore()


def _check_written(path: Path, output: Path) -> None:
    """QPdfWriter reports no write errors; an empty or headless file means it could not write."""
    with path.open("rb") as stream:
        if stream.read(5) != b"%PDF-":
            raise StorageError(f"MockInt could not write the PDF {output}; check that there is space on the disk")
