"""`mockint analyze` end to end in a subprocess: the JSON contract, the readable report, bad input."""

from __future__ import annotations

import json
import subprocess
import sys
import wave
from pathlib import Path

import pytest

CONTRACT_KEYS = {"schema", "words", "fillers", "hedges", "pauses", "metrics", "length", "feedback"}
METRIC_KEYS = {
    "word_count",
    "duration_s",
    "speaking_s",
    "wpm",
    "fillers_per_min",
    "filler_ratio",
    "longest_pause_s",
    "start_latency_s",
}


def mockint(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([sys.executable, "-m", "mockint", *args], input=stdin, capture_output=True, timeout=120)
    return subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8", "replace")
    )


def assert_one_clean_error_line(result: subprocess.CompletedProcess[str], code: int) -> str:
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_stdin_text_gives_the_json_contract() -> None:
    text = "um so basically i led the migration and you know we cut costs by 30 percent i think"
    result = mockint("analyze", "-", "--json", stdin=text.encode())
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert set(report) == CONTRACT_KEYS and report["schema"] == 1
    assert set(report["metrics"]) == METRIC_KEYS
    assert [w["text"] for w in report["words"]] == text.split()
    assert [(f["index"], f["text"], f["kind"]) for f in report["fillers"]] == [
        (0, "um", "filled_pause"),
        (1, "so", "discourse"),
        (2, "basically", "discourse"),
        (8, "you know", "discourse"),
    ]
    assert [(h["index"], h["text"]) for h in report["hedges"]] == [(16, "i think")]
    assert report["metrics"]["wpm"] is None and report["length"]["verdict"] is None
    assert report["pauses"] == []
    work_on = [f for f in report["feedback"] if f["severity"] == "work_on"]
    strengths = [f for f in report["feedback"] if f["severity"] == "strength"]
    assert 1 <= len(work_on) <= 3 and 1 <= len(strengths) <= 2


