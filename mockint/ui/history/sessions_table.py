"""The table of practice sessions on the History page: one row a session, newest first."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QStyleOptionViewItem, QTableView, QWidget

from mockint.core.session import SessionOverview
from mockint.ui.history.sorted_header import SortedColumnHeader

SORT_ROLE = Qt.ItemDataRole.UserRole  # the raw value a column sorts by (None sorts first)
SESSION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
MODE_ROLE = Qt.ItemDataRole.UserRole + 7  # the session's PracticeMode value: the mode filter reads it
NO_FIGURE = "–"

Index = QModelIndex | QPersistentModelIndex


def session_date(moment: datetime, today: datetime | None = None) -> str:
    """`Tue 4 Jun, 14:20` in the user's own time zone; the year only when it is not this year's."""
    local = moment.astimezone()
    year = "" if local.year == (today or datetime.now().astimezone()).year else f" {local.year}"
    return f"{local:%a} {local.day} {local:%b}{year}, {local:%H:%M}"


def fillers_text(value: float | None) -> str:
    return NO_FIGURE if value is None else f"{value:.1f}"


def pace_text(value: float | None) -> str:
    return NO_FIGURE if value is None else f"{value:.0f} wpm"


def share_text(value: float | None) -> str:
    return NO_FIGURE if value is None else f"{value * 100:.0f}%"


@dataclass(frozen=True)
class Column:
    title: str
    tooltip: str
    text: Callable[[SessionOverview], str]
    value: Callable[[SessionOverview], Any]
    numeric: bool = False


COLUMNS: tuple[Column, ...] = (
    Column(
        "Date",
        "When the session started",
        lambda o: session_date(o.session.started_at),
        lambda o: o.session.started_at.timestamp(),
    ),
    Column("Mode", "How you practised", lambda o: o.session.mode.label, lambda o: o.session.mode.label),
    Column(
        "Decks",
        "The question decks used",
        lambda o: ", ".join(o.session.deck_ids) or NO_FIGURE,
        lambda o: ", ".join(o.session.deck_ids),
    ),
    Column(
        "Answers",
        "How many answers you gave",
        lambda o: str(o.summary.answer_count),
        lambda o: o.summary.answer_count,
        numeric=True,
    ),
    Column(
        "Fillers/min",
        "Filler words a minute, averaged over the answers (lower is calmer)",
        lambda o: fillers_text(o.summary.mean_fillers_per_min),
        lambda o: o.summary.mean_fillers_per_min,
        numeric=True,
    ),
    Column(
        "Pace",
        "Words a minute, averaged over the answers (100–165 is comfortable)",
        lambda o: pace_text(o.summary.mean_wpm),
        lambda o: o.summary.mean_wpm,
        numeric=True,
    ),
    Column(
        "On target",
        "Share of the answers whose length was within the question's target length",
        lambda o: share_text(o.summary.within_target_share),
        lambda o: o.summary.within_target_share,
        numeric=True,
    ),
)
DECKS_COLUMN = 2  # the one text column that takes the width the others leave, wrapped when narrow


class SessionsModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SessionOverview] = []

    def set_sessions(self, overviews: Sequence[SessionOverview]) -> None:
        self.beginResetModel()
        self._rows = list(overviews)
        self.endResetModel()

    def overview(self, row: int) -> SessionOverview:
        return self._rows[row]

    def overviews(self) -> list[SessionOverview]:
        return list(self._rows)

    def rowCount(self, parent: Index | None = None) -> int:  # noqa: N802 - Qt's name
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index | None = None) -> int:  # noqa: N802 - Qt's name
        return 0 if parent is not None and parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        overview, column = self._rows[index.row()], COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return column.text(overview)
        if role == SORT_ROLE:
            value = column.value(overview)
            return float("-inf") if value is None and column.numeric else value
        if role == SESSION_ID_ROLE:
            return overview.session.id
        if role == MODE_ROLE:
            return overview.session.mode.value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column.numeric else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _row_tooltip(overview)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        column = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if column.numeric else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        return None


def _row_tooltip(overview: SessionOverview) -> str:
    session = overview.session
    lines = [session.title or f"Session {session.id}", f"{session.mode.label}, {session_date(session.started_at)}"]
    if session.deck_ids:
        lines.append("Decks: " + ", ".join(session.deck_ids))
    if session.note:
        lines.append(session.note)
    return "\n".join(lines)


class SessionsTable(QTableView):
    """Shows SessionOverviews; sortable by any column, newest first until the user sorts."""

    selection_changed = Signal(object)  # the SessionOverview now selected, or None
    delete_pressed = Signal()  # the Delete key, on a selected session

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sessions = SessionsModel(self)
        self._sorted = QSortFilterProxyModel(self)
        self._sorted.setSourceModel(self.sessions)
        self._sorted.setSortRole(SORT_ROLE)
        header = SortedColumnHeader(Qt.Orientation.Horizontal, self)
        header.setSectionsClickable(True)
        self.setHorizontalHeader(header)  # before sorting is enabled, which connects to the header
        self.setModel(self._sorted)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        # The Decks column takes the width the others leave; when that is too little for a session's
        # decks (a 1024 px window) they wrap onto more lines, in a taller row, instead of being cut.
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setCornerButtonEnabled(False)
        self.verticalHeader().hide()
        self.verticalHeader().setMinimumSectionSize(34)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DECKS_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(72)
        # Qt measures rows again when their contents change, not when the Decks column narrows (the
        # window is made smaller, or sorting by a figure column gives that column the arrow's room).
        self._measure_rows = QTimer(self, singleShot=True, interval=0)
        self._measure_rows.timeout.connect(self.resizeRowsToContents)
        header.sectionResized.connect(
            lambda column, _old, _new: self._measure_rows.start() if column == DECKS_COLUMN else None
        )
        self.setAccessibleName("Practice sessions")
        self.setToolTip("")
        self.selectionModel().selectionChanged.connect(lambda *_: self.selection_changed.emit(self.selected_session()))

    def show_sessions(self, overviews: Sequence[SessionOverview]) -> None:
        """Replaces the rows, keeping the same session selected when it is still there."""
        keep = self.selected_session()
        self.sessions.set_sessions(overviews)
        if keep is None or not self.select_session(keep.session.id):
            self.clearSelection()
            self.selection_changed.emit(None)

    def set_mode_filter(self, mode: str | None) -> None:
        """Shows only the sessions of one practice mode (a PracticeMode value), or all (None)."""
        self._sorted.setFilterRole(MODE_ROLE)
        self._sorted.setFilterKeyColumn(0)
        self._sorted.setFilterRegularExpression(f"^{mode}$" if mode else "")

    def shown_overviews(self) -> list[SessionOverview]:
        """The sessions in the order the table shows them, top to bottom."""
        return [
            self.sessions.overview(self._sorted.mapToSource(self._sorted.index(row, 0)).row())
            for row in range(self._sorted.rowCount())
        ]

    def shown_text(self, row: int) -> list[str]:
        return [self._sorted.index(row, column).data() for column in range(len(COLUMNS))]

    def selected_session(self) -> SessionOverview | None:
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        if not rows:
            return None
        return self.sessions.overview(self._sorted.mapToSource(rows[0]).row())

    def select_session(self, session_id: int) -> bool:
        for row in range(self._sorted.rowCount()):
            index = self._sorted.index(row, 0)
            if index.data(SESSION_ID_ROLE) == session_id:
                self.selectRow(row)
                self.scrollTo(index)
                return True
        return False

    def sizeHintForRow(self, row: int) -> int:  # noqa: N802 - Qt's name
        """Qt's height for the row, with the Decks text on as many lines as it wraps to: Qt measures
        a wrapped cell on one line here (the style sheet's cell padding takes its own path)."""
        hint = super().sizeHintForRow(row)
        index = self.model().index(row, DECKS_COLUMN)
        text = str(index.data() or "")
        if not text or not self.wordWrap():
            return hint
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        option.rect = QRect(0, 0, self.columnWidth(DECKS_COLUMN), hint)
        option.text = text
        option.features |= (
            QStyleOptionViewItem.ViewItemFeature.HasDisplay | QStyleOptionViewItem.ViewItemFeature.WrapText
        )
        text_rect = self.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, self)
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1  # as Qt draws it
        width = max(1, text_rect.width() - 2 * margin)
        metrics = self.fontMetrics()
        wrapped = metrics.boundingRect(0, 0, width, 1_000_000, int(Qt.TextFlag.TextWordWrap), text).height()
        return max(hint, hint - metrics.height() + wrapped)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Delete and self.selected_session() is not None:
            self.delete_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)
