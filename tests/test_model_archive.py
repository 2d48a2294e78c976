"""Archives that must not be installed: path escapes, links, damage, no model inside."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from mockint.speech.errors import DownloadError, UnsafeArchiveError
from mockint.speech.model_archive import unsafe_member_reason
from mockint.speech.model_download import download_model, partial_download_path
from tests.test_model_support import (
    NAME,
    SYMLINK_MODE,
    ModelServer,
    Route,
    add_raw_member,
    assert_nothing_installed,
    dirs,  # noqa: F401 - fixture
    make_fake_model,
    model_server,  # noqa: F401 - fixture
)


def _evil_zip(tmp_path: Path, entry: str, *, mode: int | None = None) -> bytes:
    buffer = io.BytesIO()
    source = make_fake_model(tmp_path / "evil-src")
    with zipfile.ZipFile(buffer, "w") as archive:
        for item in sorted(source.rglob("*")):
            if item.is_file():
                archive.write(item, f"{NAME}/{item.relative_to(source).as_posix()}")
        add_raw_member(archive, entry, b"/etc/passwd" if mode else b"pwned", mode=mode)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "entry, mode",
    [
        ("../../escaped.txt", None),
        (f"{NAME}/../../../escaped.txt", None),
        ("ABSOLUTE", None),
        ("C:/escaped.txt", None),
        (f"{NAME}/graph/escaped-link", SYMLINK_MODE),
    ],
    ids=["dot-dot", "nested-dot-dot", "absolute", "drive-letter", "symlink"],
)
def test_unsafe_archive_is_refused_and_writes_nothing(
    model_server: ModelServer, dirs, tmp_path: Path, entry: str, mode: int | None
) -> None:
    models_dir, downloads_dir = dirs
    outside = tmp_path / "outside" / "escaped.txt"
    if entry == "ABSOLUTE":
        entry = outside.as_posix()
    url = model_server.serve(f"/{NAME}.zip", Route(_evil_zip(tmp_path, entry, mode=mode)))

    with pytest.raises(UnsafeArchiveError) as refused:
        download_model(url, models_dir, downloads_dir)

    assert "Nothing was installed" in refused.value.user_message
    assert not outside.exists()
    assert [p for p in tmp_path.rglob("escaped*")] == []
    assert_nothing_installed(models_dir)
    assert not partial_download_path(downloads_dir, NAME).exists()


def test_archive_without_a_model_is_refused(model_server: ModelServer, dirs) -> None:
    models_dir, downloads_dir = dirs
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("holiday/photo.txt", b"not a model")
    url = model_server.serve("/photos.zip", Route(buffer.getvalue()))
    with pytest.raises(DownloadError) as refused:
        download_model(url, models_dir, downloads_dir)
    assert "not a Vosk model" in refused.value.user_message or "complete Vosk model" in refused.value.user_message
    assert_nothing_installed(models_dir)


def test_damaged_archive_is_refused(model_server: ModelServer, dirs, tmp_path: Path) -> None:
    models_dir, downloads_dir = dirs
    model = make_fake_model(tmp_path / "src")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for item in sorted(model.rglob("*")):
            if item.is_file():
                archive.write(item, item.relative_to(model).as_posix())
    damaged = bytearray(buffer.getvalue())
    marker = damaged.index(b"<TransitionModel>")
    damaged[marker + 40] ^= 0xFF  # one flipped byte inside final.mdl: its CRC no longer matches
    url = model_server.serve(f"/{NAME}.zip", Route(bytes(damaged)))
    with pytest.raises(DownloadError) as refused:
        download_model(url, models_dir, downloads_dir)
    assert "not a readable zip" in refused.value.user_message
    assert_nothing_installed(models_dir)
    assert not partial_download_path(downloads_dir, NAME).exists()


@pytest.mark.parametrize(
    "name, mode, safe",
    [
        ("model/am/final.mdl", None, True),
        ("model/conf/", None, True),
        ("./model/README", None, True),
        ("model/../../x", None, False),
        ("/etc/x", None, False),
        ("\\server\\share\\x", None, False),
        ("D:\\x", None, False),
        ("model\\..\\..\\x", None, False),
        ("model/link", SYMLINK_MODE, False),
        ("model/fifo", 0o010644, False),
        ("model/plain", 0o100644, True),
    ],
)
def test_each_member_is_vetted(name: str, mode: int | None, safe: bool) -> None:
    info = zipfile.ZipInfo(name)
    if mode is not None:
        info.create_system = 3
        info.external_attr = mode << 16
    assert (unsafe_member_reason(info) is None) == safe
