"""Reads what `mockint analyze` was given and tells a transcript from a recognizer result or audio."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from mockint.core.errors import BadInputError
from mockint.core.transcript_parse import transcript_from_text, transcript_from_vosk_json
from mockint.core.words import Transcript

AUDIO_SUFFIXES = {".wav", ".wave", ".flac", ".ogg", ".mp3", ".m4a", ".opus", ".aac", ".webm"}
MAX_TEXT_BYTES = 20 * 1024 * 1024  # far beyond any answer; stops a wrong file from eating memory


class InputKind(enum.Enum):
    TEXT = "text"
    VOSK_JSON = "vosk_json"
    AUDIO = "audio"


@dataclass(frozen=True)
class LoadedInput:
    kind: InputKind
    transcript: Transcript | None  # None for audio, which is transcribed separately


def _looks_like_audio(path: Path, head: bytes) -> bool:
    return (
        path.suffix.lower() in AUDIO_SUFFIXES or head[:4] in (b"RIFF", b"RIFX", b"fLaC", b"OggS") or head[:3] == b"ID3"
    )


def _decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BadInputError(f"{source} is not UTF-8 text; save the transcript as UTF-8 and try again") from None


def _parse(text: str, source: str, as_json: bool) -> LoadedInput:
    if as_json:
        return LoadedInput(InputKind.VOSK_JSON, transcript_from_vosk_json(text, source))
    return LoadedInput(InputKind.TEXT, transcript_from_text(text))


def read_input(spec: str, stdin: TextIO) -> LoadedInput:
    """`-` reads standard input; otherwise a file. JSON is recognised by suffix or by its first character."""
    if spec == "-":
        data = stdin.buffer.read(MAX_TEXT_BYTES + 1) if hasattr(stdin, "buffer") else stdin.read().encode("utf-8")
        if len(data) > MAX_TEXT_BYTES:
            raise BadInputError("standard input is larger than 20 MB; that is not one answer's transcript")
        text = _decode(data, "standard input")
        return _parse(text, "standard input", text.lstrip()[:1] in ("{", "["))
    path = Path(spec)
    try:
        if path.is_dir():
            raise BadInputError(f"{spec} is a folder; give a transcript, a recognizer JSON or an audio file")
        if path.exists() and not path.is_file():  # a FIFO would block this read; a device never ends
            raise BadInputError(f"{spec} is a pipe or a device, not a file; save what it holds to a file first")
        if path.stat().st_size > MAX_TEXT_BYTES and path.suffix.lower() not in AUDIO_SUFFIXES:
            raise BadInputError(f"{spec} is larger than 20 MB; that is not one answer's transcript")
        with path.open("rb") as f:
            head = f.read(16)
            if _looks_like_audio(path, head):
                return LoadedInput(InputKind.AUDIO, None)
            data = head + f.read()
    except FileNotFoundError:
        raise BadInputError(f"{spec} does not exist") from None
    except PermissionError:
        raise BadInputError(f"{spec} cannot be read (permission denied)") from None
    except OSError as error:
        raise BadInputError(f"{spec} cannot be read: {error.strerror or error}") from None
    text = _decode(data, spec)
    as_json = path.suffix.lower() == ".json" or text.lstrip()[:1] in ("{", "[")
    return _parse(text, spec, as_json)
