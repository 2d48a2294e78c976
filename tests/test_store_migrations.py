"""Schema migrations: from an empty database and from every earlier version, data intact."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

import pytest

from mockint.core.analysis import LengthVerdict, Severity
from mockint.core.errors import StorageError
from mockint.core.session import Rating
from mockint.paths import app_paths
from mockint.store import Store
from mockint.store.database import connect
from mockint.store.errors import NewerDatabaseError
from mockint.store.migrations import LATEST_VERSION, MIGRATIONS, migrate, schema_version
from tests.conftest import DATA_DIR

SAMPLE_REPORT = json.loads((DATA_DIR / "store" / "report_sample.json").read_text(encoding="utf-8"))
WORDS_JSON = json.dumps(SAMPLE_REPORT["words"])
# The sample as version 4 measures it: from its first word (0.8 s) to its last (11.75 s).
SPOKEN_REPORT = {**SAMPLE_REPORT, "metrics": {**SAMPLE_REPORT["metrics"], "duration_s": 10.95}}


def _seed_v1(db: sqlite3.Connection) -> None:
    db.execute(
        "INSERT INTO sessions (id, mode, started_at, deck_ids, title) VALUES (1, 'solo', '2024-01-02T10:00:00.000000+00:00', '[\"general\"]', 'v1 session')"
    )
    db.execute(
        "INSERT INTO answers (id, session_id, question_text, duration_s, audio_path, words, report, created_at) "
        "VALUES (1, 1, 'Tell me about yourself', 12.0, 'answer-1.wav', ?, ?, '2024-01-02T10:01:00.000000+00:00')",
        (WORDS_JSON, json.dumps(SAMPLE_REPORT)),
    )
    db.execute(
        "INSERT INTO answers (id, session_id, question_text, words, created_at) "
        "VALUES (2, 1, 'Why us?', '[]', '2024-01-02T10:03:00.000000+00:00')"
    )


def _seed_v2(db: sqlite3.Connection) -> None:
    _seed_v1(db)
    db.execute(
        "UPDATE answers SET word_count = 17, wpm = 92.3, fillers_per_min = 11.5, length_verdict = 'too_short' WHERE id = 1"
    )
    db.execute(
        "INSERT INTO answers (id, session_id, question_text, words, created_at, attempt_of) "
        "VALUES (3, 1, 'Tell me about yourself', '[]', '2024-01-02T10:05:00.000000+00:00', 1)"
    )
    db.execute("INSERT INTO ratings (answer_id, score, note) VALUES (1, 3, 'ok')")
    db.execute("INSERT INTO flags (answer_id, at_s, label) VALUES (1, 4.5, 'froze')")
    db.execute(
        "INSERT INTO debriefs (company, role, questions, created_at) VALUES ('Acme', 'SRE', '[]', '2024-01-03T00:00:00.000000+00:00')"
    )


def _seed_v3(db: sqlite3.Connection) -> None:
    _seed_v1(db)
    db.execute(
        "UPDATE answers SET word_count = 17, wpm = 92.3, fillers_per_min = 11.5, length_verdict = 'too_short' WHERE id = 1"
    )
    db.execute("INSERT INTO ratings (answer_id, clarity, relevance, comment) VALUES (1, 3, 5, 'ok')")
    db.execute("INSERT INTO flags (answer_id, at_s, label, kind) VALUES (1, 4.5, '', 'rambling')")


def _seed_v4(db: sqlite3.Connection) -> None:
    _seed_v3(db)
    stored = {key: value for key, value in SPOKEN_REPORT.items() if key != "words"}  # the words cell has them
    db.execute("UPDATE answers SET report = ? WHERE id = 1", (json.dumps(stored),))


def _seed_v5(db: sqlite3.Connection) -> None:
    _seed_v4(db)
    db.execute(
        "INSERT INTO debriefs (company, role, questions, format, manner, created_at) VALUES "
        '(\'Acme\', \'SRE\', \'[{"text": "Why us?", "how": "shaky", "causes": ["rambled"]}]\', \'video\', \'cold\', '
        "'2024-01-03T00:00:00.000000+00:00')"
    )
    db.execute(
        "INSERT INTO stories (title, result, created_at) VALUES ('Outage', 'cut paging by 40%', '2024-01-03T00:00:00.000000+00:00')"
    )


# Rows written the way each schema version's code wrote them. A new migration needs a seeder here.
SEEDERS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _seed_v1,
    2: _seed_v2,
    3: _seed_v3,
    4: _seed_v4,
    5: _seed_v5,
}


def _database_at(version: int) -> None:
    paths = app_paths()
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    db = connect(paths.database)
    migrate(db, up_to=version)
    if version:
        db.execute("BEGIN")
        SEEDERS[version](db)
        db.execute("COMMIT")
    db.close()


def test_every_schema_version_has_rows_to_migrate_from():
    assert LATEST_VERSION == len(MIGRATIONS) >= 2
    assert set(SEEDERS) == set(range(1, LATEST_VERSION + 1))


def test_a_new_database_gets_the_latest_schema():
    with Store.open(app_paths()) as store:
        assert schema_version(store._connection) == LATEST_VERSION
        assert store.list_sessions() == []


@pytest.mark.parametrize("version", range(1, LATEST_VERSION + 1))
def test_data_from_every_earlier_version_survives_the_upgrade(version):
    _database_at(version)

    with Store.open(app_paths()) as store:
        assert store.notice is None
        assert schema_version(store._connection) == LATEST_VERSION
        [overview] = store.list_sessions()
        assert overview.session.title == "v1 session"
        assert overview.session.deck_ids == ("general",)
        answers = store.answers_for_session(1)
        first = answers[0]
        assert first.question_text == "Tell me about yourself"
        assert first.report is not None and first.report.to_dict() == SPOKEN_REPORT
        assert first.audio_path == "answer-1.wav"
        assert [w.text for w in first.words][:2] == ["so", "um"]
        # Headline figures exist for answers analysed before they had columns of their own.
        assert overview.summary.mean_wpm == 92.3
        assert overview.summary.mean_fillers_per_min == 11.5
        assert overview.summary.within_target_share == 0.0
        # The upgraded database takes new rows of every kind.
        retry = store.add_answer(1, "Tell me about yourself", attempt_of=first.id)
        assert store.attempts_of(retry)[0].id == first.id
        store.save_rating(Rating(first.id, clarity=4))
        store.add_flag(first.id, 1.0, "here")


def test_a_migration_that_fails_leaves_the_database_at_its_last_complete_version():
    _database_at(1)
    paths = app_paths()
    db = connect(paths.database)
    db.execute("CREATE TABLE ratings (x)")  # makes version 2's CREATE TABLE fail halfway through
    with pytest.raises(sqlite3.OperationalError):
        migrate(db)
    assert schema_version(db) == 1
    columns = {row["name"] for row in db.execute("PRAGMA table_info(answers)")}
    assert "attempt_of" not in columns  # the ALTER TABLEs before the failure were rolled back
    db.close()

    with pytest.raises(StorageError):
        Store.open(paths)
    assert paths.database.exists()  # a failed upgrade is not damage: the file stays where it is


def test_a_database_from_a_newer_mockint_is_refused_and_left_untouched():
    _database_at(LATEST_VERSION)
    paths = app_paths()
    db = connect(paths.database)
    db.execute(f"PRAGMA user_version = {LATEST_VERSION + 3}")
    db.close()
    before = paths.database.read_bytes()

    with pytest.raises(NewerDatabaseError) as caught:
        Store.open(paths)

    assert isinstance(caught.value, StorageError)
    assert "newer version of MockInt" in caught.value.user_message
    assert "Update MockInt" in caught.value.user_message
    assert paths.database.read_bytes() == before
    assert sorted(p.name for p in paths.data_dir.iterdir() if "damaged" in p.name) == []


def _old_report(words: list[dict], duration_s: float, verdict: str, feedback: list[dict]) -> dict:
    """A report as versions 1-3 stored it: the whole contract, words included, and the detail."""
    report = json.loads(json.dumps(SAMPLE_REPORT))
    report["words"] = words
    report["fillers"], report["hedges"], report["pauses"] = [], [], []
    report["metrics"].update(word_count=len(words), duration_s=duration_s)
    report["length"] = {"verdict": verdict, "target_min_s": 20, "target_max_s": 45}
    report["feedback"] = feedback
    report["detail"] = {"evidence": [], "star": {"situation": [], "task": [], "action": [], "result": []},
                        "self_talk": [], "repeats": [], "low_confidence": [], "artifacts": []}  # fmt: skip
    return report


def test_version_4_measures_stored_answers_from_first_to_last_word_and_files_retries_with_their_first_try():
    """ "Stop after silence 8 s": the last word ended at 14.9 s, and 0:22 "within target" was stored."""
    _database_at(3)
    texts = "when the release failed i called the team together and we rolled back within the hour".split()
    step = (14.9 - 1.2 - 0.3) / (len(texts) - 1)
    words = [{"text": t, "start": round(1.2 + i * step, 2), "end": round(1.5 + i * step, 2), "conf": 1.0}
             for i, t in enumerate(texts)]  # fmt: skip
    on_target = {
        "kind": "on_target",
        "severity": "strength",
        "message": "Well judged length: 0:22, inside the 20–45 s target.",
    }
    stored = _old_report(words, 22.9, "ok", [on_target])
    db = connect(app_paths().database)
    db.execute("BEGIN")
    db.execute(
        "INSERT INTO answers (id, session_id, question_text, duration_s, words, report, created_at, word_count, length_verdict) "
        "VALUES (10, 1, 'Tell me about a failure', 22.9, '[]', ?, '2024-01-02T10:09:00.000000+00:00', 16, 'ok')",
        (json.dumps(stored),),
    )
    db.execute(
        "INSERT INTO sessions (id, mode, started_at, deck_ids, title) VALUES (2, 'solo', '2024-01-05T10:00:00.000000+00:00', '[]', 'Try again')"
    )
    db.execute(
        "INSERT INTO answers (id, session_id, question_text, words, created_at, attempt_of) "
        "VALUES (11, 2, 'Tell me about a failure', '[]', '2024-01-05T10:01:00.000000+00:00', 10)"
    )
    db.execute("COMMIT")
    migrate(db)
    cells = db.execute("SELECT words, report, length_verdict FROM answers WHERE id = 10").fetchone()
    db.close()
    assert "words" not in json.loads(cells["report"]) and json.loads(cells["words"]) == words  # stored once
    assert cells["length_verdict"] == "too_short"

    with Store.open(app_paths()) as store:
        report = store.get_answer(10).report
        assert report is not None and report.metrics.duration_s == pytest.approx(13.7)
        assert report.length.verdict is LengthVerdict.TOO_SHORT
        assert [(item.kind, item.severity) for item in report.feedback] == [("too_short", Severity.WORK_ON)]
        assert report.feedback[0].message.startswith("The answer ran 0:13 (16 words), under the 20–45 s target.")
        # The retry lives with its first attempt; the session that held only it is gone.
        assert store.get_answer(11).session_id == 1
        assert [overview.session.id for overview in store.list_sessions()] == [1]


def test_version_5_keeps_a_version_2_debrief_and_reads_it_as_one_whose_questions_are_not_rated_yet():
    _database_at(2)
    db = connect(app_paths().database)
    db.execute(
        "UPDATE debriefs SET happened_on = '2024-01-02', "
        'questions = \'[{"text": "Why us?", "what_went_wrong": "rambled"}]\' WHERE company = \'Acme\''
    )
    db.close()
    with Store.open(app_paths()) as store:
        (debrief,) = store.interview_debriefs()
        assert (debrief.company, debrief.role, debrief.happened_on.isoformat()) == ("Acme", "SRE", "2024-01-02")
        assert [(i.text, i.note, i.how) for i in debrief.items] == [("Why us?", "rambled", None)]
        assert debrief.format is None and debrief.follow_up.text == "" and store.stories() == []
        assert store.list_debriefs()[0].questions[0].what_went_wrong == "rambled"  # the v2 reader still reads it
