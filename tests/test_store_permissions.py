"""Another user of the computer cannot read MockInt's data: folders 0700, files 0600, and what an
older version left readable is made private once, at the next start."""

from __future__ import annotations

import logging
import os
import stat
import sys
from pathlib import Path

import numpy as np
import pytest

from mockint.paths import PERMISSIONS_MARKER, app_paths
from mockint.settings import Setting, Settings
from mockint.speech.wav_writer import CrashSafeWavWriter
from mockint.store import Store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes; the Windows profile is private")


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture(autouse=True)
def usual_umask():
    """The umask most desktops have, under which files are born readable by everyone."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_a_fresh_start_makes_every_folder_and_file_private():
    paths = app_paths()
    with Store.open(paths) as store:
        session = store.create_session("solo")
        answer_id = store.add_answer(session.id, "Tell me about yourself")
        writer = CrashSafeWavWriter(store.recordings.path_for(answer_id), 16_000)
        writer.write(np.zeros(1600, dtype=np.int16).tobytes())
        recording = writer.close()
        store.set_answer_audio(answer_id, recording, 0.1)
        wal = paths.database.with_name("mockint.sqlite3-wal")
        shm = paths.database.with_name("mockint.sqlite3-shm")
        assert wal.exists() and shm.exists()
        assert {p.name: mode(p) for p in (paths.database, wal, shm, recording)} == {
            "mockint.sqlite3": 0o600,
            "mockint.sqlite3-wal": 0o600,
            "mockint.sqlite3-shm": 0o600,
            "answer-1.wav": 0o600,
        }
    Settings(paths.settings_file).set(Setting.VOICE_RATE, 150)
    assert mode(paths.settings_file) == 0o600
    assert {p.name: mode(p) for p in (*paths.private_dirs, paths.recordings_dir)} == {
        "data": 0o700,
        "config": 0o700,
        "cache": 0o700,
        "logs": 0o700,
        "recordings": 0o700,
    }


def _as_an_older_version_left_it(paths) -> list[Path]:
    """Folders 0755 and files 0644, as MockInt made them before this fix."""
    files = [
        paths.database,
        paths.recordings_dir / "answer-3.wav",
        paths.settings_file,
        paths.log_dir / "mockint.log",
        paths.tts_cache_dir / "question.wav",
        paths.models_dir / "small" / "am" / "final.mdl",
    ]
    for file in files:
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(b"")
        file.chmod(0o644)
    with Store.open(paths):
        pass  # a real database where the empty file was
    paths.config_dir.joinpath(PERMISSIONS_MARKER).unlink()
    for folder in {*paths.private_dirs, *(f.parent for f in files)}:
        folder.chmod(0o755)
    for file in files:
        file.chmod(0o644)
    return files


def test_an_older_data_folder_is_made_private_once_at_the_next_start():
    paths = app_paths()
    files = _as_an_older_version_left_it(paths)
    outside = paths.data_dir.parent / "elsewhere.txt"  # the user's own file beside MOCKINT_HOME's folders
    outside.write_text("not MockInt's", encoding="utf-8")
    outside.chmod(0o644)
    link = paths.data_dir / "link-to-elsewhere"
    link.symlink_to(outside)

    with Store.open(paths):
        pass

    assert {str(f.relative_to(paths.data_dir.parent)): mode(f) for f in files} == {
        str(f.relative_to(paths.data_dir.parent)): 0o600 for f in files
    }
    folders = {*paths.private_dirs, *(f.parent for f in files)}
    assert {str(f): mode(f) for f in folders} == {str(f): 0o700 for f in folders}
    assert mode(outside) == 0o644  # a link inside is not followed out of MockInt's folders

    # Once: a file the user opens up afterwards is theirs to decide about.
    paths.recordings_dir.joinpath("answer-3.wav").chmod(0o644)
    with Store.open(paths):
        pass
    assert mode(paths.recordings_dir / "answer-3.wav") == 0o644
    assert mode(paths.database) == 0o600  # the database itself is always kept private


def test_log_files_are_private():
    from mockint.ui.app import configure_logging
    from mockint.ui.error_dialog import log_file, log_unexpected

    app_log = logging.getLogger("mockint")
    before = list(app_log.handlers)
    configure_logging()
    try:
        raise RuntimeError("a bug, quoting what the user said")
    except RuntimeError as error:
        written = log_unexpected(error)
    finally:
        for handler in set(app_log.handlers) - set(before):  # the log file is this test's alone
            app_log.removeHandler(handler)
            handler.close()
    assert written == log_file()
    assert (mode(written.parent), mode(written)) == (0o700, 0o600)
