"""Where an export may go, for the command line and the app alike.

An export is a document the user asked for; it must never cost them anything else. So:
- nothing inside MockInt's own data or settings folder (`--output .../mockint.sqlite3` once erased the
  whole history), whatever the spelling (links, `..`) that leads there;
- an existing file is replaced only when the user said so (`--force`, or the save dialog's own
  "Replace?" question);
- a pipe, a terminal or `/dev/null` (and names such as `/dev/stdout`) is written to as a
  stream, never renamed over; other devices, sockets and folders are refused.

A file is written whole or not at all (atomic_file); a stream is written as it goes.
"""

from __future__ import annotations

import enum
import os
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mockint.atomic_file import write_text_atomically
from mockint.core.errors import BadInputError
from mockint.paths import AppPaths

STDOUT_NAME = "-"
_STREAM_FOLDERS = (Path("/dev"), Path("/proc/self/fd"))


class TargetKind(enum.Enum):
    FILE = "file"  # a regular file, new or replaced: written atomically
    STREAM = "stream"  # a pipe, terminal or /dev/null (or standard output): written as it goes


@dataclass(frozen=True)
class ExportTarget:
    path: Path | None  # None for standard output
    kind: TargetKind

    @property
    def is_stdout(self) -> bool:
        return self.path is None


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _named_as_stream(path: Path) -> bool:
    """`/dev/stdout`, `/dev/fd/3`, `/proc/self/fd/1`: names the shell hands out for its streams."""
    absolute = Path(os.path.abspath(path))
    return any(absolute.parent == folder or _inside(absolute.parent, folder) for folder in _STREAM_FOLDERS)


def check_export_target(path: Path | str, paths: AppPaths, *, force: bool) -> ExportTarget:
    """The checked target for writing an export to `path`; BadInputError saying why not.

    `force`: the user agreed to replace an existing file (`--force`, or the save dialog asked).
    """
    if str(path) == STDOUT_NAME:
        return ExportTarget(None, TargetKind.STREAM)
    path = Path(path)
    shown = str(path)
    try:
        real = path.resolve()
        for folder in (paths.data_dir, paths.config_dir):
            if _inside(real, folder.resolve()):
                raise BadInputError(
                    f"{shown} is inside MockInt's own folder ({folder}); choose a place outside it for the export"
                )
        try:
            found = path.stat()
        except FileNotFoundError:
            return ExportTarget(path, TargetKind.FILE)
    except PermissionError:
        raise BadInputError(f"{shown} cannot be reached (permission denied)") from None
    except (OSError, RuntimeError) as error:  # RuntimeError: a loop of links
        raise BadInputError(f"{shown} cannot be used: {getattr(error, 'strerror', None) or error}") from None
    mode = found.st_mode
    if stat.S_ISDIR(mode):
        raise BadInputError(f"{shown} is a folder; give the name of the file to write")
    if stat.S_ISFIFO(mode) or (stat.S_ISCHR(mode) and _is_terminal_or_null(path)):
        return ExportTarget(path, TargetKind.STREAM)
    if stat.S_ISREG(mode):
        if _named_as_stream(path):
            return ExportTarget(path, TargetKind.STREAM)  # `--output /dev/stdout > file`: the shell's file
        if not force:
            raise BadInputError(f"{shown} already exists; add --force to replace it")
        return ExportTarget(path, TargetKind.FILE)
    raise BadInputError(f"{shown} is a device or socket, not a file; exports go to files, pipes and terminals")


def _is_terminal_or_null(path: Path) -> bool:
    try:
        if os.path.samefile(path, os.devnull):
            return True
        fd = os.open(path, os.O_WRONLY | os.O_NOCTTY | os.O_NONBLOCK)
    except OSError:
        return False
    try:
        return os.isatty(fd)
    finally:
        os.close(fd)


def write_export_text(target: ExportTarget, text: str, *, encoding: str = "utf-8") -> None:
    """Writes `text` to the checked target; StorageError (one line) when the disk says no."""
    path = target.path
    if path is not None and target.kind is TargetKind.FILE:
        _as_storage_error(path, lambda: write_text_atomically(path, text, encoding=encoding))
    else:
        _write_stream(target, text.encode(encoding))


def copy_to_stream(target: ExportTarget, source: Path) -> None:
    """A finished file (a PDF the renderer wrote aside) to a stream target."""
    _write_stream(target, source.read_bytes())


def _write_stream(target: ExportTarget, data: bytes) -> None:
    if target.path is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    path = target.path

    def append() -> None:
        # Append mode: never truncates what the shell already wrote through the same name.
        with open(path, "ab") as stream:
            stream.write(data)

    _as_storage_error(path, append)


def _as_storage_error(path: Path, write: Callable[[], None]) -> None:
    try:
        write()
    except BrokenPipeError:
        raise  # the reader went away: the CLI ends quietly, as after `| head`
    except OSError as error:
        from mockint.store.errors import from_os_error

        raise from_os_error(error, path, "write") from error
