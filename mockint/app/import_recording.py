"""A recording made elsewhere (WAV, FLAC, Ogg/Opus, MP3) becomes a stored, analysed answer.

Settings' "Import a recording…" calls this from a worker. The file is read through the same
reader as `mockint analyze` (`speech.audio_file`: a regular file only, streamed in blocks),
converted to the answers' own form (16-bit mono WAV, written by the crash-safe writer) and
stored as a new answer in a session of its own ("Imported recordings", solo). It is then
recognised and analysed by the path every recorded answer without a report takes
(`reanalysis.analyse_recorded_answers`), so Review shows it like any other answer.

Nothing half-imported is left behind: the WAV is written in a private folder beside the
recordings and moved in only once complete, and a failure (an unreadable file, a full disk,
a recording the model cannot recognise) removes the session, its answer and the copy. A
cancel while recognising (the app closing) keeps the imported answer: it has its recording
and no report, so the next start analyses it as it does every such answer. An import killed
mid-copy (the app killed, a power cut) leaves its work folder; start-up recovery removes it
(`remove_unfinished_imports`).
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from mockint.app.practice import PracticeSession
from mockint.app.reanalysis import QuestionOf, analyse_recorded_answers, asked_by_text
from mockint.core.analysis import AnswerReport
from mockint.core.cancel import Cancelled, CancelToken
from mockint.core.errors import DiskFullError, StorageError, UserFacingError
from mockint.core.session import PracticeMode
from mockint.settings import Settings
from mockint.speech.audio_file import AudioSource, open_audio
from mockint.speech.recognizer import SpeechModel
from mockint.speech.wav_writer import CrashSafeWavWriter, fsync_directory
from mockint.store import Store

log = logging.getLogger(__name__)

IMPORTED_SESSION_TITLE = "Imported recordings"
IMPORTED_QUESTION = "An imported recording ({name})"

# The copy is written once, from start to end: a few big flushes and one fsync at the end
# (the writer's defaults suit a live recording, where a crash must lose almost nothing).
_FLUSH_S = 10.0
_FSYNC_S = 24 * 3600.0
_WORK_FOLDER_PREFIX = ".importing-"

# The work folders of the imports running in this process: start-up recovery may run while the
# user starts an import, and must not take that import's folder for a left-over one.
_running_lock = threading.Lock()
_running_work_folders: set[str] = set()


class ImportCancelled(Cancelled):
    """The import was cancelled while the recording was being copied: nothing was kept."""


class ImportNotRecognisedError(UserFacingError):
    """The recording was read but could not be recognised; nothing was kept."""


@dataclass(frozen=True)
class ImportedRecording:
    """The new answer: its session, its WAV in the recordings folder, and its length."""

    source: Path
    session_id: int
    answer_id: int
    audio_path: Path
    duration_s: float


@dataclass(frozen=True)
class ImportedAnswer:
    """An imported recording with its report (recognised and analysed)."""

    recording: ImportedRecording
    report: AnswerReport


def import_recording(store: Store, source: Path | str, *, cancel: CancelToken | None = None) -> ImportedRecording:
    """Copies `source` into `store` as a new answer (no report yet) in a new "Imported recordings" session.

    UnreadableAudioError (one line naming the file) for a file that is not audio MockInt can
    read, a FIFO, a device or a folder; StorageError for a disk that refuses the copy;
    ImportCancelled when `cancel` is set. Each leaves no session, answer or file behind.
    """
    source = Path(source)
    cancel = cancel if cancel is not None else CancelToken()
    with open_audio(source) as audio:  # checked before anything is created
        store.recordings.folder.mkdir(parents=True, exist_ok=True)  # and the data folder the work goes in
        with _running_lock:
            work_folder = Path(tempfile.mkdtemp(prefix=_WORK_FOLDER_PREFIX, dir=_work_parent_of(store)))
            _running_work_folders.add(os.path.abspath(work_folder))
        try:
            converted, duration = _convert(audio, work_folder / "import.wav", cancel)
            return _store_as_answer(store, source, converted, duration)
        finally:
            shutil.rmtree(work_folder, ignore_errors=True)
            with _running_lock:
                _running_work_folders.discard(os.path.abspath(work_folder))


def remove_unfinished_imports(store: Store) -> list[Path]:
    """Removes the work folders that imports cut off mid-copy left behind; returns what it removed.

    Only what an import makes: entries directly beside the recordings folder whose name starts
    with the work folders' prefix. A folder goes whole (its contents are unlinked, a symlink in
    it never followed); a symlink of that name is unlinked, not followed; anything else (a file)
    is left alone, as is the folder of an import running in this process. Call it only while
    holding the data folder's instance lock: another MockInt's running import owns its folder.
    """
    parent = _work_parent_of(store)
    removed: list[Path] = []
    with _running_lock:  # an import starting now waits for its folder until this is done
        try:
            entries = [e for e in parent.iterdir() if e.name.startswith(_WORK_FOLDER_PREFIX)]
        except OSError:  # no data folder yet, or one MockInt cannot list: nothing to tidy
            return removed
        for entry in entries:
            if os.path.abspath(entry) in _running_work_folders:
                continue
            try:
                if entry.is_symlink():
                    entry.unlink()
                elif entry.is_dir():
                    shutil.rmtree(entry)  # refuses a folder swapped for a symlink meanwhile
                else:
                    continue
            except OSError:
                log.warning("could not remove the unfinished import %s", entry, exc_info=True)
                continue
            removed.append(entry)
    if removed:
        log.info("removed %d unfinished import(s): %s", len(removed), ", ".join(e.name for e in removed))
    return removed


def import_and_analyse(
    store: Store,
    source: Path | str,
    model: SpeechModel,
    settings: Settings,
    *,
    question_of: QuestionOf = asked_by_text,
    cancel: CancelToken | None = None,
) -> ImportedAnswer:
    """`import_recording`, then recognised and analysed like every recorded answer without a report.

    ImportNotRecognisedError (and nothing kept) when the copy cannot be recognised. Cancelled
    while recognising keeps the answer for the next start to analyse.
    """
    cancel = cancel if cancel is not None else CancelToken()
    imported = import_recording(store, source, cancel=cancel)
    try:
        result = analyse_recorded_answers(
            store, (imported.answer_id,), model, settings, question_of=question_of, cancel=cancel
        )
    except Cancelled:
        raise  # the answer has its recording: analysed at the next start
    except BaseException:
        _forget(store, imported.session_id)
        raise
    report = store.get_answer(imported.answer_id).report if result.analysed else None
    if report is None:
        _forget(store, imported.session_id)
        reason = result.failed[0][1].user_message if result.failed else "it was not analysed"
        raise ImportNotRecognisedError(f"{imported.source.name} was read but could not be recognised: {reason}")
    return ImportedAnswer(imported, report)


def _work_parent_of(store: Store) -> Path:
    """Beside the recordings folder, on the same disk (so the move in is a rename), and outside it:
    start-up recovery looks inside it for unfinished recordings, and a half copy is not one."""
    return store.recordings.folder.parent


def _convert(audio: AudioSource, target: Path, cancel: CancelToken) -> tuple[Path, float]:
    """The audio as 16-bit mono WAV at its own sample rate; returns the file and its length."""
    try:
        writer = CrashSafeWavWriter(target, audio.sample_rate, flush_interval_s=_FLUSH_S, fsync_interval_s=_FSYNC_S)
    except StorageError as error:
        raise _import_storage_error(error) from None
    try:
        with writer:
            for block in audio.blocks():
                if cancel.cancelled:
                    raise ImportCancelled("The import was cancelled.")
                writer.write(block.astype("<i2", copy=False).tobytes())
    except StorageError as error:
        raise _import_storage_error(error) from None
    return writer.final_path, round(writer.duration_s, 3)


def _store_as_answer(store: Store, source: Path, converted: Path, duration: float) -> ImportedRecording:
    session = PracticeSession.start(store, PracticeMode.SOLO, title=IMPORTED_SESSION_TITLE)
    try:
        answer_id = store.add_answer(
            session.id, IMPORTED_QUESTION.format(name=source.name), started_at=datetime.now(UTC)
        )
        final = store.recordings.path_for(answer_id)
        try:
            shutil.move(converted, final)  # a rename: the work folder is on the recordings' disk
        except OSError as error:
            raise StorageError(f"The recording could not be saved to {final}: {error.strerror or error}.") from None
        fsync_directory(final.parent)
        store.set_answer_audio(answer_id, final, duration)
        session.close(forget_if_empty=False)
    except BaseException:
        _forget(store, session.id)
        raise
    log.info("imported %s as answer %d (%.1f s)", source, answer_id, duration)
    return ImportedRecording(source, session.id, answer_id, final, duration)


def _forget(store: Store, session_id: int) -> None:
    """Removes an import that did not complete: the session, its answer and its recording."""
    try:
        store.delete_session(session_id)
    except UserFacingError:
        log.warning("could not remove the unfinished import (session %d)", session_id, exc_info=True)


def _import_storage_error(error: StorageError) -> StorageError:
    if isinstance(error, DiskFullError):
        return DiskFullError(
            "The disk is full, so the recording could not be imported. Free some disk space and try again."
        )
    return error
