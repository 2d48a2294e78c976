"""Answers that have a recording but no report get one: recognised from the file, analysed, stored.

That is every answer a crash interrupted (its recording comes back at the next start, see
`recovery.py`), and every answer recorded while no speech model could be had. The list is taken
when the store opens, before anything records, and worked through once a model is ready, in
the background (`ui/capture/recorded_analysis.py`), so no answer is left "not analysed".
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from mockint.analysis_options import analysis_options
from mockint.app.answer import AskedQuestion, analyse_and_store, recording_of
from mockint.core.cancel import CancelToken
from mockint.core.decks import DeckLoad
from mockint.core.errors import UserFacingError
from mockint.core.session import Answer
from mockint.core.targets import default_target
from mockint.settings import Settings
from mockint.speech.recognizer import SpeechModel
from mockint.speech.transcribe import transcribe_file
from mockint.store import Store

log = logging.getLogger(__name__)

QuestionOf = Callable[[Answer], AskedQuestion]  # what was asked: its target length and language


def asked_by_text(answer: Answer) -> AskedQuestion:
    """The question as far as the answer knows it: the default target for its kind of question."""
    return AskedQuestion(answer.question_text, default_target(answer.question_text), answer.question_id, answer.deck_id)


def asked_in_decks(decks: DeckLoad | None) -> QuestionOf:
    """The question as its deck has it (its own target, the deck's language), else by its text."""

    def question_of(answer: Answer) -> AskedQuestion:
        deck = decks.find(answer.deck_id) if decks is not None and answer.deck_id else None
        question = next((q for q in deck.questions if q.id == answer.question_id), None) if deck else None
        if deck is None or question is None:
            return asked_by_text(answer)
        target = deck.target_for(question)
        return AskedQuestion(answer.question_text, target, question.id, deck.id, deck.language)

    return question_of


@dataclass(frozen=True)
class RecordedAnalysis:
    analysed: tuple[int, ...]  # answers that have a report now
    failed: tuple[tuple[int, UserFacingError], ...] = ()  # answers whose recording could not be read


def answers_awaiting_analysis(store: Store) -> tuple[int, ...]:
    """Answers with a recording on disk and no report, oldest first."""
    waiting = []
    for answer_id in store.recorded_without_report():
        try:
            answer = store.get_answer(answer_id)
        except UserFacingError:  # a damaged row: the store warns about it where it is listed
            continue
        if recording_of(store, answer.audio_path) is not None:
            waiting.append(answer_id)
    return tuple(waiting)


def analyse_recorded_answers(
    store: Store,
    answer_ids: Iterable[int],
    model: SpeechModel,
    settings: Settings,
    *,
    question_of: QuestionOf = asked_by_text,
    cancel: CancelToken | None = None,
) -> RecordedAnalysis:
    """Recognises and analyses each answer's recording; Cancelled (the app closing) stops between files.

    An answer analysed meanwhile (or deleted) is skipped; one whose file cannot be read is
    reported in `failed` and the others go on.
    """
    cancel = cancel if cancel is not None else CancelToken()
    analysed: list[int] = []
    failed: list[tuple[int, UserFacingError]] = []
    for answer_id in answer_ids:
        cancel.raise_if_cancelled()
        try:
            answer = store.get_answer(answer_id)
            path = recording_of(store, answer.audio_path)
            if answer.report is not None or path is None:
                continue
            question = question_of(answer)
            lexicon, thresholds = analysis_options(settings, question.language)
            # The recording starts when the answer does: the time to the first word is its latency.
            transcript = replace(transcribe_file(path, model, cancel=cancel), answer_start_s=0.0)
            analyse_and_store(store, answer_id, transcript, question.target, lexicon, thresholds)
        except UserFacingError as error:
            log.warning("answer %d could not be analysed from its recording: %s", answer_id, error.user_message)
            failed.append((answer_id, error))
            continue
        analysed.append(answer_id)
    return RecordedAnalysis(tuple(analysed), tuple(failed))
