"""The friend's phone drives the same friend session as the desktop console: its frames become the
console's own commands on `FriendFlow` (no second copy of the session's rules), and every change
of the session goes back to the phone as the state.

A flag from the phone is stamped when its frame arrives, on the answer's clock (the recorded
audio's time), exactly like a key press on the laptop: the phone's clock is never used. What the
phone gets is the question, the deck's notes, the timer and the state; never the candidate's
recording, transcript or report.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Signal

from mockint.app.friend_session import FriendCommand, FriendPhase
from mockint.app.phone_http import choose_local_address
from mockint.app.phone_messages import MessageType, PhoneMessage, error_frame, frame
from mockint.app.phone_pairing import REFUSAL_WORDS, Pairing, Refusal
from mockint.core.session import FlaggedMoment, Rating, RatingCriterion
from mockint.ui.friend.console import FriendConsole, flag_time
from mockint.ui.friend.friend_flow import FriendFlow
from mockint.ui.phone.phone_server import PhoneServer

ELAPSED_EVERY_S = 0.25  # the phone's timer: four updates a second are plenty
LISTEN_EVERYWHERE = "0.0.0.0"


def local_addresses() -> list[str]:
    from PySide6.QtNetwork import QNetworkInterface

    return [address.toString() for address in QNetworkInterface.allAddresses()]


class PhoneConsole(QObject):
    changed = Signal()  # on, off, paired, connected or disconnected: the panel reads again
    notice = Signal(str)  # one line for the window (a refused device, a lost connection)

    def __init__(self, flow: FriendFlow, console: FriendConsole, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self.console = console
        self.pairing = Pairing()
        self.server = PhoneServer(self.pairing, self.handle, self)
        self.connected = False
        self.last_status = ""
        self._last_elapsed_sent = 0.0
        self._elapsed = 0.0
        self.server.paired.connect(self._paired)
        self.server.refused.connect(self._refused)
        self.server.connected.connect(self._connected)
        self.server.disconnected.connect(self._disconnected)
        flow.changed.connect(self.send_state)
        flow.status.connect(self._status)
        flow.elapsed.connect(self._elapsed_changed)
        flow.flag_added.connect(self._flag_added)
        flow.answer_started.connect(lambda: self._elapsed_changed(0.0))
        flow.ended.connect(lambda _id: self.switch_off())

    # ----- on and off

    @property
    def is_on(self) -> bool:
        return self.server.is_on

    def switch_on(self, host: str | None = None, *, listen_everywhere: bool = False) -> None:
        """Starts serving the console (OSError when the port cannot be opened). `host` is the
        address the phone uses; by default the computer's local network address."""
        shown = host or choose_local_address(local_addresses())
        bind = LISTEN_EVERYWHERE if listen_everywhere else shown
        allowed = local_addresses() if listen_everywhere else ()
        self.pairing = Pairing()
        self.server.pairing = self.pairing
        self.connected = False
        self.last_status = ""  # a line from an earlier session would greet the new phone
        self.server.start(bind, shown, allowed)
        self.changed.emit()

    def switch_off(self) -> None:
        if not self.server.is_on:
            return
        self.server.stop()
        self.connected = False
        self.changed.emit()

    def new_code(self) -> None:
        if not self.pairing.is_paired:
            self.pairing.new_code()
            self.changed.emit()

    # ----- the server's events

    def _paired(self) -> None:
        self.notice.emit("The phone is paired; it is now the interviewer's console.")
        self.changed.emit()

    def _refused(self, reason: str) -> None:
        self.notice.emit(REFUSAL_WORDS[Refusal(reason)])

    def _connected(self) -> None:
        self.connected = True
        self.changed.emit()
        self.send_state()

    def _disconnected(self) -> None:
        if not self.server.is_on:
            return
        self.connected = False
        self.notice.emit(
            "The phone's console is disconnected. Recording goes on; use the controls here, "
            "or reopen the page on the phone."
        )
        self.changed.emit()

    # ----- frames from the phone

    def handle(self, message: PhoneMessage) -> str | None:
        flow = self.flow
        if flow.model is None:
            return error_frame("No friend session is running.")
        if message.type is MessageType.HELLO:
            self.send_state()
        elif message.type is MessageType.COMMAND and message.command is not None:
            flow.command(message.command)
        elif message.type is MessageType.NOTE:
            flow.command(FriendCommand.NOTE)  # stamped now; the text follows
        elif message.type is MessageType.NOTE_TEXT:
            if flow.pending_note is None:
                return error_frame("Press Note during an answer first.")
            flow.finish_note(message.text)
            self.console.note_edit.hide()
        elif message.type is MessageType.RATE:
            return self._rate(message)
        return None

    def _rate(self, message: PhoneMessage) -> str | None:
        flow = self.flow
        last = flow.last_answer
        if last is None or message.answer_id != last.answer_id or flow.model is None:
            return error_frame("Only the answer just given can be rated from the phone.")
        if flow.model.phase is not FriendPhase.RATING:
            return error_frame("Rate the answer once it is analysed.")
        scores = {criterion.value: score for criterion, score in message.scores}
        rating = Rating(last.answer_id, comment=message.text, **scores)
        self.console.rating.show_rating(last.answer_id, rating)  # the laptop shows it at once
        flow.save_rating(rating)
        self.send_state()
        return None

    # ----- the state to the phone

    def state(self) -> dict[str, object]:
        model = self.flow.model
        if model is None:
            return {"phase": FriendPhase.FINISHED.value}
        values = model.snapshot()
        values["elapsed_s"] = round(self._elapsed, 1)
        values["status"] = self.last_status
        rating = None
        last = self.flow.last_answer
        if model.phase is FriendPhase.RATING and last is not None:
            shown = self.console.rating.rating()
            scores = {c.value: (shown.score(c) if shown is not None else None) for c in RatingCriterion}
            rating = {"answer_id": last.answer_id, "scores": scores, "comment": shown.comment if shown else ""}
        values["rating"] = rating
        return values

    def send_state(self) -> None:
        if self.server.client is not None:
            self.server.send(frame("state", **self.state()))

    def _flag_added(self, flag: FlaggedMoment) -> None:
        self._status(f"Flagged {flag.title} at {flag_time(flag)}.")
        self.send_state()

    def _status(self, line: str) -> None:
        self.last_status = line
        self.server.send(frame("status", message=line))

    def _elapsed_changed(self, seconds: float) -> None:
        self._elapsed = seconds
        now = time.monotonic()
        if now - self._last_elapsed_sent >= ELAPSED_EVERY_S or seconds == 0.0:
            self._last_elapsed_sent = now
            self.server.send(frame("elapsed", s=round(seconds, 1)))
