"""One MockInt per data folder: a lock file that holds its owner's process id.

Two windows over one data folder once shared a recording: the second one's start-up recovery
renamed the first one's unfinished WAV and the first then failed to save it. So the app takes
this lock before it shows a window, and start-up recovery (in the app or the command line)
touches recordings only while it holds the lock, which it cannot while another MockInt lives.

The lock is an OS lock (`flock` on POSIX, `msvcrt.locking` on Windows) on `mockint.lock` in the
data folder. The OS drops it when its process dies, however it dies, so a lock left by a killed
MockInt is simply taken over. The file also holds the owner's pid, written after locking, so a
second start can say who holds it. Where the file system has no locks (some network shares),
the pid decides: a lock whose pid is no longer running is stale and taken over.

Within one process the lock is re-entrant: the window and a worker thread doing recovery may
both hold it, and it is released when the last holder lets go.
"""

from __future__ import annotations

import errno
import logging
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mockint.core.errors import UserFacingError
from mockint.paths import make_private_dir
from mockint.store.errors import from_os_error

log = logging.getLogger(__name__)

LOCK_FILE_NAME = "mockint.lock"
_LOCKED_BYTE = 64  # Windows: the byte locked, well past any pid written at the start

_registry_lock = threading.Lock()
_held: dict[Path, _Held] = {}  # lock file -> this process's hold on it


class AlreadyRunningError(UserFacingError):
    """Another MockInt (still running) uses this data folder."""

    def __init__(self, data_dir: Path, pid: int | None) -> None:
        who = f" (process {pid})" if pid else ""
        super().__init__(f"MockInt is already running{who} with the data folder {data_dir}; use that window")
        self.data_dir = data_dir
        self.pid = pid


class _Held:
    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.count = 0


def lock_path(data_dir: Path) -> Path:
    return Path(data_dir) / LOCK_FILE_NAME


def owner_pid(data_dir: Path) -> int | None:
    """The pid written in the lock file, or None when there is none (or it is unreadable)."""
    try:
        text = lock_path(data_dir).read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    text = text.strip()
    return int(text) if text.isdigit() else None


def pid_alive(pid: int) -> bool:
    """Whether a process with this pid is running (on POSIX; on Windows, whether it may be)."""
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        return True  # no cheap check; only reached where locking is unsupported, so err on the safe side
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, owned by someone else
    return True


def held_here(data_dir: Path) -> bool:
    """Whether this process holds the lock of `data_dir`."""
    with _registry_lock:
        return _key(data_dir) in _held


def acquire(data_dir: Path) -> None:
    """Takes the lock of `data_dir` for this process (creating the folder and file as needed).

    Raises AlreadyRunningError when another running process holds it. Each acquire needs a
    matching release(); the process exiting releases it too.
    """
    key = _key(data_dir)
    with _registry_lock:
        held = _held.get(key)
        if held is None:
            held = _Held(_lock_file(Path(data_dir), key))
            _held[key] = held
        held.count += 1


def release(data_dir: Path) -> None:
    key = _key(data_dir)
    with _registry_lock:
        held = _held.get(key)
        if held is None:
            return
        held.count -= 1
        if held.count > 0:
            return
        del _held[key]
        # The pid goes first, so no one reads ours as a live owner's after we let go.
        try:
            os.ftruncate(held.fd, 0)
        except OSError:
            pass
        _unlock(held.fd)
        os.close(held.fd)


@contextmanager
def holding(data_dir: Path) -> Iterator[None]:
    """`with holding(folder):` the lock for the block; AlreadyRunningError when another has it."""
    acquire(data_dir)
    try:
        yield
    finally:
        release(data_dir)


@contextmanager
def holding_if_free(data_dir: Path) -> Iterator[bool]:
    """Yields True while holding the lock, or False (holding nothing) when another MockInt has it.

    For work that must never run beside a live owner but may simply be skipped, such as
    start-up recovery from the command line while the app is recording.
    """
    try:
        acquire(data_dir)
    except AlreadyRunningError as running:
        log.info("%s; leaving its recordings alone", running.user_message)
        yield False
        return
    try:
        yield True
    finally:
        release(data_dir)


def _key(data_dir: Path) -> Path:
    return lock_path(Path(data_dir)).absolute()


def _lock_file(data_dir: Path, path: Path) -> int:
    try:
        make_private_dir(data_dir)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as error:
        raise from_os_error(error, path, "create the lock file") from error
    try:
        locked = _try_lock(fd)
        if locked is False:
            raise AlreadyRunningError(data_dir, owner_pid(data_dir))
        if locked is None:  # no locks on this file system: the pid in the file decides
            pid = owner_pid(data_dir)
            if pid is not None and pid != os.getpid() and pid_alive(pid):
                raise AlreadyRunningError(data_dir, pid)
            log.warning("%s cannot be locked here; going by the process id in it", path)
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, str(os.getpid()).encode("ascii"))
    except BaseException:
        os.close(fd)
        raise
    return fd


def _try_lock(fd: int) -> bool | None:
    """True when locked, False when another process holds it, None when locks are unsupported."""
    try:
        if sys.platform == "win32":
            import msvcrt

            # Windows locks are mandatory: lock a byte past the pid so others can still read it.
            os.lseek(fd, _LOCKED_BYTE, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as error:
        if error.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES, errno.EDEADLK):
            return False
        if error.errno in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL):
            return None
        raise
    return True


def _unlock(fd: int) -> None:
    try:
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, _LOCKED_BYTE, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_UN)
    except OSError:
        pass  # closing the file releases it anyway
