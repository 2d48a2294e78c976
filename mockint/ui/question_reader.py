"""Reading a question aloud: render it (cached) with the text-to-speech voice, then play it.

Rendering (a child process) and playing (opening, waiting on and stopping the output stream)
run in a worker, so the GUI thread never waits on the speech engine or the sound server.
Every read() ends with exactly one finished(bool): True when the question was heard to the
end, False when stopped, replaced by another read(), or not possible. When it was not
possible, unavailable(error) comes first with the reason (NoSpeechEngineError when no engine
works, an AudioError when no sound output opens); the caller then shows the question as text.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Signal

from mockint.core.cancel import Cancelled
from mockint.core.errors import UserFacingError
from mockint.settings import Setting
from mockint.speech.errors import NoSpeechEngineError
from mockint.speech.playback import Player
from mockint.speech.tts import QuestionVoice
from mockint.ui.context import AppContext
from mockint.ui.workers import Worker

log = logging.getLogger(__name__)


class ReadAloudWorker(Worker[bool]):
    """finished(True when played to the end); failed(NoSpeechEngineError | AudioError | ...)."""

    def __init__(self, voice: QuestionVoice, text: str, output_device: str | None) -> None:
        super().__init__()
        self._voice = voice
        self._text = text
        # One player per reading: stopping this one can never cut off the next question.
        self._player = Player(output_device)
        self._over = threading.Event()  # played out, or cancelled
        self.cancel_token.on_cancel(self._over.set)
        self._reached_end = False

    def work(self) -> bool:
        path = self._voice.render(self._text, cancel=self.cancel_token)  # RenderCancelled is a Cancelled
        self.check_cancelled()
        self._player.play(Path(path), self._played)
        self._over.wait()
        if self.is_cancelled:
            self._player.stop()
            raise Cancelled()
        return self._reached_end

    def _played(self, reached_end: bool) -> None:
        self._reached_end = reached_end
        self._over.set()


class QuestionReader(QObject):
    finished = Signal(bool)  # True when read to the end, False when stopped (or it could not be read)
    unavailable = Signal(object)  # UserFacingError (NoSpeechEngineError, no sound output): show the text and say why

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._worker: ReadAloudWorker | None = None
        self._reading = 0  # number of the current read(); callbacks of older ones are ignored

    @property
    def is_reading(self) -> bool:
        return self._worker is not None

    def read(self, text: str) -> None:
        """Returns at once; finished(bool) follows (after unavailable(error) if it cannot be read)."""
        self.stop()
        settings = self._context.settings
        voice = QuestionVoice(
            self._context.paths.tts_cache_dir,
            voice=settings.get(Setting.VOICE),
            rate=int(settings.get(Setting.VOICE_RATE)),
        )
        self._reading += 1
        reading = self._reading
        self._worker = ReadAloudWorker(voice, text, settings.get(Setting.OUTPUT_DEVICE))
        self._context.workers.start(
            self._worker,
            on_finished=lambda reached_end: self._ended(reading, bool(reached_end), None),
            on_failed=lambda error: self._ended(reading, False, error),
        )

    def stop(self) -> None:
        """Stops at once (the sound ends within a few ms, off this thread); finished(False) if reading."""
        worker, self._worker = self._worker, None
        if worker is None:
            return
        self._reading += 1
        worker.cancel()
        self.finished.emit(False)

    def _ended(self, reading: int, reached_end: bool, error: BaseException | None) -> None:
        if error is not None and not isinstance(error, UserFacingError):
            log.error("reading the question aloud failed", exc_info=(type(error), error, error.__traceback__))
        if reading != self._reading or not shiboken6.isValid(self):
            return
        self._worker = None
        if error is not None:
            self.unavailable.emit(error if isinstance(error, UserFacingError) else _engine_broke(error))
        self.finished.emit(reached_end)


def _engine_broke(error: BaseException) -> NoSpeechEngineError:
    wrapped = NoSpeechEngineError(
        "Questions can't be read aloud because of an unexpected problem with the speech engine. "
        "Questions are shown as text meanwhile."
    )
    wrapped.__cause__ = error
    return wrapped
