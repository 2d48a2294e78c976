"""Finds the line a deck fault is on, for faults TOML itself does not place (wrong type, duplicate id).

tomllib gives back plain dicts with no positions, so this scans the text the way a person
would: the n-th `[[questions]]` header starts the n-th question, and `key = ...` inside that
section is the key. When the file is laid out some other way (inline tables), it falls back to
the nearest thing it can find, or to no line at all; it never guesses a wrong question.
"""

from __future__ import annotations

import bisect
import re

_TABLE_HEADER = re.compile(r"\s*\[")
_QUESTIONS_HEADER = re.compile(r"""\s*\[\[\s*(?:questions|"questions"|'questions')\s*\]\]""")


def _key_line(key: str) -> re.Pattern[str]:
    quoted = re.escape(key)
    return re.compile(rf"""\s*(?:{quoted}|"{quoted}"|'{quoted}')\s*=""")


def _table_line(key: str) -> re.Pattern[str]:
    quoted = re.escape(key)
    return re.compile(rf"""\s*\[\[?\s*(?:{quoted}|"{quoted}"|'{quoted}')\s*[\].]""")


class DeckLines:
    def __init__(self, text: str) -> None:
        # TOML counts lines by "\n" only; str.splitlines would also split on \x0c, \u2028...
        self._lines = text.split("\n")
        self._headers = [n for n, line in enumerate(self._lines, start=1) if _TABLE_HEADER.match(line)]
        self._question_headers = [n for n, line in enumerate(self._lines, start=1) if _QUESTIONS_HEADER.match(line)]

    @property
    def last_content_line(self) -> int:
        """Where a file that stops too early stops: its last line that is not blank."""
        return next((n for n in range(len(self._lines), 0, -1) if self._lines[n - 1].strip()), 1)

    def _find(self, pattern: re.Pattern[str], first: int, stop: int) -> int | None:
        for number in range(first, min(stop, len(self._lines) + 1)):
            if pattern.match(self._lines[number - 1]):
                return number
        return None

    def _section_end(self, header: int) -> int:
        later = bisect.bisect_right(self._headers, header)
        return self._headers[later] if later < len(self._headers) else len(self._lines) + 1

    def top_key(self, key: str) -> int | None:
        """The line of a deck-level key, written as `key = ...` or as a `[key]` table."""
        first_table = self._headers[0] if self._headers else len(self._lines) + 1
        found = self._find(_key_line(key), 1, first_table)
        if found is not None:
            return found
        table = _table_line(key)
        return next((n for n in self._headers if table.match(self._lines[n - 1])), None)

    def question(self, index: int, count: int) -> int | None:
        """The header line of question `index` (0-based) of `count` questions."""
        if len(self._question_headers) == count:
            return self._question_headers[index]
        return self.top_key("questions")

    def question_key(self, index: int, count: int, key: str) -> int | None:
        """The line of `key` in question `index`; the question's header when the key is absent."""
        if len(self._question_headers) != count:
            return self.top_key("questions")
        header = self._question_headers[index]
        found = self._find(_key_line(key), header + 1, self._section_end(header))
        return found if found is not None else header
