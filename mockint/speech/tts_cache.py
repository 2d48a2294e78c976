"""The folder of rendered questions: one WAV per (text, voice, rate, engine), written atomically.

A file appears under its final name only by an atomic rename once it is complete and checked,
so a reader never gets half a file, whatever happened to the process that was writing it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

# Bump when the rendering changes in a way that makes old files wrong.
CACHE_FORMAT = 1
_WORK_PREFIX = ".rendering-"


@dataclass(frozen=True)
class SpeechKey:
    text: str
    voice: str | None
    rate: int
    engine: str

    @property
    def digest(self) -> str:
        identity = json.dumps([CACHE_FORMAT, self.engine, self.voice or "", self.rate, self.text], ensure_ascii=False)
        return hashlib.sha256(identity.encode("utf-8")).hexdigest()


class TtsCache:
    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)

    def path_for(self, key: SpeechKey) -> Path:
        return self.directory / f"{key.digest}.wav"

    def lookup(self, key: SpeechKey) -> Path | None:
        path = self.path_for(key)
        return path if path.is_file() else None

    @contextmanager
    def work_folder(self) -> Iterator[Path]:
        """A private folder beside the cache (same file system, so the final rename is atomic);
        removed with whatever is left in it, success or not."""
        self.directory.mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(prefix=_WORK_PREFIX, dir=self.directory))
        try:
            yield folder
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def commit(self, finished: Path, key: SpeechKey) -> Path:
        """Moves a complete, checked file into place under its key."""
        final = self.path_for(key)
        os.replace(finished, final)
        return final
