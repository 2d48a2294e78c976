"""The one place that knows where MockInt keeps things on disk.

Everything lives in the platform's user folders (platformdirs). `MOCKINT_HOME`, when set, puts
all of it under one folder instead: tests and portable installs use that.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import platformdirs

APP_NAME = "MockInt"
HOME_ENV = "MOCKINT_HOME"


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
