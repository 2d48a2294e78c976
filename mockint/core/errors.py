"""Errors a user can meet, each carrying a message written for that user.

The CLI prints `user_message` as one line and exits with `exit_code`; the app shows it in a
dialog. Nothing here is matched by its text: callers catch the type.
"""

from __future__ import annotations


class UserFacingError(Exception):
    """Base for every error whose message is meant for the person using MockInt."""

    exit_code = 2

    def __init__(self, user_message: str) -> None:
        super().__init__(user_message)
        self.user_message = user_message


class BadInputError(UserFacingError):
    """Input the user gave (a file, an option, text) cannot be used."""


class DeckError(BadInputError):
    """A deck file is broken; the message names the file, the line where known, and the fault."""

    def __init__(self, path: str, problem: str, line: int | None = None) -> None:
        where = f"{path}, line {line}" if line is not None else path
        super().__init__(f"{where}: {problem}")
        self.path = path
        self.line = line
        self.problem = problem


class NoModelError(UserFacingError):
    """No usable speech model; the message names the command that fixes it."""

    exit_code = 3


class StorageError(UserFacingError):
    """The database or recordings folder cannot be used (damaged, full disk, no permission)."""


class DiskFullError(StorageError):
    """The disk filled up while writing; what was written before stays usable."""
