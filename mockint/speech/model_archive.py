"""Extracting a model zip without letting it write anywhere but its own folder.

Every member is vetted before the first byte is written, so an unsafe archive leaves nothing
behind: no `..`, no absolute paths or drive letters, no links, devices or other special
entries. Reading each member through zipfile checks its CRC, so a damaged archive is found
while extracting (this is the verification for models without a published checksum).
"""

from __future__ import annotations

import errno
import re
import shutil
import stat
import threading
import zipfile
from collections.abc import Callable
from pathlib import Path

from mockint.core.errors import DiskFullError, StorageError
from mockint.speech.errors import DownloadCancelled, UnsafeArchiveError

_DRIVE = re.compile(r"^[A-Za-z]:")
_CHUNK = 1024 * 1024
# Folders some zip tools add that are not part of the model.
_JUNK_TOP_LEVEL = {"__MACOSX"}


class DamagedArchiveError(Exception):
    """The zip is not readable or a member fails its CRC; callers decide what the user hears."""


def unsafe_member_reason(info: zipfile.ZipInfo) -> str | None:
    """Why extracting this member could write outside the target folder, or None if it is safe."""
    name = info.filename
    if not name or "\x00" in name:
        return "an entry has an empty or invalid name"
    normalised = name.replace("\\", "/")
    if normalised.startswith("/") or _DRIVE.match(normalised):
        return f"the entry {name!r} has an absolute path"
    if ".." in normalised.split("/"):
        return f"the entry {name!r} points outside the model folder"
    kind = stat.S_IFMT(info.external_attr >> 16)
    if info.create_system == 3 and kind not in (0, stat.S_IFREG, stat.S_IFDIR):
        what = "a link" if kind == stat.S_IFLNK else "a special file"
        return f"the entry {name!r} is {what}"
    return None


def vet_archive(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """All members, after checking each is safe; raises UnsafeArchiveError on the first bad one."""
    members = archive.infolist()
    for info in members:
        reason = unsafe_member_reason(info)
        if reason:
            raise UnsafeArchiveError(f"refused to extract the model archive: {reason}. Nothing was installed.")
    clash = _file_and_folder_clash(members)
    if clash:
        raise UnsafeArchiveError(
            f"refused to extract the model archive: {clash!r} is both a file and a folder in it. Nothing was installed."
        )
    return members


def _member_parts(info: zipfile.ZipInfo) -> tuple[str, ...]:
    return tuple(p for p in info.filename.replace("\\", "/").split("/") if p not in ("", "."))


def _file_and_folder_clash(members: list[zipfile.ZipInfo]) -> str | None:
    """A name the archive uses for a file and for a folder (`x` and `x/y`): it cannot be extracted."""
    files = {_member_parts(info) for info in members if not info.is_dir()}
    folders = {parts[:depth] for info in members for parts in [_member_parts(info)] for depth in range(1, len(parts))}
    folders |= {_member_parts(info) for info in members if info.is_dir()}
    both = sorted(files & folders)
    return "/".join(both[0]) if both else None


def uncompressed_size(members: list[zipfile.ZipInfo]) -> int:
    return sum(info.file_size for info in members if not info.is_dir())


def safe_extract(
    archive: zipfile.ZipFile,
    target: Path,
    *,
    cancel: threading.Event | None = None,
    on_member: Callable[[str], None] | None = None,
) -> None:
    """Extract into `target` (an empty folder the caller owns and removes on failure)."""
    members = vet_archive(archive)
    root = target.resolve()
    for info in members:
        if cancel is not None and cancel.is_set():
            raise DownloadCancelled("the model install was cancelled; nothing was installed")
        parts = list(_member_parts(info))
        if not parts or parts[0] in _JUNK_TOP_LEVEL:
            continue
        destination = root.joinpath(*parts)
        # Belt and braces: vetting already refused everything that could resolve elsewhere.
        if not destination.resolve().is_relative_to(root):
            raise UnsafeArchiveError(f"refused to extract the model archive: {info.filename!r} leaves its folder")
        if on_member is not None:
            on_member(info.filename)
        if info.is_dir():
            destination.mkdir(parents=True, exist_ok=True)
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        _extract_member(archive, info, destination, cancel)


def _extract_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, destination: Path, cancel: threading.Event | None
) -> None:
    try:
        with archive.open(info) as source, destination.open("xb") as sink:
            while chunk := source.read(_CHUNK):
                if cancel is not None and cancel.is_set():
                    raise DownloadCancelled("the model install was cancelled; nothing was installed")
                sink.write(chunk)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError) as error:
        raise DamagedArchiveError(f"{info.filename}: {error}") from error
    except FileExistsError as error:
        raise UnsafeArchiveError(f"refused to extract the model archive: {info.filename!r} appears twice") from error
    except OSError as error:
        if is_disk_full(error):
            raise DiskFullError(
                f"the disk filled up while extracting the model into {destination.parent}; free some space and try again"
            ) from error
        if isinstance(error, (IsADirectoryError, NotADirectoryError)):
            raise DamagedArchiveError(f"{info.filename}: a file and a folder share this name") from error
        raise StorageError(f"could not write the model file {destination}: {error.strerror or error}") from error


def open_archive(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise DamagedArchiveError(str(error)) from error


def remove_tree(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


def is_disk_full(error: OSError) -> bool:
    return error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
