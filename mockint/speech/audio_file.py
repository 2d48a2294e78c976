"""Reading a recorded answer from a WAV file into mono 16-bit samples, the form Vosk takes.

The RIFF parser is our own rather than the stdlib `wave` module: `wave` (Python 3.11) refuses
float and WAVE_FORMAT_EXTENSIBLE files, which sox, Audacity and many recorders write for
24/32-bit or multichannel audio, and it reports damage with messages no user should see.
A data chunk that claims more bytes than the file holds is read up to the end of the file: that
is what a recorder killed mid-answer leaves, and the audio before the cut is good.
Other containers (FLAC, Ogg, MP3, ...) would need a decoder dependency, so they are named and
refused.
"""

from __future__ import annotations

import codecs
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from mockint.speech.errors import UnreadableAudioError

SUPPORTED_FORMATS = "WAV (8, 16, 24 or 32-bit PCM, or 32/64-bit float)"

_PCM = 0x0001
_FLOAT = 0x0003
_EXTENSIBLE = 0xFFFE
# The first two bytes of the sub-format GUID carry the real format tag; the rest is fixed.
_GUID_TAIL = b"\x00\x00\x00\x00\x10\x00\x80\x00\x00\xaa\x00\x38\x9b\x71"

_OTHER_CONTAINERS = (
    (b"fLaC", "a FLAC file"),
    (b"OggS", "an Ogg file"),
    (b"ID3", "an MP3 file"),
    (b"\xff\xfb", "an MP3 file"),
    (b"\xff\xf3", "an MP3 file"),
    (b"\xff\xf2", "an MP3 file"),
    (b"PK\x03\x04", "a zip archive"),
    (b"RIFX", "a big-endian WAV file"),
    (b"RF64", "an RF64 (over 4 GB) WAV file"),
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


@dataclass(frozen=True)
class _Format:
    tag: int
    channels: int
    sample_rate: int
    block_align: int
    bits: int


def read_audio(path: Path | str) -> AudioClip:
    """The audio in a WAV file as mono int16 (channels averaged); UnreadableAudioError otherwise."""
    path = Path(path)
    data = _read_bytes(path)
    fmt, pcm = _parse_wav(path, data)
    frame_count = len(pcm) // fmt.block_align
    if frame_count == 0:
        raise UnreadableAudioError(f"{path} is a WAV file with no audio in it (zero frames)")
    samples = _to_float_frames(pcm[: frame_count * fmt.block_align], fmt)
    mono = samples.mean(axis=1) if fmt.channels > 1 else samples[:, 0]
    pcm16 = np.clip(np.rint(mono * 32768.0), -32768, 32767).astype(np.int16)
    return AudioClip(pcm16, fmt.sample_rate)


def _read_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableAudioError(f"{path} does not exist") from None
    except IsADirectoryError:
        raise UnreadableAudioError(f"{path} is a folder, not an audio file") from None
    except PermissionError:
        raise UnreadableAudioError(f"{path} cannot be read (permission denied)") from None
    except OSError as error:
        raise UnreadableAudioError(f"{path} cannot be read: {error.strerror or error}") from None
    if not data:
        raise UnreadableAudioError(f"{path} is empty")
    return data


def _parse_wav(path: Path, data: bytes) -> tuple[_Format, bytes]:
    if data[:4] == b"RIFF" and len(data) < 12:
        raise UnreadableAudioError(f"{path} is a damaged WAV file: its header is cut short")
    if data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise UnreadableAudioError(f"{path} is {_what_it_is(data)}, not a WAV file; MockInt reads {SUPPORTED_FORMATS}")
    fmt: _Format | None = None
    offset = 12
    while offset + 8 <= len(data):
        chunk_id = data[offset : offset + 4]
        (size,) = struct.unpack_from("<I", data, offset + 4)
        body_start = offset + 8
        if chunk_id == b"fmt ":
            if body_start + size > len(data):
                break
            fmt = _parse_fmt(path, data[body_start : body_start + size])
        elif chunk_id == b"data":
            if fmt is None:
                raise UnreadableAudioError(
                    f"{path} is a damaged WAV file: the audio comes before its format description"
                )
            # Recorders that die mid-answer leave a size larger than the file (or 0xFFFFFFFF).
            return fmt, data[body_start : body_start + size]
        offset = body_start + size + (size & 1)  # chunks are padded to an even length
    if fmt is None:
        raise UnreadableAudioError(f"{path} is a damaged WAV file: its header is cut short or missing its format")
    raise UnreadableAudioError(f"{path} is a damaged WAV file: it has no audio data chunk")


def _parse_fmt(path: Path, body: bytes) -> _Format:
    if len(body) < 16:
        raise UnreadableAudioError(f"{path} is a damaged WAV file: its format description is cut short")
    tag, channels, rate, _byte_rate, block_align, bits = struct.unpack_from("<HHIIHH", body)
    if tag == _EXTENSIBLE:
        if len(body) < 40 or body[26:40] != _GUID_TAIL:
            raise UnreadableAudioError(f"{path} uses a WAV encoding MockInt cannot read; use {SUPPORTED_FORMATS}")
        (tag,) = struct.unpack_from("<H", body, 24)
    if tag not in (_PCM, _FLOAT):
        raise UnreadableAudioError(
            f"{path} is a compressed WAV file (format {tag:#06x}) MockInt cannot read; use {SUPPORTED_FORMATS}"
        )
    valid = (tag == _PCM and bits in (8, 16, 24, 32)) or (tag == _FLOAT and bits in (32, 64))
    if not valid or channels == 0 or block_align != channels * bits // 8:
        raise UnreadableAudioError(
            f"{path} has a sample format MockInt cannot read ({bits}-bit, {channels} channels); use {SUPPORTED_FORMATS}"
        )
    if not 1000 <= rate <= 384000:
        raise UnreadableAudioError(f"{path} is a damaged WAV file: it claims {rate} samples per second")
    return _Format(tag, channels, rate, block_align, bits)


def _to_float_frames(pcm: bytes, fmt: _Format) -> np.ndarray:
    """Samples scaled to [-1, 1), shaped (frames, channels)."""
    if fmt.tag == _FLOAT:
        values = np.frombuffer(pcm, dtype="<f4" if fmt.bits == 32 else "<f8").astype(np.float64)
        values = np.nan_to_num(values, nan=0.0, posinf=1.0, neginf=-1.0)
    elif fmt.bits == 8:
        values = (np.frombuffer(pcm, dtype=np.uint8).astype(np.float64) - 128.0) / 128.0
    elif fmt.bits == 16:
        values = np.frombuffer(pcm, dtype="<i2") / 32768.0
    elif fmt.bits == 24:
        triples = np.frombuffer(pcm, dtype=np.uint8).reshape(-1, 3).astype(np.int32)
        ints = triples[:, 0] | (triples[:, 1] << 8) | (triples[:, 2] << 16)
        values = np.where(ints >= 1 << 23, ints - (1 << 24), ints) / float(1 << 23)
    else:
        values = np.frombuffer(pcm, dtype="<i4") / float(1 << 31)
    return values.reshape(-1, fmt.channels)


def _what_it_is(data: bytes) -> str:
    for magic, name in _OTHER_CONTAINERS:
        if data.startswith(magic):
            return name
    if data[:4] == b"RIFF":
        return f"a RIFF file of another kind ({data[8:12].decode('latin-1', 'replace').strip() or 'unknown'})"
    if len(data) < 12:
        return "a few bytes of something else"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data[:512], final=False)
    except UnicodeDecodeError:
        return "data of an unknown kind"
    return "a text file"
