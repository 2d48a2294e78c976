"""`mockint deck ...` end to end, as a user runs it: real processes, real files, exit codes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mockint.core.decks import deck_from_csv, load_deck
from mockint.paths import app_paths, shipped_decks_dir
from tests.conftest import DATA_DIR

DECKS = DATA_DIR / "deck"
MOCKINT = [sys.executable, "-m", "mockint"]
SHIPPED_IDS = sorted(path.stem for path in shipped_decks_dir().glob("*.toml"))


def mockint(*args: str | Path, expect: int = 0) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([*MOCKINT, *map(str, args)], capture_output=True, text=True, timeout=120)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == expect, result.stdout + result.stderr
    if expect != 0:
        assert len(result.stderr.splitlines()) == 1, result.stderr
        assert result.stderr.startswith("mockint")
    else:
        assert result.stderr == ""
    return result


@pytest.fixture
def user_decks() -> Path:
    folder = app_paths().user_decks_dir
    folder.mkdir(parents=True)
    return folder


def test_list_shows_shipped_and_user_decks_then_broken_ones(user_decks: Path) -> None:
    shutil.copy(DECKS / "good.toml", user_decks / "mine.toml")
    shutil.copy(DECKS / "broken-fields.toml", user_decks / "oops.toml")

    lines = mockint("deck", "list").stdout.splitlines()

    listed = [line.split()[0] for line in lines if not line.startswith("broken: ")]
    assert sorted(listed) == sorted([*SHIPPED_IDS, "mine"])
    assert any(
        line.startswith("tricky ") and "Tricky and stress questions" in line and "questions, en)" in line
        for line in lines
    )
    assert any(line.startswith("mine ") and "(3 questions, en)" in line for line in lines)
    assert (
        lines[-1]
        == f"broken: {user_decks / 'oops.toml'}, line 8: question 'first' has difficulty 'hardest'; use easy, medium or hard"
    )


def test_list_without_a_user_deck_folder() -> None:
    assert not app_paths().user_decks_dir.exists()
    lines = mockint("deck", "list").stdout.splitlines()
    assert sorted(line.split()[0] for line in lines) == SHIPPED_IDS


def test_show_finds_a_deck_by_id_or_by_name_in_any_case() -> None:
    by_id = mockint("deck", "show", "tricky").stdout
    assert by_id.startswith("Tricky and stress questions [tricky] (")
    weakness = next(line for line in by_id.splitlines() if line.startswith("greatest-weakness "))
    assert weakness.split() == [
        "greatest-weakness",
        "hard",
        "45-90",
        "s",
        "What",
        "is",
        "your",
        "greatest",
        "weakness?",
    ]
    assert mockint("deck", "show", "TRICKY and Stress QUESTIONS").stdout == by_id


def test_show_an_unknown_deck_points_at_deck_list() -> None:
    result = mockint("deck", "show", "no-such-deck", expect=2)
    assert "no-such-deck" in result.stderr and "mockint deck list" in result.stderr
    assert result.stdout == ""


def test_show_a_broken_user_deck_says_what_is_wrong(user_decks: Path) -> None:
    shutil.copy(DECKS / "broken-syntax.toml", user_decks / "half.toml")
    result = mockint("deck", "show", "half", expect=2)
    assert f"{user_decks / 'half.toml'}, line 4: this is not valid TOML" in result.stderr


def test_validate_good_files_exits_zero_with_a_count_each() -> None:
    result = mockint("deck", "validate", DECKS / "good.toml", DECKS / "second.toml", DECKS / "friend.csv")
    assert result.stdout.splitlines() == [
        f"ok: {DECKS / 'good.toml'} (3 questions)",
        f"ok: {DECKS / 'second.toml'} (1 question)",
        f"ok: {DECKS / 'friend.csv'} (4 questions)",
    ]


def test_validate_lists_every_problem_and_exits_two(tmp_path: Path) -> None:
    missing = tmp_path / "missing.toml"
    result = mockint("deck", "validate", DECKS / "good.toml", DECKS / "broken-fields.toml", missing, expect=2)
    lines = result.stdout.splitlines()
    broken = str(DECKS / "broken-fields.toml")
    assert lines[0] == f"ok: {DECKS / 'good.toml'} (3 questions)"
    assert [line.split(": ", 1)[0] for line in lines[1:5]] == [f"{broken}, line {n}" for n in (8, 15, 16, 19)]
    assert lines[5] == f"{missing}: there is no such file"
    assert "2 of 3" in result.stderr


def test_import_writes_a_toml_deck_and_refuses_to_overwrite_it() -> None:
    result = mockint("deck", "import", DECKS / "friend.csv")
    saved = app_paths().user_decks_dir / "friend.toml"
    assert str(saved) in result.stdout and "4 questions" in result.stdout
    expected = deck_from_csv((DECKS / "friend.csv").read_text(encoding="utf-8"), "friend.csv", "friend")
    assert load_deck(saved) == expected
    assert "friend " in mockint("deck", "list").stdout

    refused = mockint("deck", "import", DECKS / "friend.csv", expect=2)
    assert "--force" in refused.stderr

    mockint("deck", "import", DECKS / "friend.csv", "--force")
    named = mockint("deck", "import", DECKS / "friend.csv", "--name", "Monday Practice")
    assert "monday-practice" in named.stdout
    assert load_deck(app_paths().user_decks_dir / "monday-practice.toml").name == "Monday Practice"


def test_import_refuses_the_id_of_a_shipped_deck_and_a_broken_sheet(tmp_path: Path) -> None:
    clash = mockint("deck", "import", DECKS / "friend.csv", "--name", "Tricky", expect=2)
    assert "'tricky'" in clash.stderr and "--name" in clash.stderr
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("id,text,difficulty\na,Why?,easy\nb,How?,impossible\n", encoding="utf-8")
    bad = mockint("deck", "import", sheet, expect=2)
    assert f"{sheet}, line 3: question 'b' has difficulty 'impossible'" in bad.stderr
    assert not app_paths().user_decks_dir.exists()


def test_export_to_csv_then_import_gives_back_the_same_questions(tmp_path: Path) -> None:
    out = tmp_path / "tricky.csv"
    result = mockint("deck", "export", "Tricky and stress questions", "--csv", out)
    assert str(out) in result.stdout
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # spreadsheets need the mark to read UTF-8
    shipped = load_deck(shipped_decks_dir() / "tricky.toml")
    assert deck_from_csv(out.read_text(encoding="utf-8-sig"), str(out), "tricky") == shipped

    assert "--force" in mockint("deck", "export", "tricky", "--csv", out, expect=2).stderr
    mockint("deck", "export", "tricky", "--csv", out, "--force")
    assert mockint("deck", "export", "tricky", "--csv", "-").stdout.startswith("id,text,category,difficulty")

    mockint("deck", "import", out, "--name", "My tricky copy")
    copy = load_deck(app_paths().user_decks_dir / "my-tricky-copy.toml")
    assert copy.questions == shipped.questions and copy.name == "My tricky copy"


def test_export_of_an_unknown_deck_and_a_missing_verb_fail_in_one_line(tmp_path: Path) -> None:
    assert "mockint deck list" in mockint("deck", "export", "nope", "--csv", tmp_path / "x.csv", expect=2).stderr
    assert not (tmp_path / "x.csv").exists()
    mockint("deck", expect=2)
