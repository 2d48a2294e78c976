"""The database schema's history: one function per version, applied forward in order.

`PRAGMA user_version` holds the version a database has reached. Each migration runs in its own
transaction together with the bump of `user_version`, so a crash leaves the database at the
last complete version. What a past migration makes of well-formed rows is never edited: a change
is a new function appended to MIGRATIONS, and each one keeps whatever logic it needs inside it
(not borrowed from code that may change later). How one treats a row a tool wrote past its
table's rules may be fixed in place, since such a row would otherwise stop the whole upgrade.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from mockint.store.errors import NewerDatabaseError

log = logging.getLogger(__name__)


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
            # kept, worded, at the front of the comment rather than guessed into a criterion. A note
            # a tool emptied (NULL) reads as none; a rating that is not one is dropped, logged, below.
            f"""INSERT INTO ratings_by_criterion (answer_id, comment)
            SELECT answer_id, 'Overall ' || score || '/5' || CASE WHEN COALESCE(note, '') = '' THEN '' ELSE ': ' || note END
            FROM ratings WHERE {_V3_SOUND_RATING}""",
        ),
    )
    _v3_drop_unsound_ratings(conn)
    _run(
        conn,
        (
            "DROP TABLE ratings",
            "ALTER TABLE ratings_by_criterion RENAME TO ratings",
            "ALTER TABLE flags ADD COLUMN kind TEXT NOT NULL DEFAULT 'note'",
        ),
    )


# A version 2 rating as MockInt wrote it: a whole score from 1 to 5 and a note (none counts as
# empty), of an answer that still exists. A tool can write others past the table's rules.
_V3_SOUND_RATING = (
    "typeof(score) = 'integer' AND score BETWEEN 1 AND 5 AND typeof(note) IN ('text', 'null') "
    "AND answer_id IN (SELECT id FROM answers)"
)


def _v3_drop_unsound_ratings(conn: sqlite3.Connection) -> None:
    """Logs each version 2 rating that is not one (a score of 7, 'abc' or none, a note that is not
    text, an answer that is gone); it is dropped with the old table.

    No version 3 cell can hold such a row for the row reader to skip: its score fits no criterion
    and, worded into the comment ("Overall 7/5"), it would read as a sound rating. Copied as it
    is, it would stop the upgrade (a NULL comment, an unknown answer) and MockInt could not open
    the database at all. So the row goes, and the log (the app's log file, a command's standard
    error) keeps what it held, quoted as SQL writes it and read as bytes, so no cell can fail.
    """
    rows = conn.execute(
        "SELECT answer_id, CAST(quote(score) AS BLOB), CAST(quote(note) AS BLOB), "
        "typeof(score) = 'integer' AND score BETWEEN 1 AND 5, typeof(note) IN ('text', 'null'), "
        f"answer_id IN (SELECT id FROM answers) FROM ratings WHERE NOT ({_V3_SOUND_RATING}) ORDER BY answer_id"
    ).fetchall()
    for answer_id, score, note, score_sound, note_sound, answered in rows:
        score_text, note_text = _v3_quoted(score), _v3_quoted(note)
        reasons = [
            *([] if score_sound else [f"its score {score_text} is not a whole number from 1 to 5"]),
            *([] if note_sound else [f"its note {note_text} is not text"]),
            *([] if answered else ["its answer is not in the database"]),
        ]
        log.warning(
            "the rating of answer %s was dropped while upgrading the database: %s (it held the score %s "
            "and the note %s)",
            answer_id,
            "; ".join(reasons),
            score_text,
            note_text,
        )


def _v3_quoted(cell: bytes) -> str:
    text = bytes(cell).decode("utf-8", errors="replace")
    return text if len(text) <= 200 else text[:197] + "..."


def _v4_reports_stored_once_spoken_length_and_retries_in_their_session(conn: sqlite3.Connection) -> None:
    """Three fixes to answers stored before, each kept whole here (no code borrowed that may change):

    - The words are stored once: a report's own words (what its indices point into) move to the
      answer's `words` cell, and the report cell keeps the rest.
    - An answer lasts from its first word to its last: a timed answer's length no longer counts
      the silence that stopped the recording, and its verdict (and the length feedback, worded
      as the analysis words it) follows, as does the `length_verdict` headline.
    - A "Try again" attempt belongs to the session of its first attempt; the sessions that held
      only retries are removed, so History and the charts count the sessions the user ran.
    """
    rows = conn.execute("SELECT id, words, report FROM answers WHERE report IS NOT NULL").fetchall()
    for answer_id, words_json, report_json in rows:
        report = _json_value(report_json, dict)
        if not report:
            continue  # unreadable: left as it is, the answer is shown without its report
        words = report.pop("words", None)
        if isinstance(words, list):
            words_json = json.dumps(words, ensure_ascii=False)
        else:
            words = _json_value(words_json, list)
        verdict = _v4_respoken_length(report, words)
        conn.execute(
            "UPDATE answers SET words = ?, report = ?, length_verdict = ? WHERE id = ?",
            (words_json, json.dumps(report, ensure_ascii=False), verdict, answer_id),
        )
    conn.execute(
        """UPDATE answers SET session_id = (SELECT r.session_id FROM answers r WHERE r.id = answers.attempt_of)
           WHERE attempt_of IS NOT NULL
             AND session_id != (SELECT r.session_id FROM answers r WHERE r.id = answers.attempt_of)"""
    )
    conn.execute(
        """DELETE FROM sessions WHERE title = 'Try again' AND mode = 'solo'
           AND NOT EXISTS (SELECT 1 FROM answers a WHERE a.session_id = sessions.id)"""
    )


def _v4_respoken_length(report: dict, words: list) -> str | None:
    """Sets the report's length to first-to-last word when every word is timed; returns its verdict."""
    metrics = report.get("metrics") if isinstance(report.get("metrics"), dict) else None
    length = report.get("length") if isinstance(report.get("length"), dict) else None
    verdict = length.get("verdict") if length is not None else None
    numbers = (int, float)
    timed = [w for w in words if isinstance(w, dict)]
    if metrics is None or length is None or not timed or len(timed) != len(words):
        return verdict
    if not all(isinstance(w.get("start"), numbers) and isinstance(w.get("end"), numbers) for w in timed):
        return verdict
    low, high = length.get("target_min_s"), length.get("target_max_s")
    if not isinstance(low, numbers) or not isinstance(high, numbers):
        return verdict
    duration = round(max(0.0, max(w["end"] for w in timed) - min(w["start"] for w in timed)), 2)
    new_verdict = "too_short" if duration < low else "too_long" if duration > high else "ok"
    metrics["duration_s"] = duration
    length["verdict"] = new_verdict
    feedback = report.get("feedback")
    if isinstance(feedback, list):
        count = metrics.get("word_count")
        report["feedback"] = _v4_length_feedback(
            feedback, duration, new_verdict != verdict, new_verdict, low, high, count
        )
    return new_verdict


