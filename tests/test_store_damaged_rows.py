"""Databases that open but are damaged inside: a schema that is not MockInt's is set aside like an
unreadable file, and a damaged row is skipped with a warning naming it while the rest is shown."""

from __future__ import annotations

import json

import pytest

from mockint.paths import app_paths
from mockint.store import Store
from mockint.store.database import connect
from mockint.store.errors import DamagedRowError
from tests.test_store_history_cli import SAMPLE, T0, assert_one_clean_line, mockint


def _practised() -> dict[str, int]:
    """Three sessions, the middle one with two answers; returns their ids by name."""
    with Store.open(app_paths()) as store:
        first = store.create_session("solo", deck_ids=["behavioural"], started_at=T0, title="first")
        middle = store.create_session("friend", started_at=T0.replace(day=2), title="middle")
        kept = store.add_answer(middle.id, "Why us?", report=SAMPLE)
        broken = store.add_answer(middle.id, "Tell me about a failure", report=SAMPLE)
        last = store.create_session("solo", started_at=T0.replace(day=3), title="last")
    return {"first": first.id, "middle": middle.id, "last": last.id, "kept": kept, "broken": broken}


def _damage(sql: str, *params: object) -> None:
    """Writes past MockInt, as a tool, a script or a bad disk would."""
    connection = connect(app_paths().database)
    try:
        connection.execute(sql, params)
    finally:
        connection.close()


def _set_aside_notice() -> str:
    paths = app_paths()
    with Store.open(paths) as store:
        assert store.notice is not None
        assert store.list_sessions() == []  # a fresh database
        assert store.create_session("solo").id == 1
        notice = store.notice
    [aside] = [p for p in paths.data_dir.glob("mockint.sqlite3.damaged-*") if not p.name.endswith(("-wal", "-shm"))]
    assert str(aside) in notice
    return notice


@pytest.mark.parametrize(
    ("damage", "named"),
    [
        ("PRAGMA user_version = -3", "schema version -3"),
        ("DROP TABLE answers", "'answers' is missing"),
        ("ALTER TABLE sessions DROP COLUMN deck_ids", "'deck_ids'"),
    ],
)
def test_a_schema_that_is_not_mockints_is_set_aside(damage, named):
    _practised()
    _damage(damage)
    assert named in _set_aside_notice()


def test_an_empty_database_file_is_damaged_not_a_fresh_start():
    paths = app_paths()
    paths.data_dir.mkdir(parents=True)
    paths.database.write_bytes(b"")
    assert "empty" in _set_aside_notice()


def test_history_skips_a_session_with_garbage_and_lists_the_rest():
    ids = _practised()
    _damage("UPDATE sessions SET started_at = 'garbage' WHERE id = ?", ids["first"])
    _damage("UPDATE sessions SET mode = 'karaoke' WHERE id = ?", ids["last"])

    result = mockint("history", "--json")

    assert result.returncode == 0, result.stderr
    assert [s["id"] for s in json.loads(result.stdout)] == [ids["middle"]]
    warnings = result.stderr.strip().splitlines()
    assert len(warnings) == 2 and "Traceback" not in result.stderr
    assert {f"session {ids['first']}", f"session {ids['last']}"} == {
        w.split(" was skipped")[0].removeprefix("mockint: warning: ") for w in warnings
    }
    table = mockint("history")
    assert table.returncode == 0 and "middle" not in table.stderr
    assert len(table.stdout.strip().splitlines()) == 2  # the header and the one sound session


def test_a_deck_list_that_is_not_a_list_of_names_is_damage():
    ids = _practised()
    _damage("UPDATE sessions SET deck_ids = '{\"a\": 1}' WHERE id = ?", ids["first"])
    _damage("UPDATE sessions SET deck_ids = '[1, 2' WHERE id = ?", ids["last"])
    with Store.open(app_paths()) as store:
        assert [o.session.id for o in store.list_sessions()] == [ids["middle"]]
        warnings = store.take_warnings()
        assert len(warnings) == 2
        assert all("deck list" in w or "delimiter" in w for w in warnings), warnings
        assert store.take_warnings() == []  # each told once


def test_export_leaves_out_an_answer_with_a_broken_report_and_says_which():
    ids = _practised()
    _damage("UPDATE answers SET report = '{\"metrics\": {' WHERE id = ?", ids["broken"])

    result = mockint("export", str(ids["middle"]), "--format", "json")

    assert result.returncode == 0, result.stderr
    exported = json.loads(result.stdout)
    assert [a["question_text"] for a in exported["answers"]] == ["Why us?"]
    assert_one_clean_line(result.stderr)
    assert f"answer {ids['broken']} was skipped" in result.stderr


def test_a_damaged_session_asked_for_by_id_is_one_clear_line():
    ids = _practised()
    _damage("UPDATE sessions SET ended_at = 'not a date' WHERE id = ?", ids["middle"])
    with Store.open(app_paths()) as store, pytest.raises(DamagedRowError) as caught:
        store.get_session(ids["middle"])
    assert f"session {ids['middle']} is damaged" in caught.value.user_message

    result = mockint("export", str(ids["middle"]), "--format", "md")
    assert result.returncode == 2 and result.stdout == ""
    assert_one_clean_line(result.stderr)
    assert f"session {ids['middle']} is damaged" in result.stderr
