"""The installed models as Settings lists them, and removing one: plain Python, run on workers.

Sizes come from walking each folder (hundreds of files), and the model in use is found by
checking its folder, so both are done off the GUI thread.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from mockint.core.errors import StorageError
from mockint.paths import AppPaths
from mockint.settings import Settings
from mockint.speech.model_archive import remove_tree
from mockint.speech.model_select import ModelSource, installed_models, model_in_use

_REMOVING_PREFIX = ".removing-"


@dataclass(frozen=True)
class ModelRow:
    name: str
    path: Path
    size_bytes: int
    language: str | None  # from the catalogue, when it is a model MockInt knows
    description: str | None
    problems: tuple[str, ...]

    @property
    def usable(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class ModelsOverview:
    rows: tuple[ModelRow, ...]
    chosen: Path | None  # what MockInt loads (setting, environment or the default), if usable
    chosen_by: ModelSource | None = None


def folder_size(folder: Path) -> int:
    total = 0
    for root, _dirs, files in os.walk(folder):
        for name in files:
            try:
                total += os.lstat(os.path.join(root, name)).st_size
            except OSError:
                continue  # vanished while walking: it no longer takes space
    return total


def scan_models(settings: Settings, paths: AppPaths) -> ModelsOverview:
    for leftover in paths.models_dir.glob(f"{_REMOVING_PREFIX}*"):
        remove_tree(leftover)  # a removal that a crash or power cut interrupted
    rows = tuple(
        ModelRow(
            model.name,
            model.path,
            folder_size(model.path),
            model.catalog.language if model.catalog else None,
            model.catalog.description if model.catalog else None,
            model.problems,
        )
        for model in installed_models(paths.models_dir)
    )
    choice = model_in_use(settings, paths)
    if choice is None:
        return ModelsOverview(rows, None)
    return ModelsOverview(rows, choice.path, choice.source)


def remove_model(folder: Path, models_dir: Path) -> None:
    """Deletes an installed model. It is renamed away first, so a model folder is either whole
    or gone: a crash halfway leaves a hidden folder, which no listing shows."""
    folder = Path(folder)
    if folder.parent.resolve() != Path(models_dir).resolve():
        raise StorageError(
            f"{folder} is not in the models folder {models_dir}; MockInt only removes models it installed"
        )
    doomed = folder.with_name(f"{_REMOVING_PREFIX}{folder.name}-{secrets.token_hex(4)}")
    try:
        os.replace(folder, doomed)
    except FileNotFoundError:
        return
    except OSError as error:
        raise StorageError(f"could not remove the model {folder.name} ({error.strerror or error})") from error
    remove_tree(doomed)
