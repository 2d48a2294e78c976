"""The phone console's security, Qt-free: the pairing code and token, the rate limit, the strict
parsing of the phone's frames (fuzzed), and the real HTTP server on 127.0.0.1 answering only the
page's routes, with the headers that keep it to the paired device."""

from __future__ import annotations

import http.client
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mockint.app.friend_session import FriendCommand
from mockint.app.phone_http import PhoneHttpServer, choose_local_address
from mockint.app.phone_messages import MAX_FRAME_BYTES, MessageType, PhoneMessageError, parse_message
from mockint.app.phone_pairing import (
    CODE_LIFETIME_S,
    COOKIE_NAME,
    Pairing,
    PairingRefused,
    RateLimiter,
    Refusal,
    token_from_cookie_header,
)
from mockint.core.session import RatingCriterion


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def refusal_of(pairing: Pairing, code: str) -> Refusal:
    with pytest.raises(PairingRefused) as refused:
        pairing.pair(code)
    return refused.value.reason


def test_the_code_is_random_single_use_and_its_token_is_the_only_key():
    pairing = Pairing()
    code = pairing.code
    assert code is not None and len(code) >= 16  # 12 random bytes, url-safe: 96 bits
    assert {Pairing().code for _ in range(20)}.isdisjoint({code})
    assert refusal_of(pairing, code + "x") is Refusal.WRONG_CODE
    assert not pairing.is_paired
    token = pairing.pair(code)
    assert pairing.is_paired and pairing.code is None
    assert refusal_of(pairing, code) is Refusal.SECOND_DEVICE  # single use: a second device is refused
    pairing.check(token)
    with pytest.raises(PairingRefused) as refused:
        pairing.check("another device's guess")
    assert refused.value.reason is Refusal.SECOND_DEVICE
    assert not pairing.is_valid(None)


def test_an_unpaired_code_expires_after_ten_minutes():
    clock = Clock()
    pairing = Pairing(clock)
    code = pairing.code
    assert code is not None
    clock.now += CODE_LIFETIME_S - 1
    assert pairing.code == code and 0 < pairing.seconds_left <= 1
    clock.now += 1
    assert pairing.code is None
    assert refusal_of(pairing, code) is Refusal.EXPIRED
    fresh = pairing.new_code()
    assert fresh != code and pairing.pair(fresh)


def test_the_rate_limiter_lets_a_burst_through_then_the_steady_rate():
    clock = Clock()
    limiter = RateLimiter(rate=2.0, burst=3.0, clock=clock)
    assert [limiter.allow("phone") for _ in range(4)] == [True, True, True, False]
    assert limiter.allow("another") is True  # each client has its own bucket
    clock.now += 0.5
    assert limiter.allow("phone") is True and limiter.allow("phone") is False


def test_the_token_is_read_from_the_cookie_header_only_under_its_name():
    assert token_from_cookie_header(f"a=1; {COOKIE_NAME}=abc; b=2") == "abc"
    assert token_from_cookie_header("a=1") is None
    assert token_from_cookie_header(f"{COOKIE_NAME}=") is None
    assert token_from_cookie_header(None) is None


def test_the_local_address_is_a_private_one_never_every_interface():
    assert choose_local_address(["127.0.0.1", "::1", "fe80::1%eth0", "192.168.1.20", "8.8.8.8"]) == "192.168.1.20"
    assert choose_local_address(["127.0.0.1", "169.254.3.4", "10.0.0.7"]) == "10.0.0.7"
    assert choose_local_address(["127.0.0.1"]) == "127.0.0.1"


# ----- the phone's frames


def test_valid_frames_are_parsed_into_typed_messages():
    assert parse_message('{"type":"hello"}').type is MessageType.HELLO
    command = parse_message('{"type":"command","command":"next"}')
    assert command.command is FriendCommand.NEXT
    note = parse_message('{"type":"note_text","text":"  lost   the thread "}')
    assert note.text == "lost the thread"
    rate = parse_message(
        json.dumps({"type": "rate", "answer_id": 7, "scores": {"clarity": 4, "relevance": None}, "comment": "ok"})
    )
    assert rate.answer_id == 7 and rate.text == "ok"
    assert dict(rate.scores) == {RatingCriterion.CLARITY: 4, RatingCriterion.RELEVANCE: None}


@pytest.mark.parametrize(
    ("frame", "words"),
    [
        ("{", "not valid JSON"),
        ("[1,2]", "JSON object"),
        ('{"type":"launch"}', "Unknown message type"),
        ('{"type":"command","command":"pick"}', "Unknown command"),  # the list stays on the laptop
        ('{"type":"command","command":"next","x":1}', "Unexpected field"),
        ('{"type":"rate","answer_id":true}', "names no answer"),
        ('{"type":"rate","answer_id":3,"scores":{"clarity":6}}', "1 to 5"),
        ('{"type":"rate","answer_id":3,"scores":{"charm":3}}', "Unknown rating criterion"),
        ('{"type":"note_text","text":5}', "must be text"),
        ('{"type":"hello","pad":"' + "x" * MAX_FRAME_BYTES + '"}', "too long"),
        ("[" * 100_000, "too long"),
    ],
)
def test_bad_frames_are_refused_with_one_sentence(frame: str, words: str):
    with pytest.raises(PhoneMessageError) as refused:
        parse_message(frame)
    assert words in refused.value.user_message and "\n" not in refused.value.user_message


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=50),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=30,
)
frames = st.one_of(
    st.text(max_size=300),
    st.binary(max_size=300),
    json_values.map(json.dumps),
    st.fixed_dictionaries(
        {"type": st.sampled_from([t.value for t in MessageType] + ["x", ""])},
        optional={"command": json_values, "text": json_values, "answer_id": json_values, "scores": json_values},
    ).map(json.dumps),
    st.integers(min_value=MAX_FRAME_BYTES - 50, max_value=MAX_FRAME_BYTES * 4).map(lambda n: "x" * n),
)


