"""Writing a whole file or nothing: the text goes to a temporary file beside the target, then
replaces it in one rename, so an interrupted write (a crash, a full disk) never leaves half a
deck, half a settings file or half an export where the old one was.

The temporary file is flushed to the disk (fsync) before the rename, and the folder after it:
without the first, a power cut soon after can leave the new name on an empty file (ext4 and
others may commit the rename before the data); without the second, the rename itself may be lost.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_text_atomically(
    path: Path, text: str, *, encoding: str = "utf-8", newline: str | None = "", mode: int | None = None
) -> None:
    """`newline=""` writes the text's own line endings (CSV's are \\r\\n by its standard).

    The file gets `mode` when given (0600 for MockInt's own private files, such as settings);
    otherwise it keeps the target's permissions, or gets the usual 0644 when new: mkstemp makes
    files private, and an export or a deck is a document the user may share. OSError reaches
    the caller, which knows what it was saving and says so to the user.
    """
    folder = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding=encoding, newline=newline) as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is None:
            mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Makes a rename in `folder` durable; a no-op where folders cannot be opened (Windows)."""
    try:
        handle = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:  # some file systems (and network shares) refuse fsync on a folder
        pass
    finally:
        os.close(handle)
