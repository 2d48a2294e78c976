"""At start-up, answers that a crash or power cut interrupted get their recording back.

The recorder keeps every answer on disk as `answer-<id>.partial.wav` while it is captured; a
file still named so at the next start was never finished. It is repaired, given its final name
and attached to its answer, and the user is told. Runs with the store's opening, in the
background, before anything records.
"""

from __future__ import annotations

from mockint.speech.recovery import recover_unfinished
from mockint.store import Store
from mockint.store.errors import UnknownAnswerError


def recover_interrupted_answers(store: Store) -> str | None:
    """Attaches recovered recordings to their answers; a sentence for the user, or None."""
    count, seconds = 0, 0.0
    for recovered in recover_unfinished(store.recordings.folder):
        answer_id = store.recordings.answer_id_of(recovered.path)
        if answer_id is None:
            continue
        try:
            store.set_answer_audio(answer_id, recovered.path, recovered.duration_s)
        except UnknownAnswerError:
            continue  # its answer was deleted meanwhile; the file stays in the recordings folder
        count += 1
        seconds += recovered.duration_s
    if not count:
        return None
    minutes, rest = divmod(round(seconds), 60)
    answers = "an answer" if count == 1 else f"{count} answers"
    return (
        f"MockInt was closed while recording last time. The recording of {answers} "
        f"({minutes}:{rest:02d} of audio) was recovered; you can hear it in Review."
    )
