"""The Friend page: set a friend session up, then the interviewer's console, with the candidate's
window beside it (on a second screen when there is one)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QShowEvent
from PySide6.QtWidgets import QPushButton, QStackedWidget, QVBoxLayout, QWidget

from mockint.app.answer_result import CapturedAnswer
from mockint.app.friend_session import FriendPhase, FriendSetup
from mockint.core.decks import Deck, DeckLoad
from mockint.core.errors import UserFacingError
from mockint.settings import Setting
from mockint.speech.errors import NoMicrophoneError
from mockint.ui.background import ResourceState
from mockint.ui.context import AppContext
from mockint.ui.friend.candidate_view import CandidateView
from mockint.ui.friend.console import FriendConsole
from mockint.ui.friend.friend_flow import FriendFlow
from mockint.ui.friend.setup_panel import FriendSetupPanel
from mockint.ui.phone.phone_console import PhoneConsole
from mockint.ui.phone.phone_panel import PhonePanel
from mockint.ui.widgets.page_header import PageHeader
from mockint.ui.widgets.window_hooks import WindowClosingHook, show_window_page

SETTINGS_PAGE_KEY = "settings"
REVIEW_PAGE_KEY = "review"


class FriendPage(QWidget):
    review_requested = Signal(int)  # session id

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.flow = FriendFlow(context, self)
        self.setup_panel = FriendSetupPanel()
        self.console = FriendConsole(self.flow, context.theme)
        self.candidate: CandidateView | None = None
        # The friend's phone may drive this same flow (issue 14); off until switched on.
        self.phone = PhoneConsole(self.flow, self.console, self)
        self.phone_panel = PhonePanel(self.phone, context.settings)
        self.console.extras.addWidget(self.phone_panel)
        self.phone.server.connected.connect(lambda: self.open_candidate_view(force=True))
        self.last_session_id: int | None = None
        self.decks: list[Deck] = []
        self.setup = FriendSetup(())
        self._closing_hook = WindowClosingHook(self.abort_session)
        header = PageHeader(
            "Friend as interviewer", "A friend asks the questions and flags moments; MockInt records and analyses."
        )
        self.review_button = QPushButton("Review the last session")
        self.review_button.setAccessibleName("Review the last session")
        self.review_button.clicked.connect(self.open_review)
        self.review_button.hide()
        header.add_action(self.review_button)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.setup_panel)
        self.stack.addWidget(self.console)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.addWidget(header)
        layout.addWidget(self.stack, 1)

        self.setup_panel.start_requested.connect(self.start)
        self.setup_panel.settings_requested.connect(lambda: show_window_page(self, SETTINGS_PAGE_KEY))
        self.console.candidate_view_requested.connect(lambda: self.open_candidate_view(force=True))
        self.flow.started.connect(self._started)
        self.flow.failed_to_start.connect(self._failed_to_start)
        self.flow.changed.connect(self._changed)
        self.flow.elapsed.connect(self._elapsed)
        self.flow.answer_started.connect(lambda: self.candidate and self.candidate.set_recording(True))
        self.flow.answer_saved.connect(self._answer_saved)
        self.flow.ended.connect(self._ended)
        context.decks.ready.connect(self._decks_loaded)
        if context.decks.state is ResourceState.READY and context.decks.value is not None:
            self._decks_loaded(context.decks.value)
        context.decks.load_once()

    def _decks_loaded(self, load: DeckLoad) -> None:
        self.decks = list(load.decks)
        self.setup_panel.show_decks(self.decks, self.context.settings.get(Setting.SELECTED_DECKS) or ())

    # ----- the session

    def start(self, setup: FriendSetup | None = None) -> None:
        setup = setup or self.setup_panel.setup()
        # The same choice as solo practice: questions in deck order, or shuffled.
        setup = replace(setup, shuffle=bool(self.context.settings.get(Setting.SHUFFLE)))
        self.setup = setup
        self.flow.start(setup, self.decks)

    def _started(self) -> None:
        self.review_button.hide()
        self.console.set_live_transcript(self.setup.live_transcript)
        self.stack.setCurrentWidget(self.console)
        self.console.setFocus()
        if len(QGuiApplication.screens()) > 1:
            self.open_candidate_view()

    def _failed_to_start(self, error: BaseException) -> None:
        message = error.user_message if isinstance(error, UserFacingError) else "The session could not start."
        self.setup_panel.show_problem(message, offer_settings=isinstance(error, NoMicrophoneError))

    def open_candidate_view(self, *, force: bool = False) -> CandidateView:
        if self.candidate is None:
            setup = self.setup
            self.candidate = CandidateView(
                show_question=setup.candidate_sees_question, candidate_name=setup.candidate_name
            )
        screens = QGuiApplication.screens()
        index = self.setup_panel.screen_choice.currentData()
        screen = screens[index] if isinstance(index, int) and 0 <= index < len(screens) else None
        self.candidate.show_on(screen, full_screen=self.setup_panel.full_screen.isChecked() and not force)
        self._changed()
        return self.candidate

    def _changed(self) -> None:
        model, candidate = self.flow.model, self.candidate
        if model is None or candidate is None:
            return
        if model.card is None or model.phase is FriendPhase.FINISHED:
            candidate.show_waiting()
            return
        recording = model.phase in (FriendPhase.STARTING, FriendPhase.ANSWERING)
        candidate.show_card(model.card.text, new_answer=model.phase is FriendPhase.ASKING)
        candidate.set_recording(recording)

    def _elapsed(self, seconds: float) -> None:
        if self.candidate is not None:
            self.candidate.set_elapsed(seconds)

    def _answer_saved(self, captured: CapturedAnswer) -> None:
        if self.candidate is not None:
            self.candidate.set_recording(False)

    def _ended(self, session_id: int) -> None:
        self.last_session_id = session_id
        if self.candidate is not None:
            self.candidate.close()
            self.candidate.deleteLater()
            self.candidate = None
        self.stack.setCurrentWidget(self.setup_panel)
        self.setup_panel.show_problem("The session is saved. Review it to see the flags, ratings and reports.")
        self.review_button.show()
        self.context.events.status_message.emit("Friend session saved")

    def open_review(self) -> None:
        if self.last_session_id is None:
            return
        self.review_requested.emit(self.last_session_id)
        window = self.window()
        review = window.page(REVIEW_PAGE_KEY) if hasattr(window, "page") else None
        if review is not None:
            review.show_session(self.last_session_id)
            show_window_page(self, REVIEW_PAGE_KEY)

    # ----- closing

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._closing_hook.attach(self)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.abort_session()
        super().closeEvent(event)

    def abort_session(self) -> None:
        """The window is closing: keep what was recorded, with its flags."""
        self.flow.abort()
        self.phone.switch_off()
        if self.candidate is not None:
            self.candidate.close()
