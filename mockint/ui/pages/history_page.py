"""The History page: every practice session with its figures, progress charts, export and delete.

Reading and deleting happen in workers; the page refreshes whenever it is shown, after a
delete, and when another page says sessions changed (AppEvents).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mockint.analysis_options import analysis_options
from mockint.app.store_warnings import Loaded, with_warnings
from mockint.core.analysis import Thresholds
from mockint.core.errors import UserFacingError
from mockint.core.session import PracticeMode, SessionOverview, TrendPoint
from mockint.settings import Setting
from mockint.ui.context import AppContext
from mockint.ui.error_dialog import message_for, show_error
from mockint.ui.history.export_actions import ExportButton
from mockint.ui.history.sessions_table import SessionsTable, session_date
from mockint.ui.history.trend_charts import TrendCharts
from mockint.ui.icons import themed_icon
from mockint.ui.theme import Theme
from mockint.ui.widgets.labels import named
from mockint.ui.widgets.page_header import PageHeader
from mockint.ui.widgets.skipped_rows_notice import SkippedRowsNotice
from mockint.ui.workers import FunctionWorker

PAGE_KEY = "history"

NO_SESSIONS_TEXT = "No practice sessions yet. Answer a few questions on the Practice page and they will be listed here."
LOADING_TEXT = "Loading your sessions…"
# AppEvents signals that mean "the saved sessions changed"; those this build has are connected.
PACE_KEYS = {Setting.PACE_SLOW_WPM.value, Setting.PACE_FAST_WPM.value}
CHARTS_HEIGHT = 250
NOTE_HEIGHT = 84  # the charts' place while there is no trend yet


def create_page(context: AppContext) -> QWidget:
    return HistoryPage(context)


def load_history(store: Any) -> tuple[list[SessionOverview], list[TrendPoint]]:
    return store.list_sessions(), store.trends()


def comfortable_pace(context: AppContext) -> tuple[float, float]:
    """The pace band the charts shade: the user's slow limit up to the comfortable maximum."""
    try:
        _, thresholds = analysis_options(context.settings)
    except UserFacingError:
        thresholds = Thresholds()  # settings the analysis would refuse: it falls back the same way
    return thresholds.slow_wpm, min(thresholds.comfortable_max_wpm, thresholds.fast_wpm)


def delete_question(overview: SessionOverview) -> str:
    session, count = overview.session, overview.summary.answer_count
    answers = "1 answer" if count == 1 else f"{count} answers"
    return (
        f"Delete the {session.mode.label.lower()} session of {session_date(session.started_at)} ({answers})?\n\n"
        "Its recordings, transcripts, ratings and notes are deleted too. This cannot be undone."
    )


