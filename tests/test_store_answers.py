"""Answers, retries, friend feedback and debriefs in the real SQLite store."""

from __future__ import annotations

import json
from datetime import date

import pytest

from mockint.core.analysis import AnswerReport
from mockint.core.session import Debrief, DebriefQuestion, FlaggedMoment, Rating
from mockint.core.words import Word
from mockint.paths import app_paths
from mockint.store import Store
from mockint.store.errors import UnknownAnswerError, UnknownSessionError
from tests.conftest import DATA_DIR

SAMPLE_REPORT = json.loads((DATA_DIR / "store" / "report_sample.json").read_text(encoding="utf-8"))
SAMPLE = AnswerReport.from_dict(SAMPLE_REPORT)  # the typed report answers carry
SAMPLE_WORDS = [Word(w["text"], w["start"], w["end"], w["conf"]) for w in SAMPLE_REPORT["words"]]


@pytest.fixture
def store():
    with Store.open(app_paths()) as opened:
        yield opened


@pytest.fixture
def session_id(store):
    return store.create_session("solo", deck_ids=["behavioural"]).id


def test_an_answer_keeps_its_words_report_and_headline_figures(store, session_id):
    answer_id = store.add_answer(
        session_id,
        "Tell me about a time you failed",
        question_id="fail-1",
        deck_id="behavioural",
        report=SAMPLE,
        duration_s=12.0,
    )
    answer = store.get_answer(answer_id)
    assert (answer.question_id, answer.deck_id, answer.session_id) == ("fail-1", "behavioural", session_id)
    assert answer.words == tuple(SAMPLE_WORDS)
    assert answer.report == SAMPLE
    # The words are stored once: the words cell holds them, the report cell does not.
    cells = store._connection.execute("SELECT words, report FROM answers WHERE id = ?", (answer_id,)).fetchone()
    assert json.loads(cells["words"]) == SAMPLE_REPORT["words"]
    assert "words" not in json.loads(cells["report"])
    assert answer.transcript_text.startswith("so um i led the migration")
    headline = answer.headline
    assert (
        headline.word_count,
        headline.wpm,
        headline.fillers_per_min,
        headline.filler_count,
        headline.length_verdict,
    ) == (
        17,
        92.3,
        11.5,
        2,
        "too_short",
    )
    row = store._connection.execute(
        "SELECT word_count, wpm, fillers_per_min, length_verdict FROM answers WHERE id = ?", (answer_id,)
    ).fetchone()
    assert tuple(row) == (17, 92.3, 11.5, "too_short")


def test_words_may_be_given_as_contract_dicts(store, session_id):
    answer_id = store.add_answer(session_id, "Why us?", words=SAMPLE_REPORT["words"][:3])
    assert [w.text for w in store.get_answer(answer_id).words] == ["so", "um", "i"]
    assert store.get_answer(answer_id).report is None


def test_a_report_arrives_after_the_recording(store, session_id):
    answer_id = store.add_answer(session_id, "Why us?", duration_s=12.0)
    assert store.list_sessions()[0].summary.mean_wpm is None

    updated = store.update_answer_report(answer_id, SAMPLE)

    assert updated.report == SAMPLE and len(updated.words) == 17
    assert updated.duration_s == 12.0
    assert store.list_sessions()[0].summary.mean_wpm == 92.3
    with pytest.raises(UnknownAnswerError):
        store.update_answer_report(999, SAMPLE)


def test_audio_paths_are_kept_relative_to_the_recordings_folder(store, session_id):
    answer_id = store.add_answer(session_id, "Why us?")
    wav = store.recordings.path_for(answer_id)
    assert wav == app_paths().recordings_dir / f"answer-{answer_id}.wav"
    assert store.recordings.partial_path_for(answer_id).name == f"answer-{answer_id}.partial.wav"

    answer = store.set_answer_audio(answer_id, wav, duration_s=31.5)
    assert answer.audio_path == f"answer-{answer_id}.wav"
    assert answer.duration_s == 31.5
    assert store.recordings.resolve(answer.audio_path) == wav.resolve()
    with pytest.raises(ValueError):
        store.set_answer_audio(answer_id, app_paths().data_dir / "elsewhere.wav")
    assert store.recordings.resolve("../mockint.sqlite3") is None


def test_retries_link_to_the_first_attempt_from_any_attempt(store, session_id):
    first = store.add_answer(session_id, "Tell me about yourself")
    second = store.add_answer(session_id, "Tell me about yourself", attempt_of=first)
    third = store.add_answer(session_id, "Tell me about yourself", attempt_of=second)  # a retry of the retry
    other = store.add_answer(session_id, "Why us?")

    assert store.get_answer(third).attempt_of == first
    for member in (first, second, third):
        assert [a.id for a in store.attempts_of(member)] == [first, second, third]
    assert [a.id for a in store.attempts_of(other)] == [other]
    with pytest.raises(UnknownAnswerError):
        store.add_answer(session_id, "Why us?", attempt_of=999)


