"""Reading a recorded answer from an audio file as mono 16-bit samples, the form Vosk takes.

Decoding is libsndfile's (through soundfile): WAV in every common flavour (8/16/24/32-bit PCM,
float, WAVE_FORMAT_EXTENSIBLE, ADPCM), FLAC, Ogg Vorbis and Opus, and MP3. A file is streamed in
blocks (`open_audio(...).blocks()`), so memory does not grow with its length; `read_audio`
reads a whole (short) file for callers that want the samples at once.

Before libsndfile sees a file, it is checked here: only a regular file is opened (a FIFO would
block, a device would stream forever), and a RIFF/WAVE header is walked by our own reader, so
damage is reported in words a user understands instead of libsndfile's. A data chunk that
claims more bytes than the file holds is read up to the end of the file (libsndfile does so
too): that is what a recorder killed mid-answer leaves, and the audio before the cut is good.
"""

from __future__ import annotations

import codecs
import os
import stat
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np

from mockint.speech.errors import UnreadableAudioError

SUPPORTED_FORMATS = "WAV (8, 16, 24 or 32-bit PCM, float or ADPCM), FLAC, Ogg (Vorbis or Opus) or MP3"
BLOCK_S = 1.0  # one second per block: big enough for numpy, small enough to be nothing in memory

_PCM = 0x0001
_FLOAT = 0x0003
_EXTENSIBLE = 0xFFFE
# The first two bytes of the sub-format GUID carry the real format tag; the rest is fixed.
_GUID_TAIL = b"\x00\x00\x00\x00\x10\x00\x80\x00\x00\xaa\x00\x38\x9b\x71"
_MAX_HEADER_CHUNKS = 64  # a WAV has a handful of chunks before its audio; more is not a WAV

_OTHER_CONTAINERS = (
    (b"fLaC", "a FLAC file"),
    (b"OggS", "an Ogg file"),
    (b"ID3", "an MP3 file"),
    (b"\xff\xfb", "an MP3 file"),
    (b"\xff\xf3", "an MP3 file"),
    (b"\xff\xf2", "an MP3 file"),
    (b"PK\x03\x04", "a zip archive"),
    (b"RIFX", "a big-endian WAV file"),
    (b"FORM", "an AIFF file"),
    (b"\x1aE\xdf\xa3", "a WebM/Matroska file"),
    (b"%PDF", "a PDF document"),
)


@dataclass(frozen=True, eq=False)
class AudioClip:
    """Mono int16 samples at `sample_rate` frames per second."""

    samples: np.ndarray
    sample_rate: int

    @property
    def duration_s(self) -> float:
        return len(self.samples) / self.sample_rate

    def pcm_bytes(self) -> bytes:
        """Little-endian int16 bytes, as the streaming recognizer takes them."""
        return self.samples.astype("<i2", copy=False).tobytes()


class AudioSource:
    """An open audio file: `sample_rate`, `frames`, and `blocks()` of mono int16. Close it
    (or use it as a context manager)."""

    def __init__(self, path: Path, sound_file: Any) -> None:
        self.path = path
        self._file = sound_file
        self.sample_rate = int(sound_file.samplerate)
        self.channels = int(sound_file.channels)
        self.frames = int(sound_file.frames)  # libsndfile's count; MP3's can be an estimate

    @property
    def duration_s(self) -> float:
        return self.frames / self.sample_rate

    def blocks(self, block_frames: int | None = None) -> Iterator[np.ndarray]:
        """Mono int16 blocks from the start to the end of the audio (channels averaged)."""
        size = block_frames or max(1, round(BLOCK_S * self.sample_rate))
        try:
            self._file.seek(0)
            while True:
                block = self._file.read(size, dtype="float32", always_2d=True)
                if not len(block):
                    return
                yield _to_pcm16(block)
        except RuntimeError as error:  # soundfile's LibsndfileError: damage past the header
            raise UnreadableAudioError(f"{self.path} is damaged part-way through: {error}") from None

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> AudioSource:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_audio(path: Path | str) -> AudioSource:
    """The audio file opened for streaming; UnreadableAudioError (one line, naming the file) if
    it is not a regular file, cannot be read, is damaged or holds no audio."""
    import soundfile  # imported here: it loads libsndfile, which is no import-time job

    path = Path(path)
    _check_regular_file(path)
    try:
        with path.open("rb") as stream:
            head = stream.read(64)
            if not head:
                raise UnreadableAudioError(f"{path} is empty")
            if head[:4] == b"RIFF":
                _check_wav_header(path, stream, head)
    except PermissionError:
        raise UnreadableAudioError(f"{path} cannot be read (permission denied)") from None
    except OSError as error:
        raise UnreadableAudioError(f"{path} cannot be read: {error.strerror or error}") from None
    try:
        sound_file = soundfile.SoundFile(str(path))
    except (RuntimeError, TypeError) as error:  # LibsndfileError is a RuntimeError
        if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
            raise UnreadableAudioError(
                f"{path} uses a WAV encoding MockInt cannot read; use {SUPPORTED_FORMATS}"
            ) from error
        raise UnreadableAudioError(
            f"{path} is {_what_it_is(head)}, not an audio file MockInt can read; it reads {SUPPORTED_FORMATS}"
        ) from error
    source = AudioSource(path, sound_file)
    if source.frames == 0:
        source.close()
        raise UnreadableAudioError(f"{path} is an audio file with no audio in it (zero frames)")
    if not 1000 <= source.sample_rate <= 384000:
        source.close()
        raise UnreadableAudioError(f"{path} is a damaged audio file: it claims {source.sample_rate} samples per second")
    return source


