"""Opening the SQLite database: settings, migrations, and setting a damaged file aside.

A database that cannot be read as one ("file is not a database", a failed integrity check,
a malformed page), or that opens but is not MockInt's schema (a negative or unknown version, a
table or column missing), or an empty file, is renamed to `mockint.sqlite3.damaged-<timestamp>`
together with its WAL files, a fresh one is created, and the caller gets a notice for the user
saying where the old file went. A database from a newer MockInt is never touched: that is an
error to report. Damage inside single rows is handled where rows are read (store/base.py),
a row that breaks a CHECK or NOT NULL rule of its table included.

The file is made 0600 as soon as it exists, before SQLite writes to it (its WAL and shared
memory files take the same mode).
"""

from __future__ import annotations

import functools
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from mockint.core.errors import StorageError
from mockint.paths import make_private_file
from mockint.store.errors import SQLITE_NOTADB, NewerDatabaseError, from_os_error, from_sqlite, is_damage, result_code
from mockint.store.migrations import LATEST_VERSION, migrate, schema_version

BUSY_TIMEOUT_S = 5.0
_SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class OpenedDatabase:
    connection: sqlite3.Connection
    notice: str | None  # for the user, when a damaged file was set aside


class _Damaged(Exception):
    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


def open_database(path: Path) -> OpenedDatabase:
    """Opens (creating and migrating as needed) the database at `path`; the folder must exist."""
    try:
        return OpenedDatabase(_open_checked(path), None)
    except _Damaged as damage:
        aside = set_aside(path)
        connection = _open_checked_or_fail(path)
        notice = (
            f"MockInt's database could not be read ({damage.detail}), so it was set aside as {aside} "
            f"and a fresh one was started; your recordings were kept."
        )
        return OpenedDatabase(connection, notice)


def connect(path: Path) -> sqlite3.Connection:
    """A bare connection as MockInt opens one: no pragmas, checks or migrations (tests build old versions with it).

    Autocommit mode: transactions are explicit (BEGIN ... COMMIT) so migrations and multi-row
    writes control their own boundaries. One Store may be shared by threads; it serialises use.
    """
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
    connection.row_factory = sqlite3.Row
    return connection