def _v4_length_feedback(
    feedback: list, duration: float, changed: bool, verdict: str, low: float, high: float, count: object
) -> list:
    """The feedback with its length item worded for the new length, in the place the old one had.

    The same verdict keeps the feedback as it was, but for the figure in its length message; a
    new verdict replaces the old length item ("length" is how the first versions named it)."""
    whole = int(duration)
    ran = f"{whole // 60}:{whole % 60:02d}"
    words = f"{count} word" if count == 1 else f"{count} words"
    target = f"the {low:g}\u2013{high:g} s target"
    if verdict == "too_short":
        item = {"kind": "too_short", "severity": "work_on", "message": f"The answer ran {ran} ({words}), under {target}. "
                "Add a concrete example: what you did, and how it turned out."}  # fmt: skip
    elif verdict == "too_long":
        item = {"kind": "too_long", "severity": "work_on", "message": f"The answer ran {ran} ({words}), over {target}. "
                "Lead with your point, keep one example, and stop after the result."}  # fmt: skip
    else:
        item = {"kind": "on_target", "severity": "strength", "message": f"Well judged length: {ran}, inside {target}."}
    kinds = ("too_short", "too_long", "on_target")
    old = [i for i, entry in enumerate(feedback) if isinstance(entry, dict) and entry.get("kind") in kinds]
    if not changed:
        kept = list(feedback)
        if old and kept[old[0]].get("kind") == item["kind"]:
            kept[old[0]] = item  # only the figure in the message changes
        return kept
    old += [i for i, entry in enumerate(feedback) if isinstance(entry, dict) and entry.get("kind") == "length"]
    rest = [entry for i, entry in enumerate(feedback) if i not in old]
    if item["severity"] == "work_on":
        return [item, *rest]  # a length outside the target leads what to work on
    return rest if any(isinstance(e, dict) and e.get("severity") == "strength" for e in rest) else [*rest, item]


def _v5_debriefs_of_real_interviews_and_the_story_bank(conn: sqlite3.Connection) -> None:
    """A debrief gains the interview's format, how the interviewers came across, the next
    interview's date, the plan items ticked by hand, its follow-up note and an edit time; the
    story bank is new. Version 2 rows keep their questions (text and what went wrong) as they are."""
    _run(
        conn,
        (
            "ALTER TABLE debriefs ADD COLUMN format TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE debriefs ADD COLUMN manner TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE debriefs ADD COLUMN next_on TEXT",
            "ALTER TABLE debriefs ADD COLUMN ticked TEXT NOT NULL DEFAULT '[]'",
            "ALTER TABLE debriefs ADD COLUMN follow_up TEXT NOT NULL DEFAULT '{}'",
            "ALTER TABLE debriefs ADD COLUMN updated_at TEXT",
            """CREATE TABLE stories (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            title TEXT NOT NULL,
            situation TEXT NOT NULL DEFAULT '',
            task TEXT NOT NULL DEFAULT '',
            action TEXT NOT NULL DEFAULT '',
            result TEXT NOT NULL DEFAULT '',
            skills TEXT NOT NULL DEFAULT '[]',
            created_at TEXT NOT NULL
        )""",
        ),
    )


Migration = Callable[[sqlite3.Connection], None]

MIGRATIONS: tuple[Migration, ...] = (
    _v1_sessions_and_answers,
    _v2_attempts_feedback_and_headlines,
    _v3_friend_ratings_by_criterion_and_flag_kinds,
    _v4_reports_stored_once_spoken_length_and_retries_in_their_session,
    _v5_debriefs_of_real_interviews_and_the_story_bank,
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


def _json_value(text: str | None, kind: type) -> Any:  # JSON of `kind`: a dict or a list of anything
    """The decoded JSON if it is of `kind`, else an empty one: a bad cell must not stop the upgrade."""
    try:
        value = json.loads(text) if text else kind()
    except ValueError:
        return kind()
    return value if isinstance(value, kind) else kind()
