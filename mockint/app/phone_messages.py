"""The phone console's WebSocket frames: what the phone may send (checked strictly) and what it gets.

Qt-free. Every frame from the phone is parsed here before anything acts on it: a frame that is
too big, not JSON, not an object, of an unknown type or with a field of the wrong kind is a
`PhoneMessageError` (the server answers with an error frame), never an exception elsewhere. What
goes back is the friend session's plain state, the timer and short status lines: never a
recording, a transcript or a report.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from mockint.app.friend_session import MAX_NOTE_CHARS, FriendCommand
from mockint.core.errors import BadInputError
from mockint.core.session import RatingCriterion

MAX_FRAME_BYTES = 4096  # the largest frame the page sends is a rating with its comment
MAX_COMMENT_CHARS = 500

# What the phone may ask for; PICK needs the searchable list, which stays on the laptop.
REMOTE_COMMANDS = frozenset(FriendCommand) - {FriendCommand.PICK, FriendCommand.NOTE}


class MessageType(StrEnum):
    HELLO = "hello"  # the page (re)connected: send the whole state
    COMMAND = "command"  # a button: {"command": "next"}
    NOTE = "note"  # the Note button: stamps the moment; {"text": ...} may follow in NOTE_TEXT
    NOTE_TEXT = "note_text"  # the note typed for the moment stamped by NOTE
    RATE = "rate"  # {"answer_id": 3, "scores": {"clarity": 4, ...}, "comment": "..."}


class PhoneMessageError(BadInputError):
    """A frame the server will not act on; the message goes back to the page in an error frame."""


@dataclass(frozen=True)
class PhoneMessage:
    type: MessageType
    command: FriendCommand | None = None
    text: str = ""
    answer_id: int | None = None
    scores: tuple[tuple[RatingCriterion, int | None], ...] = ()


_FIELDS = {
    MessageType.HELLO: set(),
    MessageType.COMMAND: {"command"},
    MessageType.NOTE: set(),
    MessageType.NOTE_TEXT: {"text"},
    MessageType.RATE: {"answer_id", "scores", "comment"},
}


def parse_message(frame: str | bytes) -> PhoneMessage:
    """The phone's frame, checked; PhoneMessageError with one sentence for anything else."""
    size = len(frame if isinstance(frame, bytes) else frame.encode("utf-8", "surrogatepass"))
    if size > MAX_FRAME_BYTES:
        raise PhoneMessageError(f"The message is too long ({size} bytes; at most {MAX_FRAME_BYTES}).")
    try:
        data = json.loads(frame)
    except (ValueError, RecursionError) as error:
        raise PhoneMessageError("The message is not valid JSON.") from error
    if not isinstance(data, dict):
        raise PhoneMessageError("The message must be a JSON object.")
    kind = data.get("type")
    if not isinstance(kind, str) or kind not in MessageType.__members__.values():
        raise PhoneMessageError("Unknown message type.")
    message_type = MessageType(kind)
    extra = set(data) - {"type"} - _FIELDS[message_type]
    if extra:
        raise PhoneMessageError(f"Unexpected field in a {kind} message: {sorted(extra)[0]!r}.")
    if message_type is MessageType.COMMAND:
        return PhoneMessage(message_type, command=_command(data.get("command")))
    if message_type is MessageType.NOTE_TEXT:
        return PhoneMessage(message_type, text=_text(data.get("text", ""), MAX_NOTE_CHARS, "note"))
    if message_type is MessageType.RATE:
        return PhoneMessage(
            message_type,
            answer_id=_answer_id(data.get("answer_id")),
            scores=_scores(data.get("scores", {})),
            text=_text(data.get("comment", ""), MAX_COMMENT_CHARS, "comment"),
        )
    return PhoneMessage(message_type)


def _command(value: Any) -> FriendCommand:
    if not isinstance(value, str) or value not in {command.value for command in REMOTE_COMMANDS}:
        raise PhoneMessageError("Unknown command.")
    return FriendCommand(value)


def _text(value: Any, limit: int, what: str) -> str:
    if not isinstance(value, str):
        raise PhoneMessageError(f"The {what} must be text.")
    if len(value) > limit:
        raise PhoneMessageError(f"The {what} is too long (at most {limit} characters).")
    return " ".join(value.split())


def _answer_id(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 2**63:
        raise PhoneMessageError("The rating names no answer.")
    return value


def _scores(value: Any) -> tuple[tuple[RatingCriterion, int | None], ...]:
    if not isinstance(value, dict):
        raise PhoneMessageError("The scores must be an object.")
    known = {criterion.value: criterion for criterion in RatingCriterion}
    scores = []
    for name, score in value.items():
        if name not in known:
            raise PhoneMessageError("Unknown rating criterion.")
        if score is not None and (isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 5):
            raise PhoneMessageError("A score is a whole number from 1 to 5, or empty.")
        scores.append((known[name], score))
    return tuple(scores)


def frame(kind: str, **values: object) -> str:
    """A frame for the page."""
    return json.dumps({"type": kind, **values}, ensure_ascii=False, separators=(",", ":"))


def error_frame(message: str) -> str:
    return frame("error", message=message)
