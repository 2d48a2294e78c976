"""Mirror practice, Qt-free: what a mirror answer keeps beside its audio, and the video housekeeping.

A mirror answer is an ordinary answer (recorded by `AnswerTake` like every mode's). What the
mirror adds lives in the recordings folder next to the answer's WAV, named by the answer id
(`store.recordings`): the video (`answer-<id>.mp4`, when a camera was on and videos are kept)
and a small JSON log (`answer-<id>.mirror.json`): the cues shown (which, when), where the video
starts on the audio's clock, and why the video stopped early, if it did. Deleting the answer or
its session deletes both with the WAV (`Recordings.files_of`).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from mockint.atomic_file import write_text_atomically
from mockint.core.decks import Deck
from mockint.core.interview_plan import PlannedQuestion, choose_questions
from mockint.core.mirror_cues import ShownCue
from mockint.core.session import PracticeMode, SessionDetail
from mockint.core.targets import TargetRange
from mockint.paths import PRIVATE_FILE_MODE
from mockint.store import Store
from mockint.store.errors import from_os_error

log = logging.getLogger(__name__)

# Free space below this stops the video (the audio needs far less and goes on): a full disk
# must cost the video, never the answer.
VIDEO_MIN_FREE_BYTES = 200 * 1024 * 1024

FREE_REHEARSAL_TEXT = "Free rehearsal"


@dataclass(frozen=True)
class MirrorSetup:
    """What the user chose on the Mirror page: a deck question, or free rehearsal with a length."""

    question_text: str
    target: TargetRange
    question_id: str | None = None
    deck_id: str | None = None
    language: str = "en"


@dataclass(frozen=True)
class MirrorLog:
    """What a mirror answer keeps beside its audio."""

    cues: tuple[ShownCue, ...] = ()
    video_offset_s: float = 0.0  # the video's first frame, in seconds on the audio's clock
    video_note: str = ""  # why the video stopped early or is missing ("" when it ran to the end)
    had_camera: bool = False

    def to_dict(self) -> dict[str, object]:
        return {
            "cues": [cue.to_dict() for cue in self.cues],
            "video_offset_s": round(self.video_offset_s, 3),
            "video_note": self.video_note,
            "had_camera": self.had_camera,
        }

    @classmethod
    def from_dict(cls, data: object) -> MirrorLog:
        if not isinstance(data, dict):
            return cls()
        cues = tuple(c for c in (ShownCue.from_dict(e) for e in data.get("cues") or ()) if c is not None)
        offset = data.get("video_offset_s")
        return cls(
            cues=cues,
            video_offset_s=float(offset) if isinstance(offset, int | float) else 0.0,
            video_note=str(data.get("video_note") or ""),
            had_camera=bool(data.get("had_camera")),
        )


@dataclass(frozen=True)
class MirrorMedia:
    """A mirror answer's video (None when there is none) and its log, as Review and exports read them."""

    video: Path | None
    log: MirrorLog = field(default_factory=MirrorLog)


def save_mirror_log(store: Store, answer_id: int, mirror_log: MirrorLog) -> Path:
    """Writes the answer's log (private, atomically); StorageError when the disk refuses."""
    path = store.recordings.mirror_log_path_for(answer_id)
    try:
        write_text_atomically(path, json.dumps(mirror_log.to_dict(), indent=1), mode=PRIVATE_FILE_MODE)
    except OSError as error:
        raise from_os_error(error, path, "save the cue log") from error
    return path


def load_mirror_media(store: Store, answer_id: int) -> MirrorMedia:
    """The answer's video and log; an answer of another mode (or a damaged log) gives an empty one."""
    recordings = store.recordings
    video = recordings.video_path_for(answer_id)
    try:
        data = json.loads(recordings.mirror_log_path_for(answer_id).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = None
    return MirrorMedia(video if video.is_file() else None, MirrorLog.from_dict(data))


def cue_log_of(store: Store, answer_id: int) -> list[dict[str, object]]:
    """The cue log of an answer for exports: [{"cue", "at_s", "text"}], empty for other modes."""
    return [cue.to_dict() for cue in load_mirror_media(store, answer_id).log.cues]


def may_keep_recording_video(free_bytes: int) -> bool:
    """False once the disk is nearly full: the video stops so the audio can go on."""
    return free_bytes >= VIDEO_MIN_FREE_BYTES


def delete_old_videos(store: Store, older_than_days: int, *, now: float | None = None) -> list[Path]:
    """Deletes mirror videos older than `older_than_days` (0 keeps every video); returns what went.

    Only the videos: the answers, their audio, transcripts, reports and cue logs stay.
    """
    if older_than_days <= 0:
        return []
    folder = store.recordings.folder
    if not folder.is_dir():
        return []
    cutoff = (time.time() if now is None else now) - older_than_days * 86400
    removed = []
    for entry in folder.glob("answer-*.mp4"):
        try:
            if entry.is_file() and not entry.is_symlink() and entry.stat().st_mtime < cutoff:
                entry.unlink()
                removed.append(entry)
        except OSError:
            log.warning("could not delete the old video %s", entry, exc_info=True)
    return removed


def question_pool(decks: Sequence[Deck]) -> list[PlannedQuestion]:
    """Every question of `decks` in deck order, with its target length: what the picker offers."""
    total = sum(len(deck.questions) for deck in decks)
    return choose_questions(decks, total, shuffle=False) if total else []


def search_questions(pool: Sequence[PlannedQuestion], text: str) -> list[PlannedQuestion]:
    """The questions whose text, category or tags hold every word of `text` (the friend picker's rule)."""
    words = text.lower().split()

    def matches(planned: PlannedQuestion) -> bool:
        question = planned.question
        haystack = " ".join((question.text, question.category, *question.tags)).lower()
        return all(word in haystack for word in words)

    return [planned for planned in pool if matches(planned)]


def setup_for(planned: PlannedQuestion) -> MirrorSetup:
    question = planned.question
    return MirrorSetup(question.text, planned.target, question.id, planned.deck_id, planned.language)


def free_rehearsal(target_s: int, language: str = "en") -> MirrorSetup:
    """Rehearsing freely ("tell me about yourself" without a deck): a target of `target_s` +- 20 %."""
    target_s = max(10, int(target_s))
    return MirrorSetup(
        FREE_REHEARSAL_TEXT, TargetRange(round(target_s * 0.8), round(target_s * 1.2)), language=language
    )


def with_cue_logs(store: Store, detail: SessionDetail) -> SessionDetail:
    """The session's detail with its mirror answers' cue logs, for exports (other modes: unchanged)."""
    if detail.session.mode is not PracticeMode.MIRROR:
        return detail
    cues = {answer.id: load_mirror_media(store, answer.id).log.cues for answer in detail.answers}
    return replace(detail, cues={key: value for key, value in cues.items() if value})
