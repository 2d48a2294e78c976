"""A friend's ratings and flags in the store: by criterion, skippable, editable, kept on upgrade."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from mockint.core.session import FlaggedMoment, FlagKind, PracticeMode, Rating, RatingCriterion
from mockint.paths import app_paths
from mockint.store import Store
from mockint.store.database import connect
from mockint.store.migrations import migrate
from tests.conftest import REPO_ROOT


@pytest.fixture
def store():
    with Store.open(app_paths()) as opened:
        yield opened


def test_a_rating_keeps_each_criterion_and_a_skipped_one_stays_empty(store):
    session = store.create_session(PracticeMode.FRIEND)
    answer = store.add_answer(session.id, "Why this role?")
    store.save_rating(Rating(answer, clarity=4, confidence=2, comment="good story, quiet voice"))
    saved = store.rating_for(answer)
    assert saved is not None
    assert saved.scores == {RatingCriterion.CLARITY: 4, RatingCriterion.CONFIDENCE: 2}
    assert saved.score(RatingCriterion.STRUCTURE) is None
    assert saved.comment == "good story, quiet voice"


def test_a_rating_edited_later_replaces_it_and_clearing_it_removes_it(store):
    session = store.create_session(PracticeMode.FRIEND)
    answer = store.add_answer(session.id, "Why this role?")
    store.save_rating(Rating(answer, clarity=4))
    store.save_rating(Rating(answer, clarity=5, structure=3, comment="edited in review"))
    assert store.rating_for(answer) == Rating(answer, clarity=5, structure=3, comment="edited in review")
    store.save_rating(Rating(answer))
    assert store.rating_for(answer) is None


@pytest.mark.parametrize("bad", [0, 6, True, -1])
def test_a_score_outside_one_to_five_is_refused(bad):
    with pytest.raises(ValueError, match="1 to 5"):
        Rating(1, structure=bad)


def test_flags_keep_their_kind_time_and_note_in_time_order(store):
    session = store.create_session(PracticeMode.FRIEND)
    answer = store.add_answer(session.id, "Tell me about a failure")
    store.add_flags(
        [
            FlaggedMoment(answer, 12.25, "", FlagKind.RAMBLING),
            FlaggedMoment(answer, 3.5, "", FlagKind.STRONG),
            FlaggedMoment(answer, 8.0, "lost the thread", FlagKind.NOTE),
        ]
    )
    flags = store.flags_for_answer(answer)
    assert [(f.at_s, f.kind, f.label) for f in flags] == [
        (3.5, FlagKind.STRONG, ""),
        (8.0, FlagKind.NOTE, "lost the thread"),
        (12.25, FlagKind.RAMBLING, ""),
    ]
    assert [f.title for f in flags] == ["strong moment", "note: lost the thread", "rambling"]
    assert store.session_detail(session.id).flags_for(answer) == tuple(flags)


def test_a_version_2_rating_is_kept_in_the_comment_and_its_flags_become_notes():
    paths = app_paths()
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    db = connect(paths.database)
    migrate(db, up_to=2)
    db.execute("INSERT INTO sessions (id, mode, started_at) VALUES (1, 'friend', '2024-01-02T10:00:00.000000+00:00')")
    db.execute(
        "INSERT INTO answers (id, session_id, question_text, created_at) "
        "VALUES (1, 1, 'Q', '2024-01-02T10:00:00.000000+00:00')"
    )
    db.execute("INSERT INTO ratings (answer_id, score, note) VALUES (1, 3, 'rushed the ending')")
    db.execute("INSERT INTO flags (answer_id, at_s, label) VALUES (1, 4.5, 'froze')")
    db.close()
    with Store.open(paths) as store:
        assert store.rating_for(1) == Rating(1, comment="Overall 3/5: rushed the ending")
        assert store.flags_for_answer(1) == [FlaggedMoment(1, 4.5, "froze", FlagKind.NOTE)]


def run_mockint(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mockint", *args], capture_output=True, text=True, cwd=REPO_ROOT, timeout=120
    )


def test_history_json_and_export_carry_the_friends_ratings_flags_and_notes():
    with Store.open(app_paths()) as store:
        solo = store.create_session(PracticeMode.SOLO)
        store.add_answer(solo.id, "Tell me about yourself")
        friend = store.create_session(PracticeMode.FRIEND, title="With Sam")
        answer = store.add_answer(friend.id, "Why this role?")
        store.save_rating(Rating(answer, structure=3, relevance=5, comment="clear, no example"))
        store.add_flags(
            [FlaggedMoment(answer, 2.5, "", FlagKind.UNCLEAR), FlaggedMoment(answer, 6.0, "froze", FlagKind.NOTE)]
        )
    listed = run_mockint("history", "--json")
    assert listed.returncode == 0, listed.stderr
    by_mode = {entry["mode"]: entry for entry in json.loads(listed.stdout)}
    assert (by_mode["solo"]["ratings"], by_mode["solo"]["flags"]) == ([], [])
    assert by_mode["friend"]["ratings"] == [
        {
            "answer_id": answer,
            "clarity": None,
            "structure": 3,
            "confidence": None,
            "relevance": 5,
            "comment": "clear, no example",
        }
    ]
    assert by_mode["friend"]["flags"] == [
        {"answer_id": answer, "at_s": 2.5, "kind": "unclear", "label": ""},
        {"answer_id": answer, "at_s": 6.0, "kind": "note", "label": "froze"},
    ]
    exported = run_mockint("export", str(friend.id), "--format", "md")
    assert exported.returncode == 0, exported.stderr
    assert "- Friend's rating: structure 3/5, relevance 5/5" in exported.stdout
    assert "- Friend's comment: clear, no example" in exported.stdout
    assert "- Flagged at 0:02 unclear" in exported.stdout and "- Flagged at 0:06 note: froze" in exported.stdout
