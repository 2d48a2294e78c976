"""Questions read aloud: text -> cached WAV, rendered by pyttsx3 in a child process.

The child (`tts_render.py`) is given a time limit and killed past it, so a hung or crashing
engine costs the app a clear error, never a frozen window. Where no engine works, the error
says what to install and callers show the question as text instead.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from mockint.core.cancel import Cancelled
from mockint.core.errors import BadInputError
from mockint.speech import tts_render
from mockint.speech.errors import NoSpeechEngineError
from mockint.speech.tts_cache import SpeechKey, TtsCache

DEFAULT_RATE = 170
_CANCEL_POLL_S = 0.02


class UnknownVoiceError(NoSpeechEngineError):
    """The chosen voice is not installed; other voices may still work."""


class SpeechEngineTimeoutError(NoSpeechEngineError):
    """The engine did not answer in time and was stopped."""


class RenderCancelled(Cancelled):
    """render() was cancelled through its `cancel` event; nothing was cached."""


@dataclass(frozen=True)
class VoiceInfo:
    id: str
    name: str
    languages: tuple[str, ...]


def install_hint(platform: str = sys.platform) -> str:
    if platform.startswith("linux"):
        return "Install eSpeak NG: sudo apt install espeak-ng"
    return "Check that your system's text-to-speech voices work and that pyttsx3 is installed (pip install pyttsx3)"


def _no_engine(why: str) -> NoSpeechEngineError:
    why = " ".join(why.split())
    if len(why) > 240:
        why = why[:237] + "..."
    return NoSpeechEngineError(
        f"Questions can't be read aloud: {why}. {install_hint()}. Until then, questions are shown as text."
    )


def spoken_text(text: str) -> str:
    """The text as the engine gets it (and as the cache knows it): white space collapsed."""
    return " ".join(text.split())


class QuestionVoice:
    """Renders questions to WAV files through a child process, caching them on disk."""

    def __init__(
        self,
        cache_dir: Path,
        *,
        voice: str | None = None,
        rate: int = DEFAULT_RATE,
        python: str = sys.executable,
        driver: str | None = None,
        timeout_s: float = 15.0,
    ) -> None:
        self._cache = TtsCache(Path(cache_dir))
        self.voice = voice
        self.rate = int(rate)
        self._python = python
        self._driver = driver
        self._timeout_s = timeout_s
        self._voices: list[VoiceInfo] | None = None
        self._lock = threading.Lock()
        self.child_runs = 0  # how many engine processes this object started (cache hits start none)

    @property
    def engine(self) -> str:
        """The pyttsx3 driver that renders; part of the cache key."""
        return self._driver or tts_render.default_driver()

    def _key(self, text: str) -> SpeechKey:
        return SpeechKey(spoken_text(text), self.voice, self.rate, self.engine)

    def cached(self, text: str) -> Path | None:
        """The rendered file when it is already in the cache; never starts the engine."""
        return self._cache.lookup(self._key(text))

    def render(self, text: str, *, cancel: threading.Event | None = None) -> Path:
        """The WAV of `text` from the cache, rendered first on a miss (blocking: call it off the
        GUI thread). Raises NoSpeechEngineError (or a subclass) when it cannot be rendered,
        RenderCancelled when `cancel` is set meanwhile."""
        key = self._key(text)
        if not key.text:
            raise BadInputError("There is no question text to read aloud.")
        hit = self._cache.lookup(key)
        if hit is not None:
            return hit
        with self._cache.work_folder() as folder:
            out = folder / "speech.wav"
            args = ["render", "--out", str(out), "--rate", str(self.rate), "--timeout", str(self._timeout_s * 0.8)]
            if self.voice is not None:
                args += ["--voice", self.voice]
            if self._driver is not None:
                args += ["--driver", self._driver]
            answer = self._run_child(args, key.text, cancel)
            if answer.get("problem") == "unknown_voice":
                raise UnknownVoiceError(
                    f"The voice {self.voice!r} is not installed here; choose another voice in Settings."
                )
            if not answer.get("ok"):
                raise _no_engine(str(answer.get("detail") or "the speech engine failed"))
            try:
                tts_render.check_wav(out)
            except tts_render.BadWavError as error:
                raise _no_engine(f"the speech engine wrote no usable audio ({error})") from error
            return self._cache.commit(out, key)

    def voices(self) -> list[VoiceInfo]:
        """The engine's voices (asked once per object, through the child process)."""
        with self._lock:
            if self._voices is None:
                args = ["voices"] + (["--driver", self._driver] if self._driver is not None else [])
                answer = self._run_child(args, "", None)
                if not answer.get("ok"):
                    raise _no_engine(str(answer.get("detail") or "the speech engine failed"))
                self._voices = [
                    VoiceInfo(str(v["id"]), str(v["name"]), tuple(v.get("languages") or ())) for v in answer["voices"]
                ]
            return list(self._voices)

    def _run_child(self, args: list[str], stdin_text: str, cancel: threading.Event | None) -> dict:
        command = [self._python, "-m", "mockint.speech.tts_render", *args]
        try:
            process = subprocess.Popen(
                command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=_child_environment(),
                **_own_process_group(),
            )
        except OSError as error:
            raise _no_engine(f"the speech process could not start ({error})") from error
        self.child_runs += 1
        payload: bytes | None = stdin_text.encode("utf-8")
        deadline = time.monotonic() + self._timeout_s
        while True:
            if cancel is not None and cancel.is_set():
                _kill(process)
                raise RenderCancelled()
            try:
                stdout, stderr = process.communicate(payload, timeout=_CANCEL_POLL_S)
                break
            except subprocess.TimeoutExpired:
                payload = None  # already sent; communicate() must not be given it again
                if time.monotonic() > deadline:
                    _kill(process)
                    raise SpeechEngineTimeoutError(
                        f"Questions can't be read aloud: the speech engine did not answer within {self._timeout_s:g} s and was stopped. "
                        "Questions are shown as text meanwhile."
                    ) from None
        return _answer(stdout, stderr, process.returncode)


def _answer(stdout: bytes, stderr: bytes, returncode: int) -> dict:
    lines = stdout.decode("utf-8", "replace").strip().splitlines()
    if lines:
        try:
            answer = json.loads(lines[-1])
        except json.JSONDecodeError:
            answer = None
        if isinstance(answer, dict):
            return answer
    # No answer at all: the engine took the process down (eSpeak NG exits when its data is missing).
    said = [line for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    last = said[-1].strip() if said else f"exit status {returncode}"
    return {"ok": False, "problem": "no_engine", "detail": f"the speech engine stopped ({last})"}


def _child_environment() -> dict[str, str]:
    # The child must import this very mockint, installed or run from a checkout.
    package_root = str(Path(__file__).resolve().parents[2])
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH", "")) if p)
    return env


def _own_process_group() -> dict:
    # So a kill also takes the espeak-ng command the child may have started.
    if sys.platform == "win32":
        return {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP | subprocess.CREATE_NO_WINDOW}
    return {"start_new_session": True}


def _kill(process: subprocess.Popen) -> None:
    try:
        if sys.platform == "win32":
            process.kill()
        else:
            os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    process.communicate()
