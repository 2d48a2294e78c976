"""The Practice page: a solo mock interview, from the setup to the end-of-session summary.

Three views in turn: the setup panel, the interview (driven by `SessionFlow`), and the summary.
Keys while interviewing: Space starts/stops an answer (and skips think time), N next
question, R hear the question again, Esc ends the session after asking (what was recorded is
kept). Closing the window mid-answer keeps what was recorded.

Start-up: the page opens on the setup panel, so only that panel is built with it. The decks
are read (in the background), and the session's parts (the flow, the interview view, the
summary) and the modules they need (the app layer of an answer, the analysis and its wording)
are built, once the window's first frame is painted; the parts are built at once if something
asks for them sooner (`flow`, `interview`, `summary`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from mockint.app.practice_options import PracticeOptions
from mockint.core.errors import NoModelError
from mockint.ui.background import ResourceState
from mockint.ui.context import AppContext
from mockint.ui.error_dialog import message_for
from mockint.ui.practice.session_state import Phase, SessionResult
from mockint.ui.practice.setup_panel import SetupPanel
from mockint.ui.theme import Theme
from mockint.ui.widgets.page_header import PageHeader
from mockint.ui.widgets.window_hooks import WindowClosingHook

if TYPE_CHECKING:
    from mockint.app.outcome import AnswerOutcome
    from mockint.core.decks import DeckLoad, Question
    from mockint.core.interview_plan import Step
    from mockint.ui.practice.interview_view import InterviewView
    from mockint.ui.practice.session_flow import SessionFlow
    from mockint.ui.practice.session_summary import SessionSummaryView

PAGE_KEY = "practice"
REVIEW_PAGE_KEY = "review"


def create_page(context: AppContext) -> QWidget:
    return PracticePage(context)


class PracticePage(QWidget):
    session_started = Signal()  # the interview view is shown; a session row is being created
    session_finished = Signal(object)  # SessionResult: the summary is shown
    review_requested = Signal(int)  # session id the user wants to review
    model_setup_requested = Signal()  # the user asked for the speech model setup

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.confirm_box: QMessageBox | None = None
        self._closing_hook = WindowClosingHook(self.abort_session)
        self._model_dialog: QWidget | None = None
        self._session_parts: tuple[SessionFlow, InterviewView, SessionSummaryView] | None = None

        self.header = PageHeader(
            "Practice", "A mock interview out loud: MockInt asks, you answer, then you see what to work on."
        )
        self.setup = SetupPanel(context)
        self.views = QStackedWidget()
        self.views.addWidget(self.setup)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(16)
        layout.addWidget(self.header)
        layout.addWidget(self.views, 1)
        self._connect()
        self._engine_changed()
        if context.decks.state is ResourceState.READY and context.decks.value is not None:
            self._decks_loaded(context.decks.value)
        # The decks are read when the page is first shown: see showEvent.

    def _connect(self) -> None:
        c = self.context
        self.setup.start_requested.connect(self.start_session)
        self.setup.model_setup_requested.connect(self.open_model_setup)
        for resource in (c.model, c.store):
            resource.loading.connect(self._engine_changed)
            resource.ready.connect(self._engine_changed)
            resource.unavailable.connect(self._engine_changed)
        c.decks.ready.connect(self._decks_loaded)  # the Decks page reports a failed load
        c.events.theme_changed.connect(self._theme_changed)

    # ----- the session's parts, built after the first frame

    @property
    def flow(self) -> SessionFlow:
        return self._built_session_parts()[0]

    @property
    def interview(self) -> InterviewView:
        return self._built_session_parts()[1]

    @property
    def summary(self) -> SessionSummaryView:
        return self._built_session_parts()[2]

    def session_parts_built(self) -> bool:
        return self._session_parts is not None

    def build_session_parts(self) -> None:
        """Builds the flow, the interview view and the summary now, if they are not built yet."""
        if shiboken6.isValid(self):
            self._built_session_parts()

    def _built_session_parts(self) -> tuple[SessionFlow, InterviewView, SessionSummaryView]:
        if self._session_parts is None:
            from mockint.ui.practice.interview_view import InterviewView
            from mockint.ui.practice.session_flow import SessionFlow
            from mockint.ui.practice.session_summary import SessionSummaryView

            parts = (
                SessionFlow(self.context, self),
                InterviewView(self.context.theme),
                SessionSummaryView(self.context.theme),
            )
            self._session_parts = parts
            self.views.addWidget(parts[1])
            self.views.addWidget(parts[2])
            self._connect_session_parts(*parts)
        return self._session_parts

    def _connect_session_parts(self, flow: SessionFlow, view: InterviewView, summary: SessionSummaryView) -> None:
        view.space_pressed.connect(flow.press_space)
        view.next_pressed.connect(flow.next_question)
        view.repeat_pressed.connect(flow.repeat_question)
        view.end_pressed.connect(self.confirm_end)
        view.countdown.finished.connect(lambda _ran_out: flow.begin_answer() if flow.phase is Phase.THINKING else None)
        flow.phase_changed.connect(self._phase_changed)
        flow.step_started.connect(self._step_started)
        flow.think_time.connect(view.countdown.start)
        flow.reader_unavailable.connect(self._reader_unavailable)
        flow.level.connect(view.level_meter.set_level)
        flow.elapsed.connect(view.timer_bar.set_elapsed)
        flow.partial.connect(view.transcript.set_text)
        flow.answer_saved.connect(self._answer_saved)
        flow.answer_failed.connect(self._answer_failed)
        flow.failed_to_start.connect(self._failed_to_start)
        flow.session_finished.connect(self._session_finished)
        summary.review_requested.connect(self.open_review)
        summary.again_requested.connect(self.practise_again)
        summary.setup_requested.connect(self.show_setup)

    # ----- decks and readiness

    def _decks_loaded(self, load: DeckLoad) -> None:
        if shiboken6.isValid(self):
            self.setup.show_decks(load)

    def _engine_changed(self, *_: object) -> None:
        model, store = self.context.model, self.context.store
        offer_setup = False
        if model.state is ResourceState.UNAVAILABLE:
            offer_setup = isinstance(model.error, NoModelError)
            reason: str | None = (
                "No speech model is installed yet: set one up to practise out loud."
                if offer_setup
                else message_for(model.error)
                if model.error
                else "The speech model could not be loaded."
            )
        elif model.state is not ResourceState.READY:
            reason = "The speech model is still loading…"
        elif store.state is ResourceState.UNAVAILABLE:
            reason = (
                f"Your answers cannot be saved: {message_for(store.error)}"
                if store.error
                else "Your answers cannot be saved."
            )
        elif store.state is not ResourceState.READY:
            reason = "Opening your practice history…"
        else:
            reason = None
        self.setup.set_engine_blocker(reason, offer_model_setup=offer_setup)

    def open_model_setup(self) -> None:
        """Opens the window's own model setup when it has one, else a setup dialog of this page's."""
        self.model_setup_requested.emit()
        from mockint.ui.model_setup.first_run import ModelSetupLauncher

        launcher = self.window().findChild(ModelSetupLauncher)
        if launcher is not None:
            launcher.open_dialog()
            return
        if self._model_dialog is None or not shiboken6.isValid(self._model_dialog):
            from mockint.ui.model_setup.setup_dialog import ModelSetupDialog

            self._model_dialog = ModelSetupDialog(self.context, first_run=True, parent=self.window())
        self._model_dialog.show()
        self._model_dialog.raise_()

    # ----- the session

    def start_session(self, options: PracticeOptions | None = None) -> None:
        options = options or self.setup.options()
        decks = self.setup.selected_decks()
        if not decks or self.flow.is_active:
            return
        from mockint.core.interview_plan import InterviewPlan

        plan = InterviewPlan.from_decks(decks, options.question_count, shuffle=options.shuffle)
        self.interview.live_transcript_wanted = options.live_transcript
        self.interview.card.show_note("")
        self.interview.card.set_large(not options.read_aloud)
        self.views.setCurrentWidget(self.interview)
        self.interview.setFocus()
        self.flow.start(plan, options)
        self.session_started.emit()

    def practise_again(self) -> None:
        self.start_session(self.flow.options)

    def show_setup(self) -> None:
        self.views.setCurrentWidget(self.setup)
        self.setup.start_button.setFocus()

    def _step_started(self, step: Step) -> None:
        self.interview.show_step(step)

    def _phase_changed(self, phase: Phase) -> None:
        report_next = "Finish"
        upcoming = self.flow.current_step
        if upcoming is not None:
            report_next = "Follow-up question" if upcoming.is_follow_up else "Next question"
        if phase is not Phase.PROBLEM:
            self.interview.show_phase(phase, report_next=report_next)
        if phase is Phase.IDLE and self.views.currentWidget() is self.interview:
            self.show_setup()

    def _reader_unavailable(self, reason: str) -> None:
        self.interview.card.set_large(True)
        self.interview.card.show_note(reason)  # the reader's own words: why, and what to do

    def _answer_saved(self, outcome: AnswerOutcome) -> None:
        self.interview.answer_summary.show_outcome(outcome, self.question_of(outcome.step))

    def question_of(self, step: Step) -> Question | None:
        """The deck's question behind `step` (for its coaching), if the deck still has it."""
        from mockint.core.decks import DeckLoad

        load = self.context.decks.value
        deck = load.find(step.deck_id) if isinstance(load, DeckLoad) else None
        if deck is None or not deck.has_question(step.question_id):
            return None
        return deck.question(step.question_id)

    def _answer_failed(self, message: str) -> None:
        if self.flow.phase is Phase.PROBLEM:
            self.interview.show_phase(Phase.PROBLEM, problem=message)
        else:  # the answer was cut short but what was said is saved; the session goes on
            self.interview.show_problem(f"{message}\n\nWhat you said before that is saved.")

    def _failed_to_start(self, message: str) -> None:
        self.show_setup()
        self.setup.reason.setText(message)

    def _session_finished(self, result: SessionResult) -> None:
        self.summary.show_session(result.session_id, result.outcomes)
        self.views.setCurrentWidget(self.summary)
        self.summary.review_button.setFocus() if self.summary.review_button.isEnabled() else self.summary.again_button.setFocus()
        self.session_finished.emit(result)

    def confirm_end(self) -> None:
        """Esc: asks before ending the session (non-blocking; the answer keeps recording meanwhile)."""
        if not self.flow.is_active or self.flow.phase is Phase.ENDING or self.confirm_box is not None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, "End the session?", "End this practice session now?", parent=self)
        box.setInformativeText("Everything you have recorded so far is kept, and you will see the summary.")
        end_button = box.addButton("End session", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Keep practising", QMessageBox.ButtonRole.RejectRole)
        box.setAccessibleName("End the session?")

        def answered(_result: int) -> None:
            self.confirm_box = None
            if box.clickedButton() is end_button:
                self.flow.end()
            elif shiboken6.isValid(self.interview):
                self.interview.setFocus()

        box.finished.connect(answered)
        self.confirm_box = box
        box.open()

    # ----- leaving

    def open_review(self, session_id: int) -> None:
        """Shows the session on the Review page (or says why it cannot)."""
        self.review_requested.emit(session_id)
        window: Any = self.window()  # the MainWindow (pages do not import it: it imports them)
        review = window.page(REVIEW_PAGE_KEY) if hasattr(window, "page") else None
        if review is None:
            self.context.events.status_message.emit("The Review page is not part of this installation yet.")
            return
        review.show_session(session_id)
        window.show_page(REVIEW_PAGE_KEY)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        window: Any = self.window()
        if self._closing_hook.attach(self):
            if hasattr(window, "first_frame_shown") and not window.first_frame_painted():
                window.first_frame_shown.connect(self._first_shown)
                return
        if self._session_parts is None:
            self._first_shown()

    def _first_shown(self) -> None:
        """Reads the decks (worker) and then builds the session's parts, once the page is on screen."""
        self.context.decks.load_once()
        QTimer.singleShot(0, self.build_session_parts)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        # Shown on its own (not inside the main window): closing it is closing the app.
        if self._session_parts is not None and self.flow.is_active:
            self.abort_session()
        super().closeEvent(event)

    def abort_session(self) -> None:
        """The window is closing: stop now, keep what was recorded."""
        if self.confirm_box is not None:
            self.confirm_box.close()
        if self._session_parts is None:
            return  # no session was ever started
        self.interview.countdown.stop()
        self.flow.abort()

    def _theme_changed(self, theme: Theme) -> None:
        if self._session_parts is not None:  # built later, they take the theme then in force
            self.interview.set_theme(theme)
            self.summary.set_theme(theme)
