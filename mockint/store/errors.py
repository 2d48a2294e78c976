"""Storage errors as the user should hear them, and the translation from sqlite3/OS errors.

Callers catch types; SQLite's result codes (not its message text) decide which type.
"""

from __future__ import annotations

import errno
from pathlib import Path
from typing import TYPE_CHECKING

from mockint.core.errors import BadInputError, DiskFullError, StorageError

if TYPE_CHECKING:  # only named in annotations: the window's instance lock imports this module before it shows
    import sqlite3

# SQLite primary result codes (https://sqlite.org/rescode.html); extended codes keep these in
# their low byte.
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26
SQLITE_CONSTRAINT_FOREIGNKEY = 787

_DAMAGE_CODES = {SQLITE_CORRUPT, SQLITE_NOTADB}
_NO_SPACE_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_NO_PERMISSION_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS}


class UnknownSessionError(BadInputError):
    def __init__(self, session_id: object) -> None:
        super().__init__(f"there is no practice session {session_id}; `mockint history` lists them")
        self.session_id = session_id


class UnknownAnswerError(BadInputError):
    def __init__(self, answer_id: object) -> None:
        super().__init__(f"there is no recorded answer {answer_id}")
        self.answer_id = answer_id


class NewerDatabaseError(StorageError):
    """The database was written by a newer MockInt; it is left untouched."""

    def __init__(self, path: Path, found: int, known: int) -> None:
        super().__init__(
            f"the database {path} was made by a newer version of MockInt (schema {found}; this version "
            f"knows up to {known}). Update MockInt to open it; the file has not been changed."
        )
        self.path = path
        self.found = found
        self.known = known


class DamagedDatabaseError(StorageError):
    """The database file is not readable as a database; raised while in use, set aside at open."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            f"the database {path} is damaged ({detail}); restart MockInt to set it aside and start a fresh one"
        )
        self.path = path
        self.detail = detail


class DamagedRowError(StorageError):
    """One stored row cannot be read (garbage in a date, a mode, a list, broken JSON); the others can."""

    def __init__(self, what: str, detail: str) -> None:
        super().__init__(
            f"{what} is damaged in the database and cannot be shown ({detail}); the rest of your practice is fine"
        )
        self.what = what
        self.detail = detail


# What decoding a damaged cell raises: a bad date or enum value (ValueError, JSON's errors
# included), a cell of the wrong type (TypeError, AttributeError), a missing key, a huge number.
ROW_DAMAGE_ERRORS: tuple[type[Exception], ...] = (ValueError, TypeError, KeyError, AttributeError, OverflowError)


def result_code(error: sqlite3.Error) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def is_damage(error: sqlite3.Error) -> bool:
    return result_code(error) in _DAMAGE_CODES


def is_foreign_key_failure(error: sqlite3.Error) -> bool:
    return getattr(error, "sqlite_errorcode", None) == SQLITE_CONSTRAINT_FOREIGNKEY


def from_sqlite(error: sqlite3.Error, path: Path) -> StorageError | None:
    """The user-facing error for a SQLite failure, or None when it is a bug to let through."""
    code = result_code(error)
    if code == SQLITE_FULL:
        return DiskFullError(
            f"the disk is full, so MockInt could not save to {path}. Free some space and try again; what was saved before is safe."
        )
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return StorageError(f"the database {path} is busy (another MockInt may be using it); close it and try again")
    if code in (SQLITE_PERM, SQLITE_READONLY, SQLITE_CANTOPEN):
        return StorageError(
            f"MockInt cannot open or write its database {path}; check that the folder exists and that you may write to it"
        )
    if code == SQLITE_IOERR:
        return StorageError(f"the disk reported an error while MockInt used {path}; check the drive and try again")
    if code in _DAMAGE_CODES:
        return DamagedDatabaseError(path, "SQLite reports it as malformed")
    return None


def from_os_error(error: OSError, path: Path, doing: str) -> StorageError:
    """`doing` completes "MockInt could not ...", e.g. "delete the recording"."""
    if error.errno in _NO_SPACE_ERRNOS:
        return DiskFullError(f"the disk is full, so MockInt could not {doing} {path}. Free some space and try again.")
    if error.errno in _NO_PERMISSION_ERRNOS:
        return StorageError(f"MockInt could not {doing} {path}: permission denied")
    reason = error.strerror or type(error).__name__
    return StorageError(f"MockInt could not {doing} {path}: {reason}")
