"""Sessions in the real SQLite store: creating, listing with figures, trends, deleting with audio."""

from __future__ import annotations

import copy
import json
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from mockint.core.analysis import AnswerReport
from mockint.core.errors import BadInputError
from mockint.core.session import Debrief, PracticeMode, Rating, SessionSummary
from mockint.paths import app_paths
from mockint.store import Store
from mockint.store.errors import UnknownSessionError
from tests.conftest import DATA_DIR

SAMPLE_REPORT = json.loads((DATA_DIR / "store" / "report_sample.json").read_text(encoding="utf-8"))
SAMPLE = AnswerReport.from_dict(SAMPLE_REPORT)  # the typed report answers carry
T0 = datetime(2024, 5, 1, 9, 30, tzinfo=UTC)


def report(wpm: float, fillers_per_min: float, verdict: str | None) -> AnswerReport:
    made = copy.deepcopy(SAMPLE_REPORT)
    made["metrics"].update(wpm=wpm, fillers_per_min=fillers_per_min)
    made["length"]["verdict"] = verdict
    return AnswerReport.from_dict(made)


@pytest.fixture
def store():
    with Store.open(app_paths()) as opened:
        yield opened


def test_open_creates_the_folders_and_a_wal_database():
    paths = app_paths()
    with Store.open(paths) as store:
        assert store.notice is None
        assert paths.database.is_file()
        assert paths.recordings_dir.is_dir()
        assert store._connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store._connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_a_session_is_created_read_back_ended_and_renamed(store):
    session = store.create_session(
        PracticeMode.MIRROR, deck_ids=["behavioural", "general"], title="Before the Acme call", started_at=T0
    )
    assert session.id > 0
    assert session.mode is PracticeMode.MIRROR
    assert session.started_at == T0
    assert session.deck_ids == ("behavioural", "general")
    assert session.ended_at is None

    ended = store.end_session(session.id, T0 + timedelta(minutes=20))
    assert ended.ended_at == T0 + timedelta(minutes=20)
    renamed = store.update_session(session.id, note="felt calmer")
    assert (renamed.title, renamed.note) == ("Before the Acme call", "felt calmer")
    assert store.get_session(session.id) == renamed


def test_local_naive_times_come_back_as_the_same_moment(store):
    local = datetime(2024, 5, 1, 18, 0)
    session = store.create_session("solo", started_at=local)
    assert session.started_at == local.astimezone(UTC)


def test_unknown_sessions_are_reported_as_bad_input(store):
    for action in (lambda: store.get_session(404), lambda: store.end_session(404), lambda: store.delete_session(404)):
        with pytest.raises(UnknownSessionError) as caught:
            action()
        assert isinstance(caught.value, BadInputError)
        assert "404" in caught.value.user_message
    with pytest.raises(UnknownSessionError):
        store.add_answer(404, "Why us?")


def test_history_lists_newest_first_with_headline_figures(store):
    old = store.create_session("solo", started_at=T0)
    new = store.create_session("friend", started_at=T0 + timedelta(days=2))
    empty = store.create_session("debrief", started_at=T0 + timedelta(days=1))
    store.add_answer(old.id, "Tell me about yourself", report=report(120, 6.0, "ok"))
    store.add_answer(old.id, "Why us?", report=report(140, 2.0, "too_long"))
    store.add_answer(old.id, "Not analysed yet")
    store.add_answer(new.id, "Tell me about a time you failed", report=report(150, 1.0, "ok"))

    overviews = store.list_sessions()
    assert [o.session.id for o in overviews] == [new.id, empty.id, old.id]
    by_id = {o.session.id: o.summary for o in overviews}
    assert by_id[old.id] == SessionSummary(
        answer_count=3, mean_fillers_per_min=4.0, mean_wpm=130.0, within_target_share=0.5
    )
    assert by_id[empty.id] == SessionSummary(0, None, None, None)
    assert by_id[new.id].within_target_share == 1.0
    # The SQL figures are the same as the domain's own summary of the answers.
    assert store.session_detail(old.id).summary == by_id[old.id]
    assert [o.session.id for o in store.list_sessions(limit=1)] == [new.id]


