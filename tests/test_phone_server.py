"""The phone console's WebSocket on 127.0.0.1 with a real Qt client: only the paired device's cookie
from the page's own origin gets in; bad frames get an error frame, oversized ones and floods are
closed; and hypothesis throws malformed, huge and unknown frames at the real handler of a friend
session: it answers with an error frame or acts, and never crashes the app."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QUrl
from PySide6.QtNetwork import QAbstractSocket, QNetworkRequest
from PySide6.QtWebSockets import QWebSocket

from mockint.app.friend_session import FriendPhase, FriendSession, FriendSetup
from mockint.app.phone_messages import MAX_FRAME_BYTES, MessageType, PhoneMessage
from mockint.app.phone_pairing import COOKIE_NAME, Pairing
from mockint.settings import Setting, Settings
from mockint.ui.phone.phone_server import MAX_BAD_FRAMES, PhoneServer
from tests.test_friend_console import open_friend_page
from tests.test_ui_practice_support import FIRST_QUESTION, SECOND_QUESTION


class Client:
    """A real WebSocket client that keeps every frame it gets and whether it was closed."""

    def __init__(self, server: PhoneServer, *, token: str | None, origin: str | None = None) -> None:
        self.frames: list[dict] = []
        self.closed = False
        self.socket = QWebSocket(origin if origin is not None else f"http://127.0.0.1:{server.http_port}")
        self.socket.textMessageReceived.connect(lambda text: self.frames.append(json.loads(text)))
        self.socket.disconnected.connect(lambda: setattr(self, "closed", True))
        request = QNetworkRequest(QUrl(f"ws://127.0.0.1:{server.ws_port}/"))
        if token is not None:
            request.setRawHeader(b"Cookie", f"{COOKIE_NAME}={token}".encode())
        self.socket.open(request)

    def is_open(self) -> bool:
        return self.socket.state() is QAbstractSocket.SocketState.ConnectedState

    def types(self) -> list[str]:
        return [frame["type"] for frame in self.frames]


def connect_phone(qtbot, server: PhoneServer, token: str) -> Client:
    with qtbot.waitSignal(server.connected, timeout=5000):
        phone = Client(server, token=token)
    qtbot.waitUntil(phone.is_open, timeout=5000)
    return phone


@pytest.fixture
def server(qtbot):
    received: list[PhoneMessage] = []
    pairing = Pairing()
    served = PhoneServer(pairing, lambda message: received.append(message) or None)
    served.start("127.0.0.1", "127.0.0.1")
    served.received = received
    yield served
    served.stop()


def test_only_the_paired_cookie_from_the_pages_origin_gets_in(qtbot, server: PhoneServer):
    refused: list[str] = []
    server.refused.connect(refused.append)
    early = Client(server, token=None)
    qtbot.waitUntil(lambda: early.closed, timeout=5000)
    assert early.types() == ["refused"] and refused == ["not_paired"]
    token = server.pairing.pair(server.pairing.code or "")
    stranger = Client(server, token="a guess")
    qtbot.waitUntil(lambda: stranger.closed, timeout=5000)
    other_site = Client(server, token=token, origin="http://evil.example")
    qtbot.waitUntil(lambda: other_site.closed, timeout=5000)
    assert refused[1:] == ["second_device", "second_device"] and server.client is None
    phone = connect_phone(qtbot, server, token)
    phone.socket.sendTextMessage('{"type":"hello"}')
    qtbot.waitUntil(lambda: len(server.received) == 1, timeout=5000)  # type: ignore[attr-defined]
    assert server.received[0].type is MessageType.HELLO  # type: ignore[attr-defined]
    assert not phone.closed


def test_bad_frames_get_error_frames_and_oversized_ones_or_floods_are_closed(qtbot, server: PhoneServer):
    token = server.pairing.pair(server.pairing.code or "")
    phone = connect_phone(qtbot, server, token)
    phone.socket.sendTextMessage("not json")
    phone.socket.sendBinaryMessage(b"\x00\x01")
    phone.socket.sendTextMessage('{"type":"command","command":"format_disk"}')
    qtbot.waitUntil(lambda: len(phone.frames) == 3, timeout=5000)
    assert phone.types() == ["error"] * 3 and not phone.closed
    assert phone.frames[2]["message"] == "Unknown command."
    with qtbot.waitSignal(server.disconnected, timeout=5000):
        phone.socket.sendTextMessage("x" * (MAX_FRAME_BYTES + 1))  # Qt's own cap closes the socket
    qtbot.waitUntil(lambda: phone.closed, timeout=5000)

    flooding = connect_phone(qtbot, server, token)  # the same pairing reconnects
    for _ in range(MAX_BAD_FRAMES + 5):
        flooding.socket.sendTextMessage("{")
    qtbot.waitUntil(lambda: flooding.closed, timeout=5000)
    assert server.received == []  # type: ignore[attr-defined]


def test_switched_off_the_phone_is_told_and_nothing_listens(qtbot, server: PhoneServer):
    token = server.pairing.pair(server.pairing.code or "")
    phone = connect_phone(qtbot, server, token)
    port = server.ws_port
    server.stop()
    qtbot.waitUntil(lambda: phone.closed, timeout=5000)
    late = QWebSocket()
    errors: list[object] = []
    late.errorOccurred.connect(errors.append)
    late.open(QUrl(f"ws://127.0.0.1:{port}/"))
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)


fuzz_frames = st.one_of(
    st.text(max_size=200),
    st.sampled_from(
        [
            '{"type":"command","command":"next"}',
            '{"type":"command","command":"start_stop"}',
            '{"type":"command","command":"flag_strong"}',
            '{"type":"note"}',
            '{"type":"note_text","text":"x"}',
            '{"type":"rate","answer_id":1,"scores":{"clarity":3},"comment":""}',
            '{"type":"hello"}',
        ]
    ),
    st.dictionaries(
        st.sampled_from(["type", "command", "text", "answer_id", "scores", "comment", "x"]),
        st.none() | st.integers() | st.text(max_size=20) | st.sampled_from(list(MessageType)),
        max_size=4,
    ).map(json.dumps),
    st.integers(min_value=MAX_FRAME_BYTES, max_value=MAX_FRAME_BYTES * 8).map(lambda n: '{"type":"' + "a" * n),
)


def test_fuzzed_frames_through_the_real_handler_never_crash_the_friend_session(
    make_window, qtbot, korean_model_path: Path
):
    page = open_friend_page(make_window, qtbot, korean_model_path)
    flow = page.flow
    # The session's rules without its microphone: Start is refused, the card moves.
    flow.model = FriendSession(page.decks, FriendSetup(("ko-practice",), question_count=None))
    handle = page.phone.server.handle_frame

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(fuzz_frames)
    def fuzz(text: str) -> None:
        reply = handle(text)
        assert reply is None or json.loads(reply)["type"] == "error"
        assert flow.model is not None and flow.model.phase in set(FriendPhase)

    fuzz()
    assert flow.model.card is not None and flow.model.card.text in {FIRST_QUESTION, SECOND_QUESTION}


def test_it_binds_the_local_address_unless_settings_choose_every_interface(make_window, qtbot):
    window = make_window()
    window.show_page("settings")
    section = window.page("settings").section("phone")
    friend = window.page("friend")
    phone, panel = friend.phone, friend.phone_panel
    assert not phone.is_on and panel.state.text() == "Phone console: off."
    panel.toggle()
    assert phone.server.ws is not None and phone.server.http is not None
    bound = phone.server.ws.serverAddress().toString()
    assert bound == phone.server.host != "0.0.0.0" and phone.server.http.bound_address == bound
    assert "scan the code" in panel.address.text() and panel.qr.accessibleDescription() == phone.server.pairing_url()
    panel.toggle()
    assert not phone.is_on and "nothing listens" in panel.notice.text()
    section.everywhere.setChecked(True)
    window.context.settings.flush()  # the file is written in the background; wait for it
    assert Settings().get(Setting.PHONE_LISTEN_EVERYWHERE) is True
    panel.toggle()
    assert phone.server.ws is not None and phone.server.ws.serverAddress().toString() == "0.0.0.0"
    panel.toggle()


def test_closing_the_app_switches_the_phone_console_off(make_window, qtbot):
    window = make_window()
    friend = window.page("friend")
    assert window.show_page("friend")
    qtbot.waitUntil(friend.isVisible)
    friend.phone.switch_on("127.0.0.1")
    assert friend.phone.is_on
    http = friend.phone.server.http
    assert http is not None
    window.close()
    assert not friend.phone.is_on
    http.join()
    assert not http.is_running
