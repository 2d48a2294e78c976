"""Reading answers from audio files: every WAV flavour in common use, and clear errors otherwise."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import zipfile
from pathlib import Path

import numpy as np
import pytest

from mockint.speech.audio_file import open_audio, read_audio
from mockint.speech.errors import UnreadableAudioError
from tests.conftest import require
from tests.recognition_speech import write_wav

RAMP = np.array([0, 1000, -1000, 32767, -32768, 12345, -12345, 7], dtype=np.int16)


def riff(fmt_body: bytes, data: bytes, *, extra_chunks: bytes = b"", data_size: int | None = None) -> bytes:
    size = len(data) if data_size is None else data_size
    body = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt_body)) + fmt_body + extra_chunks
    body += b"data" + struct.pack("<I", size) + data + (b"\0" if len(data) % 2 else b"")
    return b"RIFF" + struct.pack("<I", len(body)) + body


def fmt_chunk(tag: int, channels: int, rate: int, bits: int, *, extensible: bool = False) -> bytes:
    align = channels * bits // 8
    basic = struct.pack("<HHIIHH", 0xFFFE if extensible else tag, channels, rate, rate * align, align, bits)
    if not extensible:
        return basic
    guid = struct.pack("<H", tag) + b"\x00\x00\x00\x00\x10\x00\x80\x00\x00\xaa\x00\x38\x9b\x71"
    return basic + struct.pack("<HHI", 22, bits, 0) + guid


def write(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def test_16_bit_mono_comes_back_sample_for_sample(tmp_path):
    clip = read_audio(write_wav(tmp_path / "a.wav", RAMP, 16000))
    assert clip.sample_rate == 16000
    assert clip.samples.dtype == np.int16
    np.testing.assert_array_equal(clip.samples, RAMP)
    assert clip.duration_s == pytest.approx(len(RAMP) / 16000)


def test_stereo_becomes_the_average_of_its_channels(tmp_path):
    left = np.array([1000, -2000, 30000, 0], dtype=np.int16)
    right = np.array([3000, -4000, 30000, 101], dtype=np.int16)
    clip = read_audio(write_wav(tmp_path / "s.wav", np.stack([left, right], axis=1), 44100, channels=2))
    assert clip.sample_rate == 44100
    np.testing.assert_array_equal(clip.samples, [2000, -3000, 30000, 50])


@pytest.mark.parametrize(
    ("tag", "bits", "encode"),
    [
        (1, 8, lambda x: (np.round(x / 256).astype(np.int16) + 128).clip(0, 255).astype(np.uint8).tobytes()),
        (1, 24, lambda x: b"".join((int(v) * 256).to_bytes(3, "little", signed=True) for v in x)),
        (1, 32, lambda x: (x.astype(np.int32) * 65536).astype("<i4").tobytes()),
        (3, 32, lambda x: (x / 32768.0).astype("<f4").tobytes()),
        (3, 64, lambda x: (x / 32768.0).astype("<f8").tobytes()),
    ],
    ids=["pcm8", "pcm24", "pcm32", "float32", "float64"],
)
@pytest.mark.parametrize("extensible", [False, True], ids=["plain", "extensible"])
def test_other_sample_formats_are_read_at_16_bit_precision(tmp_path, tag, bits, encode, extensible):
    path = write(tmp_path, "f.wav", riff(fmt_chunk(tag, 1, 8000, bits, extensible=extensible), encode(RAMP)))
    clip = read_audio(path)
    assert clip.sample_rate == 8000
    tolerance = 256 if bits == 8 else 1
    np.testing.assert_allclose(clip.samples.astype(int), RAMP.astype(int), atol=tolerance)


def test_chunks_before_the_audio_are_skipped(tmp_path):
    odd_chunk = b"LIST" + struct.pack("<I", 3) + b"abc" + b"\0"  # odd length, padded
    path = write(tmp_path, "list.wav", riff(fmt_chunk(1, 1, 16000, 16), RAMP.tobytes(), extra_chunks=odd_chunk))
    np.testing.assert_array_equal(read_audio(path).samples, RAMP)


def test_a_recording_cut_off_mid_write_gives_the_audio_it_has(tmp_path):
    # A recorder killed mid-answer leaves a data size larger than the file.
    path = write(tmp_path, "cut.wav", riff(fmt_chunk(1, 1, 16000, 16), RAMP.tobytes(), data_size=0xFFFFFFFF))
    np.testing.assert_array_equal(read_audio(path).samples, RAMP)


def test_silence_is_valid_audio(tmp_path):
    clip = read_audio(write_wav(tmp_path / "quiet.wav", np.zeros(16000, dtype=np.int16), 16000))
    assert clip.duration_s == pytest.approx(1.0)
    assert not clip.samples.any()


@pytest.fixture(scope="module")
def sox() -> str:
    found = shutil.which("sox")
    require(found is not None, "sox is missing: apt-get install sox")
    return found


@pytest.mark.parametrize(
    ("options", "rate", "channels"),
    [
        (["-b", "8", "-e", "unsigned-integer"], 11025, 1),
        (["-b", "24"], 48000, 2),
        (["-b", "32", "-e", "signed-integer"], 22050, 1),
        (["-b", "32", "-e", "floating-point"], 44100, 2),
        (["-b", "16"], 8000, 6),
    ],
    ids=["u8", "s24-stereo", "s32", "float-stereo", "s16-six-channels"],
)
def test_wav_files_written_by_sox_are_read(tmp_path, sox, options, rate, channels):
    path = tmp_path / "tone.wav"
    subprocess.run(
        [
            sox,
            "-n",
            "-r",
            str(rate),
            "-c",
            str(channels),
            *options,
            str(path),
            "synth",
            "0.5",
            "sine",
            "440",
            "vol",
            "0.5",
        ],
        check=True,
    )
    clip = read_audio(path)
    assert clip.sample_rate == rate
    assert len(clip.samples) == rate // 2
    peak = np.abs(clip.samples.astype(int)).max()
    assert 0.45 * 32768 < peak < 0.55 * 32768  # the tone, at its level, in every channel mix


def unreadable(path: Path) -> str:
    with pytest.raises(UnreadableAudioError) as caught:
        read_audio(path)
    message = caught.value.user_message
    assert str(path) in message
    assert "\n" not in message
    return message


def test_a_missing_file_is_named(tmp_path):
    assert "does not exist" in unreadable(tmp_path / "nothing-here.wav")


def test_an_empty_file_is_named(tmp_path):
    assert "empty" in unreadable(write(tmp_path, "empty.wav", b""))


def test_a_folder_is_not_audio(tmp_path):
    assert "folder" in unreadable(tmp_path)


def test_text_renamed_to_wav_is_called_text(tmp_path):
    message = unreadable(write(tmp_path, "notes.wav", "Tell me about yourself.\n제 이름은\n".encode()))
    assert "text file" in message and "WAV" in message


def test_a_zip_renamed_to_wav_is_called_a_zip(tmp_path):
    path = tmp_path / "archive.wav"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("answer.txt", "hello")
    assert "zip" in unreadable(path)


@pytest.mark.parametrize("length", [4, 11, 20, 30], ids=lambda n: f"{n}-bytes")
def test_a_truncated_header_is_damage(tmp_path, length):
    whole = riff(fmt_chunk(1, 1, 16000, 16), RAMP.tobytes())
    assert "damaged" in unreadable(write(tmp_path, "cut.wav", whole[:length]))


def test_a_wav_without_a_data_chunk_is_damage(tmp_path):
    whole = riff(fmt_chunk(1, 1, 16000, 16), b"")
    assert "no audio data" in unreadable(write(tmp_path, "nodata.wav", whole[: whole.index(b"data")]))


def test_a_wav_with_zero_frames_is_named(tmp_path):
    assert "zero frames" in unreadable(write_wav(tmp_path / "zero.wav", np.zeros(0, dtype=np.int16), 16000))


def test_nonsense_format_fields_are_damage(tmp_path):
    assert "cannot read" in unreadable(write(tmp_path, "odd.wav", riff(fmt_chunk(1, 1, 16000, 12), b"\0" * 12)))
    assert "damaged" in unreadable(write(tmp_path, "rate.wav", riff(fmt_chunk(1, 1, 5, 16), b"\0" * 12)))


TONE_RATE = 16000


def tone(seconds: float, rate: int = TONE_RATE, frequency: float = 440.0, level: float = 0.5) -> np.ndarray:
    t = np.arange(round(seconds * rate)) / rate
    return (level * np.sin(2 * np.pi * frequency * t)).astype(np.float32)


@pytest.mark.parametrize(
    ("name", "container", "subtype", "rate"),
    [
        ("answer.flac", "FLAC", "PCM_16", 16000),
        ("answer.ogg", "OGG", "VORBIS", 16000),
        ("answer.opus", "OGG", "OPUS", 48000),
        ("answer.mp3", "MP3", "MPEG_LAYER_III", 16000),
        ("adpcm.wav", "WAV", "MS_ADPCM", 16000),
    ],
    ids=["flac", "ogg-vorbis", "ogg-opus", "mp3", "wav-ms-adpcm"],
)
def test_compressed_formats_are_read_as_the_tone_they_hold(tmp_path, name, container, subtype, rate):
    import soundfile

    path = tmp_path / name
    soundfile.write(str(path), tone(1.0, rate), rate, format=container, subtype=subtype)
    clip = read_audio(path)
    assert clip.sample_rate == rate
    assert clip.duration_s == pytest.approx(1.0, abs=0.06)  # MP3 and Opus pad a frame or two
    middle = clip.samples[rate // 4 : 3 * rate // 4].astype(np.float64) / 32768
    assert np.sqrt(np.mean(middle**2)) == pytest.approx(0.5 / np.sqrt(2), rel=0.1)
    spectrum = np.abs(np.fft.rfft(middle))
    assert np.fft.rfftfreq(len(middle), 1 / rate)[np.argmax(spectrum)] == pytest.approx(440, abs=3)


def test_a_flac_written_by_sox_is_read(tmp_path, sox):
    path = tmp_path / "answer.flac"
    subprocess.run([sox, "-n", "-r", "22050", "-c", "2", str(path), "synth", "0.5", "sine", "300"], check=True)
    clip = read_audio(path)
    assert clip.sample_rate == 22050 and len(clip.samples) == 22050 // 2


def test_a_long_file_streams_in_blocks_that_add_up_to_it(tmp_path):
    samples = (np.random.default_rng(3).standard_normal(5 * 16000 + 123) * 3000).astype(np.int16)
    path = write_wav(tmp_path / "long.wav", samples, 16000)
    with open_audio(path) as source:
        assert (source.sample_rate, source.frames) == (16000, len(samples))
        blocks = list(source.blocks(4000))
    assert max(len(b) for b in blocks) == 4000 and len(blocks) == 21
    np.testing.assert_array_equal(np.concatenate(blocks), samples)


def test_a_fifo_is_refused_at_once_instead_of_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "answer.wav"
    os.mkfifo(fifo)
    assert "pipe" in unreadable(fifo)


def test_a_device_is_refused():
    assert "device" in unreadable(Path("/dev/zero"))


def test_unknown_data_names_the_formats_that_work(tmp_path):
    message = unreadable(write(tmp_path, "noise.mp4", bytes(range(255, 127, -1)) * 4))
    assert "unknown kind" in message and "FLAC" in message and "MP3" in message
