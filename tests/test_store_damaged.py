"""A damaged database is set aside with a notice, never a crash; storage failures are typed errors."""

from __future__ import annotations

import random
import shutil

import pytest

from mockint.core.errors import DiskFullError, StorageError
from mockint.paths import app_paths
from mockint.store import Store
from tests.conftest import DATA_DIR


def _practised_database() -> bytes:
    """A real database with enough rows to span many pages; returns its bytes."""
    paths = app_paths()
    with Store.open(paths) as store:
        session = store.create_session("solo")
        for n in range(120):
            store.add_answer(session.id, f"question {n} " + "x" * 400, words=[{"text": "word"}] * 40)
        store.recordings.path_for(1).write_bytes(b"RIFF a recording")
    return paths.database.read_bytes()


def _assert_set_aside_and_fresh(original: bytes) -> None:
    paths = app_paths()
    with Store.open(paths) as store:
        assert store.notice is not None
        [aside] = [
            p
            for p in paths.data_dir.iterdir()
            if p.name.startswith("mockint.sqlite3.damaged-") and not p.name.endswith(("-wal", "-shm"))
        ]
        assert str(aside) in store.notice
        assert aside.read_bytes() == original
        assert store.list_sessions() == []
        assert store.create_session("solo").id == 1  # the fresh database works


def test_a_text_file_is_set_aside():
    paths = app_paths()
    paths.data_dir.mkdir(parents=True)
    shutil.copy(DATA_DIR / "store" / "not_a_database.txt", paths.database)
    _assert_set_aside_and_fresh((DATA_DIR / "store" / "not_a_database.txt").read_bytes())


def test_random_bytes_are_set_aside():
    paths = app_paths()
    paths.data_dir.mkdir(parents=True)
    noise = random.Random(7).randbytes(50_000)
    paths.database.write_bytes(noise)
    _assert_set_aside_and_fresh(noise)


@pytest.mark.parametrize("keep", [0.5, 0.1])
def test_a_truncated_database_is_set_aside_and_the_recordings_kept(keep):
    whole = _practised_database()
    paths = app_paths()
    cut = whole[: int(len(whole) * keep)]
    paths.database.write_bytes(cut)

    _assert_set_aside_and_fresh(cut)
    assert paths.recordings_dir.joinpath("answer-1.wav").read_bytes() == b"RIFF a recording"


def test_a_stale_wal_goes_aside_with_its_database():
    paths = app_paths()
    paths.data_dir.mkdir(parents=True)
    paths.database.write_text("not a database\n", encoding="utf-8")
    wal = paths.database.with_name("mockint.sqlite3-wal")
    wal.write_bytes(b"stale wal frames")
    with Store.open(paths) as store:
        assert store.notice is not None
    [moved] = [p for p in paths.data_dir.iterdir() if p.name.endswith("-wal") and "damaged" in p.name]
    assert moved.read_bytes() == b"stale wal frames"


def test_two_damaged_files_in_the_same_second_get_different_names():
    paths = app_paths()
    paths.data_dir.mkdir(parents=True)
    for text in ("first broken file\n", "second broken file\n"):
        paths.database.write_text(text, encoding="utf-8")
        with Store.open(paths) as store:
            assert store.notice is not None
    kept = sorted(
        p.read_text(encoding="utf-8")
        for p in paths.data_dir.glob("*.damaged-*")
        if not p.name.endswith(("-wal", "-shm"))
    )
    assert kept == ["first broken file\n", "second broken file\n"]


def test_a_data_folder_that_cannot_be_made_is_a_storage_error():
    paths = app_paths()
    paths.data_dir.parent.mkdir(parents=True, exist_ok=True)
    paths.data_dir.write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(StorageError) as caught:
        Store.open(paths)
    assert str(paths.data_dir) in caught.value.user_message


def test_a_full_database_is_a_disk_full_error_and_earlier_data_stays():
    with Store.open(app_paths()) as store:
        session = store.create_session("solo", title="kept")
        pages = store._connection.execute("PRAGMA page_count").fetchone()[0]
        # SQLite's own ceiling on the file's size: the same SQLITE_FULL a full disk gives.
        store._connection.execute(f"PRAGMA max_page_count = {pages + 2}")
        with pytest.raises(DiskFullError) as caught:
            store.add_answer(session.id, "long answer", words=[{"text": "word"}] * 20_000)
        assert "disk is full" in caught.value.user_message
        assert store.get_session(session.id).title == "kept"
        assert store.answers_for_session(session.id) == []
