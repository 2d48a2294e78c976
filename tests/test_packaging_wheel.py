"""The wheel and the sdist carry what MockInt ships: `python -m build` makes both (the wheel from
the sdist, as pip does), and the wheel, installed in a fresh venv away from the source tree, runs
doctor, lists the seven decks and opens its window."""

from __future__ import annotations

import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

from tests.packaging_smoke import (
    SHIPPED_DECKS,
    analyse_transcript,
    assert_doctor_finds_everything,
    clean_environment,
    deck_ids,
    open_window_and_terminate,
    run,
)

ROOT = Path(__file__).resolve().parent.parent
SHIPPED_FILES = [
    "assets/icons/app.svg",
    "assets/icons/practice.svg",
    "assets/styles/app.qss",
    *(f"questions/{deck}.toml" for deck in SHIPPED_DECKS),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(wheel, sdist), built from this checkout into a folder of their own."""
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)], capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    (wheel,) = out.glob("mockint-*.whl")
    (sdist,) = out.glob("mockint-*.tar.gz")
    return wheel, sdist


@pytest.fixture(scope="module")
def installed(built: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The `mockint` program of a fresh venv with only the wheel (and its dependencies) in it."""
    folder = tmp_path_factory.mktemp("wheel-venv")
    venv.EnvBuilder(with_pip=True).create(folder)
    python = folder / "bin" / "python"
    done = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(built[0])],
        capture_output=True,
        text=True,
        timeout=900,
        cwd=folder,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return folder / "bin" / "mockint"


def test_the_sdist_carries_the_assets_and_decks(built: tuple[Path, Path]) -> None:
    with tarfile.open(built[1]) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    assert set(SHIPPED_FILES) <= names


def test_the_wheel_carries_them_inside_the_package(built: tuple[Path, Path]) -> None:
    with zipfile.ZipFile(built[0]) as wheel:
        names = set(wheel.namelist())
    assert {f"mockint/{name}" for name in SHIPPED_FILES} <= names
    assert "mockint/core/analysis/filler_model_en.json" in names
    assert not any(name.startswith(("assets/", "questions/", "tests/")) for name in names)


def test_the_installed_package_is_the_venvs_not_the_checkout(installed: Path, tmp_path: Path) -> None:
    python = installed.parent / "python"
    env = clean_environment(tmp_path / "home")
    done = run(
        [str(python)],
        env,
        "-c",
        "import mockint, mockint.paths as p; print(mockint.__file__); print(p.assets_dir()); print(p.shipped_decks_dir())",
    )
    venv_root = str(installed.parent.parent)
    assert all(line.startswith(venv_root) for line in done.stdout.splitlines()), done.stdout


def test_doctor_lists_decks_and_analyses(
    installed: Path, tmp_path: Path, virtual_microphone, korean_model_path: Path, espeak: str
) -> None:
    env = clean_environment(tmp_path / "home")
    assert_doctor_finds_everything([str(installed)], {**env, "MOCKINT_MODEL": str(korean_model_path)})
    assert deck_ids([str(installed)], env) == SHIPPED_DECKS
    report = analyse_transcript([str(installed)], env, tmp_path)
    assert [filler["text"] for filler in report["fillers"]] == ["um", "so", "basically", "uh"]


def test_the_window_opens_offscreen_and_closes_on_sigterm(installed: Path, tmp_path: Path) -> None:
    window = open_window_and_terminate([str(installed)], clean_environment(tmp_path / "home"))
    assert window.returncode == 0, window.stderr
    assert "Traceback" not in window.stderr
