"""The header of the History table: room for the sort arrow on the sorted column only."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader


class SortedColumnHeader(QHeaderView):
    """A header that keeps room for the sort arrow on the sorted column only.

    Qt keeps the arrow's room on every column, so in the app's theme at 1024 px the figure
    columns, as wide as their titles plus an arrow they do not show, left the Decks column too
    little for its own title. The room is what the style itself adds for the arrow (measured, not
    guessed: guessing it from the header's height once cut 'Fillers/min'); sorting by another
    column measures the columns again (Qt resizes contents-sized sections when the arrow moves).
    """

    def sectionSizeFromContents(self, logicalIndex: int) -> QSize:  # noqa: N802, N803 - Qt's names
        size = super().sectionSizeFromContents(logicalIndex)
        if (
            self.orientation() is Qt.Orientation.Horizontal
            and self.isSortIndicatorShown()
            and logicalIndex != self.sortIndicatorSection()
        ):
            size.setWidth(size.width() - self._sort_arrow_room(logicalIndex))
        return size

    def _sort_arrow_room(self, section: int) -> int:
        """How much wider the style makes this section's title when it shows the sort arrow."""
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.section = section
        option.text = str(self.model().headerData(section, self.orientation()) or "") if self.model() else ""
        font = QFont(self.font())
        font.setBold(True)  # as QHeaderView measures a title
        option.fontMetrics = QFontMetrics(font)
        option.sortIndicator = QStyleOptionHeader.SortIndicator.SortDown
        with_arrow = self.style().sizeFromContents(QStyle.ContentsType.CT_HeaderSection, option, QSize(), self)
        option.sortIndicator = QStyleOptionHeader.SortIndicator.None_
        without = self.style().sizeFromContents(QStyle.ContentsType.CT_HeaderSection, option, QSize(), self)
        return max(0, with_arrow.width() - without.width())
