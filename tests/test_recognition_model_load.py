"""Loading a speech model: a broken one is a typed error with the fix, never a crash or a C++ log."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mockint.core.errors import NoModelError
from mockint.speech.errors import BrokenModelError, UnreadableAudioError
from mockint.speech.recognizer import SpeechModel, StreamingRecognizer, load_model
from mockint.speech.transcribe import transcribe_file
from tests.conftest import REPO_ROOT
from tests.recognition_speech import shared_model


def broken(path: Path) -> BrokenModelError:
    with pytest.raises(BrokenModelError) as caught:
        load_model(path)
    assert isinstance(caught.value, NoModelError) and caught.value.exit_code == 3
    assert str(path) in caught.value.user_message
    assert "mockint model download" in caught.value.user_message
    return caught.value


def test_a_missing_folder_is_a_broken_model_with_the_fix(tmp_path):
    broken(tmp_path / "no-model-here")


def test_a_folder_without_model_files_is_a_broken_model(tmp_path):
    (tmp_path / "README").write_text("not a model")
    broken(tmp_path)


def copy_with_links(source: Path, target: Path) -> None:
    """A model folder whose files link to the real one (253 MB are not copied)."""
    for item in source.rglob("*"):
        destination = target / item.relative_to(source)
        if item.is_dir():
            destination.mkdir(parents=True, exist_ok=True)
        else:
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.symlink_to(item)


def test_a_graph_cut_short_is_found_at_load_time_not_mid_answer(korean_model_path, tmp_path):
    """The folder passes the file checks (the graph's header is intact); Vosk only opens the
    graph when a recognizer is made, so load_model makes one to find the damage up front."""
    error = broken(model_with_cut_file(korean_model_path, tmp_path / "model", "graph/HCLr.fst"))
    assert "Vosk could not load it" in error.user_message


def model_with_cut_file(source: Path, target: Path, relative: str) -> Path:
    """The real model, linked, with one file cut to its first megabyte (its header intact)."""
    copy_with_links(source, target)
    cut = target / relative
    cut.unlink()
    with (source / relative).open("rb") as whole:
        cut.write_bytes(whole.read(1 << 20))
    return target


def test_an_acoustic_model_cut_short_is_a_broken_model_and_vosk_prints_nothing(korean_model_path, tmp_path):
    """The command line shows one line for an error; Kaldi's own log must not add to it."""
    folder = model_with_cut_file(korean_model_path, tmp_path / "model", "am/final.mdl")
    code = (
        "import sys; from pathlib import Path\n"
        "from mockint.speech.recognizer import load_model\n"
        "from mockint.speech.errors import BrokenModelError\n"
        "try:\n    load_model(Path(sys.argv[1]))\n"
        "except BrokenModelError as error:\n    print(error.user_message); sys.exit(7)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code, str(folder)], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 7, done.stderr
    assert done.stderr == ""
    assert str(folder) in done.stdout and "mockint model download" in done.stdout


def test_the_loaded_model_is_what_recognizers_share(korean_model_path, espeak):
    model = shared_model(korean_model_path)
    assert isinstance(model, SpeechModel) and model.path == korean_model_path
    recognizer = StreamingRecognizer(model, 16000)
    assert recognizer.sample_rate == 16000
    recognizer.accept(bytes(1600))
    assert recognizer.fed_s == pytest.approx(0.05)
    assert recognizer.finish() == []
    with pytest.raises(ValueError):
        StreamingRecognizer(model, 0)


def test_a_bad_audio_file_is_reported_before_any_recognition(korean_model_path, tmp_path):
    model = shared_model(korean_model_path)
    bad = tmp_path / "answer.wav"
    bad.write_text("this is a transcript, not audio")
    with pytest.raises(UnreadableAudioError, match="answer.wav is a text file"):
        transcribe_file(bad, model)
