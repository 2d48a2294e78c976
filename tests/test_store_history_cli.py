"""`mockint history` end to end: a database seeded through the Store, the real command in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta

from mockint.core.analysis import AnswerReport
from mockint.paths import app_paths
from mockint.store import Store
from mockint.store.database import connect
from mockint.store.migrations import LATEST_VERSION
from tests.conftest import DATA_DIR, REPO_ROOT

SAMPLE_REPORT = json.loads((DATA_DIR / "store" / "report_sample.json").read_text(encoding="utf-8"))
SAMPLE = AnswerReport.from_dict(SAMPLE_REPORT)  # the typed report answers carry
T0 = datetime(2024, 5, 1, 9, 30, tzinfo=UTC)


def mockint(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mockint", *args], capture_output=True, text=True, cwd=REPO_ROOT, timeout=120
    )


def assert_one_clean_line(stderr: str) -> None:
    assert len(stderr.strip().splitlines()) == 1, stderr
    assert "Traceback" not in stderr


def test_no_sessions_yet_and_nothing_created():
    result = mockint("history")
    assert (result.returncode, result.stdout, result.stderr) == (0, "No practice sessions yet.\n", "")
    as_json = mockint("history", "--json")
    assert (as_json.returncode, json.loads(as_json.stdout)) == (0, [])
    assert not app_paths().database.exists()


def test_sessions_are_listed_newest_first_with_their_figures():
    with Store.open(app_paths()) as store:
        old = store.create_session("solo", deck_ids=["behavioural"], started_at=T0)
        store.add_answer(old.id, "Tell me about a time you failed", report=SAMPLE)
        ok_report = AnswerReport.from_dict({**SAMPLE_REPORT, "length": {**SAMPLE_REPORT["length"], "verdict": "ok"}})
        store.add_answer(old.id, "Why us?", report=ok_report)
        new = store.create_session("friend", deck_ids=["general", "intro"], started_at=T0 + timedelta(days=1))

    result = mockint("history", "--json")
    assert result.returncode == 0, result.stderr
    listed = json.loads(result.stdout)
    assert [item["id"] for item in listed] == [new.id, old.id]
    assert (
        listed[0]["mode"] == "friend"
        and listed[0]["deck_ids"] == ["general", "intro"]
        and listed[0]["answer_count"] == 0
    )
    assert {k: listed[1][k] for k in ("answer_count", "mean_fillers_per_min", "mean_wpm", "within_target_share")} == {
        "answer_count": 2,
        "mean_fillers_per_min": 11.5,
        "mean_wpm": 92.3,
        "within_target_share": 0.5,
    }
    assert datetime.fromisoformat(listed[1]["started_at"]) == T0

    table = mockint("history")
    assert table.returncode == 0 and table.stderr == ""
    header, first, second = table.stdout.splitlines()
    assert header.split() == ["ID", "DATE", "MODE", "DECKS", "ANSWERS", "FILLERS/MIN", "WPM", "WITHIN", "TARGET"]
    assert first.split()[0] == str(new.id) and "friend" in first and "general, intro" in first
    assert second.split()[0] == str(old.id) and second.split()[-3:] == ["11.5", "92", "50%"]


def test_a_damaged_database_is_reported_on_one_line_and_set_aside():
    paths = app_paths()
    paths.data_dir.mkdir(parents=True)
    paths.database.write_bytes((DATA_DIR / "store" / "not_a_database.txt").read_bytes())
    result = mockint("history")
    assert result.returncode == 0
    assert result.stdout == "No practice sessions yet.\n"
    assert_one_clean_line(result.stderr)
    assert "set aside" in result.stderr and ".damaged-" in result.stderr


def test_a_database_from_a_newer_mockint_is_refused():
    with Store.open(app_paths()):
        pass
    db = connect(app_paths().database)
    db.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    db.close()
    result = mockint("history")
    assert result.returncode == 2
    assert_one_clean_line(result.stderr)
    assert "newer version of MockInt" in result.stderr
