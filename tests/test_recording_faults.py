"""Recording when things go wrong, for real: a killed process, a sound server that goes away or
hangs, a full disk, a machine with no microphone. Each recorder runs in its own process so the
fault cannot disturb the other tests."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from mockint.speech.devices import NO_MICROPHONE_MESSAGE
from mockint.speech.recording_stream import DEVICE_LOST_MESSAGE
from mockint.speech.recovery import recover_unfinished
from mockint.speech.wav_writer import DISK_FULL_MESSAGE
from tests import pulse
from tests.conftest import require
from tests.test_recording_support import (
    NO_CAPTURE_ALSA_CONFIG,
    PrivatePulse,
    RecorderProcess,
    private_pulse,  # noqa: F401 - a fixture, used by name
    read_wav,
    rms,
    tone,
    write_wav,
)


def test_sigkill_mid_answer_loses_at_most_half_a_second(virtual_microphone, tmp_path):
    folder = tmp_path / "recordings"
    folder.mkdir()
    partial = folder / "17.partial.wav"
    played = write_wav(tmp_path / "tone.wav", tone(2.6))
    recorder = RecorderProcess([str(folder / "17.wav"), "--until-killed"])
    player = None
    try:
        rate = recorder.wait_for("started")["sample_rate"]
        # paplay itself rather than play_into_microphone: it can be stopped once the recorder is
        # dead, instead of waiting for the null sink to drain at its idle (multi-second) latency.
        player = subprocess.Popen(["paplay", "--server", pulse.SERVER, f"--device={pulse.SINK}", str(played)])
        tone_heard_at = None
        while True:  # each chunk the recorder reports is a moment to look at the file
            event = recorder.wait_for("frames")
            assert event["frames"] < 10 * rate, "the tone never reached the recorder"
            tone_playing = event["level"] > 0.5
            if tone_heard_at is None and tone_playing:
                tone_heard_at = event["frames"]
            observed_bytes = partial.stat().st_size
            # Kill with 2 s on disk, mid-tone, so the lost tail would show as missing tone.
            if observed_bytes >= 44 + 2 * 2 * rate and tone_playing and event["frames"] - tone_heard_at >= rate:
                break
        os.kill(recorder.process.pid, signal.SIGKILL)
        recorder.process.wait(timeout=10)
        recorder.drain()
        captured = recorder.last_frames  # all it ever reported capturing
    finally:
        recorder.kill()
        if player is not None:
            player.terminate()
            player.wait(timeout=10)

    as_left, _ = read_wav(partial)  # even before repair it plays, short of the last flush
    assert len(as_left) >= captured - rate // 2

    recovered = recover_unfinished(folder)

    assert [item.path for item in recovered] == [folder / "17.wav"]
    assert not partial.exists()
    saved, saved_rate = read_wav(folder / "17.wav")
    assert saved_rate == rate
    assert len(saved) >= captured - rate // 2
    assert 2 * len(saved) >= observed_bytes - 44
    assert recovered[0].duration_s == pytest.approx(len(saved) / rate)
    assert rms(saved[-rate // 2 :]) > 1000  # the tone right up to the kill


def _record_until_fault(server: PrivatePulse, wav: Path, *extra: str) -> RecorderProcess:
    recorder = RecorderProcess([str(wav), "--until-fault", "15", *extra], env=server.client_env())
    rate = recorder.wait_for("started")["sample_rate"]
    while recorder.wait_for("frames")["frames"] < rate // 2:
        pass
    return recorder


def _assert_saved_up_to_the_fault(recorder: RecorderProcess, result: dict, wav: Path) -> None:
    assert result["path"] == str(wav)
    saved, _ = read_wav(wav)
    assert len(saved) == result["frames"] == result["chunk_frames"] >= recorder.last_frames


def test_sound_server_going_away_ends_the_recording_with_what_was_captured(private_pulse, tmp_path):
    wav = tmp_path / "answer.wav"
    recorder = _record_until_fault(private_pulse, wav)
    try:
        private_pulse.exit()
        told = recorder.wait_for("on_error")
        result = recorder.wait_for("result")
        recorder.process.wait(timeout=15)
    finally:
        stderr = recorder.stderr()
    assert (result["error_type"], result["message"]) == ("DeviceLostError", DEVICE_LOST_MESSAGE)
    assert told["error_type"] == "DeviceLostError"
    _assert_saved_up_to_the_fault(recorder, result, wav)
    assert recorder.process.returncode == 0 and "Traceback" not in stderr


def test_a_device_that_stops_delivering_is_caught_by_the_watchdog(private_pulse, tmp_path):
    """A frozen sound server: PortAudio reports nothing and its stream stays "active"."""
    wav = tmp_path / "answer.wav"
    recorder = _record_until_fault(private_pulse, wav, "--close-timeout", "0.5")
    try:
        private_pulse.freeze()
        frozen_at = time.monotonic()
        told = recorder.wait_for("on_error")
        result = recorder.wait_for("result")
        noticed_after_s = time.monotonic() - frozen_at
    finally:
        private_pulse.kill()  # frees PortAudio calls still waiting for the server
        stderr = recorder.stderr()
    assert (result["error_type"], result["message"]) == ("DeviceLostError", DEVICE_LOST_MESSAGE)
    assert told["error_type"] == "DeviceLostError"
    assert 1.0 <= noticed_after_s < 5.0
    _assert_saved_up_to_the_fault(recorder, result, wav)
    assert "Traceback" not in stderr


def _small_disk_prefix(mount_point: Path) -> list[str]:
    """A command prefix that runs the rest in a private mount namespace where `mount_point` is a
    32 KiB tmpfs (1 s of audio). Root can do this directly; elsewhere an unprivileged user
    namespace may allow it. The mount disappears with the process, so nothing needs unmounting."""
    mount = 'mount -t tmpfs -o size=32k tmpfs "$0" && exec "$@"'
    for unshare in (["unshare", "--mount"], ["unshare", "--user", "--map-root-user", "--mount"]):
        probe = subprocess.run([*unshare, "sh", "-c", mount, str(mount_point), "true"], capture_output=True)
        if probe.returncode == 0:
            return [*unshare, "sh", "-c", mount, str(mount_point)]
    require(False, "cannot mount a small tmpfs for a real full disk (needs root or user namespaces)")
    return []


def test_full_disk_stops_the_recording_and_keeps_a_valid_file(virtual_microphone, tmp_path):
    small_disk = tmp_path / "small-disk"
    small_disk.mkdir()
    copy = tmp_path / "saved.wav"  # the tmpfs vanishes with the process; the copy outlives it
    wav = small_disk / "answer.wav"
    recorder = RecorderProcess(
        [str(wav), "--until-fault", "15", "--copy-to", str(copy)], prefix=_small_disk_prefix(small_disk)
    )
    try:
        rate = recorder.wait_for("started")["sample_rate"]
        told = recorder.wait_for("on_error")
        result = recorder.wait_for("result")
        recorder.process.wait(timeout=15)
    finally:
        stderr = recorder.stderr()
    assert (result["error_type"], result["message"]) == ("DiskFullError", DISK_FULL_MESSAGE)
    assert told["error_type"] == "DiskFullError"
    assert result["path"] == str(wav)  # finished under its final name despite the full disk
    saved, saved_rate = read_wav(copy)
    assert saved_rate == rate and len(saved) == result["frames"]
    assert copy.stat().st_size == 44 + 2 * len(saved)
    assert 0.5 * rate < len(saved) < 1.1 * rate  # it filled the 32 KiB, no more
    assert result["chunk_frames"] >= len(saved)
    assert recorder.process.returncode == 0 and "Traceback" not in stderr


def test_no_microphone_at_all_is_a_plain_message(tmp_path):
    env = dict(os.environ, ALSA_CONFIG_PATH=str(NO_CAPTURE_ALSA_CONFIG), PULSE_SERVER="unix:/nonexistent/pulse/native")
    recorder = RecorderProcess([str(tmp_path / "answer.wav")], env=env)
    try:
        event = recorder.wait_for("start_failed")
        recorder.process.wait(timeout=15)
    finally:
        stderr = recorder.stderr()
    assert event == {"event": "start_failed", "error_type": "NoMicrophoneError", "message": NO_MICROPHONE_MESSAGE}
    assert recorder.process.returncode == 0 and "Traceback" not in stderr
    assert list(tmp_path.iterdir()) == []  # no empty recording left behind
