"""Putting a model into models_dir: all or nothing.

A model is extracted (or copied) into a hidden staging folder beside its final place, checked
with model_check, given an install record, and only then renamed to its name. A crash or a
full disk part-way leaves the staging folder (hidden, cleaned up by the next install of that
name), never a half model under the real name.
"""

from __future__ import annotations

import os
import secrets
import shutil
import threading
from collections.abc import Callable
from pathlib import Path

from mockint.core.errors import BadInputError, DiskFullError, StorageError
from mockint.speech.errors import UnsafeArchiveError
from mockint.speech.model_archive import (
    DamagedArchiveError,
    is_disk_full,
    open_archive,
    remove_tree,
    safe_extract,
    uncompressed_size,
    vet_archive,
)
from mockint.speech.model_catalog import is_safe_model_name
from mockint.speech.model_check import find_model_problems, model_problem_error, write_install_record

FreeBytes = Callable[[Path], int]

STAGING_PREFIX = ".installing-"
_REPLACED_PREFIX = ".replaced-"
# Room for the file system's own bookkeeping beyond the bytes of the files themselves.
SLACK_BYTES = 1 << 20


class NotAModelError(Exception):
    """What was extracted or copied is not a complete Vosk model; `problems` says why."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def disk_free_bytes(path: Path) -> int:
    """Free bytes on the disk holding `path` (or its nearest existing parent)."""
    probe = Path(path)
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    return shutil.disk_usage(probe).free


def ensure_free_space(where: Path, needed: int, free_bytes: FreeBytes, *, what: str) -> None:
    available = free_bytes(where)
    if available < needed:
        raise DiskFullError(
            f"not enough free disk space for {what}: it needs about {format_megabytes(needed)}, "
            f"and only {format_megabytes(available)} is free in {where}. Free some space and run the same command again."
        )


def format_megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def validated_name(name: str) -> str:
    if not is_safe_model_name(name):
        raise BadInputError(f"{name!r} cannot be used as a model name: use letters, digits, dots and dashes")
    return name


def install_zip(
    zip_path: Path,
    models_dir: Path,
    name: str,
    *,
    source: str,
    sha256: str | None = None,
    free_bytes: FreeBytes = disk_free_bytes,
    cancel: threading.Event | None = None,
) -> Path:
    """Extract a model zip to models_dir/name. Raises UnsafeArchiveError, DamagedArchiveError,
    NotAModelError, DiskFullError, DownloadCancelled; in every case nothing is installed."""
    validated_name(name)
    with open_archive(zip_path) as archive:
        members = vet_archive(archive)
        models_dir.mkdir(parents=True, exist_ok=True)
        ensure_free_space(models_dir, uncompressed_size(members) + SLACK_BYTES, free_bytes, what=f"the model {name}")
        with _staging(models_dir, name) as staging:
            safe_extract(archive, staging, cancel=cancel)
            return _finish(_model_root(staging), models_dir, name, source=source, sha256=sha256)


def install_model_from(
    path: Path,
    models_dir: Path,
    *,
    name: str | None = None,
    free_bytes: FreeBytes = disk_free_bytes,
    cancel: threading.Event | None = None,
) -> Path:
    """Install a model folder (copied) or zip the user already has; returns the installed folder."""
    path = Path(path).expanduser()
    if path.is_dir():
        name = validated_name(name or path.resolve().name)
        problems = find_model_problems(path)
        if problems:
            raise model_problem_error(
                problems, f"{path} is not a complete Vosk model: {'; '.join(problems[:3])}. Nothing was installed."
            )
        return _install_folder(path, models_dir, name, free_bytes)
    if path.is_file():
        stem = path.name[:-4] if path.name.lower().endswith(".zip") else path.stem
        name = validated_name(name or stem)
        try:
            return install_zip(path, models_dir, name, source=str(path.resolve()), free_bytes=free_bytes, cancel=cancel)
        except DamagedArchiveError as error:
            raise BadInputError(f"{path} is not a readable model zip ({error}). Nothing was installed.") from error
        except NotAModelError as error:
            raise BadInputError(
                f"{path} does not hold a complete Vosk model: {'; '.join(error.problems[:3])}. Nothing was installed."
            ) from error
    raise BadInputError(f"{path} does not exist; give a model folder or a model zip")


def _install_folder(source: Path, models_dir: Path, name: str, free_bytes: FreeBytes) -> Path:
    if _same_place(source, models_dir / name):
        return models_dir / name
    size = vet_folder(source)
    models_dir.mkdir(parents=True, exist_ok=True)
    ensure_free_space(models_dir, size + SLACK_BYTES, free_bytes, what=f"the model {name}")
    with _staging(models_dir, name) as staging:
        copied = staging / "model"
        try:
            # symlinks=True: a link that appeared since the check is copied as a link (and then
            # refused below), never followed to whatever it points at.
            shutil.copytree(source, copied, symlinks=True)
            vet_folder(copied)
        except shutil.Error as error:
            raise StorageError(f"could not copy the model from {source}: {error}") from error
        except OSError as error:
            if is_disk_full(error):
                raise DiskFullError(
                    f"the disk filled up while copying the model into {models_dir}; free some space and try again"
                ) from error
            raise StorageError(f"could not copy the model from {source}: {error.strerror or error}") from error
        return _finish(copied, models_dir, name, source=str(source.resolve()), sha256=None)


def vet_folder(folder: Path) -> int:
    """The bytes of the model folder's files, after checking it holds only files and folders.

    As for archives, links are refused: a model folder with `graph/x -> /etc/shadow` would
    otherwise be installed with that file's contents. FIFOs and devices are refused too (a copy
    would hang on them or read a disk). The folder itself may be reached through a link.
    """
    total = 0
    pending = [Path(folder)]
    while pending:
        current = pending.pop()
        try:
            entries = list(os.scandir(current))
        except OSError as error:
            raise BadInputError(
                f"{current} cannot be read ({error.strerror or error}). Nothing was installed."
            ) from None
        for entry in entries:
            relative = Path(entry.path).relative_to(folder).as_posix()
            if entry.is_symlink():
                raise UnsafeArchiveError(
                    f"refused to install the model folder: {relative} is a link (to {os.readlink(entry.path)}); "
                    "copy the real file in its place. Nothing was installed."
                )
            if entry.is_dir(follow_symlinks=False):
                pending.append(Path(entry.path))
            elif entry.is_file(follow_symlinks=False):
                total += entry.stat(follow_symlinks=False).st_size
            else:
                raise UnsafeArchiveError(
                    f"refused to install the model folder: {relative} is a special file, not a model file. "
                    "Nothing was installed."
                )
    return total


def _finish(root: Path, models_dir: Path, name: str, *, source: str, sha256: str | None) -> Path:
    problems = find_model_problems(root)
    if problems:
        raise NotAModelError(problems)
    write_install_record(root, name=name, source=source, sha256=sha256)
    target = models_dir / name
    _move_into_place(root, target)
    return target


def _model_root(extracted: Path) -> Path:
    """Vosk zips hold one top folder (`vosk-model-.../`); others put the files at the top."""
    entries = [entry for entry in extracted.iterdir() if entry.name not in {"__MACOSX", ".DS_Store"}]
    if len(entries) == 1 and entries[0].is_dir():
        return entries[0]
    return extracted


def _move_into_place(source: Path, target: Path) -> None:
    """Rename `source` to `target`; an existing `target` is swapped out, then removed."""
    replaced = None
    if target.exists() or target.is_symlink():
        replaced = target.with_name(f"{_REPLACED_PREFIX}{target.name}-{secrets.token_hex(4)}")
        os.replace(target, replaced)
    try:
        os.replace(source, target)
    except OSError:
        if replaced is not None:
            os.replace(replaced, target)
        raise
    if replaced is not None:
        remove_tree(replaced)


class _staging:
    """A hidden folder in models_dir (same disk, so the final rename is atomic), always removed."""

    def __init__(self, models_dir: Path, name: str) -> None:
        self.models_dir = models_dir
        self.name = name
        self.path = models_dir / f"{STAGING_PREFIX}{name}-{secrets.token_hex(4)}"

    def __enter__(self) -> Path:
        # Leftovers of an install of this name that a crash or power cut interrupted.
        for prefix in (STAGING_PREFIX, _REPLACED_PREFIX):
            for stale in self.models_dir.glob(f"{prefix}{self.name}-*"):
                remove_tree(stale)
        self.path.mkdir()
        return self.path

    def __exit__(self, *exc_info: object) -> None:
        remove_tree(self.path)


def _same_place(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False
