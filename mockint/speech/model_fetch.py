"""Streaming one URL into a `.part` file that a later call can resume (HTTP Range).

Beside the `.part` file a small JSON note keeps the URL and the server's validators (ETag,
Last-Modified), so bytes are only ever resumed from the same file on the same server; a server
that ignores Range answers 200 and the download simply starts over.

Every transfer is bounded (DownloadLimits): a file may not grow past its cap, whether or not the
server said its length, and a transfer whose average speed stays under a floor for a whole
window is given up, so a server trickling a byte every 20 s cannot keep it running forever.
"""

from __future__ import annotations

import http.client
import json
import re
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mockint.core.errors import DiskFullError, StorageError
from mockint.speech.errors import DownloadCancelled, DownloadError
from mockint.speech.model_archive import is_disk_full

Progress = Callable[[int, int | None], None]
Opener = Callable[..., Any]
TransferCheck = Callable[[int, int | None], None]

CHUNK_BYTES = 64 * 1024
MIN_RATE_BYTES_PER_S = 4096.0  # a 40 MB model at this speed still arrives in under 3 hours
RATE_WINDOW_S = 60.0


@dataclass(frozen=True)
class DownloadLimits:
    """Bounds on one transfer; the defaults are the real ones, tests shrink them."""

    max_bytes: int | None = None  # the whole file may not be larger than this
    too_large: Callable[[int], Exception] | None = None  # the error for a file past max_bytes
    min_rate_bytes_per_s: float = MIN_RATE_BYTES_PER_S
    rate_window_s: float = RATE_WINDOW_S
    clock: Callable[[], float] = time.monotonic

    def refuse_size(self, size: int, part: Path) -> None:
        """Past the cap: the partial file is deleted (it can never become the model) and the
        transfer stops."""
        if self.max_bytes is None or size <= self.max_bytes:
            return
        discard_partial(part)
        if self.too_large is not None:
            raise self.too_large(size)
        raise DownloadError(f"the server sent more than {self.max_bytes} bytes; the download was stopped and deleted")


class _SpeedFloor:
    """Gives up when the average speed over a whole window stays under the floor."""

    def __init__(self, limits: DownloadLimits, done: int) -> None:
        self.limits = limits
        self.mark = (limits.clock(), done)

    def check(self, done: int, label: str) -> None:
        now = self.limits.clock()
        began, had = self.mark
        elapsed = now - began
        if elapsed < self.limits.rate_window_s:
            return
        if (done - had) / elapsed < self.limits.min_rate_bytes_per_s:
            raise DownloadError(
                f"the download of {label} was slower than {self.limits.min_rate_bytes_per_s / 1000:g} kB/s for "
                f"{elapsed:.0f} s ({done / 1_000_000:.1f} MB so far), so it was stopped; check your internet "
                "connection and run the same command again to resume"
            )
        self.mark = (now, done)


_CONTENT_RANGE = re.compile(r"^\s*bytes\s+(?:(\d+)-(\d+)|\*)/(\d+|\*)\s*$", re.IGNORECASE)