def test_trends_give_one_point_per_practised_session_oldest_first(store):
    first = store.create_session("solo", started_at=T0)
    second = store.create_session("solo", started_at=T0 + timedelta(days=7))
    store.create_session("debrief", started_at=T0 + timedelta(days=3))  # no answers: no point
    store.add_answer(first.id, "Q1", report=report(110, 9.0, "too_short"))
    store.add_answer(second.id, "Q1", report=report(135, 3.0, "ok"))

    points = store.trends()
    assert [(p.session_id, p.started_at) for p in points] == [(first.id, T0), (second.id, T0 + timedelta(days=7))]
    assert [(p.fillers_per_min, p.wpm, p.within_target_share) for p in points] == [(9.0, 110.0, 0.0), (3.0, 135.0, 1.0)]


def _recorded_answer(store: Store, session_id: int, *, partial: bool = False) -> tuple[int, list[Path]]:
    answer_id = store.add_answer(session_id, "Tell me about yourself", report=report(120, 3.0, "ok"))
    wav = store.recordings.path_for(answer_id)
    wav.write_bytes(b"RIFF fake-but-real bytes on disk")
    store.set_answer_audio(answer_id, wav, duration_s=12.0)
    files = [wav]
    if partial:
        unfinished = store.recordings.partial_path_for(answer_id)
        unfinished.write_bytes(b"RIFF unfinished")
        files.append(unfinished)
    return answer_id, files


def test_deleting_a_session_removes_its_rows_and_its_recordings_only(store):
    doomed = store.create_session("friend")
    kept = store.create_session("solo")
    doomed_answer, doomed_files = _recorded_answer(store, doomed.id, partial=True)
    store.save_rating(Rating(doomed_answer, clarity=4, comment="clear"))
    store.add_flag(doomed_answer, 3.5, "froze")
    kept_answer, kept_files = _recorded_answer(store, kept.id, partial=True)

    store.delete_session(doomed.id)

    assert not any(path.exists() for path in doomed_files)
    assert all(path.exists() for path in kept_files)
    assert [o.session.id for o in store.list_sessions()] == [kept.id]
    assert store.answers_for_session(doomed.id) == []
    assert store.rating_for(doomed_answer) is None
    assert store.flags_for_answer(doomed_answer) == []
    assert store.get_answer(kept_answer).audio_path == f"answer-{kept_answer}.wav"


def test_delete_all_data_forgets_everything_including_unfinished_recordings(store):
    session = store.create_session("solo")
    _, files = _recorded_answer(store, session.id, partial=True)
    stray = store.recordings.folder / "answer-999.partial.wav"
    stray.write_bytes(b"RIFF left by a crash")
    store.save_debrief(Debrief(company="Acme", role="Engineer"))

    store.delete_all_data()

    assert store.list_sessions() == []
    assert store.list_debriefs() == []
    assert store.trends() == []
    assert list(store.recordings.folder.iterdir()) == []
    assert not any(path.exists() for path in files)
    # Ids are not reused after deletion, so an old file name can never match a new answer.
    again = store.create_session("solo")
    assert store.add_answer(again.id, "Q") > 1


def test_the_store_can_be_shared_by_threads(store):
    session = store.create_session("solo")
    errors: list[BaseException] = []

    def write_answers(worker: int) -> None:
        try:
            for n in range(20):
                store.add_answer(session.id, f"worker {worker} question {n}", report=report(120, 2.0, "ok"))
        except BaseException as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=write_answers, args=(w,)) for w in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert store.list_sessions()[0].summary.answer_count == 80


def test_data_survives_closing_and_reopening():
    with Store.open(app_paths()) as store:
        session = store.create_session("solo", title="first go")
        store.add_answer(session.id, "Why us?", report=report(120, 2.0, "ok"))
    with Store.open(app_paths()) as reopened:
        assert reopened.notice is None
        [overview] = reopened.list_sessions()
        assert overview.session.title == "first go"
        assert reopened.answers_for_session(session.id)[0].report == report(120, 2.0, "ok")
