"""`mockint export` end to end: a session seeded through the Store, exported by the real command."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from mockint.core.analysis import AnswerReport
from mockint.core.session import Rating
from mockint.paths import app_paths
from mockint.store import Store
from tests.conftest import DATA_DIR, REPO_ROOT

SAMPLE_REPORT = json.loads((DATA_DIR / "store" / "report_sample.json").read_text(encoding="utf-8"))
SAMPLE = AnswerReport.from_dict(SAMPLE_REPORT)  # the typed report answers carry


def mockint(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mockint", *args], capture_output=True, text=True, cwd=REPO_ROOT, timeout=120
    )


def assert_one_clean_line(stderr: str) -> None:
    assert len(stderr.strip().splitlines()) == 1, stderr
    assert "Traceback" not in stderr


@pytest.fixture
def session_id() -> int:
    with Store.open(app_paths()) as store:
        session = store.create_session("solo", deck_ids=["behavioural"], title="Acme prep")
        answer = store.add_answer(
            session.id,
            "Tell me about a time you failed",
            report=SAMPLE,
            duration_s=12.0,
        )
        store.save_rating(Rating(answer, structure=3, comment="needs a result"))
        store.add_answer(session.id, "Tell me about a time you failed", attempt_of=answer)
        return session.id


def test_markdown_goes_to_standard_output(session_id):
    result = mockint("export", str(session_id), "--format", "md")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "## 1. Tell me about a time you failed" in result.stdout
    assert "- Fillers: 2 (11.5 per minute)" in result.stdout
    latest = mockint("export", "latest")
    assert latest.stdout == result.stdout


def test_every_format_can_be_written_to_a_file(session_id, tmp_path):
    for fmt in ("json", "csv", "html"):
        target = tmp_path / f"session.{fmt}"
        result = mockint("export", str(session_id), "--format", fmt, "--output", str(target))
        assert (result.returncode, result.stdout, result.stderr) == (0, "", ""), result.stderr
    data = json.loads((tmp_path / "session.json").read_text(encoding="utf-8"))
    assert data["session"]["title"] == "Acme prep"
    assert [a["attempt_of"] for a in data["answers"]] == [None, data["answers"][0]["id"]]
    rows = list(csv.DictReader(io.StringIO((tmp_path / "session.csv").read_text(encoding="utf-8"), newline="")))
    assert [(r["rating_structure"], r["rating_comment"]) for r in rows] == [("3", "needs a result"), ("", "")]
    page = (tmp_path / "session.html").read_text(encoding="utf-8")
    assert '<span class="filler"' in page
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "999"], "there is no practice session 999"),
        (["export", "yesterday"], "SESSION must be a session number"),
        (["export", "1", "--format", "pdf"], "PDF export needs the desktop app's renderer"),
    ],
)
def test_bad_requests_fail_with_one_line(session_id, args, message):
    result = mockint(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert_one_clean_line(result.stderr)
    assert message in result.stderr


def test_an_output_folder_that_does_not_exist_is_one_clear_line(session_id, tmp_path):
    result = mockint("export", str(session_id), "--format", "md", "--output", str(tmp_path / "missing" / "out.md"))
    assert result.returncode == 2
    assert_one_clean_line(result.stderr)
    assert "could not write" in result.stderr
