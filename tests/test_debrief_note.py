"""The follow-up note: under 180 words whatever the inputs, numbers from the best attempt kept,
fillers and hedges dropped, never empty, and every sentence from a template or the user's words."""

from __future__ import annotations

import re
from dataclasses import replace

from mockint.core.analysis import analyze_answer
from mockint.core.debrief.model import NoteTone
from mockint.core.debrief.note import MAX_WORDS, NoteInput, NoteSource, build_note
from mockint.core.targets import TargetRange
from mockint.core.transcript_parse import transcript_from_text

ATTEMPT = (
    "Um, so I think I led the migration of our billing system, you know. We moved 40 services in three months, "
    "and I guess it cut costs by 30 percent. Sorry, I am not good at this. Basically the team shipped on time "
    "and errors fell from 12 to 2 a week."
)
TEMPLATE_WORDS = {
    "dear", "thank", "you", "for", "your", "time", "and", "the", "conversation", "about", "role", "at", "to",
    "add", "my", "answer", "on", "i", "would", "bring", "look", "forward", "hearing", "from", "best", "regards",
    "so", "much", "enjoyed", "meeting", "have", "kept", "thinking", "question", "like", "this", "again", "warm",
}  # fmt: skip


def report(text: str = ATTEMPT):
    return analyze_answer(transcript_from_text(text), TargetRange(30, 90))


def words(text: str) -> list[str]:
    return re.findall(r"[\w']+", text.lower())


def test_the_note_revisits_the_weak_answer_with_its_numbers_and_without_fillers_or_hedges():
    note = build_note(
        NoteInput(
            "Acme",
            "Backend engineer",
            "Sam",
            "Tell me about a project you led",
            report(),
            strengths=("clear communication", "ownership of results"),
        )  # fmt: skip
    )
    text = note.text
    assert text.startswith("Dear Sam,") and "Backend engineer role at Acme" in text
    for number in ("40", "30 percent", "12 to 2"):
        assert number in text
    lowered = text.lower()
    for dropped in ("um", "you know", "i think", "i guess", "basically", "sorry", "not good at"):
        assert not re.search(rf"\b{dropped}\b", lowered), dropped
    assert "clear communication and ownership of results" in text
    assert note.word_count < 180
    spoken = set(words(ATTEMPT))
    transcript = [s for s in note.sentences if s.source is NoteSource.TRANSCRIPT]
    assert 2 <= len(transcript) <= 3
    assert all(set(words(s.text)) <= spoken for s in transcript)  # only the user's own words


def test_every_sentence_is_a_template_or_the_users_words():
    for tone in NoteTone:
        note = build_note(NoteInput("Acme", "SRE", "", "Why us", report(), strengths=("calm",), tone=tone))
        spoken = set(words(ATTEMPT))
        for sentence in note.sentences:
            allowed = (
                spoken
                if sentence.source is NoteSource.TRANSCRIPT
                else TEMPLATE_WORDS | set(words("Acme SRE Why us calm hiring team"))
            )
            assert set(words(sentence.text)) <= allowed, sentence


def test_a_warm_and_a_brief_note_differ_and_both_close_politely():
    given = NoteInput("Acme", "SRE", "Priya", "Why us", report())
    brief, warm = build_note(given), build_note(replace(given, tone=NoteTone.WARM))
    assert brief.text != warm.text
    assert brief.text.rstrip().endswith("Best regards,") and warm.text.rstrip().endswith("Warm regards,")
    assert "enjoyed" in warm.text and "enjoyed" not in brief.text


def test_long_inputs_still_give_a_note_under_180_words():
    long_answer = " ".join(
        f"In project {n} we improved the throughput by {n * 10} percent and reduced the errors by {n} a day across the whole platform."
        for n in range(1, 40)
    )
    long = "word " * 300
    note = build_note(NoteInput(long, long, long, long, report(long_answer), strengths=(long, long, long)))
    assert 0 < note.word_count <= MAX_WORDS
    assert any(s.source is NoteSource.TRANSCRIPT for s in note.sentences)  # shortened, not emptied


def test_the_note_is_never_empty():
    note = build_note(NoteInput())
    assert note.text.startswith("Dear hiring team,") and "Thank you" in note.text
    assert all(s.source is NoteSource.TEMPLATE for s in note.sentences)
    silent = build_note(NoteInput(weak_question="Why us", best_attempt=report("um uh er")))
    assert "Thank you" in silent.text and not any(s.source is NoteSource.TRANSCRIPT for s in silent.sentences)
