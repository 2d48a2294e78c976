"""Start-up recovery of recordings, for real: a full disk that left a recording unlinked, a
database set aside with its answers, and another MockInt still recording in the same folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np

from mockint.app import instance_lock
from mockint.app.recovery import recover_recordings
from mockint.paths import app_paths
from mockint.speech.wav_writer import CrashSafeWavWriter
from mockint.store import Store
from mockint.store.orphans_repo import RECOVERED_SESSION_TITLE
from tests.conftest import REPO_ROOT, require
from tests.lock_holder import another_mockint_holding
from tests.test_recording_support import RATE, read_wav, tone, write_wav


def _record(store: Store, answer_id: int, seconds: float, *, finish: bool = True) -> np.ndarray:
    """What the recorder writes for an answer: its crash-safe WAV, finished or still partial."""
    audio = tone(seconds)
    writer = CrashSafeWavWriter(store.recordings.path_for(answer_id), RATE)
    writer.write(audio.tobytes())
    if finish:
        writer.close()
    else:
        writer.flush()
    return audio


# Phase 1 runs where MOCKINT_HOME is a small tmpfs: an answer is recorded, the disk fills up, and
# linking the recording to the answer fails as it does in the app. Phase 2, with space freed,
# is the next start. Both print JSON.
_FULL_DISK_PHASE_1 = """
import json, os, numpy as np
from mockint.core.errors import DiskFullError
from mockint.paths import app_paths
from mockint.speech.wav_writer import CrashSafeWavWriter
from mockint.store import Store
paths = app_paths()
with Store.open(paths) as store:
    session = store.create_session("solo")
    answer_id = store.add_answer(session.id, "Tell me about a time you failed")
with Store.open(paths) as store:  # a fresh, empty WAL: the link below needs new disk space
    writer = CrashSafeWavWriter(store.recordings.path_for(answer_id), 16000)
    writer.write((np.sin(np.arange(24000) / 5) * 8000).astype(np.int16).tobytes())
    recording = writer.close()
    try:
        with open(paths.data_dir.parent / "filler", "wb", buffering=0) as filler:
            while True:
                filler.write(b"x" * 4096)
    except OSError:
        pass  # the disk is full
    try:
        store.set_answer_audio(answer_id, recording, 1.5)
        outcome = "linked"
    except DiskFullError as error:
        outcome = type(error).__name__
print(json.dumps({"answer_id": answer_id, "outcome": outcome}))
"""
_FULL_DISK_PHASE_2 = """
import json, os
from mockint.app.recovery import recover_recordings
from mockint.paths import app_paths
from mockint.store import Store
os.remove(app_paths().data_dir.parent / "filler")
with Store.open(app_paths()) as store:
    before = store.get_answer(1).audio_path
    result = recover_recordings(store)
    after = store.get_answer(1)
print(json.dumps({"before": before, "after": after.audio_path, "duration_s": after.duration_s,
                  "ids": list(result.answer_ids), "message": result.message}))