def set_aside(path: Path) -> Path:
    """Renames a damaged database (and its WAL/journal files) out of the way; returns the new name."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    counter = 2
    while target.exists():
        target = path.with_name(f"{path.name}.damaged-{stamp}-{counter}")
        counter += 1
    try:
        path.rename(target)
        # A stale WAL left beside a fresh database would be replayed into it.
        for suffix in _SIDE_FILES:
            side = path.with_name(path.name + suffix)
            if side.exists():
                side.rename(target.with_name(target.name + suffix))
    except OSError as error:
        raise from_os_error(error, path, "set aside the damaged database") from error
    return target


def _open_checked_or_fail(path: Path) -> sqlite3.Connection:
    try:
        return _open_checked(path)
    except _Damaged as damage:
        raise StorageError(f"MockInt could not create a working database at {path} ({damage.detail})") from None


def _open_checked(path: Path) -> sqlite3.Connection:
    if path.exists():
        _check_readable(path)
    try:
        connection = connect(path)
    except sqlite3.Error as error:
        raise _user_error(error, path) from error
    try:
        _make_private(path)
        _configure(connection)
        migrate(connection, path_for_messages=path)
        return connection
    except sqlite3.DatabaseError as error:
        connection.close()
        if is_damage(error):
            raise _Damaged(_damage_detail(error)) from error
        raise _user_error(error, path) from error
    except BaseException:
        connection.close()
        raise


def _check_readable(path: Path) -> None:
    """Raises _Damaged for a file that is not a sound database, NewerDatabaseError for one too new.

    Read-only, so nothing is written before the verdict: a writable connection to a damaged
    file would, on closing, delete the WAL beside it, which may hold its latest answers.
    """
    if path.is_file() and path.stat().st_size == 0:
        # SQLite would take it for a new database; but MockInt never leaves one empty, so
        # something emptied it (a full disk, a sync tool) and the user must hear about it.
        raise _Damaged("the file is empty")
    try:
        checker = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)
    except sqlite3.Error as error:
        raise _user_error(error, path) from error
    try:
        version = schema_version(checker)  # the first read: "file is not a database" shows here
        if version > LATEST_VERSION:
            raise NewerDatabaseError(path, version, LATEST_VERSION)
        problems = [row[0] for row in checker.execute("PRAGMA quick_check") if not _row_damage(row[0])]
        if problems in ([], ["ok"]):
            problems = _schema_problems(checker, version)
    except sqlite3.DatabaseError as error:
        if is_damage(error):
            raise _Damaged(_damage_detail(error)) from error
        raise _user_error(error, path) from error
    finally:
        checker.close()
    if problems and problems != ["ok"]:
        raise _Damaged(problems[0] if problems[0].startswith("its ") else f"its integrity check failed: {problems[0]}")


def _row_damage(problem: str) -> bool:
    """A CHECK or NOT NULL breach in a row (a tool wrote a score of 7, or no moment, past MockInt):
    the file itself is sound, and the row readers skip that row with a warning naming it, so the
    whole database is not set aside for it."""
    return problem.startswith(("CHECK constraint failed in ", "NULL value in "))


def _schema_problems(connection: sqlite3.Connection, version: int) -> list[str]:
    """What the file's schema lacks compared with what the migrations build for its version.

    Checked on every open because SQLite opens a file whose tables were dropped or whose version
    was set by hand just fine, and every read would then fail. Extra tables or columns are
    allowed (a newer migration is never half applied, but a user's tool may add an index).
    """
    if version < 0:
        return [f"its schema version {version} is not one MockInt wrote"]
    found = _tables(connection)
    if version == 0:
        # Version 0 is a database MockInt has not set up yet: only an empty one is that.
        return [f"its tables ({', '.join(sorted(found))}) have no schema version"] if found else []
    for table, columns in _expected_tables(version).items():
        if table not in found:
            return [f"its table {table!r} is missing"]
        missing = sorted(columns - found[table])
        if missing:
            return [f"its table {table!r} lacks the column {missing[0]!r}"]
    return []


def _tables(connection: sqlite3.Connection) -> dict[str, set[str]]:
    names = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
        )
    ]
    return {name: {row[1] for row in connection.execute(f"PRAGMA table_info({_quoted(name)})")} for name in names}


@functools.cache
def _expected_tables(version: int) -> dict[str, set[str]]:
    """The tables and columns a database at `version` has: built by the migrations themselves
    in memory, so the check follows every new migration without a list to keep up to date."""
    model = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(model, version)
        return _tables(model)
    finally:
        model.close()


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _make_private(path: Path) -> None:
    """The database 0600 before anything is written to it: SQLite gives its WAL and shared-memory
    files the database's own mode, so they are private too."""
    for suffix in ("", "-wal", "-shm"):
        try:
            make_private_file(path.with_name(path.name + suffix))
        except FileNotFoundError:
            pass  # no WAL yet: SQLite will make it with the database's mode


def _configure(connection: sqlite3.Connection) -> None:
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")  # safe in WAL mode: a power cut loses at most the last commit
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    # Deleted answers are overwritten, not left readable in free pages: users delete for privacy.
    connection.execute("PRAGMA secure_delete = ON")


def _damage_detail(error: sqlite3.Error) -> str:
    if result_code(error) == SQLITE_NOTADB:
        return "the file is not a database"
    return "the file is damaged"


def _describe(error: sqlite3.Error) -> str:
    return getattr(error, "sqlite_errorname", None) or type(error).__name__


def _user_error(error: sqlite3.Error, path: Path) -> StorageError:
    translated = from_sqlite(error, path)
    if translated is not None:
        return translated
    return StorageError(f"MockInt could not open its database {path} ({_describe(error)})")


def database_problem(path: Path) -> str | None:
    """What is wrong with the database at `path`, read-only; None when it is sound or not made yet."""
    if not path.exists():
        return None
    try:
        _check_readable(path)
    except _Damaged as damage:
        return f"the database is damaged ({damage.detail}); MockInt will set it aside and start a fresh one when it next opens"
    except StorageError as error:
        return error.user_message
    return None
