"""An import of a recording killed mid-copy leaves its work folder beside the recordings; the next
start-up recovery removes it, and nothing else: not the recordings, not other files, not what a
symlink of that name points at, not the folder of an import still running, and nothing at all
while another MockInt holds the data folder."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
from pathlib import Path

from mockint.app.import_recording import import_recording, remove_unfinished_imports
from mockint.app.recovery import recover_recordings
from mockint.core.cancel import CancelToken
from mockint.paths import app_paths
from mockint.store import Store
from tests.conftest import REPO_ROOT
from tests.lock_holder import another_mockint_holding
from tests.test_recording_support import tone, write_wav

# Imports a WAV and, 14 one-second blocks into the copy (past its first flush, at 10 s), says so
# and waits to be killed, as the app is killed mid-import: no `finally` runs.
_KILLED_MID_COPY = """
import sys
from pathlib import Path
from mockint.app.import_recording import import_recording
from mockint.core.cancel import CancelToken
from mockint.paths import app_paths
from mockint.store import Store

class KilledMidCopy(CancelToken):
    checks = 0

    @property
    def cancelled(self):
        self.checks += 1
        if self.checks == 15:
            print("copying", flush=True)
            sys.stdin.read()
        return False

with Store.open(app_paths()) as store:
    import_recording(store, Path(sys.argv[1]), cancel=KilledMidCopy())
"""


def _work_folders(data_dir: Path) -> list[Path]:
    return sorted(p for p in data_dir.iterdir() if p.name.startswith(".importing-"))


def _recorded_answer(store: Store) -> tuple[int, bytes]:
    """A real answer with its finished recording; returns its id and the recording's bytes."""
    session = store.create_session("solo", title="Monday")
    answer_id = store.add_answer(session.id, "Why us?")
    recording = write_wav(store.recordings.path_for(answer_id), tone(1.0))
    store.set_answer_audio(answer_id, recording, 1.0)
    return answer_id, recording.read_bytes()


def _killed_mid_copy(source: Path) -> None:
    importer = subprocess.Popen(
        [sys.executable, "-c", _KILLED_MID_COPY, str(source)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO_ROOT,
    )
    try:
        assert importer.stdout is not None and importer.stdout.readline() == "copying\n"
    finally:
        importer.send_signal(signal.SIGKILL)
        importer.wait(timeout=30)


def test_the_work_folder_of_an_import_killed_mid_copy_is_removed_at_the_next_start(tmp_path):
    paths = app_paths()
    source = write_wav(tmp_path / "phone memo.wav", tone(30.0))
    with Store.open(paths) as store:
        answer_id, recording = _recorded_answer(store)
    (paths.data_dir / "notes.txt").write_text("mine", encoding="utf-8")
    (paths.data_dir / ".importing-notes.txt").write_text("a file, not a work folder", encoding="utf-8")
    (paths.data_dir / "importing-folder").mkdir()

    _killed_mid_copy(source)

    [left_over] = [p for p in _work_folders(paths.data_dir) if p.is_dir()]
    assert [p.name for p in left_over.iterdir()] == ["import.partial.wav"]  # the half copy
    assert (left_over / "import.partial.wav").stat().st_size >= 44 + 10 * 16000 * 2  # 10 s of it on disk
    with Store.open(paths) as store:
        assert [o.session.title for o in store.list_sessions()] == ["Monday"]  # no session was made yet

        result = recover_recordings(store)

        assert not left_over.exists()
        assert result.unfinished_imports == 1 and result.answer_ids == ()
        assert "importing a recording" in (result.message or "")
        assert store.recordings.path_for(answer_id).read_bytes() == recording
        assert store.get_answer(answer_id).audio_path == f"answer-{answer_id}.wav"
        assert sorted(p.name for p in store.recordings.folder.iterdir()) == [f"answer-{answer_id}.wav"]
    assert (paths.data_dir / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (paths.data_dir / ".importing-notes.txt").is_file()
    assert (paths.data_dir / "importing-folder").is_dir()
    assert source.stat().st_size > 30 * 16000 * 2  # the file the user imported is theirs

    with Store.open(paths) as store:  # told once: the next start finds nothing to tidy
        again = recover_recordings(store)
    assert again.unfinished_imports == 0 and again.message is None


def test_a_symlink_named_like_a_work_folder_is_unlinked_and_not_followed(tmp_path):
    paths = app_paths()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    precious = write_wav(elsewhere / "interview.wav", tone(0.5))
    kept = precious.read_bytes()
    with Store.open(paths) as store:
        answer_id, recording = _recorded_answer(store)
        (paths.data_dir / ".importing-to-a-folder").symlink_to(elsewhere, target_is_directory=True)
        (paths.data_dir / ".importing-to-a-file").symlink_to(precious)
        (paths.data_dir / ".importing-to-nothing").symlink_to(tmp_path / "gone")
        (paths.data_dir / ".importing-to-recordings").symlink_to(store.recordings.folder, target_is_directory=True)
        # A real left-over folder holding a symlink out: the folder goes, not what the link points at.
        holder = paths.data_dir / ".importing-with-a-link"
        holder.mkdir()
        (holder / "import.partial.wav").symlink_to(precious)
        (holder / "out").symlink_to(elsewhere, target_is_directory=True)

        removed = remove_unfinished_imports(store)

        assert sorted(p.name for p in removed) == [
            ".importing-to-a-file",
            ".importing-to-a-folder",
            ".importing-to-nothing",
            ".importing-to-recordings",
            ".importing-with-a-link",
        ]
        assert _work_folders(paths.data_dir) == []
        assert sorted(p.name for p in elsewhere.iterdir()) == ["interview.wav"] and precious.read_bytes() == kept
        assert store.recordings.path_for(answer_id).read_bytes() == recording


def test_an_import_running_in_this_process_keeps_its_work_folder(tmp_path):
    source = write_wav(tmp_path / "memo.wav", tone(5.0))
    copying, go_on = threading.Event(), threading.Event()

    class PausedCopy(CancelToken):
        @property
        def cancelled(self) -> bool:
            copying.set()
            assert go_on.wait(30)
            return False

    with Store.open(app_paths()) as store:
        imported = []
        importer = threading.Thread(
            target=lambda: imported.append(import_recording(store, source, cancel=PausedCopy()))
        )
        importer.start()
        try:
            assert copying.wait(30)
            [running] = _work_folders(store.recordings.folder.parent)

            assert remove_unfinished_imports(store) == []

            assert running.is_dir()
        finally:
            go_on.set()
            importer.join(30)
        [done] = imported
        assert done.audio_path.is_file() and done.duration_s == 5.0
        assert _work_folders(store.recordings.folder.parent) == []


def test_a_left_over_work_folder_is_kept_while_another_mockint_holds_the_data_folder():
    paths = app_paths()
    with Store.open(paths) as store:
        left_over = paths.data_dir / ".importing-theirs"
        left_over.mkdir()
        write_wav(left_over / "import.partial.wav", tone(0.5))
        with another_mockint_holding(paths.data_dir):
            untouched = recover_recordings(store)

            assert untouched.unfinished_imports == 0 and left_over.is_dir()

        assert recover_recordings(store).unfinished_imports == 1  # its owner is gone: tidied
        assert not left_over.exists()
