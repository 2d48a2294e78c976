"""The text-to-speech child process: `python -m mockint.speech.tts_render render|voices ...`.

pyttsx3 runs here, never in the app: its driver loop is not safe inside Qt, and a broken engine
may hang or even end the process (eSpeak NG calls exit(1) when its data files are missing). The
parent (`tts.py`) gives this process a time limit and kills it past that.

Protocol: the text to speak comes on standard input (UTF-8). The result is ONE JSON object on
standard output: {"ok": true, "method": ...} or {"ok": false, "problem": ..., "detail": ...};
anything the engine prints goes to standard error. Exit status 0 done, 3 no engine, 4 unknown
voice.

Why this waits for "finished-utterance" and has an `espeak-ng -w` fallback: with pyttsx3 2.99's
espeak driver, `runAndWait()` returns after one 10 ms turn of its loop, not when synthesis is
done (espeak synthesises on its own thread in AUDIO_OUTPUT_RETRIEVAL mode, and the queued
endLoop stops the loop at once). A long text, or a short one on a busy machine, then leaves no
file, or the previous one. Waiting for the driver's "finished-utterance" notification fixes that
(the file is closed before it fires); measured output is byte-identical to `espeak-ng -w` at the
same voice and rate. Should the pyttsx3 path still fail (no notification, an error, a bad file),
the espeak-ng command renders the same audio.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import threading
import wave
from dataclasses import dataclass
from pathlib import Path

EXIT_OK = 0
EXIT_NO_ENGINE = 3
EXIT_UNKNOWN_VOICE = 4

METHOD_PYTTSX3 = "pyttsx3"
METHOD_ESPEAK_COMMAND = "espeak-ng-command"
ESPEAK_DRIVER = "espeak"


@dataclass(frozen=True)
class WavFacts:
    sample_rate: int
    channels: int
    frames: int

    @property
    def duration_s(self) -> float:
        return self.frames / self.sample_rate


class BadWavError(Exception):
    """A rendered file that is missing, empty or not a PCM WAV."""


def check_wav(path: Path) -> WavFacts:
    """Facts of a rendered WAV; BadWavError when there is no sound in it to play."""
    try:
        with wave.open(str(path), "rb") as reader:
            facts = WavFacts(reader.getframerate(), reader.getnchannels(), reader.getnframes())
    except (OSError, EOFError, wave.Error) as error:
        raise BadWavError(f"not a readable WAV file ({error})") from error
    if facts.frames <= 0 or facts.sample_rate <= 0:
        raise BadWavError("the WAV file holds no audio")
    return facts


class EngineFailed(Exception):
    """The pyttsx3 path did not produce a file; the text says why."""


class UnknownVoice(Exception):
    pass


def _pyttsx3_voices(engine) -> list[dict]:
    found = []
    for voice in engine.getProperty("voices") or []:
        languages = [
            lang.decode("utf-8", "replace") if isinstance(lang, bytes) else str(lang)
            for lang in (voice.languages or [])
        ]
        found.append({"id": str(voice.id), "name": str(voice.name or voice.id), "languages": languages})
    return found


def _start_engine(driver: str | None):
    try:
        import pyttsx3

        return pyttsx3.init(driver)
    except Exception as error:  # noqa: BLE001 - any failure here means "this engine does not work"
        raise EngineFailed(
            f"pyttsx3 could not start the {driver or 'default'} speech driver ({type(error).__name__}: {error})"
        ) from error


def _render_with_pyttsx3(engine, text: str, out: Path, voice: str | None, rate: int, wait_s: float) -> None:
    if voice is not None:
        known = {item["id"].lower() for item in _pyttsx3_voices(engine)}
        if voice.lower() not in known:
            raise UnknownVoice(voice)
    finished = threading.Event()
    errors: list[str] = []
    engine.connect("finished-utterance", lambda **_: finished.set())
    engine.connect("error", lambda exception=None, **_: errors.append(f"{type(exception).__name__}: {exception}"))
    if voice is not None:
        engine.setProperty("voice", voice)
    engine.setProperty("rate", rate)
    engine_out = out.with_name(out.name + ".engine.wav")
    engine.save_to_file(text, str(engine_out))
    engine.runAndWait()
    if not finished.wait(wait_s):
        raise EngineFailed(f"pyttsx3 did not finish within {wait_s:g} s")
    if errors:
        raise EngineFailed("pyttsx3 reported: " + "; ".join(errors))
    try:
        check_wav(engine_out)
    except BadWavError as error:
        raise EngineFailed(f"pyttsx3 wrote a bad file: {error}") from error
    os.replace(engine_out, out)


def _render_with_espeak_command(text: str, out: Path, voice: str | None, rate: int, wait_s: float) -> None:
    command = shutil.which("espeak-ng")
    if command is None:
        raise EngineFailed("the espeak-ng command is not installed")
    args = [command, "-w", str(out), "-s", str(rate), "--stdin"]
    if voice is not None:
        args[1:1] = ["-v", voice]
    try:
        done = subprocess.run(args, input=text.encode("utf-8"), capture_output=True, timeout=wait_s, check=False)
    except subprocess.TimeoutExpired as error:
        raise EngineFailed(f"espeak-ng did not finish within {wait_s:g} s") from error
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise EngineFailed(f"espeak-ng failed ({detail[-1] if detail else f'exit status {done.returncode}'})")
    try:
        check_wav(out)
    except BadWavError as error:
        raise EngineFailed(f"espeak-ng wrote a bad file: {error}") from error


def render(
    text: str, out: Path, *, voice: str | None, rate: int, driver: str | None, method: str, timeout_s: float
) -> tuple[int, dict]:
    """Renders `text` to `out`; returns (exit status, result object)."""
    failures: list[str] = []
    # The espeak-ng command is a fallback for pyttsx3's espeak driver only: it is the same engine.
    fallback_allowed = (driver or default_driver()) == ESPEAK_DRIVER
    if method in ("auto", METHOD_PYTTSX3):
        try:
            engine = _start_engine(driver)
            _render_with_pyttsx3(engine, text, out, voice, rate, timeout_s / 2 if fallback_allowed else timeout_s)
            return EXIT_OK, {"ok": True, "method": METHOD_PYTTSX3}
        except UnknownVoice:
            return EXIT_UNKNOWN_VOICE, {
                "ok": False,
                "problem": "unknown_voice",
                "detail": f"the voice {voice!r} is not installed",
            }
        except EngineFailed as error:
            failures.append(str(error))
    if method == METHOD_ESPEAK_COMMAND or (method == "auto" and fallback_allowed):
        try:
            _render_with_espeak_command(text, out, voice, rate, timeout_s / 2)
            return EXIT_OK, {"ok": True, "method": METHOD_ESPEAK_COMMAND, "after": failures}
        except EngineFailed as error:
            failures.append(str(error))
    return EXIT_NO_ENGINE, {"ok": False, "problem": "no_engine", "detail": "; ".join(failures)}


def list_voices(driver: str | None) -> tuple[int, dict]:
    try:
        engine = _start_engine(driver)
        return EXIT_OK, {"ok": True, "voices": _pyttsx3_voices(engine)}
    except EngineFailed as error:
        return EXIT_NO_ENGINE, {"ok": False, "problem": "no_engine", "detail": str(error)}
    except Exception as error:  # noqa: BLE001 - a driver that starts but cannot list voices does not work either
        return EXIT_NO_ENGINE, {"ok": False, "problem": "no_engine", "detail": f"{type(error).__name__}: {error}"}


def default_driver() -> str:
    try:
        from pyttsx3.engine import default_engine_by_sys_platform
    except ImportError:
        return ESPEAK_DRIVER if sys.platform.startswith("linux") else ""
    return default_engine_by_sys_platform()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m mockint.speech.tts_render")
    verbs = parser.add_subparsers(dest="verb", required=True)
    make = verbs.add_parser("render", help="render the text on standard input to a WAV file")
    make.add_argument("--out", type=Path, required=True)
    make.add_argument("--rate", type=int, required=True)
    make.add_argument("--voice")
    make.add_argument("--driver")
    make.add_argument("--method", choices=("auto", METHOD_PYTTSX3, METHOD_ESPEAK_COMMAND), default="auto")
    make.add_argument("--timeout", type=float, default=10.0, help="seconds this process may spend rendering")
    listing = verbs.add_parser("voices", help="list the engine's voices")
    listing.add_argument("--driver")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    protocol = sys.stdout
    # pyttsx3's espeak driver prints "Audio saved to ..." from its synthesis thread: keep the
    # protocol stream for the one JSON answer.
    with contextlib.redirect_stdout(sys.stderr):
        if args.verb == "render":
            text = sys.stdin.buffer.read().decode("utf-8", "replace")
            status, answer = render(
                text,
                args.out,
                voice=args.voice,
                rate=args.rate,
                driver=args.driver,
                method=args.method,
                timeout_s=args.timeout,
            )
        else:
            status, answer = list_voices(args.driver)
    protocol.write(json.dumps(answer) + "\n")
    protocol.flush()
    sys.stderr.flush()
    # The eSpeak library keeps threads of its own and asserts when torn down from Python
    # (pyttsx3 never terminates it for that reason): leave without interpreter teardown.
    os._exit(status)


if __name__ == "__main__":
    main()
