"""Download, verify and install a model: the only network access MockInt makes.

The zip is streamed to `<downloads_dir>/<name>.zip.part` (resumable), checked against the
expected size and SHA-256 where known, extracted safely into a staging folder and renamed into
`<models_dir>/<name>` only when it passes model_check. Whatever fails, nothing half-done is
installed; only a download that was cut, cancelled or stopped by a full disk keeps its `.part`
so the same call resumes it.
"""

from __future__ import annotations

import hashlib
import re
import threading
import urllib.request
from collections.abc import Callable
from pathlib import Path

from mockint import __version__
from mockint.core.errors import BadInputError, DiskFullError
from mockint.speech.errors import ChecksumMismatchError, DownloadCancelled, DownloadError, UnsafeArchiveError
from mockint.speech.model_archive import DamagedArchiveError
from mockint.speech.model_catalog import is_web_url, model_name_from_url
from mockint.speech.model_check import find_model_problems
from mockint.speech.model_fetch import (
    MIN_RATE_BYTES_PER_S,
    RATE_WINDOW_S,
    DownloadLimits,
    Opener,
    Progress,
    discard_partial,
    fetch_to_part,
    load_state,
    partial_size,
)
from mockint.speech.model_install import (
    SLACK_BYTES,
    FreeBytes,
    NotAModelError,
    disk_free_bytes,
    ensure_free_space,
    format_megabytes,
    install_zip,
    validated_name,
)

_SHA256_HEX = re.compile(r"^[0-9a-f]{64}$")
# A URL of unknown size may bring at most this much: every Vosk model is well under it.
UNKNOWN_SIZE_CAP_BYTES = 4 * 1024**3
# A download never takes the disk below this much free space (the margin every free-space
# check in the model install keeps for the file system's own bookkeeping).
FREE_SPACE_MARGIN_BYTES = SLACK_BYTES
_HASH_CHUNK = 1024 * 1024


def partial_download_path(downloads_dir: Path, name: str) -> Path:
    return downloads_dir / f"{name}.zip.part"


def download_model(
    url: str,
    models_dir: Path,
    downloads_dir: Path,
    *,
    name: str | None = None,
    expected_size: int | None = None,
    sha256: str | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    opener: Opener = urllib.request.urlopen,
    free_bytes: FreeBytes = disk_free_bytes,
    timeout_s: float = 30.0,
    replace: bool = False,
    min_rate_bytes_per_s: float = MIN_RATE_BYTES_PER_S,
    rate_window_s: float = RATE_WINDOW_S,
) -> Path:
    """Fetch the model zip at `url` and install it as models_dir/name; returns that folder.

    A model already installed and intact under that name is returned as is (no network)
    unless `replace`. `progress(done, total)` is called from this thread as bytes arrive;
    setting `cancel` stops the transfer promptly (DownloadCancelled, the `.part` is kept).
    The network (`opener`, called like urllib.request.urlopen) and the disk's free space
    (`free_bytes(path)`) are passed in; the defaults are the real ones.

    The file may not grow past `expected_size` (the catalogue's), or 4 GB when the size is not
    known, nor past the free space minus a margin; past that it is deleted. A transfer whose
    average speed stays under `min_rate_bytes_per_s` for `rate_window_s` is given up.
    """
    if not is_web_url(url):
        raise BadInputError(
            f"{url!r} is not a web address; give an http:// or https:// URL (or use `mockint model install` for a file)"
        )
    name = name or model_name_from_url(url)
    if not name:
        raise BadInputError(f"cannot tell a model name from {url}; give one with --name NAME")
    validated_name(name)
    sha256 = normalised_sha256(sha256)
    target = models_dir / name
    if target.is_dir() and not replace and not find_model_problems(target):
        return target
    _raise_if_cancelled(cancel, name)

    downloads_dir.mkdir(parents=True, exist_ok=True)
    part = partial_download_path(downloads_dir, name)
    state = load_state(part, url)
    if expected_size is not None and state.total not in (None, expected_size):
        discard_partial(part)
        state = load_state(part, url)

    def before_transfer(have: int, total: int | None) -> None:
        if expected_size is not None and total is not None and total != expected_size:
            discard_partial(part)
            raise ChecksumMismatchError(
                f"the server offers {format_megabytes(total)} for {name}, not the expected {format_megabytes(expected_size)}; "
                "nothing was downloaded or installed. Check the address."
            )
        if total is not None:
            # The rest of the zip, plus about as much again for the extracted model; the exact
            # extracted size is checked from the zip's directory before extraction.
            ensure_free_space(
                downloads_dir, (total - have) + total + SLACK_BYTES, free_bytes, what=f"downloading {name}"
            )

    if expected_size is not None and partial_size(part) < expected_size:
        # Known size: refuse before touching the network when the disk is clearly too full.
        before_transfer(partial_size(part), expected_size)
    cap, too_large = _size_cap(name, downloads_dir, partial_size(part), expected_size, free_bytes)
    limits = DownloadLimits(cap, too_large, min_rate_bytes_per_s=min_rate_bytes_per_s, rate_window_s=rate_window_s)
    total = fetch_to_part(
        url,
        part,
        state,
        label=name,
        before_transfer=before_transfer,
        progress=progress,
        cancel=cancel,
        opener=opener,
        timeout_s=timeout_s,
        user_agent=f"MockInt/{__version__}",
        limits=limits,
    )
    actual_sha256 = _verify(part, name, expected_size=expected_size, total=total, sha256=sha256, cancel=cancel)
    return _install(part, models_dir, name, url=url, sha256=actual_sha256, free_bytes=free_bytes, cancel=cancel)


