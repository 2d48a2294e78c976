"""A model's option files are checked the way Kaldi reads them: one line instead of its usage text."""

from __future__ import annotations

import subprocess
import sys
import wave
from pathlib import Path

import pytest

from mockint.speech.model_check import find_model_problems
from mockint.speech.model_options import MFCC_CONF, MODEL_CONF, SPLICE_CONF, option_problems
from tests.test_model_check import korean_model, linked_copy


def with_option(tmp_path: Path, relative: str, line: str) -> Path:
    """The real Korean model (files linked) with `line` added to one of its option files."""
    source = korean_model()
    model = linked_copy(source, tmp_path / "ko")
    conf = model / relative
    conf.unlink()
    conf.write_text((source / relative).read_text(encoding="utf-8") + line + "\n", encoding="utf-8")
    return model


def mockint(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mockint", *args], capture_output=True, text=True, timeout=120, check=False
    )


def one_second_of_silence(path: Path) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16000)
        out.writeframes(b"\0\0" * 16000)
    return path


@pytest.mark.parametrize(
    ("relative", "line"),
    [
        ("conf/mfcc.conf", "--bogus-option=1"),
        ("conf/model.conf", "--beam=wide"),
        ("conf/model.conf", "--max-active"),
        ("ivector/splice.conf", "--left-contxt=3"),
        ("ivector/online_cmvn.conf", "norm-vars=true"),
    ],
)
def test_verify_names_the_file_line_and_option_kaldi_would_refuse(tmp_path: Path, relative: str, line: str) -> None:
    model = with_option(tmp_path, relative, line)
    done = mockint("model", "verify", str(model))
    assert done.returncode == 3, done.stdout
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert f"{relative}, line" in done.stderr


def test_analyze_with_such_a_model_says_one_line_not_kaldis_usage(tmp_path: Path) -> None:
    model = with_option(tmp_path, "conf/mfcc.conf", "--bogus-option=1")
    done = mockint("analyze", str(one_second_of_silence(tmp_path / "a.wav")), "--model", str(model))
    assert done.returncode == 3
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "--bogus-option" in lines[0], done.stderr


def test_what_kaldi_accepts_passes_and_the_model_really_loads(tmp_path: Path) -> None:
    """Odd but valid spellings: a real load by Vosk proves Kaldi takes them too."""
    from mockint.speech.recognizer import load_model

    model = with_option(
        tmp_path,
        "conf/model.conf",
        "--Lattice_Beam=3  # comment\n--endpoint.rule1.must-contain-nonsilence\n--max-active= +5000 ",
    )
    assert find_model_problems(model) == []
    assert load_model(model).path == model


@pytest.mark.parametrize(
    ("line", "accepted"),
    [
        # Each checked against libvosk 0.3.45 by loading a model with the line added.
        ("--beam=abc", False),
        ("--beam", False),
        ("beam=3", False),
        ("--Beam=3", True),
        ("--lattice_beam=3", True),
        ("--minimize", True),
        ("--minimize=yes", False),
        ("--minimize=True", True),
        ("--minimize=T", True),
        ("  --beam=3  # c", True),
        ("--beam=3 x", False),
        ("--beam=1e400", False),
        ("--beam=1e39", False),
        ("--beam=inf", True),
        ("--beam=.5", True),
        ("--beam=0x10", False),
        ("--max-active=99999999999", False),
        ("--max-active=" + "9" * 5000, False),
        ("--max-active=3.0", False),
        ("--max-active=+5", True),
        ("--endpoint.silence-phones=", True),
        ("--endpoint.rule3.min-trailing-silence=1.0", True),
        ("--endpoint.rule6.min-trailing-silence=1.0", False),
        ("--verbose=2", True),
        ("#only a comment", True),
        ("--left-context=3", False),
    ],
)
def test_rules_agree_with_kaldi(line: str, accepted: bool) -> None:
    assert (option_problems(line, MODEL_CONF) == []) is accepted


def test_a_model_described_by_fbank_conf_has_that_file_checked(tmp_path: Path) -> None:
    model = with_option(tmp_path, "conf/mfcc.conf", "")
    (model / "conf" / "mfcc.conf").unlink()
    # num-ceps is an option of MFCC features only
    (model / "conf" / "fbank.conf").write_text("--num-mel-bins=40\n--use-log-fbank=true\n--num-ceps=40\n")
    assert [p for p in find_model_problems(model) if "conf" in p] == [
        "conf/fbank.conf, line 3: Vosk does not know the option --num-ceps"
    ]


def test_each_file_has_its_own_options() -> None:
    assert option_problems("--left-context=3\n--right-context=3", SPLICE_CONF) == []
    assert option_problems("--num-mel-bins=40\n--allow-upsample=true", MFCC_CONF) == []
    assert option_problems("--use-energy=false\n--beam=3", MFCC_CONF) == [(2, "Vosk does not know the option --beam")]
