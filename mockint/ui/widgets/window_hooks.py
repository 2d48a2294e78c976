"""How a page reaches the main window it sits in, without importing it (the window imports the pages).

A page may also be shown on its own (in a test, or a dialog): then its window is the page itself,
which has neither `show_page` nor `closing`, and these helpers do nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget


def show_window_page(widget: QWidget, key: str) -> None:
    """Asks the main window holding `widget` to switch to page `key`."""
    window = widget.window()
    if hasattr(window, "show_page"):
        window.show_page(key)


class WindowClosingHook:
    """Runs `on_closing` when the page's window says it is closing (its `closing` signal).

    The page is not inside its window until it is first shown, so the page calls `attach(self)`
    from its showEvent; the slot is connected once, to the first window that has the signal.
    """

    def __init__(self, on_closing: Callable[[], None]) -> None:
        self._on_closing = on_closing
        self._hooked = False

    def attach(self, page: QWidget) -> bool:
        """True when this call connected it (the page's first show inside its window)."""
        closing = getattr(page.window(), "closing", None)
        if self._hooked or closing is None:
            return False
        self._hooked = True
        closing.connect(self._on_closing)
        return True
