"""The atomic-file helper: the whole text or the old file, and the new one on the disk before its name."""

from __future__ import annotations

import os
import stat

import pytest

from mockint import atomic_file
from mockint.atomic_file import write_text_atomically


def test_the_data_reaches_the_disk_before_the_rename_and_the_rename_after(tmp_path, monkeypatch):
    """Calls go through to the real os functions; the order of what was done is recorded."""
    done: list[tuple[str, str]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        kind = "folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file"
        real_fsync(fd)
        done.append(("fsync", kind))

    def replace(source, target) -> None:
        real_replace(source, target)
        done.append(("replace", os.path.basename(target)))

    monkeypatch.setattr(atomic_file.os, "fsync", fsync)
    monkeypatch.setattr(atomic_file.os, "replace", replace)
    target = tmp_path / "deck.toml"
    target.write_text("old", encoding="utf-8")
    write_text_atomically(target, "new text\n")
    assert done == [("fsync", "file"), ("replace", "deck.toml"), ("fsync", "folder")]
    assert target.read_text(encoding="utf-8") == "new text\n"
    assert [p.name for p in tmp_path.iterdir()] == ["deck.toml"]  # no temporary left behind


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "settings.toml"
    target.write_text("old = 1\n", encoding="utf-8")

    def full_disk(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic_file.os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        write_text_atomically(target, "new = 2\n")
    assert target.read_text(encoding="utf-8") == "old = 1\n"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.toml"]


def test_modes_new_kept_and_given(tmp_path):
    new = tmp_path / "export.md"
    write_text_atomically(new, "x")
    assert stat.S_IMODE(new.stat().st_mode) == 0o644
    new.chmod(0o640)
    write_text_atomically(new, "y")
    assert stat.S_IMODE(new.stat().st_mode) == 0o640
    private = tmp_path / "settings.toml"
    write_text_atomically(private, "z", mode=0o600)
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
