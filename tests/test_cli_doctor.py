"""`mockint doctor` end to end: one line per part, exit 0 only when every part works."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.test_recording_support import NO_CAPTURE_ALSA_CONFIG

PARTS = ["text-to-speech", "audio input", "audio output", "speech model", "storage"]


def doctor(**env: str) -> tuple[int, dict[str, tuple[str, str]], str]:
    result = subprocess.run(
        [sys.executable, "-m", "mockint", "doctor"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **env},
    )
    assert "Traceback" not in result.stderr + result.stdout
    lines = {}
    for line in result.stdout.splitlines():
        part = next(p for p in PARTS if line.startswith(p))
        status, _, detail = line[len(part) :].strip().partition("  ")
        lines[part] = (status.strip(), detail.strip())
    return result.returncode, lines, result.stdout


def test_every_part_works_on_a_machine_with_audio_speech_and_a_model(
    virtual_microphone, korean_model_path: Path, espeak: str
) -> None:
    code, lines, out = doctor(MOCKINT_MODEL=str(korean_model_path))
    assert list(lines) == PARTS, out
    assert all(status == "ok" for status, _ in lines.values()), out
    assert code == 0
    assert "16000 Hz" in lines["audio input"][1]


def test_no_model_fails_and_names_the_download_command(virtual_microphone, espeak: str) -> None:
    code, lines, _ = doctor()
    assert code == 1
    status, detail = lines["speech model"]
    assert status == "FAIL" and "mockint model download" in detail
    assert lines["storage"][0] == "ok"


def test_a_damaged_database_is_reported_and_left_as_it_was(
    virtual_microphone, korean_model_path: Path, mockint_home: Path
) -> None:
    from mockint.paths import app_paths

    database = app_paths().database
    database.parent.mkdir(parents=True)
    database.write_bytes(b"this is not a database" * 100)
    code, lines, _ = doctor(MOCKINT_MODEL=str(korean_model_path))
    assert code == 1
    status, detail = lines["storage"]
    assert status == "FAIL" and "damaged" in detail and "set it aside" in detail
    assert database.read_bytes() == b"this is not a database" * 100


def test_no_microphone_and_no_speaker(korean_model_path: Path) -> None:
    code, lines, _ = doctor(
        MOCKINT_MODEL=str(korean_model_path),
        ALSA_CONFIG_PATH=str(NO_CAPTURE_ALSA_CONFIG),
        PULSE_SERVER="unix:/nonexistent/pulse/native",
    )
    assert code == 1
    assert lines["audio input"] == ("FAIL", "No microphone found. Plug one in or choose one in Settings.")
    assert lines["audio output"][0] == "FAIL"


def test_no_speech_engine_says_what_to_install(virtual_microphone, korean_model_path: Path, tmp_path: Path) -> None:
    code, lines, _ = doctor(MOCKINT_MODEL=str(korean_model_path), ESPEAK_DATA_PATH=str(tmp_path))
    assert code == 1
    status, detail = lines["text-to-speech"]
    assert status == "FAIL" and "Install eSpeak NG" in detail
