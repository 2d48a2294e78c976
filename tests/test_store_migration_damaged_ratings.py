"""A version 2 database holding a rating or a flag a tool wrote past the table's rules (a score of
7 or 'abc', none at all, a rating of an answer that is gone, a flag without a moment) upgrades to
the latest version: the sound rows are kept as version 3 words them, a rating that is not one is
dropped with a logged note naming it, a flag without a moment is kept for the row reader to skip
with a warning, and the database is never set aside for it."""

from __future__ import annotations

import logging

import pytest

from mockint.core.session import FlaggedMoment, Rating
from mockint.paths import app_paths
from mockint.store import Store
from mockint.store.database import connect
from mockint.store.migrations import LATEST_VERSION, schema_version
from tests.test_store_damaged_feedback import write_past_not_null
from tests.test_store_migrations import _database_at

# What version 3 makes of the version 2 seed's rating of answer 1 (score 3, note 'ok').
KEPT = Rating(1, comment="Overall 3/5: ok")


def _write_as_a_tool(sql: str, *params: object) -> None:
    """Writes past MockInt with the table's CHECK rules off, as a tool may (sqlite3's own shell)."""
    connection = connect(app_paths().database)
    try:
        connection.execute("PRAGMA ignore_check_constraints = ON")
        connection.execute("PRAGMA foreign_keys = OFF")  # as the sqlite3 shell has it by default
        connection.execute(sql, params)
    finally:
        connection.close()


def _opened_and_upgraded() -> Store:
    store = Store.open(app_paths())
    assert store.notice is None  # not set aside
    assert schema_version(store._connection) == LATEST_VERSION
    assert not [p for p in app_paths().data_dir.iterdir() if "damaged" in p.name]
    return store


def _assert_the_rest_is_kept(store: Store) -> None:
    [overview] = store.list_sessions()
    assert overview.session.title == "v1 session"
    assert [a.id for a in store.answers_for_session(1)] == [1, 2, 3]
    assert store.flags_for_answer(1) == [FlaggedMoment(1, 4.5, "froze")]


@pytest.mark.parametrize(
    ("score", "shown"),
    [(7, "7"), ("abc", "'abc'"), (2.5, "2.5"), (0, "0")],
)
def test_a_version_2_rating_whose_score_is_not_1_to_5_is_dropped_with_a_note_and_the_rest_upgrades(
    score, shown, caplog
):
    _database_at(2)
    _write_as_a_tool("INSERT INTO ratings (answer_id, score, note) VALUES (2, ?, 'great opener')", score)

    with caplog.at_level(logging.WARNING, logger="mockint.store.migrations"), _opened_and_upgraded() as store:
        assert store.ratings_for_session(1) == {1: KEPT}
        assert store.rating_for(2) is None  # not laundered into "Overall 7/5: great opener"
        assert store.take_warnings() == []
        _assert_the_rest_is_kept(store)
        store.save_rating(Rating(2, clarity=5))  # the answer can be rated again
        assert store.rating_for(2) == Rating(2, clarity=5)

    [note] = [r.getMessage() for r in caplog.records if r.name == "mockint.store.migrations"]
    assert note.startswith(f"the rating of answer 2 was dropped while upgrading the database: its score {shown} ")
    assert "'great opener'" in note  # the friend's words, kept in the log


def test_a_version_2_rating_without_a_score_is_dropped_with_a_note_and_the_rest_upgrades(caplog):
    _database_at(2)
    write_past_not_null(
        "ratings",
        "score INTEGER NOT NULL",
        "INSERT INTO ratings (answer_id, score, note) VALUES (2, NULL, 'hm')",
    )

    with caplog.at_level(logging.WARNING, logger="mockint.store.migrations"), _opened_and_upgraded() as store:
        assert store.ratings_for_session(1) == {1: KEPT}
        _assert_the_rest_is_kept(store)
    assert any(
        "rating of answer 2 was dropped" in r.getMessage() and "score NULL" in r.getMessage() for r in caplog.records
    )


def test_a_version_2_rating_without_a_note_keeps_its_score():
    _database_at(2)
    write_past_not_null(
        "ratings",
        "note TEXT NOT NULL",
        "INSERT INTO ratings (answer_id, score, note) VALUES (2, 4, NULL)",
    )

    with _opened_and_upgraded() as store:
        assert store.ratings_for_session(1) == {1: KEPT, 2: Rating(2, comment="Overall 4/5")}


def test_a_version_2_rating_whose_note_is_not_text_is_dropped_and_the_session_still_reads(caplog):
    _database_at(2)
    _write_as_a_tool("INSERT INTO ratings (answer_id, score, note) VALUES (2, 4, X'00ff')")

    with caplog.at_level(logging.WARNING, logger="mockint.store.migrations"), _opened_and_upgraded() as store:
        detail = store.session_detail(1)  # no undecodable text was made of it
        assert detail.ratings == {1: KEPT}
    assert any("rating of answer 2 was dropped" in r.getMessage() for r in caplog.records)


def test_a_version_2_rating_of_an_answer_that_is_gone_is_dropped_and_the_rest_upgrades(caplog):
    _database_at(2)
    _write_as_a_tool("INSERT INTO ratings (answer_id, score, note) VALUES (99, 4, 'lost')")

    with caplog.at_level(logging.WARNING, logger="mockint.store.migrations"), _opened_and_upgraded() as store:
        assert store.ratings_for_session(1) == {1: KEPT}
        _assert_the_rest_is_kept(store)
        [orphans] = store._connection.execute("SELECT count(*) FROM ratings WHERE answer_id = 99").fetchone()
        assert orphans == 0
    assert any("rating of answer 99 was dropped" in r.getMessage() for r in caplog.records)


def test_a_version_2_flag_without_a_moment_upgrades_and_is_skipped_with_a_warning_naming_it():
    _database_at(2)
    write_past_not_null(
        "flags", "at_s REAL NOT NULL", "INSERT INTO flags (answer_id, at_s, label) VALUES (2, NULL, 'lost it')"
    )

    with _opened_and_upgraded() as store:
        assert store.flags_for_session(1) == [FlaggedMoment(1, 4.5, "froze")]
        [warning] = store.take_warnings()
        assert warning.startswith("flagged moment of answer 2 was skipped: it is damaged in the database")
        assert "its moment None is not a time in the recording" in warning
        assert store.ratings_for_session(1) == {1: KEPT}
        _assert_the_rest_is_kept(store)