"""


def _on_a_small_disk(home: Path, size: str, *commands: str) -> list[str]:
    """A command that runs `commands` (shell) in a private mount namespace where `home` is a
    tmpfs of `size`. Root can do this directly; elsewhere an unprivileged user namespace may."""
    script = f'mount -t tmpfs -o size={size} tmpfs "$0" && ' + " && ".join(commands)
    for unshare in (["unshare", "--mount"], ["unshare", "--user", "--map-root-user", "--mount"]):
        probe = subprocess.run([*unshare, "sh", "-c", 'mount -t tmpfs -o size=64k tmpfs "$0"', str(home)])
        if probe.returncode == 0:
            return [*unshare, "sh", "-c", script, str(home)]
    require(False, "cannot mount a small tmpfs for a real full disk (needs root or user namespaces)")
    return []


def test_a_recording_a_full_disk_left_unlinked_is_attached_at_the_next_start(mockint_home, tmp_path):
    scripts = {}
    for name, code in (("one", _FULL_DISK_PHASE_1), ("two", _FULL_DISK_PHASE_2)):
        scripts[name] = tmp_path / f"phase_{name}.py"
        scripts[name].write_text(textwrap.dedent(code), encoding="utf-8")
    python = sys.executable
    command = _on_a_small_disk(mockint_home, "512k", f'"{python}" "{scripts["one"]}"', f'"{python}" "{scripts["two"]}"')
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO_ROOT, timeout=120, env=dict(os.environ))
    assert done.returncode == 0, done.stderr
    first, second = (json.loads(line) for line in done.stdout.splitlines())
    assert first == {"answer_id": 1, "outcome": "DiskFullError"}  # the fault, for real
    assert second["before"] is None  # as the full disk left it: recording on disk, no link
    assert second["after"] == "answer-1.wav"
    assert second["duration_s"] == 1.5
    assert second["ids"] == [1]
    assert "linked again" in second["message"] and "0:02" in second["message"]


def test_recordings_of_a_database_set_aside_come_back_as_new_answers():
    paths = app_paths()
    with Store.open(paths) as store:
        session = store.create_session("solo")
        first = store.add_answer(session.id, "Why us?")
        spoken = _record(store, first, 1.0)
        store.set_answer_audio(first, store.recordings.path_for(first), 1.0)
        second = store.add_answer(session.id, "Tell me about yourself")
        _record(store, second, 0.5, finish=False)  # the crash came mid-answer
    paths.database.write_bytes(b"this database is damaged beyond reading")

    with Store.open(paths) as store:
        assert store.notice is not None  # set aside, a fresh one started
        result = recover_recordings(store)
        recovered = store.list_sessions()
        answers = store.answers_for_session(recovered[0].session.id)
        new_answer = store.add_answer(recovered[0].session.id, "A question after the recovery")

    assert [o.session.title for o in recovered] == [RECOVERED_SESSION_TITLE]
    assert sorted(result.answer_ids) == [a.id for a in answers]
    # New ids, past every old recording's: a new answer can never be recorded over an old one.
    assert min(a.id for a in answers) > second and new_answer > max(a.id for a in answers)
    by_length = {round(a.duration_s, 1): a for a in answers}
    assert set(by_length) == {1.0, 0.5}
    saved, _ = read_wav(paths.recordings_dir / by_length[1.0].audio_path)
    assert np.array_equal(saved, spoken)
    assert sorted(p.name for p in paths.recordings_dir.iterdir()) == sorted(a.audio_path for a in answers)
    assert "2 recordings whose answers were no longer in the database (0:02 of audio) are kept" in result.message


def test_recovery_leaves_alone_a_recording_whose_owner_is_alive_then_takes_over(tmp_path):
    paths = app_paths()
    with Store.open(paths) as store:
        session = store.create_session("solo")
        answer_id = store.add_answer(session.id, "Why us?")
        _record(store, answer_id, 1.0, finish=False)  # another MockInt is recording this right now
        partial = store.recordings.partial_path_for(answer_id)
        with another_mockint_holding(paths.data_dir) as owner:
            assert instance_lock.owner_pid(paths.data_dir) == owner.pid

            untouched = recover_recordings(store)

            assert untouched.message is None and untouched.answer_ids == ()
            assert partial.exists() and store.get_answer(answer_id).audio_path is None

        # Its owner is gone (killed: the lock file still names it): the next start recovers it.
        assert instance_lock.owner_pid(paths.data_dir) == owner.pid
        recovered = recover_recordings(store)

        assert recovered.answer_ids == (answer_id,)
        assert not partial.exists() and store.get_answer(answer_id).audio_path == f"answer-{answer_id}.wav"
        assert "recovered" in (recovered.message or "")


def test_a_lock_file_naming_a_dead_process_is_taken_over():
    paths = app_paths()
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(ended.stdout)
    paths.data_dir.mkdir(parents=True)
    instance_lock.lock_path(paths.data_dir).write_text(f"{dead_pid}\n", encoding="ascii")

    with instance_lock.holding(paths.data_dir):
        assert instance_lock.owner_pid(paths.data_dir) == os.getpid()
        assert instance_lock.held_here(paths.data_dir)
    assert not instance_lock.held_here(paths.data_dir)
    assert instance_lock.owner_pid(paths.data_dir) is None  # let go: it names no one


def test_an_unfinished_recording_without_its_answer_gets_one(tmp_path):
    paths = app_paths()
    with Store.open(paths) as store:
        store.create_session("solo")
        write_wav(store.recordings.partial_path_for(7), tone(0.5))
        result = recover_recordings(store)
        [recovered] = [o.session for o in store.list_sessions() if o.session.title == RECOVERED_SESSION_TITLE]
        [answer] = store.answers_for_session(recovered.id)
    assert result.answer_ids == (answer.id,) and answer.id > 7
    assert answer.audio_path == f"answer-{answer.id}.wav"
