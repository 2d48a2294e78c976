"""The frozen app (PyInstaller, `bash packaging/build.sh`) run for real, as a user runs it.

CI builds it first and points MOCKINT_FROZEN_APP at `dist/mockint/mockint`; elsewhere these tests
skip with the command that builds it (and fail under MOCKINT_STRICT=1, as CI runs them). Pointed at
the single file (`build.sh --single-file`, `dist/MockInt-VERSION-ARCH`), they test that instead.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import require
from tests.packaging_smoke import (
    SHIPPED_DECKS,
    analyse_transcript,
    assert_doctor_finds_everything,
    clean_environment,
    deck_ids,
    open_window_and_terminate,
    run,
)

FROZEN_APP_ENV = "MOCKINT_FROZEN_APP"


@pytest.fixture(scope="module")
def frozen_app() -> Path:
    given = os.environ.get(FROZEN_APP_ENV, "")
    require(
        bool(given),
        f"no frozen app to test: run `bash packaging/build.sh`, then set {FROZEN_APP_ENV}=dist/mockint/mockint",
    )
    app = Path(given).resolve()
    assert app.is_file() and os.access(app, os.X_OK), f"{FROZEN_APP_ENV}={given} is not a program"
    return app


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return clean_environment(tmp_path / "home")


def test_the_folder_carries_qt_plugins_vosk_and_what_mockint_ships(frozen_app: Path) -> None:
    internal = frozen_app.parent / "_internal"
    # A single-file build (build.sh --single-file) has no folder: what it carries is proven by what it does below.
    require(internal.is_dir(), "the frozen app is a single-file build, which has no _internal folder to inspect")
    plugins = internal / "PySide6" / "Qt" / "plugins"
    assert (plugins / "platforms" / "libqxcb.so").is_file()
    assert (plugins / "platforms" / "libqoffscreen.so").is_file()
    assert any((plugins / "multimedia").glob("*.so"))
    assert (plugins / "imageformats" / "libqsvg.so").is_file()
    assert (internal / "vosk" / "libvosk.so").is_file()
    # PortAudio and the sound stack come from the user's system (README, "System packages")
    assert not [p.name for p in internal.glob("*.so*") if p.name.startswith(("libportaudio", "libasound", "libpulse"))]
    assert (internal / "mockint" / "assets" / "icons" / "app.svg").is_file()
    assert (internal / "mockint" / "assets" / "styles" / "app.qss").is_file()
    assert sorted(p.stem for p in (internal / "mockint" / "questions").glob("*.toml")) == SHIPPED_DECKS


def test_doctor_finds_speech_audio_display_and_storage(
    frozen_app: Path, env: dict[str, str], virtual_microphone, korean_model_path: Path, espeak: str
) -> None:
    # text-to-speech runs the frozen app again as its speech process (`mockint -m ...`)
    lines = assert_doctor_finds_everything([str(frozen_app)], {**env, "MOCKINT_MODEL": str(korean_model_path)})
    assert lines["text-to-speech"][1] == "speaks through espeak"


def test_analyses_a_transcript(frozen_app: Path, env: dict[str, str], tmp_path: Path) -> None:
    report = analyse_transcript([str(frozen_app)], env, tmp_path)
    assert [filler["text"] for filler in report["fillers"]] == ["um", "so", "basically", "uh"]
    assert report["metrics"]["word_count"] == 15


def test_recognises_a_recording_with_vosk(
    frozen_app: Path, env: dict[str, str], tmp_path: Path, korean_model_path: Path, espeak: str
) -> None:
    recording = tmp_path / "answer.wav"
    subprocess.run([espeak, "-v", "ko", "-w", str(recording), "저는 개발자입니다"], check=True, timeout=60)
    done = run([str(frozen_app)], env, "analyze", str(recording), "--model", str(korean_model_path), "--json")
    assert done.returncode == 0, done.stderr
    assert '"words": [{"text": ' in done.stdout  # the native Vosk library heard words


def test_lists_the_seven_shipped_decks(frozen_app: Path, env: dict[str, str]) -> None:
    assert deck_ids([str(frozen_app)], env) == SHIPPED_DECKS


def test_the_window_opens_offscreen_and_closes_on_sigterm(frozen_app: Path, env: dict[str, str]) -> None:
    window = open_window_and_terminate([str(frozen_app)], env)
    assert window.returncode == 0, window.stderr
    assert "Traceback" not in window.stderr
    print(f"frozen app: window shown {window.shown_after_s:.2f} s after start")


def test_the_folder_adds_itself_to_the_application_menu(frozen_app: Path, tmp_path: Path) -> None:
    script = frozen_app.parent / "install-desktop-entry.sh"
    require(
        script.is_file(),
        "the frozen app is a single-file build (build.sh --single-file), which carries no desktop files",
    )
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "share")}
    done = subprocess.run(["sh", str(script)], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    entry = (tmp_path / "share" / "applications" / "mockint.desktop").read_text(encoding="utf-8")
    assert f'Exec="{frozen_app}"' in entry.splitlines()
    assert (tmp_path / "share" / "icons" / "hicolor" / "256x256" / "apps" / "mockint.png").is_file()
    assert (tmp_path / "share" / "metainfo" / "io.github.mockint.MockInt.metainfo.xml").is_file()
