"""Debriefs of real interviews (with their follow-up note and hand-ticked plan items) and the
story bank. Rows are encoded here; `core/debrief/model.py` holds the types.

The debriefs table dates from version 2 (company, role, date, questions, note); version 5 added
the interview's format and manner, the next interview date, the ticks, the follow-up note and
an edit time. A version 2 row reads as a debrief whose questions have no "how it went" yet.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import date
from typing import Any

from mockint.core.debrief.model import (
    Cause,
    DebriefItem,
    FollowUpDraft,
    HowItWent,
    InterviewDebrief,
    InterviewerManner,
    InterviewFormat,
    NoteTone,
    Story,
)
from mockint.core.errors import BadInputError
from mockint.core.session import Answer
from mockint.store.base import RepositoryBase
from mockint.store.codec import answer_from_row, decode_time, encode_time, now_utc


class UnknownDebriefError(BadInputError):
    def __init__(self, debrief_id: object) -> None:
        super().__init__(f"there is no debrief {debrief_id}; `mockint debrief list` lists them")
        self.debrief_id = debrief_id


class UnknownStoryError(BadInputError):
    def __init__(self, story_id: object) -> None:
        super().__init__(f"there is no story {story_id} in the story bank")
        self.story_id = story_id


class DebriefsRepo(RepositoryBase):
    def save_interview_debrief(self, debrief: InterviewDebrief) -> InterviewDebrief:
        """Inserts (id None) or replaces the debrief; returns it as stored (with id and times)."""
        now = encode_time(now_utc())
        values = (
            debrief.company,
            debrief.role,
            _day(debrief.happened_on),
            json.dumps([_item_dict(i) for i in debrief.items], ensure_ascii=False),
            debrief.note,
            debrief.format.value if debrief.format else "",
            debrief.manner.value if debrief.manner else "",
            _day(debrief.next_interview_on),
            json.dumps(list(debrief.ticked), ensure_ascii=False),
            json.dumps(_draft_dict(debrief.follow_up), ensure_ascii=False),
            now,
        )
        with self._writing() as db:
            if debrief.id is None:
                cursor = db.execute(
                    "INSERT INTO debriefs (company, role, happened_on, questions, note, format, manner, next_on, "
                    "ticked, follow_up, updated_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (*values, now),
                )
                debrief_id = int(cursor.lastrowid or 0)
            else:
                cursor = db.execute(
                    "UPDATE debriefs SET company = ?, role = ?, happened_on = ?, questions = ?, note = ?, format = ?, "
                    "manner = ?, next_on = ?, ticked = ?, follow_up = ?, updated_at = ? WHERE id = ?",
                    (*values, debrief.id),
                )
                if cursor.rowcount == 0:
                    raise UnknownDebriefError(debrief.id)
                debrief_id = debrief.id
        return self.interview_debrief(debrief_id)

    def interview_debrief(self, debrief_id: int) -> InterviewDebrief:
        with self._reading() as db:
            row = db.execute("SELECT * FROM debriefs WHERE id = ?", (debrief_id,)).fetchone()
        if row is None:
            raise UnknownDebriefError(debrief_id)
        return self._decoded_one(row, _debrief, "debrief")

    def interview_debriefs(self) -> list[InterviewDebrief]:
        """The most recent interview first (by its date, else by when the notes were saved)."""
        with self._reading() as db:
            rows = db.execute(
                "SELECT * FROM debriefs ORDER BY COALESCE(happened_on, substr(created_at, 1, 10)) DESC, id DESC"
            ).fetchall()
        return self._decoded(rows, _debrief, "debrief")

    def delete_interview_debrief(self, debrief_id: int) -> None:
        with self._writing() as db:
            if db.execute("DELETE FROM debriefs WHERE id = ?", (debrief_id,)).rowcount == 0:
                raise UnknownDebriefError(debrief_id)

    def answers_to(self, question_text: str) -> list[Answer]:
        """Every answer given to this question (same words, any case), oldest first: attempts to compare."""
        with self._reading() as db:
            rows = db.execute(
                "SELECT * FROM answers WHERE lower(trim(question_text)) = lower(trim(?)) ORDER BY created_at, id",
                (question_text,),
            ).fetchall()
        return self._decoded(rows, answer_from_row, "answer")

    # ----- the story bank

    def save_story(self, story: Story) -> Story:
        values = (story.title, story.situation, story.task, story.action, story.result, json.dumps(list(story.skills)))
        with self._writing() as db:
            if story.id is None:
                cursor = db.execute(
                    "INSERT INTO stories (title, situation, task, action, result, skills, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (*values, encode_time(now_utc())),
                )
                return replace(story, id=int(cursor.lastrowid or 0))
            cursor = db.execute(
                "UPDATE stories SET title = ?, situation = ?, task = ?, action = ?, result = ?, skills = ? WHERE id = ?",
                (*values, story.id),
            )
            if cursor.rowcount == 0:
                raise UnknownStoryError(story.id)
        return story

    def stories(self) -> list[Story]:
        with self._reading() as db:
            rows = db.execute("SELECT * FROM stories ORDER BY title COLLATE NOCASE, id").fetchall()
        return self._decoded(rows, _story, "story")

    def story(self, story_id: int) -> Story:
        with self._reading() as db:
            row = db.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None:
            raise UnknownStoryError(story_id)
        return self._decoded_one(row, _story, "story")

    def delete_story(self, story_id: int) -> None:
        """Debrief questions linked to it keep the link; they then say the story is gone."""
        with self._writing() as db:
            if db.execute("DELETE FROM stories WHERE id = ?", (story_id,)).rowcount == 0:
                raise UnknownStoryError(story_id)


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _item_dict(item: DebriefItem) -> dict[str, Any]:
    # "text" and "what_went_wrong" are the version 2 keys, which FeedbackRepo.list_debriefs still reads.
    return {
        "text": item.text,
        "what_went_wrong": item.note,
        "how": item.how.value if item.how else None,
        "causes": [c.value for c in item.causes],
        "question_id": item.question_id,
        "deck_id": item.deck_id,
        "story_id": item.story_id,
    }


def _item(d: dict[str, Any]) -> DebriefItem:
    how = str(d.get("how"))
    causes = [c for c in d.get("causes") or [] if c in Cause._value2member_map_]  # a newer cause: left out
    story = d.get("story_id")
    return DebriefItem(
        text=str(d["text"]),
        how=HowItWent(how) if how in HowItWent._value2member_map_ else None,
        causes=tuple(Cause(c) for c in causes),
        note=str(d.get("what_went_wrong") or ""),
        question_id=d.get("question_id"),
        deck_id=d.get("deck_id"),
        story_id=story if isinstance(story, int) else None,
    )


def _draft_dict(draft: FollowUpDraft) -> dict[str, Any]:
    return {
        "text": draft.text,
        "tone": draft.tone.value,
        "strengths": list(draft.strengths),
        "built_from_answer": draft.built_from_answer,
    }


def _draft(text: str | None) -> FollowUpDraft:
    d = json.loads(text) if text else {}
    if not isinstance(d, dict):
        raise ValueError("its follow-up note is not readable")
    tone = str(d.get("tone"))
    built = d.get("built_from_answer")
    return FollowUpDraft(
        text=str(d.get("text") or ""),
        tone=NoteTone(tone) if tone in NoteTone._value2member_map_ else NoteTone.BRIEF,
        strengths=tuple(str(s) for s in d.get("strengths") or []),
        built_from_answer=built if isinstance(built, int) else None,
    )


def _debrief(row: sqlite3.Row) -> InterviewDebrief:
    items = json.loads(row["questions"] or "[]")
    if not isinstance(items, list):
        raise ValueError("its questions are not a list")
    ticked = json.loads(row["ticked"] or "[]")
    fmt, manner = row["format"], row["manner"]
    return InterviewDebrief(
        id=row["id"],
        company=row["company"],
        role=row["role"],
        happened_on=date.fromisoformat(row["happened_on"]) if row["happened_on"] else None,
        format=InterviewFormat(fmt) if fmt in InterviewFormat._value2member_map_ else None,
        manner=InterviewerManner(manner) if manner in InterviewerManner._value2member_map_ else None,
        items=tuple(_item(i) for i in items),
        note=row["note"],
        next_interview_on=date.fromisoformat(row["next_on"]) if row["next_on"] else None,
        ticked=tuple(str(t) for t in ticked),
        follow_up=_draft(row["follow_up"]),
        created_at=decode_time(row["created_at"]),
    )


def _story(row: sqlite3.Row) -> Story:
    return Story(
        id=row["id"],
        title=row["title"],
        situation=row["situation"],
        task=row["task"],
        action=row["action"],
        result=row["result"],
        skills=tuple(str(s) for s in json.loads(row["skills"] or "[]")),
    )
