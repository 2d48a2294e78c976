"""The Review page: choose a session and an answer; hear it, read it marked up, see its figures
and feedback; try the question again and compare the attempts side by side.

Everything comes from the Store through workers; the page reloads when it is shown (and on
any "answers saved" event the app offers), keeping what the user had chosen. A damaged row the
reads left out (a friend's rating, a flag, an answer) is named in a notice, and the rest shown.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QMessageBox, QWidget

from mockint.app import review as review_data
from mockint.app.review import ReviewedAnswer, SessionReview
from mockint.app.store_warnings import Loaded, with_warnings
from mockint.core.analysis import Thresholds
from mockint.core.session import PracticeMode, Rating
from mockint.settings import Setting
from mockint.ui.context import AppContext
from mockint.ui.error_dialog import show_error
from mockint.ui.review.answer_delete import AnswerDeletion
from mockint.ui.review.formatting import when
from mockint.ui.review.page_layout import ReviewPageLayout
from mockint.ui.review.retry_controller import RetryController
from mockint.ui.review.review_style import review_style
from mockint.ui.widgets.skipped_rows_notice import SkippedRowsNotice
from mockint.ui.widgets.window_hooks import WindowClosingHook
from mockint.ui.workers import FunctionWorker

PAGE_KEY = "review"
# AppEvents.answers_saved(session_id: int), once the app has it: answers were saved, reload.
EMPTY_LOADING = ("Opening your practice history…", "")
EMPTY_NOTHING = (
    "Nothing to review yet",
    "Answer a few questions on the Practice page; each answer appears here with its transcript, figures and feedback.",
)


def create_page(context: AppContext) -> QWidget:
    return ReviewPage(context)


def thresholds_of(context: AppContext) -> Thresholds:
    from mockint.analysis_options import analysis_options

    try:
        return analysis_options(context.settings)[1]
    except Exception:  # noqa: BLE001 - odd settings must not keep a review from showing
        return Thresholds()


class ReviewPage(ReviewPageLayout):
    session_shown = Signal(int)  # the session whose answers are listed
    answer_shown = Signal(object)  # the ReviewedAnswer now shown
    attempts_shown = Signal(object)  # the attempts (tuple of ReviewedAnswer) the compare tab holds
    attempt_saved = Signal(object)  # the CapturedAnswer of a new attempt
    rating_saved = Signal(object)  # a friend's Rating, given or changed here

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.thresholds = thresholds_of(context)
        self.review: SessionReview | None = None
        self._wanted: tuple[int | None, int | None] = (None, None)  # (session, answer) to show once loaded
        self._compare_pair: tuple[int | None, int | None] = (None, None)
        self._open_compare = False
        self._requests = {"sessions": 0, "session": 0, "attempts": 0}
        self._closing_hook = WindowClosingHook(self._window_closing)
        self.retry = RetryController(context, self)
        self.deletion = AnswerDeletion(context, self)
        self.skipped_rows = SkippedRowsNotice(self)
        self._wire()
        self._show_empty(*EMPTY_LOADING)
        if context.store.value is not None:
            self.refresh()

    # ----- wiring

    def _wire(self) -> None:
        c = self.context
        self.session_picker.session_chosen.connect(self._load_session)
        self.answer_list.answer_chosen.connect(self._show_answer)
        self.try_again_button.clicked.connect(self.try_again)
        self.delete_answer_button.clicked.connect(self.ask_to_delete_answer)
        self.deletion.deleted.connect(self._answer_deleted)
        self.compare.open_requested.connect(lambda attempt: self.show_session(attempt.answer.session_id, attempt.id))
        self.answer_view.failed.connect(lambda error: show_error(self, error, "Play the answer"))
        self.answer_view.rating_saved.connect(self.save_rating)
        self.retry_panel.stop_requested.connect(self.retry.stop)
        self.stop_shortcut.activated.connect(self.retry.stop)
        self.retry.preparing.connect(self._retry_preparing)
        self.retry.recording.connect(self.retry_panel.recording)
        self.retry.level.connect(self.retry_panel.show_level)
        self.retry.elapsed.connect(self.retry_panel.show_elapsed)
        self.retry.finishing.connect(self.retry_panel.finishing)
        self.retry.finished.connect(self._retry_finished)
        self.retry.failed.connect(lambda error: show_error(self, error, "Try again"))
        self.retry.ended.connect(self._retry_ended)
        c.store.ready.connect(lambda _store: self.refresh())
        c.events.data_deleted.connect(self._data_deleted)
        c.events.theme_changed.connect(self._theme_changed)
        c.events.settings_changed.connect(self._settings_changed)
        c.events.sessions_changed.connect(self.refresh)

    # ----- public API

    def show_session(self, session_id: int, answer_id: int | None = None) -> None:
        """Shows that session (its answer `answer_id`, else its first) once loaded."""
        self._wanted = (session_id, answer_id)
        self.refresh()

    def refresh(self) -> None:
        """Reads the sessions again (in the background), keeping the choice where it can."""
        store = self.context.store.value
        if store is None:
            return
        request = self._next("sessions")
        self.context.workers.start(
            FunctionWorker(with_warnings, store, review_data.load_sessions),
            on_finished=lambda loaded: self._sessions_loaded(request, loaded),
            on_failed=self._load_failed,
        )

    def current_answer(self) -> ReviewedAnswer | None:
        return self.answer_view.answer

    def try_again(self) -> None:
        answer = self.answer_view.answer
        if answer is None or self.retry.is_active:
            return
        self.answer_view.playback.stop()
        self.retry.start(answer)

    def ask_to_delete_answer(self) -> QMessageBox | None:
        """Asks before deleting the answer on screen (an accident should not count in the figures)."""
        answer = self.answer_view.answer
        if answer is None or self.retry.is_active:
            return None
        return self.deletion.ask(answer)

    def _answer_deleted(self, answer_id: int) -> None:
        if self.answer_view.answer is not None and self.answer_view.answer.id == answer_id:
            self.answer_view.playback.stop()
        session_id = self.review.detail.session.id if self.review is not None else None
        self._wanted = (session_id, None)  # the session stays on screen; sessions_changed reloads it

    # ----- loading

    def _next(self, kind: str) -> int:
        self._requests[kind] += 1
        return self._requests[kind]

    # A stale load's warnings are dropped with it: the newer load reads the same rows and tells them.

    def _sessions_loaded(self, request: int, loaded: Loaded[list]) -> None:
        if request != self._requests["sessions"]:
            return
        self.skipped_rows.tell(loaded.warnings)
        sessions = loaded.value
        wanted_session = self._wanted[0]
        chosen = self.session_picker.set_sessions(sessions, wanted_session)
        if chosen is None:
            self._show_empty(*EMPTY_NOTHING)
            return
        self.stack.setCurrentWidget(self._content)
        self._load_session(chosen)

    def _load_session(self, session_id: int) -> None:
        store = self.context.store.value
        if store is None:
            return
        request = self._next("session")
        self.context.workers.start(
            FunctionWorker(with_warnings, store, review_data.load_session, session_id),
            on_finished=lambda loaded: self._session_loaded(request, loaded),
            on_failed=self._load_failed,
        )

    def _session_loaded(self, request: int, loaded: Loaded[SessionReview]) -> None:
        if request != self._requests["session"]:
            return
        self.skipped_rows.tell(loaded.warnings)
        review = loaded.value
        session_id = review.detail.session.id
        same_session = self.review is not None and self.review.detail.session.id == session_id
        self.review = review
        wanted_session, wanted_answer = self._wanted
        if wanted_session == session_id:
            self._wanted = (None, None)
        current = self.answer_view.answer.id if same_session and self.answer_view.answer is not None else None
        choose = wanted_answer if wanted_session == session_id and wanted_answer is not None else current
        self.session_shown.emit(session_id)
        if self.answer_list.set_answers(review.answers, choose) is None:
            self._show_answer(None)

    def _show_answer(self, answer: ReviewedAnswer | None) -> None:
        same = answer is not None and self.answer_view.answer is not None and self.answer_view.answer.id == answer.id
        if not same:
            self.tabs.setCurrentIndex(0)
            self._compare_pair = (None, None) if not self._open_compare else self._compare_pair
        self.question.setText(answer.answer.question_text if answer else "No answers in this session")
        self.meta.setText(self._meta(answer))
        self.try_again_button.setEnabled(answer is not None and not self.retry.is_active)
        self.delete_answer_button.setEnabled(answer is not None and not self.retry.is_active)
        unchanged = same and answer == self.answer_view.answer
        if not unchanged and not (same and self.answer_view.playback.is_playing):
            self.answer_view.show_answer(answer, self.thresholds, **self._friend_feedback(answer))
        if answer is not None:
            self.answer_shown.emit(answer)
            self._load_attempts(answer.id)

    def _friend_feedback(self, answer: ReviewedAnswer | None) -> dict[str, Any]:
        """The flags and rating a friend gave the answer, when the session was a friend's."""
        if answer is None or self.review is None:
            return {}
        detail = self.review.detail
        return {
            "flags": detail.flags_for(answer.id),
            "rating": detail.ratings.get(answer.id),
            "friend": detail.session.mode is PracticeMode.FRIEND,
        }

    def save_rating(self, rating: Rating) -> None:
        """A friend's rating given or changed in Review, saved in the background."""
        store = self.context.store.value
        if store is None:
            return
        self.context.workers.start(
            FunctionWorker(store.save_rating, rating),
            on_finished=lambda _saved: self._rating_saved(rating),
            on_failed=lambda error: show_error(self, error, "Save the ratings"),
        )

    def _rating_saved(self, rating: Rating) -> None:
        if self.review is not None and isinstance(self.review.detail.ratings, dict):
            if rating.is_empty:
                self.review.detail.ratings.pop(rating.answer_id, None)
            else:
                self.review.detail.ratings[rating.answer_id] = rating
        self.answer_view.friend.show_summary(None if rating.is_empty else rating)
        self.rating_saved.emit(rating)
        self.context.events.status_message.emit("Ratings saved")

    def _meta(self, answer: ReviewedAnswer | None) -> str:
        if answer is None or self.review is None:
            return ""
        parts = [
            when(answer.answer.started_at or answer.answer.created_at),
            self.review.detail.session.title or self.review.detail.session.mode.label,
        ]
        if answer.attempt_count > 1:
            parts.insert(0, f"Attempt {answer.attempt_number} of {answer.attempt_count}")
        return " · ".join(parts)

    def _load_attempts(self, answer_id: int) -> None:
        store = self.context.store.value
        request = self._next("attempts")
        self.context.workers.start(
            FunctionWorker(with_warnings, store, review_data.load_attempts, answer_id),
            on_finished=lambda loaded: self._attempts_loaded(request, loaded),
            on_failed=self._load_failed,
        )

    def _attempts_loaded(self, request: int, loaded: Loaded[tuple[ReviewedAnswer, ...]]) -> None:
        if request != self._requests["attempts"]:
            return
        self.skipped_rows.tell(loaded.warnings)
        attempts = loaded.value
        before, after = self._compare_pair
        if before is None:
            current = self.answer_view.answer
            before = current.id if current is not None and len(attempts) > 1 and attempts[-1].id != current.id else None
        self.compare.set_attempts(attempts, before, after, self.thresholds)
        count = len(attempts)
        self.tabs.setTabText(1, f"Compare attempts ({count})" if count > 1 else "Compare attempts")
        if self._open_compare:
            self._open_compare = False
            self.tabs.setCurrentWidget(self.compare_tab)
        self.attempts_shown.emit(attempts)

    def _load_failed(self, error: BaseException) -> None:
        show_error(self, error, "Review")

    def _show_empty(self, title: str, text: str) -> None:
        self.empty_title.setText(title)
        self.empty_text.setText(text)
        self.empty_text.setVisible(bool(text))
        self.stack.setCurrentWidget(self._empty)

    # ----- try again

    def _retry_preparing(self) -> None:
        answer = self.answer_view.answer
        self.retry_panel.prepare(answer.attempt_count + 1 if answer else 2, answer.target if answer else None)
        self.retry_panel.show()
        self.try_again_button.setEnabled(False)
        self.delete_answer_button.setEnabled(False)
        self.session_picker.setEnabled(False)  # the attempt belongs to the question on screen
        self.answer_list.setEnabled(False)
        self.answer_view.playback.setEnabled(False)  # the speakers would be heard by the microphone
        self.stop_shortcut.setEnabled(True)
        self.retry_panel.stop_button.setFocus()

    def _retry_finished(self, captured: Any, base: ReviewedAnswer) -> None:
        self._compare_pair = (base.id, captured.answer_id)
        self._open_compare = True
        self.context.events.status_message.emit("New attempt saved. Here it is beside the earlier one.")
        self.attempt_saved.emit(captured)
        self.context.events.sessions_changed.emit()  # History and the charts reload (the session's figures stay its first attempts)
        self.show_session(self.review.detail.session.id if self.review else base.answer.session_id, base.id)

    def _retry_ended(self) -> None:
        self.retry_panel.hide()
        self.stop_shortcut.setEnabled(False)
        self.session_picker.setEnabled(self.session_picker.count() > 0)
        self.answer_list.setEnabled(True)
        self.answer_view.playback.setEnabled(True)
        self.try_again_button.setEnabled(self.answer_view.answer is not None)
        self.delete_answer_button.setEnabled(self.answer_view.answer is not None)
        self.refresh()  # an attempt that failed part way may still have been saved

    # ----- events

    def _data_deleted(self) -> None:
        self.review = None
        self.answer_view.show_answer(None, self.thresholds)
        self.refresh()

    def _theme_changed(self, theme: Any) -> None:
        self.setStyleSheet(review_style(theme))
        for part in (self.answer_list, self.answer_view, self.retry_panel):
            part.set_theme(theme)

    def _settings_changed(self, key: str) -> None:
        if key.startswith("analysis/"):
            self.thresholds = thresholds_of(self.context)
            if self.answer_view.answer is not None:
                self.answer_view.show_answer(self.answer_view.answer, self.thresholds)
        if key == Setting.OUTPUT_DEVICE.value:
            self.answer_view.playback.player.device = self.context.settings.get(Setting.OUTPUT_DEVICE)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._closing_hook.attach(self)
        if not event.spontaneous():
            self.skipped_rows.page_shown()
            self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt's name
        if not event.spontaneous() and self.retry.is_active:
            self.retry.stop()  # leaving the page ends the attempt; it is saved
        super().hideEvent(event)

    def _window_closing(self) -> None:
        self.retry.abort()
        self.answer_view.playback.stop()
