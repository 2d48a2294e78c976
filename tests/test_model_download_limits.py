"""Every download is bounded: in size (with or without Content-Length) and in how slow it may be."""

from __future__ import annotations

from pathlib import Path

import pytest

from mockint.core.errors import DiskFullError
from mockint.speech import model_download
from mockint.speech.errors import ChecksumMismatchError, DownloadError
from mockint.speech.model_check import find_model_problems
from mockint.speech.model_download import download_model, partial_download_path
from tests.test_model_support import (
    NAME,
    ModelServer,
    Route,
    assert_nothing_installed,
    dirs,  # noqa: F401 - fixture
    fake_model_zip,
    model_server,  # noqa: F401 - fixture
)


def test_a_download_without_content_length_still_installs(model_server: ModelServer, dirs, tmp_path: Path) -> None:
    models_dir, downloads_dir = dirs
    url = model_server.serve(f"/{NAME}.zip", Route(fake_model_zip(tmp_path, NAME), send_length=False))
    installed = download_model(url, models_dir, downloads_dir)
    assert find_model_problems(installed) == []


def test_a_server_sending_more_than_the_catalogue_size_is_stopped_and_deleted(
    model_server: ModelServer, dirs, tmp_path: Path
) -> None:
    models_dir, downloads_dir = dirs
    data = fake_model_zip(tmp_path, NAME)
    url = model_server.serve(f"/{NAME}.zip", Route(data * 40, send_length=False))
    with pytest.raises(ChecksumMismatchError, match="more than the .* expected"):
        download_model(url, models_dir, downloads_dir, expected_size=len(data))
    assert not partial_download_path(downloads_dir, NAME).exists()
    assert_nothing_installed(models_dir)


def test_a_url_of_unknown_size_is_capped(
    model_server: ModelServer, dirs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real cap is 4 GB; the same rule is shown with a cap a test can reach."""
    models_dir, downloads_dir = dirs
    data = fake_model_zip(tmp_path, NAME)
    monkeypatch.setattr(model_download, "UNKNOWN_SIZE_CAP_BYTES", len(data) * 2)
    for send_length in (False, True):  # streamed past the cap, or announced past it
        url = model_server.serve(f"/{NAME}.zip", Route(data * 5, send_length=send_length))
        with pytest.raises(DownloadError, match="more than any speech model"):
            download_model(url, models_dir, downloads_dir)
        assert not partial_download_path(downloads_dir, NAME).exists()
    assert_nothing_installed(models_dir)


def test_a_download_never_fills_the_disk(model_server: ModelServer, dirs, tmp_path: Path) -> None:
    """A server without Content-Length once filled a 200 MB disk."""
    models_dir, downloads_dir = dirs
    data = fake_model_zip(tmp_path, NAME) * 20
    url = model_server.serve(f"/{NAME}.zip", Route(data, send_length=False))
    free = model_download.FREE_SPACE_MARGIN_BYTES + len(data) // 4
    with pytest.raises(DiskFullError, match="would leave less than"):
        download_model(url, models_dir, downloads_dir, free_bytes=lambda path: free)
    assert not partial_download_path(downloads_dir, NAME).exists()


def test_a_trickling_server_is_given_up_and_the_download_resumes_later(
    model_server: ModelServer, dirs, tmp_path: Path
) -> None:
    """One byte at a time kept a download running forever; the floor and window are shrunk here."""
    models_dir, downloads_dir = dirs
    data = fake_model_zip(tmp_path, NAME)
    url = model_server.serve(f"/{NAME}.zip", Route(data, trickle=(16, 0.02)))
    with pytest.raises(DownloadError, match="slower than 10 kB/s"):
        download_model(url, models_dir, downloads_dir, min_rate_bytes_per_s=10_000, rate_window_s=0.3)
    kept = partial_download_path(downloads_dir, NAME).stat().st_size
    assert 0 < kept < len(data)  # what arrived is kept, as after a cut connection
    model_server.serve(f"/{NAME}.zip", Route(data))
    installed = download_model(url, models_dir, downloads_dir)
    assert find_model_problems(installed) == []
    assert model_server.requests[-1].range == f"bytes={kept}-"