def read_audio(path: Path | str) -> AudioClip:
    """The whole file as mono int16 (channels averaged); UnreadableAudioError otherwise."""
    with open_audio(path) as source:
        blocks = list(source.blocks())
        rate = source.sample_rate
    if not blocks:
        raise UnreadableAudioError(f"{path} is an audio file with no audio in it (zero frames)")
    return AudioClip(np.concatenate(blocks), rate)


def _to_pcm16(block: np.ndarray) -> np.ndarray:
    mono = block.mean(axis=1) if block.shape[1] > 1 else block[:, 0]
    mono = np.nan_to_num(mono, nan=0.0, posinf=1.0, neginf=-1.0)
    return np.clip(np.rint(mono * np.float32(32768.0)), -32768, 32767).astype(np.int16)


def _check_regular_file(path: Path) -> None:
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise UnreadableAudioError(f"{path} does not exist") from None
    except PermissionError:
        raise UnreadableAudioError(f"{path} cannot be read (permission denied)") from None
    except OSError as error:
        raise UnreadableAudioError(f"{path} cannot be read: {error.strerror or error}") from None
    if stat.S_ISDIR(mode):
        raise UnreadableAudioError(f"{path} is a folder, not an audio file")
    if stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode):
        raise UnreadableAudioError(f"{path} is a pipe, not an audio file; save the audio to a file first")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        raise UnreadableAudioError(f"{path} is a device, not an audio file; record to a file first")
    if not stat.S_ISREG(mode):
        raise UnreadableAudioError(f"{path} is not a regular file")
    if not os.access(path, os.R_OK):
        raise UnreadableAudioError(f"{path} cannot be read (permission denied)")


def _check_wav_header(path: Path, stream: BinaryIO, head: bytes) -> None:
    """Walks the chunks up to the audio, naming the damage a user could meet; reads no audio."""
    if len(head) < 12:
        raise UnreadableAudioError(f"{path} is a damaged WAV file: its header is cut short")
    if head[8:12] != b"WAVE":
        kind = head[8:12].decode("latin-1", "replace").strip() or "unknown"
        raise UnreadableAudioError(f"{path} is a RIFF file of another kind ({kind}), not a WAV file")
    file_size = os.fstat(stream.fileno()).st_size
    seen_format = False
    offset = 12
    for _ in range(_MAX_HEADER_CHUNKS):
        if offset + 8 > file_size:
            break
        stream.seek(offset)
        header = stream.read(8)
        chunk_id, (size,) = header[:4], struct.unpack_from("<I", header, 4)
        if chunk_id == b"fmt ":
            if offset + 8 + size > file_size:
                break
            _check_fmt(path, stream.read(min(size, 64)))
            seen_format = True
        elif chunk_id == b"data":
            if not seen_format:
                raise UnreadableAudioError(
                    f"{path} is a damaged WAV file: the audio comes before its format description"
                )
            return
        offset += 8 + size + (size & 1)  # chunks are padded to an even length
    if not seen_format:
        raise UnreadableAudioError(f"{path} is a damaged WAV file: its header is cut short or missing its format")
    raise UnreadableAudioError(f"{path} is a damaged WAV file: it has no audio data chunk")


def _check_fmt(path: Path, body: bytes) -> None:
    if len(body) < 16:
        raise UnreadableAudioError(f"{path} is a damaged WAV file: its format description is cut short")
    tag, channels, rate, _byte_rate, block_align, bits = struct.unpack_from("<HHIIHH", body)
    if tag == _EXTENSIBLE and len(body) >= 40 and body[26:40] == _GUID_TAIL:
        (tag,) = struct.unpack_from("<H", body, 24)
    if not 1000 <= rate <= 384000:
        raise UnreadableAudioError(f"{path} is a damaged WAV file: it claims {rate} samples per second")
    if tag not in (_PCM, _FLOAT):
        return  # ADPCM, A-law and friends: libsndfile decodes what it knows and refuses the rest
    valid = (tag == _PCM and bits in (8, 16, 24, 32)) or (tag == _FLOAT and bits in (32, 64))
    if not valid or channels == 0 or block_align != channels * bits // 8:
        raise UnreadableAudioError(
            f"{path} has a sample format MockInt cannot read ({bits}-bit, {channels} channels); use {SUPPORTED_FORMATS}"
        )


def _what_it_is(data: bytes) -> str:
    for magic, name in _OTHER_CONTAINERS:
        if data.startswith(magic):
            return f"{name} MockInt cannot decode" if name.endswith(("FLAC file", "Ogg file", "MP3 file")) else name
    if len(data) < 12:
        return "a few bytes of something else"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data[:64], final=False)
    except UnicodeDecodeError:
        return "data of an unknown kind"
    return "a text file"