class HistoryPage(QWidget):
    refreshed = Signal()  # the table and the charts now show what the store holds
    session_deleted = Signal(int)  # the id of a session that was deleted

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._loading = False
        self._load_again = False
        self.confirmation: QMessageBox | None = None

        header = PageHeader("History", "Your practice sessions, and how your answers change over time.")
        self.export_button = ExportButton(context)
        self.delete_button = named(
            QPushButton(themed_icon("delete", context.theme, role="danger"), "&Delete…"), "danger"
        )
        self.delete_button.setIconSize(QSize(16, 16))
        self.delete_button.setToolTip("Delete the selected session with its recordings (asks first; Delete key)")
        self.delete_button.setAccessibleName("Delete the selected session")
        self.delete_button.clicked.connect(self.ask_to_delete_selected)
        header.add_action(self.export_button)
        header.add_action(self.delete_button)

        self.charts = TrendCharts(context.theme)
        self.charts.setFixedHeight(NOTE_HEIGHT)
        self.charts.set_pace_band(*comfortable_pace(context))
        self.table = SessionsTable()
        self.table.selection_changed.connect(self._selection_changed)
        self.table.delete_pressed.connect(self.ask_to_delete_selected)
        self.placeholder = named(QLabel(LOADING_TEXT), "hint")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder_icon = QLabel()
        self.placeholder_icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder_icon.setPixmap(themed_icon("history", context.theme, role="faint").pixmap(QSize(40, 40)))
        placeholder_card = named(QFrame(), "card")
        placeholder_layout = QVBoxLayout(placeholder_card)
        placeholder_layout.addStretch(2)
        placeholder_layout.addWidget(self.placeholder_icon)
        placeholder_layout.addSpacing(6)
        placeholder_layout.addWidget(self.placeholder)
        placeholder_layout.addStretch(3)
        self.list_area = QStackedWidget()
        self.list_area.addWidget(self.table)
        self.list_area.addWidget(placeholder_card)
        self.list_area.setCurrentWidget(placeholder_card)
        self.sessions_title = named(QLabel("Sessions"), "sectionTitle")
        self.mode_filter = QComboBox()
        self.mode_filter.setAccessibleName("Show sessions of")
        self.mode_filter.setToolTip("Show every session, or only those of one way of practising")
        self.mode_filter.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel scrolls the page, not this
        self.mode_filter.addItem("All sessions", None)
        for mode in PracticeMode:  # solo, mirror, friend, debrief: every way of practising
            self.mode_filter.addItem(mode.label, mode.value)
        self.mode_filter.currentIndexChanged.connect(
            lambda _index: self.table.set_mode_filter(self.mode_filter.currentData())
        )
        sessions_row = QHBoxLayout()
        sessions_row.addWidget(self.sessions_title, 1)
        sessions_row.addWidget(self.mode_filter)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(14)
        layout.addWidget(header)
        layout.addWidget(self.charts)
        layout.addSpacing(4)
        layout.addLayout(sessions_row)
        layout.addWidget(self.list_area, 1)
        self._selection_changed(None)

        self.skipped_rows = SkippedRowsNotice(self, "History")
        context.events.sessions_changed.connect(self.refresh)
        context.events.data_deleted.connect(self.refresh)
        context.events.settings_changed.connect(self._setting_changed)
        context.events.theme_changed.connect(self._theme_changed)
        context.store.ready.connect(lambda _store: self.refresh())
        context.store.unavailable.connect(self._store_unavailable)
        if context.store.value is not None:
            self.refresh()

    # ----- loading

    def refresh(self) -> None:
        """Reads the sessions and trends again in the background (once more if one is running)."""
        store = self.context.store.value
        if store is None:
            return
        if self._loading:
            self._load_again = True
            return
        self._loading = True
        self.context.workers.start(
            FunctionWorker(with_warnings, store, load_history), on_finished=self._loaded, on_failed=self._load_failed
        )

    def _loaded(self, loaded: Loaded[tuple[list[SessionOverview], list[TrendPoint]]]) -> None:
        self._loading = False
        if self._load_again:  # its warnings are dropped with it: the next load reads the same rows
            self._load_again = False
            self.refresh()
            return
        overviews, trends = loaded.value
        # Damaged rows this load skipped (its own, not another page's): the user hears which,
        # once a visit, and sees the rest.
        self.skipped_rows.tell(loaded.warnings)
        self.table.show_sessions(overviews)
        self.charts.show_points(trends)
        self.charts.setFixedHeight(NOTE_HEIGHT if self.charts.is_empty else CHARTS_HEIGHT)
        # With nothing saved yet, one calm note says where sessions come from; no empty charts.
        self.charts.setVisible(bool(overviews))
        self.sessions_title.setVisible(bool(overviews))
        self.mode_filter.setVisible(bool(overviews))
        if overviews:
            self.list_area.setCurrentWidget(self.table)
        else:
            self.placeholder.setText(NO_SESSIONS_TEXT)
            self.list_area.setCurrentIndex(1)
        self.refreshed.emit()

    def _load_failed(self, error: BaseException) -> None:
        self._loading = False
        self._load_again = False
        self.placeholder.setText(message_for(error))
        self.list_area.setCurrentIndex(1)

    def _store_unavailable(self, error: BaseException) -> None:
        self.placeholder.setText(f"Your history cannot be shown: {message_for(error)}")
        self.list_area.setCurrentIndex(1)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not event.spontaneous():
            self.skipped_rows.page_shown()
            self.refresh()

    # ----- selection and deleting

    def _selection_changed(self, overview: SessionOverview | None) -> None:
        self.export_button.set_session(overview)
        self.delete_button.setEnabled(overview is not None)

    def ask_to_delete_selected(self) -> QMessageBox | None:
        """Opens the confirmation (window-modal, not blocking); Delete there deletes the session."""
        overview = self.table.selected_session()
        if overview is None:
            return None
        box = QMessageBox(QMessageBox.Icon.Question, "Delete this session?", delete_question(overview), parent=self)
        delete = box.addButton("Delete session", QMessageBox.ButtonRole.DestructiveRole)
        delete.setObjectName("danger")
        keep = box.addButton("Keep it", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        session_id = overview.session.id
        box.buttonClicked.connect(lambda button: self.delete_session(session_id) if button is delete else None)
        self.confirmation = box
        box.open()
        return box

    def delete_session(self, session_id: int) -> None:
        """Deletes the session and its recordings in the background, then refreshes."""
        store = self.context.store.value
        if store is None:
            return
        self.delete_button.setEnabled(False)
        self.context.workers.start(
            FunctionWorker(store.delete_session, session_id),
            on_finished=lambda _: self._deleted(session_id),
            on_failed=self._delete_failed,
        )

    def _deleted(self, session_id: int) -> None:
        self.context.events.status_message.emit("The session and its recordings were deleted.")
        self.session_deleted.emit(session_id)
        self.context.events.sessions_changed.emit()  # Review forgets it too; this page refreshes through it

    def _delete_failed(self, error: BaseException) -> None:
        self._selection_changed(self.table.selected_session())
        show_error(self, error, "Delete session")
        self.refresh()

    # ----- settings and theme

    def _setting_changed(self, key: str) -> None:
        if key in PACE_KEYS:
            self.charts.set_pace_band(*comfortable_pace(self.context))

    def _theme_changed(self, theme: Theme) -> None:
        self.charts.apply_theme(theme)
        self.delete_button.setIcon(themed_icon("delete", theme, role="danger"))
        self.placeholder_icon.setPixmap(themed_icon("history", theme, role="faint").pixmap(QSize(40, 40)))