@settings(max_examples=400, deadline=None)
@given(frames)
def test_any_frame_is_a_message_or_a_phone_message_error(frame: str | bytes):
    try:
        message = parse_message(frame)
    except PhoneMessageError as error:
        assert error.user_message
    else:
        assert isinstance(message.type, MessageType)


# ----- the real HTTP server on 127.0.0.1


def _server(pairing: Pairing, events: list[str]) -> PhoneHttpServer:
    """The phone page's server on this machine; what it refuses and pairs goes into `events`."""
    return PhoneHttpServer(
        pairing,
        "127.0.0.1",
        ws_port=lambda: 45678,
        allowed_hosts=["127.0.0.1"],
        on_refused=lambda reason: events.append(reason.value),
        on_paired=lambda: events.append("paired"),
    )


@pytest.fixture
def served():
    events: list[str] = []
    pairing = Pairing()
    server = _server(pairing, events)
    yield server, pairing, events
    server.stop()
    server.join()


def get(server: PhoneHttpServer, path: str, headers: dict[str, str] | None = None, method: str = "GET"):
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    sent = {"Host": f"127.0.0.1:{server.port}", **(headers or {})}
    connection.request(method, path, headers=sent)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def test_pairing_over_http_sets_a_strict_http_only_cookie_and_the_page_needs_it(served):
    server, pairing, events = served
    response, _ = get(server, "/")
    assert response.status == 403 and events == ["not_paired"]
    response, _ = get(server, "/pair?code=wrong")
    assert response.status == 403 and events[-1] == "wrong_code"
    code = pairing.code
    response, _ = get(server, f"/pair?code={code}")
    assert response.status == 303 and response.getheader("Location") == "/"
    cookie = response.getheader("Set-Cookie")
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and events[-1] == "paired"
    token = token_from_cookie_header(cookie.split(";")[0])
    page, body = get(server, "/", {"Cookie": f"{COOKIE_NAME}={token}"})
    assert page.status == 200 and b'content="45678"' in body and b"__WS_PORT__" not in body
    policy = page.getheader("Content-Security-Policy")
    assert "default-src 'none'" in policy and "script-src 'self'" in policy
    assert "connect-src ws://127.0.0.1:45678" in policy and "'unsafe-inline'" not in policy
    assert page.getheader("X-Content-Type-Options") == "nosniff" and page.getheader("Cache-Control") == "no-store"
    script, body = get(server, "/phone.js", {"Cookie": f"{COOKIE_NAME}={token}"})
    assert script.status == 200 and b"WebSocket" in body
    # The used code again (another device): refused, and the window hears of it.
    again, _ = get(server, f"/pair?code={code}")
    assert again.status == 403 and events[-1] == "second_device"
    stranger, _ = get(server, "/", {"Cookie": f"{COOKIE_NAME}=guess"})
    assert stranger.status == 403 and events[-1] == "second_device"


def test_only_the_pages_routes_exist_and_oversized_or_foreign_requests_are_refused(served):
    server, pairing, _ = served
    token = pairing.pair(pairing.code or "")
    cookie = {"Cookie": f"{COOKIE_NAME}={token}"}
    for path in ("/recordings/1.wav", "/../pyproject.toml", "/index.html", "/api/report"):
        assert get(server, path, cookie)[0].status == 404, path
    assert get(server, "/", cookie, method="POST")[0].status == 405
    assert get(server, "/", {**cookie, "Content-Length": "10"})[0].status == 413
    assert get(server, "/?" + "a" * 600, cookie)[0].status == 414
    assert get(server, "/", {**cookie, "Host": "evil.example:80"})[0].status == 421  # no DNS rebinding
    statuses = [get(server, "/phone.css", cookie)[0].status for _ in range(40)]
    assert 429 in statuses and statuses[0] == 200


def test_switched_off_nothing_listens(served):
    server, _, _ = served
    server.stop()
    server.join()
    assert not server.is_running
    with pytest.raises(ConnectionRefusedError):
        get(server, "/")


def test_an_expired_code_is_refused_over_http_and_the_window_hears_why():
    clock, events = Clock(), []
    pairing = Pairing(clock)
    server = _server(pairing, events)
    try:
        code = pairing.code
        clock.now += CODE_LIFETIME_S
        response, body = get(server, f"/pair?code={code}")
        assert response.status == 403 and b"expired" in body and events == ["expired"]
        assert response.getheader("Set-Cookie") is None
    finally:
        server.stop()
        server.join()
