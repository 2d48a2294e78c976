"""Which model folder MockInt uses, and which models are installed.

Order: `--model` (per command), then the MOCKINT_MODEL environment variable, then the one
chosen with `mockint model use` (Setting.MODEL), then the default catalogue model in
models_dir. A source that names a model which is missing or broken is an error, not a reason
to quietly use another: the user asked for that one.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from mockint.core.errors import NoModelError
from mockint.paths import AppPaths
from mockint.settings import Setting, Settings
from mockint.speech.model_catalog import (
    DEFAULT_MODEL_NAME,
    CatalogModel,
    default_model,
    find_catalog_model,
    is_safe_model_name,
    is_web_url,
    looks_like_vosk_name,
    model_name_from_url,
)
from mockint.speech.model_check import check_model_dir, find_model_problems, read_install_record

MODEL_ENV = "MOCKINT_MODEL"


class ModelSource(Enum):
    OPTION = "--model"
    ENVIRONMENT = MODEL_ENV
    SETTING = "`mockint model use`"
    DEFAULT = "the default"


@dataclass(frozen=True)
class ModelChoice:
    path: Path
    source: ModelSource
    name: str | None  # the folder name when the model lives in models_dir


@dataclass(frozen=True)
class InstalledModel:
    name: str
    path: Path
    problems: tuple[str, ...]
    catalog: CatalogModel | None

    @property
    def usable(self) -> bool:
        return not self.problems


def installed_models(models_dir: Path) -> list[InstalledModel]:
    """Every model folder in models_dir (hidden staging folders excluded), checked."""
    try:
        folders = sorted(entry for entry in models_dir.iterdir() if entry.is_dir() and not entry.name.startswith("."))
    except OSError:
        return []
    return [InstalledModel(f.name, f, tuple(find_model_problems(f)), find_catalog_model(f.name)) for f in folders]


def model_location(value: str, models_dir: Path) -> tuple[Path, str | None]:
    """A model name (a folder in models_dir) or a path, as the user wrote it -> (folder, name)."""
    bare_name = is_safe_model_name(value)  # no separators: cannot be meant as a path
    if bare_name and (models_dir / value).exists():
        return models_dir / value, value
    path = Path(value).expanduser()
    if path.exists() or not bare_name:
        path = path.resolve()
        inside = path.parent == models_dir.resolve() if models_dir.exists() else False
        return path, path.name if inside else None
    return models_dir / value, value


def choose_model(
    explicit: str | None,
    settings: Settings,
    paths: AppPaths,
    *,
    environ: Mapping[str, str] | None = None,
) -> ModelChoice:
    """The model to load, checked; NoModelError / BrokenModelError name the fix."""
    environ = os.environ if environ is None else environ
    chosen = settings.get(Setting.MODEL)
    for source, value in (
        (ModelSource.OPTION, explicit),
        (ModelSource.ENVIRONMENT, environ.get(MODEL_ENV)),
        (ModelSource.SETTING, chosen if isinstance(chosen, str) else None),
    ):
        if value:
            return _checked(value, source, paths.models_dir)
    default = paths.models_dir / DEFAULT_MODEL_NAME
    if not default.exists():
        raise NoModelError(
            "no speech model is installed; run `mockint model download` to get the default English model "
            f"(about {default_model().approx_mb} MB)"
        )
    check_model_dir(default, name=DEFAULT_MODEL_NAME)
    return ModelChoice(default, ModelSource.DEFAULT, DEFAULT_MODEL_NAME)


def resolve_model(
    explicit: str | None, settings: Settings, paths: AppPaths, *, environ: Mapping[str, str] | None = None
) -> Path:
    """The folder of the model to load (see choose_model for the order)."""
    return choose_model(explicit, settings, paths, environ=environ).path


def model_in_use(
    settings: Settings, paths: AppPaths, *, environ: Mapping[str, str] | None = None
) -> ModelChoice | None:
    """What a command without --model would load, or None when nothing usable is chosen."""
    try:
        return choose_model(None, settings, paths, environ=environ)
    except NoModelError:
        return None


def download_argument(name: str | None, path: Path | None = None) -> str | None:
    """What to give `mockint model download` to fetch this model again, if anything can."""
    record = read_install_record(path) if path is not None else None
    source = record.get("source") if record else None
    if isinstance(source, str) and is_web_url(source):
        return source if name in (None, model_name_from_url(source)) else f"{source} --name {name}"
    if name and (find_catalog_model(name) is not None or looks_like_vosk_name(name)):
        return name
    return None


def _checked(value: str, source: ModelSource, models_dir: Path) -> ModelChoice:
    path, name = model_location(value, models_dir)
    if not path.exists():
        fetch = download_argument(name)
        fix = f"run `mockint model download {fetch}`" if fetch else "run `mockint model download` for the default model"
        raise NoModelError(
            f"the speech model {value!r} (chosen by {source.value}) is not installed or does not exist; "
            f"{fix}, or see `mockint model list`"
        )
    check_model_dir(path, name=download_argument(name, path))
    return ModelChoice(path, source, name)
