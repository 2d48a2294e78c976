"""Input the user (or their computer) got wrong is one clear line and exit 2, never a crash (exit 1)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from mockint.paths import app_paths
from tests.conftest import require
from tests.test_model_support import make_fake_model


def run(*args: str, stdin: bytes = b"", env: dict[str, str] | None = None, unprivileged: bool = False):
    command = [sys.executable, "-m", "mockint", *args]
    if unprivileged and os.geteuid() == 0:
        # root reads anything; without these two capabilities it obeys file modes like any user.
        setpriv = shutil.which("setpriv")
        require(setpriv is not None, "setpriv (util-linux) is needed to test permissions as root")
        command = [str(setpriv), "--bounding-set", "-dac_override,-dac_read_search", *command]
    return subprocess.run(
        command, input=stdin, capture_output=True, timeout=120, check=False, env={**os.environ, **(env or {})}
    )


def one_line(done: subprocess.CompletedProcess[bytes], code: int = 2) -> str:
    stderr = done.stderr.decode("utf-8", "replace")
    assert done.returncode == code, stderr
    assert "Traceback" not in stderr and "something went wrong" not in stderr, stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


@pytest.mark.parametrize(
    ("field", "number"),
    [("start", "1e400"), ("start", "9" * 5000), ("end", "1" + "0" * 400), ("conf", "9" * 400)],
)
def test_huge_numbers_in_a_vosk_result(tmp_path: Path, field: str, number: str) -> None:
    word = {"word": "hello", "start": 1.0, "end": 1.5, "conf": 1.0}
    text = json.dumps({"result": [word], "text": "hello"}).replace(f'"{field}": {word[field]}', f'"{field}": {number}')
    assert number in text
    (tmp_path / "answer.json").write_text(text, encoding="utf-8")
    line = one_line(run("analyze", str(tmp_path / "answer.json")))
    assert f'"{field}" of word 1' in line


@pytest.mark.parametrize("order", [("x", "x/y"), ("x/y", "x")])
def test_a_zip_holding_a_file_and_a_folder_of_one_name(tmp_path: Path, order: tuple[str, str]) -> None:
    archive = tmp_path / "model.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for name in order:
            out.writestr(name, "data")
    assert "'x' is both a file and a folder" in one_line(run("model", "install", str(archive)))
    assert not app_paths().models_dir.exists() or not any(app_paths().models_dir.iterdir())


def test_an_unreadable_model_folder(tmp_path: Path) -> None:
    model = make_fake_model(tmp_path / "locked")
    (model / "am").chmod(0)
    try:
        for verb in ("verify", "install"):
            line = one_line(run("model", verb, str(model), unprivileged=True), code=2)  # the folder given is bad input
            assert "am/final.mdl cannot be read (permission denied)" in line
    finally:
        (model / "am").chmod(0o755)


@pytest.mark.parametrize("args", [("history",), ("export", "1"), ("model", "list"), ("model", "verify")])
def test_an_inaccessible_data_folder(args: tuple[str, ...]) -> None:
    data = app_paths().data_dir
    (data / "models").mkdir(parents=True)
    (data / "mockint.sqlite3").write_bytes(b"")
    data.chmod(0)
    try:
        line = one_line(run(*args, unprivileged=True))
    finally:
        data.chmod(0o700)
    assert f"MockInt's data folder {data} cannot be used (permission denied" in line


def test_a_file_name_that_is_not_utf8_is_printed_as_its_bytes_on_a_strict_stdout(tmp_path: Path) -> None:
    shipped = Path(__file__).resolve().parent.parent / "questions" / "openers.toml"
    name = os.fsdecode(b"deck-\xff.toml")
    shutil.copy(shipped, tmp_path / name)
    done = run("deck", "validate", str(tmp_path / name), env={"PYTHONIOENCODING": "utf-8:strict"})
    assert done.returncode == 0, done.stderr
    assert b"deck-\xff.toml" in done.stdout


def test_text_a_strict_ascii_stdout_cannot_show_is_one_line() -> None:
    done = run("analyze", "-", stdin="le café était fermé".encode(), env={"PYTHONIOENCODING": "ascii:strict"})
    assert "character set" in one_line(done) and "PYTHONIOENCODING=utf-8" in one_line(done)
