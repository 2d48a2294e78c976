"""A friend's ratings and flagged moments, and debriefs, damaged inside a sound database: the
damaged row is left out with a warning naming it, the rest is shown, and the commands that read
them (`mockint history --json`, `mockint export`, `mockint debrief list`) still succeed."""

from __future__ import annotations

import json
from datetime import date

import pytest

from mockint.core.session import Debrief, DebriefQuestion, FlaggedMoment, FlagKind, Rating
from mockint.paths import app_paths
from mockint.store import Store
from mockint.store.database import connect
from tests.test_store_history_cli import SAMPLE, T0, mockint


def _friend_practice() -> dict[str, int]:
    """A friend session with two answers, each rated and flagged twice; returns the ids by name."""
    with Store.open(app_paths()) as store:
        session = store.create_session("friend", started_at=T0, title="with Sam")
        kept = store.add_answer(session.id, "Why us?", report=SAMPLE)
        broken = store.add_answer(session.id, "Tell me about a failure", report=SAMPLE)
        for answer in (kept, broken):
            store.save_rating(Rating(answer, 4, 3, 5, None, "clear, a little long"))
            store.add_flag(answer, 2.5, "good opener", FlagKind.STRONG)
            store.add_flag(answer, 7.0, "lost the thread", FlagKind.NOTE)
    connection = connect(app_paths().database)
    try:
        [late_flag] = connection.execute(
            "SELECT id FROM flags WHERE answer_id = ? AND at_s = 7.0", (broken,)
        ).fetchone()
    finally:
        connection.close()
    return {"session": session.id, "kept": kept, "broken": broken, "late_flag": late_flag}


def _damage(sql: str, *params: object) -> None:
    """Writes past MockInt, as a tool, a script or a bad disk would: the table's CHECK rules
    (a score is 1 to 5) do not stop it, as they do not stop a tool that turns them off."""
    connection = connect(app_paths().database)
    try:
        connection.execute("PRAGMA ignore_check_constraints = ON")
        connection.execute(sql, params)
    finally:
        connection.close()


def write_past_not_null(table: str, rule: str, sql: str) -> None:
    """Runs `sql`, which writes a NULL into a NOT NULL column, as a tool that loosens the table's
    rule, writes and puts the rule back does; `rule` is the column's text in the table's schema."""
    path = app_paths().database
    connection = connect(path)
    try:
        [strict] = connection.execute("SELECT sql FROM sqlite_schema WHERE name = ?", (table,)).fetchone()
        loose = strict.replace(rule, rule.replace(" NOT NULL", ""))
        assert loose != strict
        connection.execute("PRAGMA writable_schema = ON")
        connection.execute("UPDATE sqlite_schema SET sql = ? WHERE name = ?", (loose, table))
    finally:
        connection.close()
    connection = connect(path)  # reads the loosened rule
    try:
        connection.execute(sql)
        connection.execute("PRAGMA writable_schema = ON")
        connection.execute("UPDATE sqlite_schema SET sql = ? WHERE name = ?", (strict, table))
    finally:
        connection.close()


def _write_null(table: str, column: str, row_id: int) -> None:
    """Empties a NOT NULL cell, as a tool that rewrites the table's rule, writes, and puts it back does."""
    write_past_not_null(
        table, f"{column} REAL NOT NULL", f"UPDATE {table} SET {column} = NULL WHERE id = {int(row_id)}"
    )


def _skipped(warnings: list[str]) -> list[str]:
    """What each warning says was skipped ("rating of answer 2")."""
    return [w.removeprefix("mockint: warning: ").split(" was skipped")[0] for w in warnings]


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        ("clarity = 'abc'", "its clarity score 'abc' is not a whole number from 1 to 5"),
        ("structure = 7", "its structure score 7 is not a whole number from 1 to 5"),
        ("confidence = 0", "its confidence score 0 is not"),
        ("relevance = 2.5", "its relevance score 2.5 is not"),
        ("comment = X'00ff'", "its comment b'\\x00\\xff' is not text"),
    ],
)
def test_a_damaged_rating_is_left_out_and_named_and_the_others_are_read(damage, reason):
    ids = _friend_practice()
    _damage(f"UPDATE ratings SET {damage} WHERE answer_id = ?", ids["broken"])

    with Store.open(app_paths()) as store:
        assert store.notice is None  # one bad row: the database is not set aside for it
        kept = Rating(ids["kept"], 4, 3, 5, None, "clear, a little long")
        assert store.ratings_for_session(ids["session"]) == {ids["kept"]: kept}
        [warning] = store.take_warnings()
        assert warning.startswith(f"rating of answer {ids['broken']} was skipped: it is damaged in the database")
        assert reason in warning

        assert store.rating_for(ids["broken"]) is None  # read on its own: none, and said again
        assert _skipped(store.take_warnings()) == [f"rating of answer {ids['broken']}"]
        assert store.rating_for(ids["kept"]) == kept
        assert store.take_warnings() == []
        # The review reads the session whole: both answers, the sound rating only.
        detail = store.session_detail(ids["session"])
        assert [a.id for a in detail.answers] == [ids["kept"], ids["broken"]]
        assert detail.ratings == {ids["kept"]: kept}


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        ("at_s = 'abc'", "its moment 'abc' is not a time in the recording"),
        ("at_s = -1.5", "its moment -1.5 is not"),
        ("at_s = 9e999", "its moment inf is not"),  # SQLite keeps an infinity (a NaN it stores as NULL)
        ("at_s = -9e999", "its moment -inf is not"),
        ("label = X'ff'", "its note b'\\xff' is not text"),
    ],
)
def test_a_damaged_flag_is_left_out_and_named_and_the_answers_other_flags_are_read(damage, reason):
    ids = _friend_practice()
    _damage(f"UPDATE flags SET {damage} WHERE id = ?", ids["late_flag"])
    _assert_late_flag_skipped(ids, reason)


