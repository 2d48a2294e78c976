"""Vosk recognition: a model loaded once and shared, and a streaming recognizer per answer.

Threading: `load_model` takes seconds (hundreds of MB read and mapped), so it runs once on a
background thread and its SpeechModel is shared by every thread. A StreamingRecognizer wraps
one Kaldi decoder and is used by one thread only (the one that created it): the recorder feeds
it from its writer thread as audio arrives, so the words are ready when the answer ends.

Which tokens become words: Vosk writes `[unk]` for speech outside the model's vocabulary, and
some models write noise markers such as `[noise]` or `[laughter]`. Those are sounds, not words,
so they are dropped (a voiced `[unk]` is exactly what the hesitation detector looks for). Other
bracketed tokens are kept: models spell filler sounds that way (`[uh]`, which the analysis
counts as a filler), and the Korean model writes spoken numbers and symbols as `[5]`, `[쩜]`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from mockint.core.words import Word
from mockint.speech.errors import BrokenModelError
from mockint.speech.model_check import broken_model_message, check_model_dir
from mockint.speech.model_log import engine_log_level

NON_WORDS = frozenset(
    {"[unk]", "<unk>", "[noise]", "<noise>", "[laughter]", "[laugh]", "[breath]", "[cough]",
     "[sil]", "<sil>", "[spn]", "<spn>", "<eps>", "[music]"}
)  # fmt: skip

_PARTIAL_EVERY_S = 0.2  # a fresh partial this often is plenty for live display, and cheap
# Audio reaches Kaldi in blocks of this length whatever size the caller's chunks are: Vosk
# checks for the end of an utterance once per block it is given, so the block size moves
# utterance boundaries (and so the words). Fixed blocks make a file and a live recording of the
# same audio give the same words. The decoding cost does not depend on it.
BLOCK_S = 0.1
# Kaldi dithers its input with noise, so on digital silence (a muted microphone, the padding of
# a file) it now and then "hears" a word. A word whose audio never rises above -60 dBFS was not
# spoken; it is dropped.
SILENT_PEAK = 33
_EDGE_S = 0.03  # word edges sit on a 30 ms grid


@dataclass(frozen=True, eq=False)
class SpeechModel:
    """A loaded Vosk model; safe to share between threads (the decoders are per thread)."""

    path: Path
    vosk_model: object = field(repr=False)


def _vosk():
    import vosk  # deferred: importing vosk loads its native library

    vosk.SetLogLevel(engine_log_level())  # silent unless `mockint --verbose`
    return vosk


def load_model(path: Path, *, name: str | None = None) -> SpeechModel:
    """Check the folder, then load it with Vosk; BrokenModelError (with the fix) on any failure.

    `name` is the catalogue name of the model when known, so the message can name the exact
    download command. A decoder is built once here as well: Vosk only opens the decoding graph
    then, so a damaged graph is found at load time and not when the user starts answering.
    """
    path = Path(path)
    check_model_dir(path, name=name)
    vosk = _vosk()
    try:
        model = vosk.Model(str(path))
        vosk.KaldiRecognizer(model, 16000)
    except Exception:  # noqa: BLE001 - vosk raises bare Exception for every load failure
        raise BrokenModelError(
            broken_model_message(
                path, ["Vosk could not load it (a file is damaged or from an incompatible version)"], name=name
            )
        ) from None
    return SpeechModel(path, model)


class StreamingRecognizer:
    """Words from int16 mono PCM fed as it arrives; create and use it on one thread.

    Word times are seconds from the start of the audio fed to this recognizer.
    """

    def __init__(
        self,
        model: SpeechModel,
        sample_rate: int,
        *,
        on_partial: Callable[[str], None] | None = None,
    ) -> None:
        if sample_rate <= 0:
            raise ValueError(f"sample rate must be positive, not {sample_rate}")
        vosk = _vosk()
        try:
            self._decoder = vosk.KaldiRecognizer(model.vosk_model, float(sample_rate))
        except Exception:  # noqa: BLE001 - vosk raises bare Exception when the graph cannot be opened
            raise BrokenModelError(
                broken_model_message(
                    model.path, ["Vosk could not start recognising with it (the decoding graph is damaged)"]
                )
            ) from None
        self._decoder.SetWords(True)
        self._sample_rate = sample_rate
        self._on_partial = on_partial
        self._words: list[Word] = []
        self._partial_text = ""
        self._block_bytes = 2 * max(1, round(BLOCK_S * sample_rate))
        self._block_peaks: list[int] = []  # loudest sample of each block decoded
        self._pending = bytearray()
        self._frames_fed = 0
        self._frames_at_last_partial = 0
        self._finished = False

    @property
    def sample_rate(self) -> int:
        return self._sample_rate

    @property
    def partial_text(self) -> str:
        """What the current utterance sounds like so far (changes as audio arrives)."""
        return self._partial_text

    @property
    def committed_words(self) -> tuple[Word, ...]:
        """Words of the utterances already closed by a pause; final, they will not change."""
        return tuple(self._words)

    @property
    def fed_s(self) -> float:
        """Seconds of audio accepted so far."""
        return (self._frames_fed + len(self._pending) // 2) / self._sample_rate

    def accept(self, pcm: bytes) -> None:
        """Feed little-endian int16 mono samples, any length (a trailing odd byte waits for its pair)."""
        if self._finished:
            raise RuntimeError("this recognizer has finished; start a new one for the next answer")
        self._pending += pcm
        whole = len(self._pending) - len(self._pending) % self._block_bytes
        for offset in range(0, whole, self._block_bytes):
            self._decode(bytes(self._pending[offset : offset + self._block_bytes]))
        del self._pending[:whole]

    def finish(self) -> list[Word]:
        """Close the last utterance and return every word of the answer, in time order."""
        if not self._finished:
            self._finished = True
            rest = len(self._pending) & ~1
            if rest:
                self._decode(bytes(self._pending[:rest]), partial=False)
            self._pending.clear()
            self._collect(self._decoder.FinalResult())
            self._set_partial("")
        return list(self._words)

    def _decode(self, block: bytes, *, partial: bool = True) -> None:
        self._frames_fed += len(block) // 2
        self._block_peaks.append(int(np.abs(np.frombuffer(block, dtype="<i2").astype(np.int32)).max()))
        if self._decoder.AcceptWaveform(block):
            self._collect(self._decoder.Result())
            self._set_partial("")
        elif partial and self._frames_fed - self._frames_at_last_partial >= _PARTIAL_EVERY_S * self._sample_rate:
            self._frames_at_last_partial = self._frames_fed
            self._set_partial(json.loads(self._decoder.PartialResult()).get("partial", ""))

    def _collect(self, result_json: str) -> None:
        decoded_s = self._frames_fed / self._sample_rate
        for item in json.loads(result_json).get("result", ()):
            text = str(item.get("word", "")).strip()
            if not text or text.lower() in NON_WORDS or self._silent(float(item["start"]), float(item["end"])):
                continue
            # Vosk rounds to its frame grid, which can land a hair past the end of the audio.
            start = min(max(float(item["start"]), 0.0), decoded_s)
            end = min(max(float(item["end"]), start), decoded_s)
            self._words.append(Word(text, round(start, 3), round(end, 3), _conf(item)))

    def _silent(self, start: float, end: float) -> bool:
        block_s = self._block_bytes / 2 / self._sample_rate
        first = max(0, int((start - _EDGE_S) / block_s))
        last = min(len(self._block_peaks) - 1, int((end + _EDGE_S) / block_s))
        return first > last or max(self._block_peaks[first : last + 1]) < SILENT_PEAK

    def _set_partial(self, text: str) -> None:
        if text == self._partial_text:
            return
        self._partial_text = text
        if self._on_partial is not None:
            self._on_partial(text)


def _conf(item: dict) -> float | None:
    conf = item.get("conf")
    return None if conf is None else round(float(conf), 4)
