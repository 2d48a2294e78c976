"""One spoken answer from microphone to transcript: recording, live recognition, hidden hesitations.

Threads: the Recorder's writer thread hands each chunk to `_on_chunk`, which only measures
silence and queues it twice: a recognition thread of our own creates the StreamingRecognizer and
feeds it, and a scan thread looks for voiced sound (VoicingScanner) as the answer is spoken.
Neither slows the writer (the file is what must not lose audio), both keep pace with the
speaker, and both run at a lower priority than the window (thread_priority). So when the answer
ends, the transcript is ready and only the last second of the scan is left: the report follows
Stop at once, whatever the answer's length. The audio is not kept in memory: the file has it.

The speech model may arrive late (the app loads it in the background while the user already
answers): audio waits in a backlog and is recognised as soon as `provide_model` is called. When
no model can be had (`model_unavailable`), the audio is still recorded and saved; the result
then has no transcript and says why. All public methods except `start` and `finish` are safe
from any thread and return at once.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from mockint.core.errors import UserFacingError
from mockint.core.words import Transcript
from mockint.speech.audio_file import read_audio
from mockint.speech.devices import AudioDevice
from mockint.speech.hesitation import hesitations_outside_words, merge_hesitations
from mockint.speech.recognizer import NON_WORDS, SpeechModel, StreamingRecognizer
from mockint.speech.recorder import Recorder, RecordingResult
from mockint.speech.thread_priority import lower_this_thread_priority
from mockint.speech.transcribe import voicing_of_file
from mockint.speech.voicing import VoicingScanner

log = logging.getLogger(__name__)

# The meter (0..1, linear in dB from -60 dBFS) below this is silence: about -42 dBFS, well under
# speech (-30..-15 dBFS) and above the hiss of a quiet room. The meter's slow release bridges
# the short gaps between syllables, so only real pauses count.
SILENCE_LEVEL = 0.3


@dataclass(frozen=True)
class PipelineResult:
    recording: RecordingResult  # the saved WAV; `.error` is the fault that ended it early, if any
    transcript: Transcript | None  # None when nothing could recognise the audio
    recognition_error: BaseException | None = None  # why there is no transcript (no model, broken model)
    abandoned: bool = False  # finish() gave up waiting for recognition (closing the app)

    @property
    def samples(self) -> np.ndarray:
        """int16 mono, the whole recording, read back from its file when asked (not kept)."""
        try:
            return read_audio(self.recording.path).samples
        except UserFacingError:
            log.warning("the recording %s could not be read back", self.recording.path, exc_info=True)
            return np.zeros(0, dtype="<i2")


@dataclass(frozen=True)
class _ModelArrived:
    model: SpeechModel


@dataclass(frozen=True)
class _NoModel:
    error: BaseException


@dataclass(frozen=True)
class _End:
    give_up_on_model: bool


class _LiveRecognition:
    """The recognition thread: owns the StreamingRecognizer, from creation to finish()."""

    def __init__(self, sample_rate_of: Callable[[], int | None]) -> None:
        self._sample_rate_of = sample_rate_of
        self._queue: queue.SimpleQueue[object] = queue.SimpleQueue()
        self._cancelled = threading.Event()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, name="mockint-recognition", daemon=True)
        self.words: list | None = None
        self.error: BaseException | None = None
        self.text = ""  # committed words + the current partial, for live display
        self._model: SpeechModel | None = None
        self._recognizer: StreamingRecognizer | None = None
        self._backlog: list[bytes] = []
        self._committed_count = 0
        self._committed_text = ""

    def start(self) -> None:
        self._thread.start()

    def put(self, item: object) -> None:
        self._queue.put(item)

    def wait(self, timeout_s: float | None) -> bool:
        return self._done.wait(timeout_s)

    def cancel(self) -> None:
        self._cancelled.set()
        self._queue.put(_End(give_up_on_model=True))

    def _run(self) -> None:
        lower_this_thread_priority()
        try:
            self._loop()
        except Exception as error:  # noqa: BLE001 - a recognition fault must not lose the recording
            log.exception("live recognition failed")
            self.error = error
        finally:
            self._done.set()

    def _loop(self) -> None:
        ending: _End | None = None
        while not self._cancelled.is_set():
            item = self._queue.get()
            if isinstance(item, bytes):
                self._take_audio(item)
            elif isinstance(item, _ModelArrived):
                if self._model is None and self.error is None:
                    self._model = item.model
                    self._begin_if_ready()
            elif isinstance(item, _NoModel):
                if self._model is None and self.error is None:
                    self.error = item.error
                    self._backlog.clear()
            elif isinstance(item, _End):
                ending = item
            if ending is not None:
                if self._recognizer is not None:
                    self.words = self._recognizer.finish()
                    return
                if self._model is not None and self.error is None:
                    self.words = []  # a model, but not one chunk of audio to give it
                    return
                if self.error is not None or ending.give_up_on_model:
                    return

    def _take_audio(self, pcm: bytes) -> None:
        if self._recognizer is not None:
            self._feed(pcm)
        elif self.error is None:
            self._backlog.append(pcm)
            self._begin_if_ready()

    def _begin_if_ready(self) -> None:
        if self._model is None or not self._backlog:
            return
        rate = self._sample_rate_of()
        assert rate is not None  # audio has arrived, so the recorder knows its rate
        try:
            self._recognizer = StreamingRecognizer(self._model, rate)  # created on the thread that feeds it
        except UserFacingError as error:  # BrokenModelError: the graph cannot be opened
            self.error = error
            self._backlog.clear()
            return
        backlog, self._backlog = self._backlog, []
        for pcm in backlog:
            if self._cancelled.is_set():
                return
            self._feed(pcm)

    def _feed(self, pcm: bytes) -> None:
        recognizer = self._recognizer
        assert recognizer is not None
        recognizer.accept(pcm)
        committed = recognizer.committed_words
        if len(committed) != self._committed_count:
            self._committed_count = len(committed)
            self._committed_text = " ".join(word.text for word in committed)
        partial = " ".join(t for t in recognizer.partial_text.split() if t.lower() not in NON_WORDS)
        self.text = " ".join(part for part in (self._committed_text, partial) if part)


class _LiveScan:
    """The scan thread: voicing of the answer as it is recorded, in bounded memory."""

    def __init__(self, sample_rate_of: Callable[[], int | None]) -> None:
        self._sample_rate_of = sample_rate_of
        self._queue: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._done = threading.Event()
        self._cancelled = False
        self._thread = threading.Thread(target=self._run, name="mockint-hesitation-scan", daemon=True)
        self.scanner: VoicingScanner | None = None
        self.frames = 0
        self.error: BaseException | None = None

    def start(self) -> None:
        self._thread.start()

    def put(self, pcm: bytes) -> None:
        self._queue.put(pcm)

    def end(self) -> None:
        self._queue.put(None)

    def cancel(self) -> None:
        self._cancelled = True
        self._queue.put(None)

    def wait(self, timeout_s: float | None) -> bool:
        return self._done.wait(timeout_s)

    def _run(self) -> None:
        lower_this_thread_priority()
        try:
            while (pcm := self._queue.get()) is not None:
                if self._cancelled:
                    return
                if self.scanner is None:
                    rate = self._sample_rate_of()
                    assert rate is not None  # audio has arrived, so the recorder knows its rate
                    self.scanner = VoicingScanner(rate)
                self.scanner.feed(np.frombuffer(pcm, dtype="<i2"))
                self.frames += len(pcm) // 2
            if self.scanner is not None and not self._cancelled:
                self.scanner.finish()
        except Exception as error:  # noqa: BLE001 - a scan fault must not lose the answer
            log.exception("the live hesitation scan failed")
            self.error = error
        finally:
            self._done.set()


class AnswerPipeline:
    """`start(device, wav_path)`, then `finish() -> PipelineResult`. One pipeline per answer.

    `on_fault(error)` is called (on the recorder's thread) when a fault ends the recording early:
    DeviceLostError, DiskFullError, StorageError; what was captured is kept for `finish()`.
    `recorder_options` go to the Recorder (stream_factory, input_format, timeouts).
    """

    def __init__(
        self,
        *,
        model: SpeechModel | None = None,
        on_fault: Callable[[UserFacingError], None] | None = None,
        silence_level: float = SILENCE_LEVEL,
        **recorder_options: Any,
    ) -> None:
        self._on_fault = on_fault
        self._silence_level = silence_level
        self._recorder_options = recorder_options
        self._recorder: Recorder | None = None
        self._recognition = _LiveRecognition(self._sample_rate)
        self._scan = _LiveScan(self._sample_rate)
        self._frames = 0
        self._last_sound_frame = 0
        self._result: PipelineResult | None = None
        self._started = False
        if model is not None:
            self.provide_model(model)

    # -- from any thread

    def provide_model(self, model: SpeechModel) -> None:
        """The speech model is ready: recognition starts (and catches up) now."""
        self._recognition.put(_ModelArrived(model))

    def model_unavailable(self, error: BaseException) -> None:
        """No model can be had: record anyway; the result carries this error instead of a transcript."""
        self._recognition.put(_NoModel(error))

    @property
    def started(self) -> bool:
        """True once start() has returned: audio is flowing."""
        return self._started

    @property
    def level(self) -> float:
        return self._recorder.level if self._recorder is not None else 0.0

    @property
    def elapsed_s(self) -> float:
        return self._recorder.elapsed_s if self._recorder is not None else 0.0

    @property
    def silence_s(self) -> float:
        """Seconds of audio since the level was last above the silence threshold."""
        rate = self._recorder.sample_rate if self._recorder is not None else None
        # Read in this order: the writer thread moves `_last_sound_frame` only up to `_frames`.
        last_sound = self._last_sound_frame
        return max(0, self._frames - last_sound) / rate if rate else 0.0

    @property
    def live_text(self) -> str:
        """What has been recognised so far: finished utterances plus the one being spoken."""
        return self._recognition.text

    # -- the owner's thread (blocking)

    def start(self, device: AudioDevice | None, wav_path: Path) -> None:
        """Opens the microphone and returns once audio flows (NoMicrophoneError, StorageError)."""
        if self._recorder is not None:
            raise RuntimeError("an AnswerPipeline records one answer; make a new one for the next")
        self._recorder = Recorder(
            device, Path(wav_path), on_chunk=self._on_chunk, on_error=self._on_error, **self._recorder_options
        )
        self._recognition.start()
        self._scan.start()
        try:
            self._recorder.start()
        except BaseException:
            self._recognition.cancel()
            self._scan.cancel()
            raise
        self._started = True

    def finish(self, *, give_up_after_s: float | None = None) -> PipelineResult:
        """Stops recording and returns the saved audio with its transcript.

        Waits for recognition to catch up, and for a model still loading. With
        `give_up_after_s` (the app is closing) it waits no longer than that and does not wait
        for a model; the recording is kept either way.
        """
        if self._result is not None:
            return self._result
        if self._recorder is None:
            raise RuntimeError("finish() before start()")
        recording = self._recorder.stop()  # every chunk has been handed over once this returns
        self._recognition.put(_End(give_up_on_model=give_up_after_s is not None))
        self._scan.end()
        finished = self._recognition.wait(give_up_after_s)
        if not finished:
            self._recognition.cancel()
            self._scan.cancel()
        transcript = None
        words = self._recognition.words if finished else None
        if words is not None:
            hesitations = self._hesitations(recording, words, give_up_after_s)
            transcript = Transcript(
                merge_hesitations(words, hesitations), duration_s=round(recording.duration_s, 3), answer_start_s=0.0
            )
        error = self._recognition.error if finished and words is None else None
        self._result = PipelineResult(recording, transcript, error, abandoned=words is None and error is None)
        return self._result

    # -- the recorder's writer thread

    def _on_chunk(self, pcm: bytes) -> None:
        assert self._recorder is not None
        self._frames += len(pcm) // 2
        if self._recorder.level >= self._silence_level:
            self._last_sound_frame = self._frames
        self._recognition.put(pcm)
        self._scan.put(pcm)

    def _on_error(self, error: UserFacingError) -> None:
        if self._on_fault is not None:
            self._on_fault(error)

    def _sample_rate(self) -> int | None:
        return self._recorder.sample_rate if self._recorder is not None else None

    def _hesitations(self, recording: RecordingResult, words: list, give_up_after_s: float | None) -> list:
        if recording.frames == 0:
            return []
        if not self._scan.wait(give_up_after_s):
            self._scan.cancel()
            return []  # closing the app: the words are worth more than the hesitations
        scanner = self._scan.scanner
        complete = self._scan.error is None and self._scan.frames == recording.frames
        if scanner is None or not complete or recording.on_chunk_error is not None:
            try:  # the live scan missed audio; the file has it all
                scanner = voicing_of_file(recording.path)
            except UserFacingError:
                log.warning("the recording %s could not be read back", recording.path, exc_info=True)
                return []
        return hesitations_outside_words(scanner, words)
