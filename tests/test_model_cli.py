"""`mockint model ...` end to end, in a subprocess, against a local HTTP server."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from mockint.paths import app_paths
from mockint.speech.model_download import partial_download_path
from tests.test_model_support import (
    ModelServer,
    Route,
    fake_model_zip,
    make_fake_model,
    model_server,  # noqa: F401 - fixture
    sha256_hex,
    zip_folder,
)

NAME = "vosk-model-cli-0.1"


def mockint(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mockint", *args], capture_output=True, text=True, timeout=timeout)


def one_clean_line(stderr: str) -> str:
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


def test_nothing_installed_exits_3_naming_the_download_command() -> None:
    for verb in ("path", "verify"):
        result = mockint("model", verb)
        assert result.returncode == 3
        assert result.stdout == ""
        assert "`mockint model download`" in one_clean_line(result.stderr)


def test_download_list_path_verify_use(model_server: ModelServer, tmp_path: Path) -> None:
    data = fake_model_zip(tmp_path, NAME)
    url = model_server.serve(f"/{NAME}.zip", Route(data))

    downloaded = mockint("model", "download", url, "--sha256", sha256_hex(data).upper())
    assert downloaded.returncode == 0, downloaded.stderr
    folder = app_paths().models_dir / NAME
    assert f"installed {NAME} in {folder}" in downloaded.stdout
    assert one_clean_line(downloaded.stderr) == f"downloaded {NAME} ({len(data) / 1e6:.1f} MB)"
    settings = json.loads(app_paths().settings_file.read_text())
    assert settings["speech/model"] == NAME  # the first model installed is the one used

    listed = mockint("model", "list")
    assert listed.returncode == 0 and listed.stderr == ""
    assert "vosk-model-small-en-us-0.15" in listed.stdout and "41.2 MB" in listed.stdout
    assert f"  {NAME}  ok, in use" in listed.stdout

    path = mockint("model", "path", NAME)
    assert (path.returncode, path.stdout.strip(), path.stderr) == (0, str(folder), "")
    assert mockint("model", "path").stdout.strip() == str(folder)

    verified = mockint("model", "verify", NAME)
    assert verified.returncode == 0 and "ok" in verified.stdout

    again = mockint("model", "download", url)
    assert again.returncode == 0 and "already installed" in again.stdout
    assert len(model_server.requests) == 1

    other = make_fake_model(tmp_path / "other-model")
    used = mockint("model", "use", str(other))
    assert used.returncode == 0, used.stderr
    assert json.loads(app_paths().settings_file.read_text())["speech/model"] == str(other.resolve())
    assert mockint("model", "path").stdout.strip() == str(other.resolve())
    assert f"In use: {other.resolve()}" in mockint("model", "list").stdout

    assert mockint("model", "use", NAME).returncode == 0
    assert json.loads(app_paths().settings_file.read_text())["speech/model"] == NAME


def test_verify_reports_a_broken_model_with_the_fix(model_server: ModelServer, tmp_path: Path) -> None:
    url = model_server.serve(f"/{NAME}.zip", Route(fake_model_zip(tmp_path, NAME)))
    assert mockint("model", "download", url).returncode == 0
    (app_paths().models_dir / NAME / "graph" / "HCLr.fst").unlink()

    result = mockint("model", "verify", NAME)

    assert result.returncode == 3
    line = one_clean_line(result.stderr)
    assert "graph/HCLr.fst is missing" in line and f"`mockint model download {url}`" in line
    assert "broken" in mockint("model", "list").stdout

    repaired = mockint("model", "download", url)
    assert repaired.returncode == 0, repaired.stderr
    assert mockint("model", "verify", NAME).returncode == 0


def test_use_refuses_what_is_not_a_model(tmp_path: Path) -> None:
    missing = mockint("model", "use", str(tmp_path / "nowhere"))
    assert missing.returncode == 3 and "not installed" in one_clean_line(missing.stderr)
    not_model = tmp_path / "docs"
    not_model.mkdir()
    refused = mockint("model", "use", str(not_model))
    assert refused.returncode == 3 and "not a Vosk model folder" in one_clean_line(refused.stderr)
    assert not app_paths().settings_file.exists()


@pytest.mark.parametrize("status", [404, 500])
def test_download_errors_are_one_line(model_server: ModelServer, status: int) -> None:
    url = model_server.serve(f"/{NAME}.zip", Route(status=status))
    result = mockint("model", "download", url)
    assert result.returncode == 2
    assert f"HTTP {status}" in one_clean_line(result.stderr)
    assert not (app_paths().models_dir / NAME).exists()


def test_bad_arguments_are_one_line() -> None:
    for args in (("model", "download", "no-such-model"), ("model", "download", "--sha256", "xyz")):
        result = mockint(*args)
        assert result.returncode == 2
        one_clean_line(result.stderr)


def test_install_a_zip_the_user_has(tmp_path: Path) -> None:
    archive = zip_folder(make_fake_model(tmp_path / "src"), tmp_path / "my-model.zip", top="my-model")
    result = mockint("model", "install", str(archive))
    assert result.returncode == 0, result.stderr
    assert mockint("model", "verify", "my-model").returncode == 0


@pytest.mark.skipif(os.name != "posix", reason="SIGINT is how Ctrl-C reaches a process on POSIX")
def test_ctrl_c_cancels_cleanly_and_the_next_run_resumes(model_server: ModelServer, tmp_path: Path) -> None:
    data = fake_model_zip(tmp_path, NAME)
    route = Route(data, stall_after=len(data) // 2)
    url = model_server.serve(f"/{NAME}.zip", route)
    process = subprocess.Popen(
        [sys.executable, "-m", "mockint", "model", "download", url],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert model_server.stalled.wait(30)
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 130
    line = one_clean_line(stderr)
    assert "cancelled" in line and "run the same command again to resume" in line
    part = partial_download_path(app_paths().downloads_dir, NAME)
    assert part.exists()
    kept = part.stat().st_size
    assert not (app_paths().models_dir / NAME).exists()

    route.stall_after = None
    resumed = mockint("model", "download", url)
    assert resumed.returncode == 0, resumed.stderr
    assert model_server.requests[-1].range == (f"bytes={kept}-" if kept else None)
    assert mockint("model", "verify", NAME).returncode == 0


@pytest.mark.skipif(os.name != "posix", reason="pseudo-terminals are a POSIX facility")
def test_progress_is_one_updating_line_on_a_terminal(model_server: ModelServer, tmp_path: Path) -> None:
    import pty

    data = fake_model_zip(tmp_path, NAME)
    url = model_server.serve(f"/{NAME}.zip", Route(data))
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "mockint", "model", "download", url], stdout=subprocess.PIPE, stderr=follower
    )
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed when the process ended
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert process.wait(30) == 0
    text = shown.decode()
    assert text.startswith(f"\rdownloading {NAME}: ")
    assert f"({100}%)" in text and text.count("\n") == 1 and text.endswith("\n")
    assert "Traceback" not in text
