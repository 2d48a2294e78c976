"""Runs a friend session in the window: the Qt-free `FriendSession` for the rules, the app layer's
`AnswerCapture` for each answer, and workers for every store write (the GUI thread never waits).

Flags are written as they are pressed (the answer's row exists once audio flows), so closing the
console or the app mid-answer keeps the recording and its flags.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal

from mockint.app.answer import AnswerRequest
from mockint.app.answer_result import CapturedAnswer
from mockint.app.friend_session import (
    FLAG_COMMANDS,
    FriendCommand,
    FriendPhase,
    FriendRefusal,
    FriendSession,
    FriendSetup,
)
from mockint.app.practice import PracticeSession, close_session
from mockint.core.decks import Deck
from mockint.core.errors import UserFacingError
from mockint.core.session import FlaggedMoment, FlagKind, PracticeMode, Rating
from mockint.settings import Setting
from mockint.speech.devices import find_input_device
from mockint.store import Store
from mockint.ui.background import ResourceState
from mockint.ui.capture.answer_capture import AnswerCapture
from mockint.ui.context import AppContext
from mockint.ui.workers import FunctionWorker

log = logging.getLogger(__name__)


def _open_session(store: Store, setup: FriendSetup, device: str | None) -> PracticeSession:
    """In a worker: the microphone is there (NoMicrophoneError if not), then the session row."""
    find_input_device(device)
    title = f"With {setup.candidate_name}" if setup.candidate_name else ""
    return PracticeSession.start(store, PracticeMode.FRIEND, deck_ids=setup.deck_ids, title=title)


class FriendFlow(QObject):
    changed = Signal()  # the session's state changed: views read `model` again
    status = Signal(str)  # one short line for the interviewer (refusals, saves)
    started = Signal()  # the session is open; the console takes over
    failed_to_start = Signal(object)  # a UserFacingError (no microphone, storage)
    level = Signal(float)
    elapsed = Signal(float)
    partial = Signal(str)
    answer_started = Signal()
    answer_saved = Signal(object)  # CapturedAnswer
    answer_failed = Signal(str)
    flag_added = Signal(object)  # FlaggedMoment
    note_opened = Signal(object)  # the NOTE FlaggedMoment the console asks a note for
    ended = Signal(int)  # the session id

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model: FriendSession | None = None
        self.session: PracticeSession | None = None
        self.capture: AnswerCapture | None = None
        self.pending_note: FlaggedMoment | None = None
        self.flags: list[FlaggedMoment] = []  # of the answer on screen
        self.last_answer: CapturedAnswer | None = None
        self._starting = False

    @property
    def is_active(self) -> bool:
        return self.session is not None and self.model is not None and self.model.phase is not FriendPhase.FINISHED

    # ----- starting and ending

    def start(self, setup: FriendSetup, decks: Sequence[Deck]) -> None:
        if self._starting or self.is_active:
            return
        try:
            model = FriendSession(decks, setup)
        except FriendRefusal as refusal:
            self.failed_to_start.emit(refusal)
            return
        store = self.context.store
        if store.state is not ResourceState.READY or store.value is None:
            self.failed_to_start.emit(FriendRefusal("Your practice history is still opening; try again in a moment."))
            return
        self._starting = True
        self.context.workers.start(
            FunctionWorker(_open_session, store.value, setup, self.context.settings.get(Setting.INPUT_DEVICE)),
            on_finished=lambda session: self._opened(model, session),
            on_failed=self._open_failed,
        )

    def _opened(self, model: FriendSession, session: PracticeSession) -> None:
        self._starting = False
        self.model, self.session = model, session
        self.flags = []
        self.started.emit()
        self.changed.emit()

    def _open_failed(self, error: BaseException) -> None:
        self._starting = False
        if not isinstance(error, UserFacingError):
            log.error("a friend session could not start", exc_info=(type(error), error, error.__traceback__))
        self.failed_to_start.emit(error)

    def end(self) -> None:
        """Ends the session (an answer still recording is stopped and saved first)."""
        if self.model is None or self.session is None:
            return
        if self.capture is not None and self.capture.is_recording:
            self.capture.stop(even_if_early=True)
        self._commit_note()
        self.model.end()
        session_id = self.session.id
        self._close_in_background(session_id, forget_if_empty=self.capture is None)
        self.changed.emit()
        self.ended.emit(session_id)

    def abort(self) -> None:
        """The window or the console is closing: keep what was recorded, with its flags; wait for nothing."""
        if self.session is None:
            return
        self._commit_note()
        if self.capture is not None:
            self.capture.abort()
        if self.model is not None:
            self.model.end()
        self._close_in_background(self.session.id, forget_if_empty=False)
        self.session = None

    def _close_in_background(self, session_id: int, *, forget_if_empty: bool) -> None:
        store = self.context.store.value
        if store is None:
            return
        self.context.workers.start(
            FunctionWorker(close_session, store, session_id, forget_if_empty=forget_if_empty),
            on_finished=lambda _none: self.context.events.sessions_changed.emit(),
            on_failed=self._write_failed,
        )

    # ----- commands

    def command(self, command: FriendCommand | str, note: str = "") -> bool:
        """Does what the interviewer asked; a refusal becomes a status line. True when it was done."""
        model = self.model
        if model is None:
            return False
        command = FriendCommand(command)
        try:
            if command is FriendCommand.START_STOP:
                self._start_or_stop(model)
            elif command in FLAG_COMMANDS:
                self._flag(model, FLAG_COMMANDS[command], note)
            elif command is FriendCommand.FOLLOW_UP:
                model.follow_up()
            elif command is FriendCommand.NEXT:
                if model.next() is None:
                    self.end()
                    return True
            elif command is FriendCommand.SKIP:
                if model.skip() is None:
                    self.end()
                    return True
            elif command is FriendCommand.REPEAT:
                model.repeat()
            elif command is FriendCommand.END:
                self.end()
                return True
            else:
                return False  # PICK: the console asks which question, then calls pick()
        except FriendRefusal as refusal:
            self.status.emit(refusal.user_message)
            return False
        if command in (FriendCommand.FOLLOW_UP, FriendCommand.NEXT, FriendCommand.SKIP, FriendCommand.REPEAT):
            self.flags = []
        self.changed.emit()
        return True

    def pick(self, deck_id: str, question_id: str) -> bool:
        if self.model is None:
            return False
        try:
            self.model.pick(deck_id, question_id)
        except FriendRefusal as refusal:
            self.status.emit(refusal.user_message)
            return False
        self.flags = []
        self.changed.emit()
        return True

    # ----- the answer

    def _start_or_stop(self, model: FriendSession) -> None:
        if model.phase in (FriendPhase.STARTING, FriendPhase.ANSWERING):
            capture = self.capture
            if capture is not None and not capture.stop():
                self.status.emit("The answer has only just started; press Space again to stop it.")
                return
            self._commit_note()
            model.stop_answer()
            return
        if self.session is None:
            raise FriendRefusal("The session has ended.")
        asked = model.start_answer()
        self.flags = []
        self.last_answer = None
        request = AnswerRequest(self.session.id, asked, attempt_of=model.attempt_of())
        capture = AnswerCapture(self.context, request, parent=self)
        self.capture = capture
        capture.started.connect(lambda: self._recording(capture))
        capture.level.connect(self.level)
        capture.elapsed.connect(self.elapsed)
        capture.partial.connect(self.partial)
        capture.finished.connect(lambda captured: self._saved(capture, captured))
        capture.failed.connect(lambda error: self._failed(capture, error))
        capture.start()

    def _recording(self, capture: AnswerCapture) -> None:
        if self.model is None or capture is not self.capture or capture.answer_id is None:
            return
        self.model.answer_recording(capture.answer_id, lambda: capture.elapsed_s)
        self.answer_started.emit()
        self.changed.emit()

    def _saved(self, capture: AnswerCapture, captured: CapturedAnswer) -> None:
        if capture is not self.capture:
            return
        self.last_answer = captured
        if self.model is not None and self.model.phase is not FriendPhase.FINISHED:
            self.model.answer_saved(captured.answer_id)
        self.answer_saved.emit(captured)
        self.context.events.sessions_changed.emit()
        self.changed.emit()

    def _failed(self, capture: AnswerCapture, error: object) -> None:
        if capture is not self.capture:
            return
        message = error.user_message if isinstance(error, UserFacingError) else str(error)
        if self.model is not None and self.model.phase in (FriendPhase.STARTING, FriendPhase.ANSWERING):
            self.model.answer_lost()
        elif self.model is not None and self.model.phase is FriendPhase.ANALYSING and self.last_answer is None:
            self.model.answer_lost()
        self.answer_failed.emit(message)
        self.changed.emit()

    # ----- flags and notes

    def _flag(self, model: FriendSession, kind: FlagKind, note: str) -> None:
        flag = model.flag(kind, note)  # stamped now, before anything else runs
        if kind is FlagKind.NOTE and not note:
            self._commit_note()
            self.pending_note = flag
            self.note_opened.emit(flag)
            return
        self._keep_flag(flag)

    def finish_note(self, text: str) -> None:
        """The note typed for the moment its key was pressed (an empty one is still kept as a note)."""
        flag, self.pending_note = self.pending_note, None
        if flag is None or self.model is None:
            return
        self._keep_flag(self.model.pin_note(flag, text))

    def _commit_note(self) -> None:
        if self.pending_note is not None:
            self.finish_note("")

    def _keep_flag(self, flag: FlaggedMoment) -> None:
        self.flags.append(flag)
        self.flag_added.emit(flag)
        self.changed.emit()
        store = self.context.store.value
        if store is not None:
            self.context.workers.start(FunctionWorker(store.add_flags, [flag]), on_failed=self._write_failed)

    # ----- ratings

    def save_rating(self, rating: Rating) -> None:
        store = self.context.store.value
        if store is None:
            return
        self.context.workers.start(
            FunctionWorker(store.save_rating, rating),
            on_finished=lambda _r: self._rating_saved(rating),
            on_failed=self._write_failed,
        )

    def _rating_saved(self, rating: Rating) -> None:
        self.status.emit("Ratings saved." if not rating.is_empty else "Ratings cleared.")
        self.context.events.sessions_changed.emit()

    def _write_failed(self, error: BaseException) -> None:
        message = error.user_message if isinstance(error, UserFacingError) else "Could not save to your history."
        self.status.emit(message)