@dataclass
class PartialState:
    """What we know about the bytes in a `.part` file."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    total: int | None = None


def state_path(part: Path) -> Path:
    return part.with_name(part.name + ".json")


def load_state(part: Path, url: str) -> PartialState:
    """The note for `part` if it belongs to `url`; otherwise the stale bytes are dropped."""
    try:
        loaded = json.loads(state_path(part).read_text(encoding="utf-8"))
        state = PartialState(**loaded)
    except (OSError, ValueError, TypeError):
        state = None
    if state is None or state.url != url:
        discard_partial(part)
        return PartialState(url)
    return state


def save_state(part: Path, state: PartialState) -> None:
    state_path(part).write_text(json.dumps(asdict(state)), encoding="utf-8")


def discard_partial(part: Path) -> None:
    part.unlink(missing_ok=True)
    state_path(part).unlink(missing_ok=True)


def partial_size(part: Path) -> int:
    try:
        return part.stat().st_size
    except FileNotFoundError:
        return 0


def fetch_to_part(
    url: str,
    part: Path,
    state: PartialState,
    *,
    label: str,
    before_transfer: TransferCheck | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    opener: Opener = urllib.request.urlopen,
    timeout_s: float = 30.0,
    user_agent: str = "MockInt",
    limits: DownloadLimits | None = None,
) -> int | None:
    """Bring `part` up to the whole file, resuming from the bytes already there; returns the
    file's full size when the server told it.

    `before_transfer(have, total)` runs once the size is known and before any byte is written
    (the free-space and expected-size checks); it may raise to stop. `limits` bound the size
    and the speed (see DownloadLimits).
    """
    limits = limits or DownloadLimits()
    have = partial_size(part)
    if state.total is not None and have == state.total:
        if progress is not None:
            progress(have, have)
        return state.total
    if state.total is not None and have > state.total:
        discard_partial(part)
        have = 0
    response = _open(url, have, state, opener=opener, timeout_s=timeout_s, user_agent=user_agent)
    if response is None:  # 416: the bytes on disk are already the whole file
        save_state(part, state)
        if progress is not None:
            progress(have, have)
        return state.total
    with response, _interrupt_on_cancel(response, cancel):
        have, total = _where_to_write(response, have, url)
        if before_transfer is not None:
            before_transfer(have, total)
        limits.refuse_size(max(have, total or 0), part)  # a length the server announced past the cap
        headers = response.headers
        save_state(part, PartialState(url, headers.get("ETag"), headers.get("Last-Modified"), total))
        _stream(response, part, have, total, label=label, progress=progress, cancel=cancel, limits=limits)
    return total


def _open(url: str, have: int, state: PartialState, *, opener: Opener, timeout_s: float, user_agent: str) -> Any:
    headers = {"User-Agent": user_agent, "Accept-Encoding": "identity"}
    if have:
        headers["Range"] = f"bytes={have}-"
        # A weak ETag may not be used in If-Range; Last-Modified can stand in for it.
        strong_etag = state.etag if state.etag and not state.etag.startswith("W/") else None
        validator = strong_etag or state.last_modified
        if validator:
            headers["If-Range"] = validator
    try:
        return opener(urllib.request.Request(url, headers=headers), timeout=timeout_s)
    except urllib.error.HTTPError as error:
        with error:
            if error.code == 416 and have:
                total = _content_range(error.headers.get("Content-Range", ""))[2]
                if total == have:
                    state.total = total
                    return None
            raise DownloadError(http_error_message(error.code, url)) from error
    except (urllib.error.URLError, http.client.HTTPException, OSError) as error:
        raise DownloadError(network_error_message(error, url)) from error


def _where_to_write(response: Any, have: int, url: str) -> tuple[int, int | None]:
    """(offset to write at, total size) from the response status and headers."""
    status = getattr(response, "status", None) or response.getcode()
    length = _int_or_none(response.headers.get("Content-Length"))
    if status == 206:
        start, _end, total = _content_range(response.headers.get("Content-Range", ""))
        if start != have:
            raise DownloadError(
                f"the server at {_host(url)} resumed the download at the wrong place; run the same command again"
            )
        return have, total if total is not None else (have + length if length is not None else None)
    if status == 200:
        return 0, length  # no Range sent, or the server ignored it: start over
    raise DownloadError(f"the server at {_host(url)} answered HTTP {status} instead of the file")


def _stream(
    response: Any,
    part: Path,
    have: int,
    total: int | None,
    *,
    label: str,
    progress: Progress | None,
    cancel: threading.Event | None,
    limits: DownloadLimits,
) -> None:
    done = have
    if progress is not None:
        progress(done, total)
    floor = _SpeedFloor(limits, done)
    try:
        # Unbuffered: what arrived is on disk at once, so a cut, a stall or a killed process
        # resumes from every byte received (read1 hands over pieces smaller than a buffer).
        with part.open("ab" if have else "wb", buffering=0) as sink:
            sink.truncate(have)
            while not (cancel is not None and cancel.is_set()):
                chunk = _read(response, label=label, done=done, total=total, cancel=cancel)
                if not chunk:
                    break
                if limits.max_bytes is not None and done + len(chunk) > limits.max_bytes:
                    sink.close()
                    limits.refuse_size(done + len(chunk), part)
                _write_all(sink, chunk)
                done += len(chunk)
                if progress is not None:
                    progress(done, total)
                floor.check(done, label)
    except OSError as error:  # reading raised typed errors already: this is the disk
        if is_disk_full(error):
            raise DiskFullError(
                f"the disk filled up while downloading {label} into {part.parent}; free some space and run the same command again to resume"
            ) from error
        raise StorageError(f"could not write the download to {part} ({error.strerror or error})") from error
    if cancel is not None and cancel.is_set():
        raise _cancelled(label, done)
    if total is not None and done < total:
        raise DownloadError(_cut_message(label, done, total, None))


def _write_all(sink: Any, chunk: bytes) -> None:
    """An unbuffered write may take only part of the bytes; write until all are down."""
    view = memoryview(chunk)
    while view:
        view = view[sink.write(view) :]


def _read(response: Any, *, label: str, done: int, total: int | None, cancel: threading.Event | None) -> bytes:
    # read1: whatever has arrived (up to a chunk), so a trickling server is seen as slow at
    # once instead of after a whole chunk; fakes without read1 are read as before.
    read = getattr(response, "read1", None) or response.read
    try:
        return read(CHUNK_BYTES)
    except (OSError, http.client.HTTPException, ValueError) as error:
        if cancel is not None and cancel.is_set():
            raise _cancelled(label, done) from error
        raise DownloadError(_cut_message(label, done, total, error)) from error


def _cancelled(label: str, done: int) -> DownloadCancelled:
    return DownloadCancelled(
        f"download of {label} cancelled; {done / 1_000_000:.1f} MB kept, run the same command again to resume"
    )


def _cut_message(label: str, done: int, total: int | None, error: BaseException | None) -> str:
    of = f" of {total / 1_000_000:.1f} MB" if total else ""
    why = "stalled" if isinstance(error, TimeoutError) else "was cut"
    return f"the download of {label} {why} after {done / 1_000_000:.1f} MB{of}; run the same command again to resume where it stopped"


def http_error_message(code: int, url: str) -> str:
    if code in (404, 410):
        return f"{url} was not found on the server (HTTP {code}); check the model name or address (`mockint model list` shows known models)"
    if code in (401, 403):
        return f"the server at {_host(url)} refused the download (HTTP {code})"
    if code >= 500:
        return f"the server at {_host(url)} had a problem (HTTP {code}); try again later with the same command"
    return f"the server at {_host(url)} answered HTTP {code} instead of the model"


def network_error_message(error: BaseException, url: str) -> str:
    host = _host(url)
    reason = getattr(error, "reason", error)
    if isinstance(reason, socket.gaierror):
        return f"could not find the server {host}; check the address and your internet connection"
    if isinstance(reason, ConnectionRefusedError):
        return f"the server {host} refused the connection; check the address or try again later"
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return (
            f"the server {host} did not answer in time; check your internet connection and run the same command again"
        )
    if isinstance(reason, ssl.SSLError):
        return f"the secure connection to {host} failed ({reason}); check the address and your computer's clock"
    return f"could not download from {host} ({reason}); check your internet connection and run the same command again"


@contextmanager
def _interrupt_on_cancel(response: Any, cancel: threading.Event | None) -> Iterator[None]:
    """A cancel must not wait for a stalled read to time out: shut the socket down under it."""
    if cancel is None:
        yield
        return
    finished = threading.Event()

    def watch() -> None:
        while not finished.is_set():
            if cancel.wait(0.1):
                _shutdown_socket(response)
                return

    watcher = threading.Thread(target=watch, name="mockint-download-cancel", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        finished.set()
        watcher.join()


def _shutdown_socket(response: Any) -> None:
    try:
        duplicate = socket.fromfd(response.fileno(), socket.AF_INET, socket.SOCK_STREAM)
    except (AttributeError, OSError, ValueError):
        return
    try:
        duplicate.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    finally:
        duplicate.close()


def _content_range(value: str) -> tuple[int | None, int | None, int | None]:
    match = _CONTENT_RANGE.match(value or "")
    if not match:
        return None, None, None
    start, end, total = match.groups()
    return _int_or_none(start), _int_or_none(end), _int_or_none(total)


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _host(url: str) -> str:
    return urlsplit(url).hostname or url
