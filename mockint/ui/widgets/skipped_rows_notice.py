"""A page tells the user which damaged rows its reads left out ("rating of answer 7 was skipped:
it is damaged in the database (...)"), in a notice box titled with the page's name (Review,
History, After an interview).

Each warning is told once a visit: the page re-reads on every visit and on every "sessions
changed", so the same damaged rating comes back each time; within a visit it is not repeated,
and the lines of one visit's reads (the sessions, then the session, then its attempts) go into
one box. What is read while the page is hidden is told when it is next shown, not over another
page.
"""

from __future__ import annotations

from collections.abc import Iterable

import shiboken6
from PySide6.QtWidgets import QMessageBox, QWidget

from mockint.ui.error_dialog import show_notice

TITLE = "Review"


class SkippedRowsNotice:
    def __init__(self, page: QWidget, title: str = TITLE) -> None:
        self._page = page
        self._title = title  # the page's name: History and After an interview use this notice too
        self._pending: list[str] = []  # read while the page was hidden, oldest first
        self._told: set[str] = set()  # in this visit
        self.box: QMessageBox | None = None  # the open notice, while it is open

    def tell(self, warnings: Iterable[str]) -> None:
        """Shows the warnings not told yet in this visit (when the page is hidden: once it is shown)."""
        self._pending += [w for w in dict.fromkeys(warnings) if w not in self._told and w not in self._pending]
        if self._page.isVisible():
            self._show_pending()

    def page_shown(self) -> None:
        """A new visit: what was read while hidden is told now, and what the reads skip is told again."""
        self._told.clear()
        self._show_pending()

    def _show_pending(self) -> None:
        if not self._pending:
            return
        lines, self._pending = self._pending, []
        self._told.update(lines)
        box = self.box
        if box is not None and shiboken6.isValid(box) and box.isVisible():
            box.setText(f"{box.text()}\n" + "\n".join(lines))  # one box for the visit's reads
            return
        self.box = box = show_notice(self._page, "\n".join(lines), self._title)
        box.finished.connect(self._closed)

    def _closed(self) -> None:
        self.box = None
