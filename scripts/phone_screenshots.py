"""Screenshots of the phone console for `scripts/screenshots.py`: the console's pairing box with its
QR code, and the page itself at 390x844 in the real browser (Debian's chromium, driven by
playwright), paired and showing a friend session's question.

Everything is served on 127.0.0.1 only, and switched off again before returning.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from scripts.chromium import launch_chromium


def _phone_page_png(pair_url: str, question: str, path: Path) -> None:
    """In the browser's own thread: pair, wait for the question, save the page."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True).new_page()
        page.goto(pair_url)
        page.locator("#question").filter(has_text=question).wait_for(timeout=15000)
        page.locator("#guide-box summary").click()
        page.screenshot(path=str(path))
        browser.close()


def render_phone(window: Any, out_dir: Path, suffix: str, settle: Callable[[float], None]) -> list[Path]:
    from mockint.app.friend_session import FriendSession

    written: list[Path] = []
    friend = window.page("friend")
    window.show_page("friend")
    settle(0.5)
    friend.setup_panel.count.setValue(3)
    friend.start()
    settle(2.0)
    if friend.flow.model is None:  # no microphone here: the session's rules alone, to show the page
        friend.flow.model = FriendSession(friend.decks, friend.setup_panel.setup())
        friend.stack.setCurrentWidget(friend.console)
        friend.flow.changed.emit()
    phone = friend.phone
    phone.switch_on("127.0.0.1")
    settle(0.5)
    path = out_dir / f"phone-pairing{suffix}.png"
    window.grab().save(str(path))
    written.append(path)

    card = friend.flow.model.card
    path = out_dir / f"phone-console{suffix}.png"
    with ThreadPoolExecutor(1) as pool:
        future = pool.submit(_phone_page_png, phone.server.pairing_url(), card.text if card else "", path)
        while not future.done():  # the WebSocket is served by this thread's Qt loop
            settle(0.05)
        future.result()
    written.append(path)
    phone.switch_off()
    friend.abort_session()
    settle(0.5)
    return written
