"""The follow-up note after an interview: a short draft built only from templates and the
user's own words.

It thanks the interviewers, revisits the weakest answer in two or three confident sentences
taken from the user's best practice attempt (its key sentences: the ones with numbers and
results; fillers, hedges and self-talk removed), restates two strengths the user picked, and
closes. Every sentence records where it came from, so nothing in the note is something the
user did not write or a template did not say. It stays under MAX_WORDS whatever the inputs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from mockint.core.analysis import AnswerReport
from mockint.core.debrief.model import NoteTone

MAX_WORDS = 179  # "under 180 words"
MAX_KEY_SENTENCES = 3
MIN_SENTENCE_WORDS = 4
MAX_SENTENCE_WORDS = 28
PAUSE_BREAK_S = 0.5  # a gap this long between spoken words ends a sentence
_APOLOGY = re.compile(r"\b(sorry|apologi[sz]e|apologies|excuse)\b")
_LEADING_JOINS = frozenset({"and", "so", "but", "then", "also", "well", "because"})
_FIELD_WORDS = 8
_QUESTION_WORDS = 12
_STRENGTH_WORDS = 6


class NoteSource(StrEnum):
    TEMPLATE = "template"
    TRANSCRIPT = "transcript"  # the user's spoken practice answer
    USER = "user"  # the user's typed text


@dataclass(frozen=True, slots=True)
class NoteSentence:
    text: str
    source: NoteSource


@dataclass(frozen=True, slots=True)
class FollowUpNote:
    sentences: tuple[NoteSentence, ...]

    @property
    def text(self) -> str:
        paragraphs: list[list[str]] = [[]]
        for sentence in self.sentences:
            if sentence.text.endswith(",") and paragraphs[-1]:  # a sign-off starts its own line
                paragraphs.append([])
            paragraphs[-1].append(sentence.text)
            if sentence.text.endswith(","):
                paragraphs.append([])
        return "\n\n".join(" ".join(p) for p in paragraphs if p)

    @property
    def word_count(self) -> int:
        return count_words(self.text)


@dataclass(frozen=True, slots=True)
class NoteInput:
    company: str = ""
    role: str = ""
    interviewers: str = ""  # "Sam and Priya"; the hiring team when empty
    weak_question: str = ""
    best_attempt: AnswerReport | None = None
    attempt_source: NoteSource = NoteSource.TRANSCRIPT  # USER when the "attempt" is typed text
    strengths: tuple[str, ...] = ()
    tone: NoteTone = NoteTone.BRIEF


def count_words(text: str) -> int:
    return len(text.split())


def build_note(given: NoteInput) -> FollowUpNote:
    """The draft; never empty, always under MAX_WORDS."""
    key = key_sentences(given.best_attempt) if given.best_attempt is not None else []
    strengths = tuple(s for s in (_clip(s.strip().rstrip("."), _STRENGTH_WORDS) for s in given.strengths) if s)[:2]
    while True:
        note = _assemble(given, [text for _, text in sorted(key)], strengths)
        if note.word_count <= MAX_WORDS:
            return note
        if len(key) > 1:
            key = key[:-1]  # the lowest-ranked sentence goes first
        elif key and count_words(key[0][1]) > MIN_SENTENCE_WORDS:
            order, text = key[0]
            words = text.rstrip(".").split()
            key = [(order, " ".join(words[: max(MIN_SENTENCE_WORDS, len(words) - 5)]) + ".")]
        elif key:
            key = []
        else:
            return _assemble(given, [], ())  # templates alone are far below the limit


def key_sentences(report: AnswerReport) -> list[tuple[int, str]]:
    """Up to three sentences of the answer, best first, each with its place in the answer.

    Evidence (numbers, results) ranks highest, then the actions and results STAR cues found.

    Fillers, hedges and self-talk are left out; a sentence with an apology is not used.
    """
    drop = set(report.filler_indices())
    drop |= {i for h in report.hedges for i in range(h.index, h.index + h.size)}
    drop |= {i for s in report.self_talk for i in range(s.index, s.index + len(s.text.split()))}
    for repeat in report.repeats:
        drop |= set(range(repeat.index + 1, repeat.index + repeat.count))
    evidence = {e.index for e in report.evidence}
    results = {h.index for h in report.star.result} | {h.index for h in report.star.action}
    chunks = _chunks(report)
    ranked: list[tuple[float, int, str]] = []
    for order, chunk in enumerate(chunks):
        kept = [i for i in chunk if i not in drop]
        while kept and report.words[kept[0]].text in _LEADING_JOINS:
            kept = kept[1:]  # "and it cut costs" reads as a sentence without its "and"
        text = " ".join(report.words[i].text for i in kept)
        if len(kept) < MIN_SENTENCE_WORDS or _APOLOGY.search(text.lower()):
            continue
        score = 2.0 * sum(i in evidence for i in chunk) + sum(i in results for i in chunk) + len(kept) / 100
        ranked.append((score, order, _sentence(_clip(text, MAX_SENTENCE_WORDS))))
    best = sorted(ranked, key=lambda r: (-r[0], r[1]))[:MAX_KEY_SENTENCES]
    # Best first, so the note drops the weakest when it must shorten.
    return [(order, text) for _, order, text in best]


def _chunks(report: AnswerReport) -> list[list[int]]:
    """Word positions grouped into sentences: at typed punctuation, or at a pause in speech."""
    chunks: list[list[int]] = [[]]
    words = report.words
    for i, word in enumerate(words):
        if chunks[-1] and i > 0:
            before = words[i - 1]
            paused = before.end is not None and word.start is not None and word.start - before.end >= PAUSE_BREAK_S
            if word.break_before or paused or len(chunks[-1]) >= MAX_SENTENCE_WORDS:
                chunks.append([])
        chunks[-1].append(i)
    return [c for c in chunks if c]


def _assemble(given: NoteInput, key: Sequence[str], strengths: Sequence[str]) -> FollowUpNote:
    warm = given.tone is NoteTone.WARM
    who = _clip(given.interviewers.strip(), _FIELD_WORDS) or "hiring team"
    role = _clip(given.role.strip(), _FIELD_WORDS)
    company = _clip(given.company.strip(), _FIELD_WORDS)
    about = _about(role, company)
    t = NoteSource.TEMPLATE
    sentences = [NoteSentence(f"Dear {who},", t)]
    if warm:
        sentences.append(NoteSentence(f"Thank you so much for the conversation{about}; I enjoyed meeting you.", t))
    else:
        sentences.append(NoteSentence(f"Thank you for your time and for the conversation{about}.", t))
    question = _clip(given.weak_question.strip().rstrip("?.").strip(), _QUESTION_WORDS)
    if key and question:
        lead = (
            f"I have kept thinking about your question \u201c{question}\u201d and would like to add this:"
            if warm
            else f"To add to my answer on \u201c{question}\u201d:"
        )
        sentences.append(NoteSentence(lead, t))
    sentences += [NoteSentence(text, given.attempt_source) for text in key] if question else []
    if len(strengths) == 2:
        sentences.append(NoteSentence(f"I would bring {strengths[0]} and {strengths[1]} to the role.", t))
    elif len(strengths) == 1:
        sentences.append(NoteSentence(f"I would bring {strengths[0]} to the role.", t))
    if warm:
        sentences.append(NoteSentence("Thank you again, and I look forward to hearing from you.", t))
        sentences.append(NoteSentence("Warm regards,", t))
    else:
        sentences.append(NoteSentence("I look forward to hearing from you.", t))
        sentences.append(NoteSentence("Best regards,", t))
    return FollowUpNote(tuple(sentences))


def _about(role: str, company: str) -> str:
    if role and company:
        return f" about the {role} role at {company}"
    if role:
        return f" about the {role} role"
    if company:
        return f" at {company}"
    return ""


def _clip(text: str, words: int) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("\u2026" if len(parts) > words else "")


_PRONOUN = re.compile(r"\bi(?=\b|')")


def _sentence(text: str) -> str:
    """A transcript's words as a sentence: a capital, "I" as it is written, a full stop."""
    text = _PRONOUN.sub("I", text.strip().rstrip(",;:"))
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?\u2026" else text + "."