def test_vosk_result_list_with_times_reports_pauses_and_length(tmp_path: Path) -> None:
    utterances = [
        {
            "result": [
                {"word": "tell", "start": 1.0, "end": 1.3, "conf": 1.0},
                {"word": "um", "start": 1.4, "end": 1.7, "conf": 0.9},
            ],
            "text": "tell um",
        },
        {"result": [{"word": "results", "start": 5.2, "end": 5.8, "conf": 1.0}], "text": "results"},
    ]
    source = tmp_path / "answer.json"
    source.write_text(json.dumps(utterances), encoding="utf-8")
    result = mockint("analyze", str(source), "--target", "60-120", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["pauses"] == [{"start": 1.7, "end": 5.2, "duration_s": 3.5, "kind": "long"}]
    assert report["metrics"]["start_latency_s"] == 1.0
    assert report["length"] == {"verdict": "too_short", "target_min_s": 60.0, "target_max_s": 120.0}


def test_question_sets_the_default_target() -> None:
    result = mockint("analyze", "-", "--json", "--question", "Tell me about yourself", stdin=b"i am an engineer")
    assert json.loads(result.stdout)["length"]["target_min_s"] == 60.0
    assert json.loads(result.stdout)["length"]["target_max_s"] == 90.0


def test_readable_report_marks_fillers_and_hedges_inline() -> None:
    result = mockint("analyze", "-", stdin=b"um i think we shipped it on time")
    assert result.returncode == 0, result.stderr
    assert "{um} <i think> we shipped it on time" in result.stdout
    assert "Figures" in result.stdout and "Words: 8" in result.stdout


def test_empty_transcript_gets_a_sensible_report() -> None:
    result = mockint("analyze", "-", "--json", stdin=b"   \n")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["metrics"]["word_count"] == 0 and report["metrics"]["filler_ratio"] == 0.0
    assert report["feedback"], "an empty answer still gets a word of guidance"


def test_nothing_but_fillers_is_reported_as_all_fillers() -> None:
    result = mockint("analyze", "-", "--json", stdin=b"um uh er um hmm")
    report = json.loads(result.stdout)
    assert len(report["fillers"]) == 5 and report["metrics"]["filler_ratio"] == 1.0


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("latin1.txt", "caf\xe9 na\xefve".encode("latin-1"), "not UTF-8"),
        ("result.json", b'{"hello": "world"}', "result.json"),
        ("broken.json", b'{"result": [', "broken.json"),
        ("words.json", b'{"result": [{"word": 3}]}', "words.json"),
    ],
)
def test_bad_files_get_one_line_and_exit_2(tmp_path: Path, name: str, content: bytes, expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    line = assert_one_clean_error_line(mockint("analyze", str(path), "--json"), 2)
    assert expected in line


def test_missing_file_and_folder_and_bad_target(tmp_path: Path) -> None:
    assert "does not exist" in assert_one_clean_error_line(mockint("analyze", str(tmp_path / "nope.txt")), 2)
    assert "folder" in assert_one_clean_error_line(mockint("analyze", str(tmp_path)), 2)
    assert "MIN-MAX" in assert_one_clean_error_line(mockint("analyze", "-", "--target", "long"), 2)
    assert "minimum above" in assert_one_clean_error_line(mockint("analyze", "-", "--target", "90-30"), 2)


def test_a_wav_that_is_really_text_is_bad_input(tmp_path: Path) -> None:
    fake = tmp_path / "answer.wav"
    fake.write_text("this is not audio", encoding="utf-8")
    line = assert_one_clean_error_line(mockint("analyze", str(fake)), 2)
    assert "answer.wav" in line


def test_audio_without_a_model_exits_3_naming_the_fix(tmp_path: Path) -> None:
    silent = tmp_path / "silence.wav"
    with wave.open(str(silent), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16000)
        w.writeframes(b"\0\0" * 16000)
    line = assert_one_clean_error_line(mockint("analyze", str(silent), "--json"), 3)
    assert "mockint model download" in line


def test_audio_file_is_recognised_with_real_timings(tmp_path: Path, korean_model_path: Path, espeak: str) -> None:
    """A real WAV through the real Korean model: the same JSON as for text, with times from the audio."""
    speech = tmp_path / "speech.wav"
    subprocess.run([espeak, "-v", "ko", "-w", str(speech), "안녕하세요 저는 개발자입니다"], check=True, timeout=60)
    with wave.open(str(speech), "rb") as source:
        rate, frames = source.getframerate(), source.readframes(source.getnframes())
    answer = tmp_path / "answer.wav"
    silence = b"\0\0" * int(rate * 4.0)
    with wave.open(str(answer), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(frames + silence + frames)
    duration = (2 * len(frames) + len(silence)) / 2 / rate

    result = mockint("analyze", str(answer), "--model", str(korean_model_path), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert set(report) == CONTRACT_KEYS
    assert len(report["words"]) >= 2
    assert all(0 <= w["start"] < w["end"] <= duration + 0.01 for w in report["words"])
    # From the first word to the last: the silence around the speech is not part of the answer.
    spoken = report["words"][-1]["end"] - report["words"][0]["start"]
    assert report["metrics"]["duration_s"] == pytest.approx(spoken, abs=0.01)
    assert report["metrics"]["duration_s"] < duration
    assert any(p["kind"] == "long" and p["duration_s"] >= 3.0 for p in report["pauses"])


def test_broken_model_folder_exits_3_naming_the_fix(tmp_path: Path) -> None:
    silent = tmp_path / "silence.wav"
    with wave.open(str(silent), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16000)
        w.writeframes(b"\0\0" * 1600)
    broken = tmp_path / "model"
    (broken / "am").mkdir(parents=True)
    line = assert_one_clean_error_line(mockint("analyze", str(silent), "--model", str(broken)), 3)
    assert "mockint model" in line
