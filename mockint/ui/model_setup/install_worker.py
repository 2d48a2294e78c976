"""Installing a model folder or zip the user already has, on a worker thread."""

from __future__ import annotations

from pathlib import Path

from mockint.speech.model_install import FreeBytes, disk_free_bytes, install_model_from
from mockint.ui.workers import Worker


class InstallWorker(Worker):
    """finished(Path of the installed model) or failed(BadInputError, BrokenModelError,
    UnsafeArchiveError, DiskFullError, StorageError); nothing half-done is ever installed."""

    def __init__(self, source: Path, models_dir: Path, *, free_bytes: FreeBytes = disk_free_bytes) -> None:
        super().__init__()
        self.source = Path(source)
        self._models_dir = models_dir
        self._free_bytes = free_bytes

    def work(self) -> Path:
        return install_model_from(self.source, self._models_dir, free_bytes=self._free_bytes, cancel=self.cancel_token)