def test_a_flag_without_a_moment_is_left_out_and_named():
    ids = _friend_practice()
    _write_null("flags", "at_s", ids["late_flag"])
    _assert_late_flag_skipped(ids, "its moment None is not a time in the recording")


def _assert_late_flag_skipped(ids: dict[str, int], reason: str) -> None:
    broken = ids["broken"]
    with Store.open(app_paths()) as store:
        assert store.notice is None
        assert store.flags_for_answer(broken) == [FlaggedMoment(broken, 2.5, "good opener", FlagKind.STRONG)]
        [warning] = store.take_warnings()
        assert warning.startswith(f"flagged moment of answer {broken} was skipped: it is damaged in the database")
        assert reason in warning
        assert [(f.answer_id, f.at_s) for f in store.flags_for_session(ids["session"])] == [
            (ids["kept"], 2.5),
            (ids["kept"], 7.0),
            (broken, 2.5),
        ]
        assert _skipped(store.take_warnings()) == [f"flagged moment of answer {broken}"]
        assert store.flags_for_answer(ids["kept"])[1] == FlaggedMoment(ids["kept"], 7.0, "lost the thread")


def test_history_json_and_export_show_the_sound_feedback_and_name_the_damaged():
    ids = _friend_practice()
    _damage("UPDATE ratings SET clarity = 'abc' WHERE answer_id = ?", ids["broken"])
    _damage("UPDATE flags SET at_s = -3 WHERE id = ?", ids["late_flag"])
    named = {f"rating of answer {ids['broken']}", f"flagged moment of answer {ids['broken']}"}

    history = mockint("history", "--json")

    assert history.returncode == 0, history.stderr
    [session] = json.loads(history.stdout)
    assert [r["answer_id"] for r in session["ratings"]] == [ids["kept"]]
    assert session["ratings"][0]["clarity"] == 4
    assert [(f["answer_id"], f["at_s"]) for f in session["flags"]] == [
        (ids["kept"], 2.5),
        (ids["kept"], 7.0),
        (ids["broken"], 2.5),
    ]
    assert "Traceback" not in history.stderr
    assert set(_skipped(history.stderr.strip().splitlines())) == named

    export = mockint("export", str(ids["session"]), "--format", "json")

    assert export.returncode == 0, export.stderr
    kept, broken = json.loads(export.stdout)["answers"]
    assert kept["rating"]["comment"] == "clear, a little long" and len(kept["flags"]) == 2
    assert broken["rating"] is None
    assert broken["flags"] == [{"at_s": 2.5, "kind": "strong", "label": "good opener"}]
    assert "Traceback" not in export.stderr
    assert set(_skipped(export.stderr.strip().splitlines())) == named


def _debriefs() -> dict[str, int]:
    """Three debriefs of real interviews, newest first by their dates; returns their ids by name."""
    with Store.open(app_paths()) as store:
        saved = {
            name: store.save_debrief(
                Debrief(company, "Engineer", day, (DebriefQuestion("Why us?", "rambled"),), "follow up Friday")
            ).id
            for name, company, day in [
                ("oldest", "Acme", date(2024, 4, 2)),
                ("middle", "Globex", date(2024, 4, 9)),
                ("newest", "Initech", date(2024, 4, 16)),
            ]
        }
    return {name: debrief_id for name, debrief_id in saved.items() if debrief_id is not None}


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        ('questions = \'[{"text": "Why us?"\'', "Expecting"),  # JSON cut off
        ('questions = \'{"text": "Why us?"}\'', "its questions are not a list"),
        ("questions = '[42]'", "a question of it is not a question: 42"),
        ('questions = \'[{"text": "Why?", "what_went_wrong": 3}]\'', "what went wrong in a question is not text"),
        ("happened_on = 'garbage'", "its date 'garbage' is not a day"),
        ("happened_on = '2024-13-45'", "its date '2024-13-45' is not a day"),
        ("company = X'00'", "its company b'\\x00' is not text"),
    ],
)
def test_a_damaged_debrief_is_left_out_and_named_and_the_others_are_listed(damage, reason):
    ids = _debriefs()
    _damage(f"UPDATE debriefs SET {damage} WHERE id = ?", ids["middle"])

    with Store.open(app_paths()) as store:
        listed = store.list_debriefs()
        assert [d.id for d in listed] == [ids["newest"], ids["oldest"]]
        assert listed[0].questions == (DebriefQuestion("Why us?", "rambled"),)
        [warning] = store.take_warnings()
        assert warning.startswith(f"debrief {ids['middle']} was skipped: it is damaged in the database")
        assert reason in warning


def test_debrief_list_names_the_damaged_debriefs_and_lists_the_rest():
    ids = _debriefs()
    _damage("UPDATE debriefs SET questions = '[{\"text\"' WHERE id = ?", ids["oldest"])
    _damage("UPDATE debriefs SET happened_on = 'last Tuesday' WHERE id = ?", ids["newest"])

    result = mockint("debrief", "list", "--json")

    assert result.returncode == 0, result.stderr
    assert [d["id"] for d in json.loads(result.stdout)] == [ids["middle"]]
    assert "Traceback" not in result.stderr
    assert set(_skipped(result.stderr.strip().splitlines())) == {f"debrief {ids['newest']}", f"debrief {ids['oldest']}"}
    table = mockint("debrief", "list")
    assert table.returncode == 0 and "Globex" in table.stdout and "Acme" not in table.stdout
