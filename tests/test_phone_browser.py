"""The friend's phone as the interviewer's console, for real: the servers on 127.0.0.1, Debian's
chromium driven by playwright opens the page, pairs, starts and stops an answer, flags and rates,
while the desktop console changes with it; a second device is refused; the connection dropped
mid-answer loses nothing and the phone picks the state up again."""

from __future__ import annotations

import http.client
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import Qt

from mockint.app.friend_session import FriendPhase
from mockint.core.session import FlagKind, Rating, RatingCriterion
from scripts.chromium import CHROMIUM, launch_chromium
from tests.conftest import require
from tests.test_friend_console import (
    candidate_answers,  # noqa: F401 - the module fixture the answer is played from
    first_sound_s,
    open_friend_page,
    wait_until_time,
)
from tests.test_ui_practice_support import FIRST_QUESTION, FOLLOW_UP, SECOND_QUESTION

if TYPE_CHECKING:
    from playwright.sync_api import ViewportSize

FLAG_AT_S = 1.0  # the moment of the played audio at which the phone's Strong button is pressed
FLAG_TOLERANCE_S = 0.5
PHONE: ViewportSize = {"width": 390, "height": 844}


class Browser:
    """Playwright's sync API in a thread of its own, so the Qt event loop (the WebSocket server)
    keeps running while the browser waits; every call is waited for with qtbot."""

    def __init__(self, qtbot: Any) -> None:
        self.qtbot = qtbot
        self.pool = ThreadPoolExecutor(1, thread_name_prefix="browser")
        self.call(self._launch)

    def _launch(self) -> None:
        from playwright.sync_api import sync_playwright

        self.playwright = sync_playwright().start()
        self.chromium = launch_chromium(self.playwright)

    def call(self, function: Callable[..., Any], *args: Any, timeout: int = 20000) -> Any:
        future = self.pool.submit(function, *args)
        self.qtbot.waitUntil(future.done, timeout=timeout)
        return future.result()

    def new_page(self) -> Any:
        return self.call(lambda: self.chromium.new_context(viewport=PHONE, is_mobile=True).new_page())

    def close(self) -> None:
        def stop() -> None:
            self.chromium.close()
            self.playwright.stop()

        # Blocking, not through qtbot: at teardown the Qt loop must not run (pytest-qt has already
        # closed the windows, and running it would delete them before their fixture closes them).
        self.pool.submit(stop).result(timeout=20)
        self.pool.shutdown()


@pytest.fixture
def browser(qtbot):
    require(os.access(CHROMIUM, os.X_OK), "chromium is missing: apt-get install chromium chromium-driver")
    try:
        import playwright  # noqa: F401
    except ImportError:
        require(False, "playwright is missing: pip install -e '.[test]'")
    opened = Browser(qtbot)
    yield opened
    opened.close()


def text_of(browser: Browser, page: Any, selector: str) -> str:
    return browser.call(lambda: page.locator(selector).inner_text())


def wait_for_text(browser: Browser, page: Any, selector: str, text: str) -> None:
    browser.call(lambda: page.locator(selector).filter(has_text=text).wait_for(timeout=10000))


def click(browser: Browser, page: Any, selector: str) -> None:
    browser.call(lambda: page.locator(selector).click(timeout=10000))


def refused_status(browser: Browser, page: Any, url: str) -> int:
    return browser.call(lambda: page.goto(url).status)