def _size_cap(
    name: str, downloads_dir: Path, have: int, expected_size: int | None, free_bytes: FreeBytes
) -> tuple[int, Callable[[int], Exception]]:
    """The largest the file may become, and the error that says which bound it passed."""
    room = have + max(0, free_bytes(downloads_dir) - FREE_SPACE_MARGIN_BYTES)
    size_cap = expected_size if expected_size is not None else UNKNOWN_SIZE_CAP_BYTES

    def too_large(size: int) -> Exception:
        if room < size_cap:
            return DiskFullError(
                f"the download of {name} would leave less than {format_megabytes(FREE_SPACE_MARGIN_BYTES)} free on the "
                "disk, so it was stopped and deleted; nothing was installed. Free some space and try again."
            )
        if expected_size is not None:
            return ChecksumMismatchError(
                f"the server sent more than the {format_megabytes(expected_size)} expected for {name}, so the download "
                "was stopped and deleted; nothing was installed. Check the address."
            )
        return DownloadError(
            f"the server sent more than {format_megabytes(UNKNOWN_SIZE_CAP_BYTES)} for {name}, more than any speech "
            "model, so the download was stopped and deleted; nothing was installed. Check the address."
        )

    return min(size_cap, room), too_large


def normalised_sha256(sha256: str | None) -> str | None:
    if sha256 is None:
        return None
    value = sha256.strip().lower()
    if not _SHA256_HEX.match(value):
        raise BadInputError(f"{sha256!r} is not a SHA-256 checksum (64 hexadecimal digits)")
    return value


def file_sha256(path: Path, cancel: threading.Event | None = None, label: str = "") -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(_HASH_CHUNK):
            _raise_if_cancelled(cancel, label)
            digest.update(chunk)
    return digest.hexdigest()


def _verify(
    part: Path,
    name: str,
    *,
    expected_size: int | None,
    total: int | None,
    sha256: str | None,
    cancel: threading.Event | None,
) -> str:
    size = partial_size(part)
    for wanted in (expected_size, total):
        if wanted is not None and size != wanted:
            discard_partial(part)
            raise ChecksumMismatchError(
                f"the downloaded file for {name} is {size} bytes instead of {wanted}; "
                "it was deleted and nothing was installed. Run the same command to download it again."
            )
    actual = file_sha256(part, cancel, name)
    if sha256 is not None and actual != sha256:
        discard_partial(part)
        raise ChecksumMismatchError(
            f"the downloaded file for {name} does not match its SHA-256 checksum (damaged, or not the expected file); "
            "it was deleted and nothing was installed. Run the same command to download it again."
        )
    return actual


def _install(
    part: Path,
    models_dir: Path,
    name: str,
    *,
    url: str,
    sha256: str,
    free_bytes: FreeBytes,
    cancel: threading.Event | None,
) -> Path:
    try:
        installed = install_zip(part, models_dir, name, source=url, sha256=sha256, free_bytes=free_bytes, cancel=cancel)
    except UnsafeArchiveError:
        discard_partial(part)
        raise
    except DamagedArchiveError as error:
        discard_partial(part)
        raise DownloadError(
            f"the file downloaded from {url} is not a readable zip ({error}); it was deleted and nothing was installed. "
            "Run the same command to download it again."
        ) from error
    except NotAModelError as error:
        discard_partial(part)
        raise DownloadError(
            f"the file downloaded from {url} does not hold a complete Vosk model ({'; '.join(error.problems[:3])}); "
            "it was deleted and nothing was installed."
        ) from error
    discard_partial(part)
    return installed


def _raise_if_cancelled(cancel: threading.Event | None, label: str) -> None:
    if cancel is not None and cancel.is_set():
        raise DownloadCancelled(f"download of {label} cancelled; run the same command again to resume")