def test_retries_in_later_sessions_stay_linked_when_the_first_session_is_deleted(store, session_id):
    first = store.add_answer(session_id, "Tell me about yourself")
    later = store.create_session("solo").id
    second = store.add_answer(later, "Tell me about yourself", attempt_of=first)
    third = store.add_answer(later, "Tell me about yourself", attempt_of=first)

    store.delete_session(session_id)

    assert [a.id for a in store.attempts_of(third)] == [second, third]
    assert store.get_answer(second).attempt_of is None


def test_deleting_one_answer_removes_its_audio_and_keeps_its_retries_linked(store, session_id):
    first = store.add_answer(session_id, "Q")
    second = store.add_answer(session_id, "Q", attempt_of=first)
    third = store.add_answer(session_id, "Q", attempt_of=first)
    wav = store.recordings.path_for(first)
    wav.write_bytes(b"RIFF")

    store.delete_answer(first)

    assert not wav.exists()
    assert [a.id for a in store.attempts_of(second)] == [second, third]
    with pytest.raises(UnknownAnswerError):
        store.get_answer(first)


def test_a_friend_rates_answers_and_a_new_rating_replaces_the_old(store, session_id):
    answer_id = store.add_answer(session_id, "Q")
    unrated = store.add_answer(session_id, "Q2")
    first = Rating(answer_id, clarity=2, comment="rushed")
    assert store.save_rating(first) == first
    better = Rating(answer_id, clarity=4, structure=3, confidence=5, relevance=4, comment="much better")
    store.save_rating(better)
    assert store.rating_for(answer_id) == better
    assert store.rating_for(unrated) is None
    assert store.ratings_for_session(session_id) == {answer_id: better}
    with pytest.raises(ValueError):
        Rating(answer_id, clarity=6)
    with pytest.raises(UnknownAnswerError):
        store.save_rating(Rating(999, clarity=3))


def test_flagged_moments_come_back_in_time_order(store, session_id):
    answer_id = store.add_answer(session_id, "Q")
    store.add_flag(answer_id, 40.0, "strong result")
    store.add_flag(answer_id, 12.5, "went blank")
    expected = [FlaggedMoment(answer_id, 12.5, "went blank"), FlaggedMoment(answer_id, 40.0, "strong result")]
    assert store.flags_for_answer(answer_id) == expected
    assert store.flags_for_session(session_id) == expected
    with pytest.raises(UnknownAnswerError):
        store.add_flag(999, 1.0)


def test_debriefs_are_saved_updated_and_listed_most_recent_first(store, session_id):
    older = store.save_debrief(Debrief(company="Acme", role="Backend engineer", happened_on=date(2024, 3, 1)))
    newer = store.save_debrief(
        Debrief(
            company="Globex",
            role="SRE",
            happened_on=date(2024, 4, 2),
            session_id=session_id,
            questions=(DebriefQuestion("Why did you leave?", "rambled, no clear reason"),),
            note="panel of three",
        )
    )
    assert older.id is not None and newer.id is not None
    assert [d.id for d in store.list_debriefs()] == [newer.id, older.id]

    edited = store.save_debrief(
        Debrief(
            company="Acme", role="Backend engineer", happened_on=date(2024, 3, 1), note="follow-up sent", id=older.id
        )
    )
    assert store.list_debriefs()[1] == edited
    assert store.list_debriefs()[0].questions[0].what_went_wrong == "rambled, no clear reason"

    store.delete_session(session_id)  # the debrief outlives the practice session it led to
    assert store.list_debriefs()[0].session_id is None
    store.delete_debrief(older.id)
    assert [d.id for d in store.list_debriefs()] == [newer.id]
    with pytest.raises(UnknownSessionError):
        store.save_debrief(Debrief(company="X", role="Y", session_id=12345))


def test_session_detail_gathers_answers_ratings_and_flags(store, session_id):
    first = store.add_answer(session_id, "Q1", report=SAMPLE)
    second = store.add_answer(session_id, "Q2")
    store.save_rating(Rating(second, relevance=5))
    store.add_flag(first, 2.0, "um")
    detail = store.session_detail(session_id)
    assert [a.id for a in detail.answers] == [first, second]
    assert detail.ratings == {second: Rating(second, relevance=5)}
    assert detail.flags_for(first) == (FlaggedMoment(first, 2.0, "um"),)
    assert detail.summary.answer_count == 2
