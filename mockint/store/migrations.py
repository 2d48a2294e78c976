"""The database schema's history: one function per version, applied forward in order.

`PRAGMA user_version` holds the version a database has reached. Each migration runs in its own
transaction together with the bump of `user_version`, so a crash leaves the database at the
last complete version. Past migrations are never edited: a change is a new function appended
to MIGRATIONS, and each one keeps whatever logic it needs inside it (not borrowed from code
that may change later).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path

from mockint.store.errors import NewerDatabaseError


def _v1_sessions_and_answers(conn: sqlite3.Connection) -> None:
    _run(
        conn,
        (
            """CREATE TABLE sessions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            mode TEXT NOT NULL,
            started_at TEXT NOT NULL,
            ended_at TEXT,
            deck_ids TEXT NOT NULL DEFAULT '[]',
            title TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT ''
        )""",
            """CREATE TABLE answers (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            question_id TEXT,
            question_text TEXT NOT NULL,
            deck_id TEXT,
            started_at TEXT,
            duration_s REAL,
            audio_path TEXT,
            words TEXT NOT NULL DEFAULT '[]',
            report TEXT,
            created_at TEXT NOT NULL
        )""",
            "CREATE INDEX answers_by_session ON answers(session_id)",
        ),
    )


def _v2_attempts_feedback_and_headlines(conn: sqlite3.Connection) -> None:
    """Links retries, adds friend ratings/flags and debriefs, and headline figures for history."""
    _run(
        conn,
        (
            # AUTOINCREMENT ids are never reused, so an old recording can never be taken for a new answer's.
            "ALTER TABLE answers ADD COLUMN attempt_of INTEGER REFERENCES answers(id) ON DELETE SET NULL",
            "ALTER TABLE answers ADD COLUMN word_count INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE answers ADD COLUMN wpm REAL",
            "ALTER TABLE answers ADD COLUMN fillers_per_min REAL",
            "ALTER TABLE answers ADD COLUMN length_verdict TEXT",
            "CREATE INDEX answers_by_attempt ON answers(attempt_of)",
            "CREATE INDEX sessions_by_start ON sessions(started_at)",
            """CREATE TABLE ratings (
            answer_id INTEGER PRIMARY KEY REFERENCES answers(id) ON DELETE CASCADE,
            score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
            note TEXT NOT NULL DEFAULT ''
        )""",
            """CREATE TABLE flags (
            id INTEGER PRIMARY KEY,
            answer_id INTEGER NOT NULL REFERENCES answers(id) ON DELETE CASCADE,
            at_s REAL NOT NULL,
            label TEXT NOT NULL DEFAULT ''
        )""",
            "CREATE INDEX flags_by_answer ON flags(answer_id)",
            """CREATE TABLE debriefs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
            company TEXT NOT NULL DEFAULT '',
            role TEXT NOT NULL DEFAULT '',
            happened_on TEXT,
            questions TEXT NOT NULL DEFAULT '[]',
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        )""",
        ),
    )
    # Headline figures of answers analysed under v1, read from their stored report JSON.
    rows = conn.execute("SELECT id, words, report FROM answers").fetchall()
    for answer_id, words_json, report_json in rows:
        report = _json_value(report_json, dict)
        metrics = report.get("metrics") if isinstance(report.get("metrics"), dict) else {}
        length = report.get("length") if isinstance(report.get("length"), dict) else {}
        words = _json_value(words_json, list)
        conn.execute(
            "UPDATE answers SET word_count = ?, wpm = ?, fillers_per_min = ?, length_verdict = ? WHERE id = ?",
            (
                int(metrics.get("word_count") or len(words)),
                metrics.get("wpm"),
                metrics.get("fillers_per_min"),
                length.get("verdict"),
                answer_id,
            ),
        )


def _v3_friend_ratings_by_criterion_and_flag_kinds(conn: sqlite3.Connection) -> None:
    """A friend rates clarity, structure, confidence and relevance (each optional) with a comment,
    and each flag has a kind (strong / unclear / rambling / note)."""
    _run(
        conn,
        (
            """CREATE TABLE ratings_by_criterion (
            answer_id INTEGER PRIMARY KEY REFERENCES answers(id) ON DELETE CASCADE,
            clarity INTEGER CHECK (clarity BETWEEN 1 AND 5),
            structure INTEGER CHECK (structure BETWEEN 1 AND 5),
            confidence INTEGER CHECK (confidence BETWEEN 1 AND 5),
            relevance INTEGER CHECK (relevance BETWEEN 1 AND 5),
            comment TEXT NOT NULL DEFAULT ''
        )""",
            # A version 2 rating was one overall score, which is none of the four criteria; it is
            # kept, worded, at the front of the comment rather than guessed into a criterion.
            """INSERT INTO ratings_by_criterion (answer_id, comment)
            SELECT answer_id, 'Overall ' || score || '/5' || CASE WHEN note = '' THEN '' ELSE ': ' || note END
            FROM ratings""",
            "DROP TABLE ratings",
            "ALTER TABLE ratings_by_criterion RENAME TO ratings",
            "ALTER TABLE flags ADD COLUMN kind TEXT NOT NULL DEFAULT 'note'",
        ),
    )


Migration = Callable[[sqlite3.Connection], None]

MIGRATIONS: tuple[Migration, ...] = (
    _v1_sessions_and_answers,
    _v2_attempts_feedback_and_headlines,
    _v3_friend_ratings_by_criterion_and_flag_kinds,
)
LATEST_VERSION = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, up_to: int = LATEST_VERSION, *, path_for_messages: Path | None = None) -> int:
    """Brings `conn` (autocommit mode) to version `up_to`; returns the version reached.

    Refuses a database newer than this code (NewerDatabaseError) without writing to it.
    """
    if not 0 <= up_to <= LATEST_VERSION:
        raise ValueError(f"no schema version {up_to}; known: 0-{LATEST_VERSION}")
    current = schema_version(conn)
    if current > LATEST_VERSION:
        raise NewerDatabaseError(path_for_messages or Path("(database)"), current, LATEST_VERSION)
    for version in range(current + 1, up_to + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated between our read and the write lock.
            if schema_version(conn) >= version:
                conn.execute("COMMIT")
                continue
            MIGRATIONS[version - 1](conn)
            conn.execute(f"PRAGMA user_version = {version:d}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return max(current, up_to)


def _run(conn: sqlite3.Connection, statements: Sequence[str]) -> None:
    # Not executescript(): it commits first, which would split the migration's transaction.
    for statement in statements:
        conn.execute(statement)


def _json_value(text: str | None, kind: type) -> dict | list:
    """The decoded JSON if it is of `kind`, else an empty one: a bad cell must not stop the upgrade."""
    try:
        value = json.loads(text) if text else kind()
    except ValueError:
        return kind()
    return value if isinstance(value, kind) else kind()
