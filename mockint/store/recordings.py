"""The recordings folder: where each answer's WAV lives, and removing them with their answers.

A recording is named by its answer's id (`answer-<id>.wav`); while it is being captured it is
`answer-<id>.partial.wav`. Answers keep their audio path relative to this folder, so the whole
data folder can move.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterable
from pathlib import Path

from mockint.store.errors import from_os_error

_ANY_RECORDING = re.compile(r"answer-(\d+)(?:\.partial)?\.wav")


class Recordings:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path_for(self, answer_id: int) -> Path:
        return self.folder / f"answer-{answer_id:d}.wav"

    def partial_path_for(self, answer_id: int) -> Path:
        return self.folder / f"answer-{answer_id:d}.partial.wav"

    def video_path_for(self, answer_id: int) -> Path:
        """A mirror answer's video, recorded beside its audio (mockint/app/mirror.py)."""
        return self.folder / f"answer-{answer_id:d}.mp4"

    def mirror_log_path_for(self, answer_id: int) -> Path:
        """A mirror answer's cue log and video offset (JSON), beside its audio."""
        return self.folder / f"answer-{answer_id:d}.mirror.json"

    @staticmethod
    def answer_id_of(path: Path) -> int | None:
        """The answer a finished recording belongs to, from its name; None for any other file."""
        match = re.fullmatch(r"answer-(\d+)\.wav", path.name)
        return int(match.group(1)) if match else None

    def finished_files(self) -> dict[int, Path]:
        """Every finished recording in the folder (not its subfolders), by the answer id in its name."""
        if not self.folder.is_dir():
            return {}
        found = {}
        for entry in self.folder.iterdir():
            answer_id = self.answer_id_of(entry)
            if answer_id is not None and entry.is_file() and not entry.is_symlink():
                found[answer_id] = entry
        return dict(sorted(found.items()))

    def highest_file_id(self) -> int:
        """The highest answer id any recording here is named by, finished or not (0 for none)."""
        if not self.folder.is_dir():
            return 0
        ids = [int(m.group(1)) for e in self.folder.iterdir() if (m := _ANY_RECORDING.fullmatch(e.name))]
        return max(ids, default=0)

    def relative(self, path: Path | str) -> str:
        """The path as answers store it; a path outside the folder is refused (ValueError)."""
        candidate = Path(path)
        if not candidate.is_absolute():
            candidate = self.folder / candidate
        return candidate.resolve().relative_to(self.folder.resolve()).as_posix()

    def resolve(self, audio_path: str) -> Path | None:
        """The file an answer's stored audio path names; None if it would lie outside the folder."""
        candidate = (self.folder / audio_path).resolve()
        try:
            candidate.relative_to(self.folder.resolve())
        except ValueError:
            return None
        return candidate

    def files_of(self, answer_id: int, audio_path: str | None) -> list[Path]:
        files = [self.path_for(answer_id), self.partial_path_for(answer_id)]
        # A mirror answer's video and cue log go with it.
        files += [self.video_path_for(answer_id), self.mirror_log_path_for(answer_id)]
        stored = self.resolve(audio_path) if audio_path else None
        if stored is not None and stored not in files:
            files.append(stored)
        return files

    def delete_files(self, paths: Iterable[Path]) -> None:
        for path in paths:
            try:
                path.unlink(missing_ok=True)
            except OSError as error:
                raise from_os_error(error, path, "delete the recording") from error

    def delete_everything(self) -> None:
        """Empties the folder (finished and unfinished recordings alike), keeping the folder."""
        if not self.folder.exists():
            return
        for entry in self.folder.iterdir():
            try:
                if entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry)
                else:
                    entry.unlink()
            except OSError as error:
                raise from_os_error(error, entry, "delete") from error
