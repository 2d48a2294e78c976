"""At start-up, answers that a crash, a power cut or a full disk interrupted get their recording back.

The recorder keeps every answer on disk as `answer-<id>.partial.wav` while it is captured; a
file still named so at the next start was never finished: it is repaired and given its final
name. Then every finished recording no answer points at (its link was lost to a full disk, or
its answer to a damaged database) is attached again. The work folder of an import cut off
mid-copy is removed (nothing of it was kept). The user is told what came back, and the
answers listed in `RecoveryResult.answer_ids` are the ones to recognise and analyse.

Runs with the store's opening, in the background, before anything records, and only while this
process holds the data folder's instance lock: another MockInt still running owns its
recordings, and recovering its unfinished one would take the answer from under it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from mockint.app import instance_lock
from mockint.app.import_recording import remove_unfinished_imports
from mockint.speech.recovery import recover_unfinished
from mockint.store import Store
from mockint.store.orphans_repo import RECOVERED_SESSION_TITLE

log = logging.getLogger(__name__)

RECOVERY_DONE_MESSAGE = "start-up recovery done"


@dataclass(frozen=True)
class RecoveryResult:
    answer_ids: tuple[int, ...]  # answers that got a recording back: analyse these (no report yet, maybe)
    seconds: float  # of audio recovered
    message: str | None  # for the user; None when nothing was recovered
    unfinished_imports: int = 0  # work folders of imports cut off mid-copy, removed


def recover_recordings(store: Store) -> RecoveryResult:
    """Repairs unfinished recordings, attaches every unlinked one and removes what imports cut
    off mid-copy left; does nothing while another MockInt uses the same data folder."""
    with instance_lock.holding_if_free(store.database_path.parent) as ours:
        if not ours:
            return RecoveryResult((), 0.0, None)
        unfinished_imports = len(remove_unfinished_imports(store))
        interrupted = {item.path for item in recover_unfinished(store.recordings.folder)}
        attached = store.attach_orphaned_recordings()
    log.info("%s: %d recording(s) attached", RECOVERY_DONE_MESSAGE, len(attached))
    cut_short = [a for a in attached if a.path in interrupted]
    unlinked = [a for a in attached if a.path not in interrupted and not a.new_answer]
    answerless = [a for a in attached if a.path not in interrupted and a.new_answer]
    parts = []
    if cut_short:
        parts.append(
            f"MockInt was closed while recording last time. The recording of {_answers(len(cut_short))} "
            f"({_minutes(sum(a.duration_s for a in cut_short))} of audio) was recovered; you can hear it in Review."
        )
    if unlinked:
        parts.append(
            f"The recording of {_answers(len(unlinked))} ({_minutes(sum(a.duration_s for a in unlinked))} of "
            f"audio) had not been linked to it, most likely because the disk was full; it is linked again."
        )
    if answerless:
        one = len(answerless) == 1
        parts.append(
            f"{'A recording' if one else f'{len(answerless)} recordings'} whose answer"
            f"{' was' if one else 's were'} no longer in the database "
            f"({_minutes(sum(a.duration_s for a in answerless))} of audio) {'is' if one else 'are'} kept in "
            f'History as "{RECOVERED_SESSION_TITLE}".'
        )
    if unfinished_imports:
        parts.append(
            "MockInt was closed while importing a recording last time; nothing of it was kept, so import it "
            "again from Settings."
        )
    return RecoveryResult(
        tuple(a.answer_id for a in attached),
        sum(a.duration_s for a in attached),
        " ".join(parts) or None,
        unfinished_imports,
    )


def recover_interrupted_answers(store: Store) -> str | None:
    """recover_recordings' sentence for the user, or None."""
    return recover_recordings(store).message


def _answers(count: int) -> str:
    return "an answer" if count == 1 else f"{count} answers"


def _minutes(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}:{rest:02d}"