def test_the_phone_drives_the_friend_session_in_a_real_browser(
    make_window, qtbot, virtual_microphone, korean_model_path: Path, candidate_answers: list[Path], browser: Browser
):
    started_at = time.monotonic()
    page = open_friend_page(make_window, qtbot, korean_model_path)
    flow, console, phone = page.flow, page.console, page.phone
    page.setup_panel.count.setValue(2)
    with qtbot.waitSignal(flow.started, timeout=10000):
        qtbot.mouseClick(page.setup_panel.start_button, Qt.MouseButton.LeftButton)
    assert not phone.is_on, "nothing listens until the phone console is switched on"
    phone.switch_on("127.0.0.1")
    pair_url, page_url = phone.server.pairing_url(), phone.server.page_url()
    assert page.phone_panel.qr.isVisible() and page.phone_panel.qr.accessibleDescription() == pair_url
    assert "code works once" in page.phone_panel.state.text()

    # A wrong code is refused, and the window says so.
    stranger = browser.new_page()
    assert refused_status(browser, stranger, page_url + "pair?code=wrong") == 403
    qtbot.waitUntil(lambda: "wrong pairing code" in page.phone_panel.notice.text())

    # The friend's phone pairs: a strict, script-proof cookie, then the page over the WebSocket.
    friend = browser.new_page()
    assert browser.call(lambda: friend.goto(pair_url).status) == 200
    assert browser.call(lambda: friend.url) == page_url  # the code left the address bar
    cookies = browser.call(lambda: friend.context.cookies())
    assert [(c["httpOnly"], c["sameSite"]) for c in cookies] == [(True, "Strict")]
    qtbot.waitUntil(lambda: phone.connected, timeout=10000)
    wait_for_text(browser, friend, "#question", FIRST_QUESTION)
    assert text_of(browser, friend, "#position") == "Question 1 of 2"
    assert page.candidate is not None and page.candidate.isVisible(), "the laptop shows the candidate view"

    # A second device is refused (403), even with the used code, and the window says a second device tried.
    assert refused_status(browser, stranger, pair_url) == 403
    assert refused_status(browser, stranger, page_url) == 403
    qtbot.waitUntil(lambda: "second device" in page.phone_panel.notice.text())
    assert phone.connected

    # Start on the phone: the laptop records; a flag pressed on the phone is stamped by the server.
    levels: list[float] = []
    flow.level.connect(levels.append)
    with qtbot.waitSignal(flow.answer_started, timeout=15000):
        click(browser, friend, "#start-stop")
    wait_for_text(browser, friend, "#start-stop", "Stop answer")
    player = threading.Thread(target=virtual_microphone.play_into_microphone, args=(candidate_answers[0],))
    player.start()
    qtbot.waitUntil(lambda: bool(levels) and max(levels) > 0.2, timeout=15000)
    heard_at = time.monotonic()
    wait_until_time(qtbot, heard_at + FLAG_AT_S)
    click(browser, friend, "[data-command=flag_strong]")
    qtbot.waitUntil(lambda: len(flow.flags) == 1, timeout=5000)
    assert "strong moment" in console.flag_list.text()
    click(browser, friend, "[data-message=note]")  # stamped now; the text follows
    browser.call(lambda: friend.locator("#note").fill("lost the thread"))
    click(browser, friend, "#save-note")
    qtbot.waitUntil(lambda: len(flow.flags) == 2, timeout=5000)
    assert flow.flags[1].kind is FlagKind.NOTE and flow.flags[1].label == "lost the thread"
    assert not console.note_edit.isVisible()

    # The connection drops mid-answer (the phone locks): the recording goes on, the window says so,
    # and the phone reconnects with the same pairing and picks up the state.
    assert phone.server.client is not None
    phone.server.client.abort()
    qtbot.waitUntil(lambda: not phone.connected, timeout=5000)
    assert "disconnected" in page.phone_panel.notice.text() and flow.capture is not None
    assert flow.capture.is_recording and flow.model is not None and flow.model.phase is FriendPhase.ANSWERING
    qtbot.waitUntil(lambda: phone.connected, timeout=10000)
    wait_for_text(browser, friend, "#start-stop", "Stop answer")
    qtbot.waitUntil(lambda: not player.is_alive(), timeout=30000)
    player.join()
    with qtbot.waitSignal(flow.answer_saved, timeout=30000) as saved:
        click(browser, friend, "#start-stop")
    answer = saved.args[0]
    store = page.context.store.value
    assert store is not None
    qtbot.waitUntil(lambda: len(store.flags_for_answer(answer.answer_id)) == 2, timeout=5000)
    flag, note = store.flags_for_answer(answer.answer_id)
    # Stamped on the answer's own clock, the seconds of audio captured so far: it moves as blocks
    # arrive, so on a busy machine two presses within one delivery share a moment (once in CI).
    assert (note.kind, note.label) == (FlagKind.NOTE, "lost the thread") and note.at_s >= flag.at_s
    error = flag.at_s - (first_sound_s(answer.audio_path) + FLAG_AT_S)
    print(f"phone flag timing error (s): {error:.3f}")
    assert flag.kind is FlagKind.STRONG and abs(error) <= FLAG_TOLERANCE_S, error

    # Ratings on the phone: the console's panel shows them and the store keeps them.
    wait_for_text(browser, friend, "#rating-title", "Your ratings")
    click(browser, friend, '[aria-label="Clarity 4"]')
    click(browser, friend, '[aria-label="Relevance 2"]')
    browser.call(lambda: friend.locator("#comment").fill("good story, no result"))
    with qtbot.waitSignal(page.context.events.sessions_changed, timeout=5000):
        click(browser, friend, "#save-rating")
    assert console.rating.scores[RatingCriterion.CLARITY].currentData() == 4
    assert console.rating.comment.text() == "good story, no result"
    assert store.rating_for(answer.answer_id) == Rating(
        answer.answer_id, clarity=4, relevance=2, comment="good story, no result"
    )

    # Both ways in step: the laptop asks the follow-up, the phone shows it; Next on the phone moves the laptop.
    console.setFocus()
    qtbot.keyClick(console, Qt.Key.Key_F)
    wait_for_text(browser, friend, "#question", FOLLOW_UP)
    click(browser, friend, "[data-command=next]")
    qtbot.waitUntil(lambda: console.card.text() == SECOND_QUESTION, timeout=5000)
    wait_for_text(browser, friend, "#position", "Question 2 of 2")

    # Skip on the phone ends the 2-question session: the servers stop, nothing listens.
    http_port = phone.server.http_port
    with qtbot.waitSignal(flow.ended, timeout=10000):
        click(browser, friend, "[data-command=skip]")
    assert not phone.is_on
    qtbot.waitUntil(lambda: not port_open(http_port), timeout=5000)
    print(f"phone browser test: {time.monotonic() - started_at:.1f} s")


def port_open(port: int) -> bool:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
    try:
        connection.request("GET", "/")
        connection.getresponse()
    except OSError:
        return False
    finally:
        connection.close()
    return True
