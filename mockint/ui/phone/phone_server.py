"""The phone console's servers: the page over HTTP (app/phone_http.py, its own thread) and the state
over Qt's QWebSocketServer (the GUI thread: frames are small, and nothing here waits).

A WebSocket is admitted only with the paired device's cookie, from the page's own origin, and at
most one at a time (a reload replaces the old one). Every frame is checked again: the connection's
token must still be the pairing's, the rate is limited, and the frame is parsed strictly
(app/phone_messages.py); a bad frame gets an error frame, a flood of them closes the socket, and
an oversized one is closed by Qt itself (its incoming-size caps).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtNetwork import QHostAddress
from PySide6.QtWebSockets import QWebSocket, QWebSocketProtocol, QWebSocketServer

from mockint.app.phone_http import PhoneHttpServer
from mockint.app.phone_messages import (
    MAX_FRAME_BYTES,
    PhoneMessage,
    PhoneMessageError,
    error_frame,
    frame,
    parse_message,
)
from mockint.app.phone_pairing import REFUSAL_WORDS, Pairing, RateLimiter, Refusal, token_from_cookie_header

log = logging.getLogger(__name__)

FRAMES_PER_S, FRAME_BURST = 20.0, 40.0
MAX_BAD_FRAMES = 20  # then the socket is closed: a page never sends that many
CONNECTS_PER_S, CONNECT_BURST = 2.0, 10.0

Handler = Callable[[PhoneMessage], str | None]  # the reply frame, or None


class PhoneServer(QObject):
    paired = Signal()
    refused = Signal(str)  # a Refusal's value
    connected = Signal()
    disconnected = Signal()
    _http_event = Signal(str, str)  # from the HTTP thread: ("paired" | "refused", reason)

    def __init__(self, pairing: Pairing, handler: Handler, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pairing = pairing
        self.handler = handler
        self.http: PhoneHttpServer | None = None
        self.ws: QWebSocketServer | None = None
        self.host = ""
        self.client: QWebSocket | None = None
        self._tokens: dict[QWebSocket, str | None] = {}
        self._bad_frames = 0
        self._frames = RateLimiter(FRAMES_PER_S, FRAME_BURST)
        self._connects = RateLimiter(CONNECTS_PER_S, CONNECT_BURST)
        self._allowed_hosts: set[str] = set()
        self._http_event.connect(self._on_http_event, Qt.ConnectionType.QueuedConnection)

    # ----- on and off

    def start(self, bind: str, shown_host: str, allowed_hosts: Iterable[str] = ()) -> None:
        """Listens on `bind` (free ports); the page is reached at `shown_host`. OSError if it cannot."""
        self.stop()
        ws = QWebSocketServer("MockInt", QWebSocketServer.SslMode.NonSecureMode, self)
        ws.setMaxPendingConnections(4)
        ws.setHandshakeTimeout(5000)
        if not ws.listen(QHostAddress(bind), 0):
            message = ws.errorString()
            ws.deleteLater()
            raise OSError(f"The phone console could not listen on {bind}: {message}")
        ws.newConnection.connect(self._new_connection)
        self.ws = ws
        self.host = shown_host
        self._allowed_hosts = {shown_host, *allowed_hosts}
        try:
            self.http = PhoneHttpServer(
                self.pairing,
                bind,
                ws_port=ws.serverPort,
                allowed_hosts=self._allowed_hosts,
                on_refused=lambda reason: self._http_event.emit("refused", reason.value),
                on_paired=lambda: self._http_event.emit("paired", ""),
            )
        except OSError:
            self.stop()
            raise

    def stop(self) -> None:
        """Nothing listens afterwards (the HTTP loop ends in its own thread within 0.1 s)."""
        sockets, self._tokens, self.client = list(self._tokens), {}, None
        for socket in sockets:
            socket.disconnected.disconnect()  # switched off on purpose: no "disconnected" notice
            socket.close(QWebSocketProtocol.CloseCode.CloseCodeGoingAway, "The phone console was switched off.")
            socket.deleteLater()
        if self.ws is not None:
            self.ws.close()
            self.ws.deleteLater()
            self.ws = None
        if self.http is not None:
            self.http.stop()
            self.http = None

    @property
    def is_on(self) -> bool:
        return self.ws is not None

    @property
    def http_port(self) -> int:
        return self.http.port if self.http is not None else 0

    @property
    def ws_port(self) -> int:
        return self.ws.serverPort() if self.ws is not None else 0

    def pairing_url(self) -> str:
        code = self.pairing.code or ""
        return f"http://{self.host}:{self.http_port}/pair?code={code}"

    def page_url(self) -> str:
        return f"http://{self.host}:{self.http_port}/"

    def _on_http_event(self, kind: str, reason: str) -> None:
        if kind == "paired":
            self.paired.emit()
        else:
            self.refused.emit(reason)

    # ----- sockets

    def _new_connection(self) -> None:
        while self.ws is not None and self.ws.hasPendingConnections():
            socket = self.ws.nextPendingConnection()
            if socket is not None:
                self._admit(socket)

    def _admit(self, socket: QWebSocket) -> None:
        request = socket.request()
        token = token_from_cookie_header(bytes(request.rawHeader("cookie").data()).decode("latin-1"))
        host = bytes(request.rawHeader("host").data()).decode("latin-1")
        hostname = host.rpartition(":")[0].strip("[]")
        expected_origin = f"http://{host.rpartition(':')[0]}:{self.http_port}"
        reason: Refusal | None = None
        if not self._connects.allow(socket.peerAddress().toString()):
            reason = Refusal.SECOND_DEVICE
        elif not self.pairing.is_paired:
            reason = Refusal.NOT_PAIRED
        elif not self.pairing.is_valid(token) or hostname not in self._allowed_hosts:
            reason = Refusal.SECOND_DEVICE
        elif socket.origin() != expected_origin:  # another site's page cannot drive the console
            reason = Refusal.SECOND_DEVICE
        if reason is not None:
            self.refused.emit(reason.value)
            socket.sendTextMessage(frame("refused", message=REFUSAL_WORDS[reason]))
            socket.close(QWebSocketProtocol.CloseCode.CloseCodePolicyViolated, "Not the paired device.")
            socket.deleteLater()
            return
        socket.setMaxAllowedIncomingMessageSize(MAX_FRAME_BYTES)
        socket.setMaxAllowedIncomingFrameSize(MAX_FRAME_BYTES)
        if self.client is not None:  # the same phone reloaded the page: the newest socket wins
            old = self.client
            self._tokens.pop(old, None)
            old.close(QWebSocketProtocol.CloseCode.CloseCodeNormal, "Replaced by a newer connection.")
        self.client = socket
        self._tokens[socket] = token
        self._bad_frames = 0
        socket.textMessageReceived.connect(lambda text: self._received(socket, text))
        socket.binaryMessageReceived.connect(lambda _data: self._received(socket, None))
        socket.disconnected.connect(lambda: self._lost(socket))
        self.connected.emit()

    def _lost(self, socket: QWebSocket) -> None:
        was_client = socket is self.client
        self._tokens.pop(socket, None)
        if shiboken6.isValid(socket):
            socket.deleteLater()
        if was_client:
            self.client = None
            self.disconnected.emit()

    def _received(self, socket: QWebSocket, text: str | None) -> None:
        if socket not in self._tokens:
            return
        if not self.pairing.is_valid(self._tokens[socket]):
            socket.close(QWebSocketProtocol.CloseCode.CloseCodePolicyViolated, "Not the paired device.")
            return
        if not self._frames.allow("client"):
            reply: str | None = error_frame("Too many messages; slow down.")
            self._bad_frames += 1
        elif text is None:
            reply = error_frame("Frames are JSON text.")
            self._bad_frames += 1
        else:
            reply = self.handle_frame(text)
        if reply is not None:
            socket.sendTextMessage(reply)
        if self._bad_frames > MAX_BAD_FRAMES:
            socket.close(QWebSocketProtocol.CloseCode.CloseCodePolicyViolated, "Too many bad messages.")

    def handle_frame(self, text: str) -> str | None:
        """One frame from the paired page: acted on, or an error frame; never an exception."""
        try:
            message = parse_message(text)
        except PhoneMessageError as error:
            self._bad_frames += 1
            return error_frame(error.user_message)
        try:
            return self.handler(message)
        except Exception:  # a fault in acting on a valid frame must not take the app down
            log.exception("the phone console's message could not be handled")
            return error_frame("The computer could not do that; use its own controls.")

    def send(self, text: str) -> None:
        if self.client is not None and self.client in self._tokens:
            self.client.sendTextMessage(text)
