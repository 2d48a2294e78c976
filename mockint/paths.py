"""The one place that knows where MockInt keeps things on disk.

Everything lives in the platform's user folders (platformdirs). `MOCKINT_HOME`, when set, puts
all of it under one folder instead: tests and portable installs use that.

What is in them (transcripts, recordings of the user's voice) is private: MockInt's folders are
made 0700 and its files 0600, so no other user of the computer can read them. On Windows the
per-user profile already keeps them private, and these modes mean nothing there.
"""

from __future__ import annotations

import logging
import os
import stat
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import platformdirs

APP_NAME = "MockInt"
HOME_ENV = "MOCKINT_HOME"

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
# Bump when the rules change, to fix existing folders again once; the marker records it.
PERMISSIONS_VERSION = 1
PERMISSIONS_MARKER = ".private"

_POSIX = os.name == "posix"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    config_dir: Path
    cache_dir: Path
    log_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "mockint.sqlite3"

    @property
    def recordings_dir(self) -> Path:
        return self.data_dir / "recordings"

    @property
    def models_dir(self) -> Path:
        return self.data_dir / "models"

    @property
    def user_decks_dir(self) -> Path:
        return self.data_dir / "decks"

    @property
    def downloads_dir(self) -> Path:
        """Partial downloads; kept apart from models so a half file is never taken for one."""
        return self.data_dir / "downloads"

    @property
    def tts_cache_dir(self) -> Path:
        return self.cache_dir / "tts"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def private_dirs(self) -> tuple[Path, ...]:
        """The folders MockInt owns: made 0700, everything in them kept from other users."""
        return (self.data_dir, self.config_dir, self.cache_dir, self.log_dir)


def app_paths() -> AppPaths:
    """Where this user's MockInt data lives. Creates nothing: callers make what they write to."""
    home = os.environ.get(HOME_ENV)
    if home:
        root = Path(home).expanduser()
        return AppPaths(root / "data", root / "config", root / "cache", root / "logs")
    return AppPaths(
        Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
    )


def _shipped_folder(package: str) -> Path:
    """A folder MockInt ships as package data, found by importlib.resources, so a checkout (the
    editable install maps the package onto the top-level folder), a wheel, an sdist install and
    the frozen app all find it the same way. It is always a real folder: MockInt is never run
    from a zip, and Qt and the deck loader want file paths."""
    folder = Path(str(resources.files(package)))
    if not folder.is_dir():
        raise FileNotFoundError(f"MockInt's {package} folder is missing from this installation ({folder})")
    return folder


def assets_dir() -> Path:
    """The icons, styles and sounds that come with MockInt (top-level `assets/` in the source
    tree, package `mockint.assets` once installed)."""
    return _shipped_folder("mockint.assets")


def shipped_decks_dir() -> Path:
    """The decks that come with MockInt (top-level `questions/` in the source tree, package
    `mockint.questions` once installed)."""
    return _shipped_folder("mockint.questions")


def make_private_dir(folder: Path) -> Path:
    """Creates `folder` (and missing parents) if needed; the folder itself ends up 0700.

    OSError reaches the caller, which knows what it was about to save.
    """
    folder = Path(folder)
    if not folder.is_dir():
        folder.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    if _POSIX and stat.S_IMODE(folder.stat().st_mode) != PRIVATE_DIR_MODE:
        # mkdir's mode is cut by the umask, and an old folder keeps its own.
        _chmod_or_warn(folder, PRIVATE_DIR_MODE)
    return folder


def make_private_file(path: Path) -> None:
    """Makes an existing file 0600 (a no-op on Windows). FileNotFoundError when it is not there;
    a file system without modes (a FAT stick under MOCKINT_HOME) is logged, not refused."""
    if _POSIX:
        _chmod_or_warn(Path(path), PRIVATE_FILE_MODE)


def _chmod_or_warn(path: Path, mode: int) -> None:
    try:
        path.chmod(mode)
    except FileNotFoundError:
        raise
    except OSError as error:
        log.warning("could not make %s private: %s", path, error)


def make_private_folders(paths: AppPaths) -> None:
    """Creates MockInt's four folders 0700 and, once per PERMISSIONS_VERSION, makes private what
    an older MockInt left readable (folders 0755, files 0644) inside them.

    Run at start-up by the app and by every command that opens the store. Errors reach the
    caller as OSError; a folder that cannot be fixed (not ours) is logged and left.
    """
    for folder in paths.private_dirs:
        make_private_dir(folder)
    marker = paths.config_dir / PERMISSIONS_MARKER
    try:
        done = int(marker.read_text(encoding="ascii").strip() or 0)
    except (OSError, ValueError):
        done = 0
    if done >= PERMISSIONS_VERSION:
        return
    for folder in paths.private_dirs:
        _make_tree_private(folder)
    marker.write_text(f"{PERMISSIONS_VERSION}\n", encoding="ascii")
    make_private_file(marker)


def _make_tree_private(root: Path) -> None:
    """0700 for every folder and 0600 for every file under `root`; links are not followed."""
    if not _POSIX:
        return
    for folder, subfolders, files in os.walk(root):
        for name in subfolders:
            _chmod_quietly(Path(folder, name), PRIVATE_DIR_MODE)
        for name in files:
            _chmod_quietly(Path(folder, name), PRIVATE_FILE_MODE)


def _chmod_quietly(path: Path, mode: int) -> None:
    try:
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode) or stat.S_IMODE(info.st_mode) == mode:
            return
        # A model's executable bit, if any, does not matter: MockInt only reads model files.
        path.chmod(mode)
    except OSError as error:
        log.warning("could not make %s private: %s", path, error)
